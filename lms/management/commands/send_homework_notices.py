"""Daily (cron): today's review digests for supervisors and due-date
reminders for trainees. Safe to run more than once a day: nothing is sent
twice."""

import argparse
import datetime

from django.core.management.base import BaseCommand

from lms import notifications


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = (
        "Send today's homework review digests to supervisors and reminders to "
        "trainees whose homework is due in two days. Run once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=_date,
            default=None,
            help="Act as if today were this date (YYYY-MM-DD).",
        )

    def handle(self, *args, **options):
        today = options["date"]
        digests = notifications.send_review_digests(today=today)
        reminders = notifications.send_due_reminders(today=today)
        self.stdout.write(
            f"Sent {digests} review digest(s) and {reminders} due reminder(s)."
        )
