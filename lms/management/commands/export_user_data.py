"""Write a copy of everything the programme holds about one person, the same
zip "My data" gives her: ``manage.py export_user_data USERNAME --out FILE.zip``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from lms import privacy


class Command(BaseCommand):
    help = "Write a person's data (summary, data.json and her files) to a zip."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--out", required=True, help="The zip file to write.")
        parser.add_argument(
            "--language", help="Language of the summary (default: hers)."
        )

    def handle(self, *args, username, out, language=None, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        try:
            with open(out, "xb") as target:
                counts = privacy.write_export(user, target, language=language)
        except FileExistsError as error:
            raise CommandError(f"{out} exists already; not overwritten.") from error
        for key, count in counts.items():
            self.stdout.write(f"{key}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Wrote {out}"))
