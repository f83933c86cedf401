"""Daily (cron): delete what the retention settings (LMS_RETAIN_*) say is
kept no longer, one line per kind with its count. Safe to run more than
once a day."""

from django.core.management.base import BaseCommand

from lms import retention

# What each count is, and what was done to it.
LINES = {
    "screening_notes": ("screening notes of applicants", "blanked"),
    "sign_in_links": ("expired sign-in links", "deleted"),
    "notification_logs": ("notification log rows", "deleted"),
    "login_attempts": ("sign-in attempt records", "deleted"),
    "data_exports": ("expired or failed copies of personal data", "deleted"),
    "sessions": ("expired sessions", "deleted"),
}


class Command(BaseCommand):
    help = (
        "Delete personal data kept longer than the retention settings allow "
        "(LMS_RETAIN_*) and expired sessions. Run once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would go; change nothing.",
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        counts = retention.purge_expired(dry_run=dry_run)
        for kind, count in counts.items():
            what, done = LINES.get(kind, (kind, "deleted"))
            if dry_run:
                done = f"would be {done} (dry run)"
            self.stdout.write(f"{count} {what} {done}")
