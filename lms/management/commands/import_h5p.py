"""Import an .h5p file as an interactive exercise, with exactly the checks
and storage of an upload in the admin (lms.h5p.activities)."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from lms.choices import H5PGrading
from lms.h5p.activities import create_activity
from lms.h5p.packages import PackageRefused


class Command(BaseCommand):
    help = (
        "Check an .h5p package and store it as a new interactive exercise. "
        "Prints the exercise made, or the reason the package is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .h5p file")
        parser.add_argument("--title", default="", help="default: the package's")
        parser.add_argument(
            "--locale",
            default=None,
            help="language code of the exercise (default: the programme's)",
        )
        parser.add_argument(
            "--grading",
            choices=[value for value, _label in H5PGrading.choices],
            default=None,
            help="which attempt counts (default: the highest)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        locale = None
        if options["locale"]:
            locale = Locale.objects.filter(language_code=options["locale"]).first()
            if locale is None:
                raise CommandError(f"No such locale: {options['locale']}")
        try:
            with path.open("rb") as handle:
                activity = create_activity(
                    File(handle, name=path.name),
                    title=options["title"],
                    locale=locale,
                    grading_method=options["grading"],
                )
        except PackageRefused as refused:
            raise CommandError(f"Refused ({refused.code}): {refused.message}") from None
        self.stdout.write(
            f"Created interactive exercise {activity.pk}: “{activity.title}” "
            f"({activity.main_library}, {activity.locale.language_code}, "
            f"package {activity.package_hash[:12]})"
        )
        return None
