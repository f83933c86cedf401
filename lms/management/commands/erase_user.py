"""Erase one person, as her coordinator's confirmation in "My data" does:
``manage.py erase_user USERNAME --confirm [--include-diplomas]``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lms import privacy
from lms.models import ErasureRecord


class Command(BaseCommand):
    help = (
        "Erase what the programme holds about a person (her texts, files and "
        "recordings; her account anonymised). Needs --confirm."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--confirm", action="store_true", help="Really erase (it cannot be undone)."
        )
        parser.add_argument(
            "--include-diplomas",
            action="store_true",
            help="Revoke her diplomas and remove her name from them too.",
        )

    def handle(self, *args, username, confirm, include_diplomas, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not confirm:
            raise CommandError(
                f"This erases {username} for good: run again with --confirm."
            )
        with transaction.atomic():
            result = privacy.erase(user, include_diplomas=include_diplomas)
            ErasureRecord.objects.create(
                included_diplomas=include_diplomas,
                counts=result["records"],
                files_removed=result["files"],
            )
        for key, count in result["records"].items():
            self.stdout.write(f"{key}: {count}")
        self.stdout.write(f"files removed: {result['files']}")
        self.stdout.write(self.style.SUCCESS(f"Erased; the account is now {user}."))
