"""Import a quiz file (our JSON, GIFT or Moodle XML) as a new quiz, through
the same checks and store as the admin's "Import a quiz" (lms.quiz_formats.store)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lms.quiz_formats import FORMATS, MAX_BYTES, format_size
from lms.quiz_formats.store import import_file

_EXTENSIONS = {".json": "json", ".gift": "gift", ".txt": "gift", ".xml": "moodle-xml"}


class Command(BaseCommand):
    help = (
        "Import a quiz file as a new quiz. Prints the quiz made and one line per "
        "question of the file: created, or skipped and why. A malformed file "
        "creates nothing: the line or element at fault is printed and the "
        "command exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the quiz file")
        parser.add_argument(
            "--format",
            choices=list(FORMATS),
            default=None,
            help="json, gift or moodle-xml (default: from the file's extension)",
        )
        parser.add_argument(
            "--title",
            default="",
            help="the quiz's title (default: a JSON file's own, else the file name)",
        )
        parser.add_argument(
            "--locale",
            default=None,
            help=(
                "language code of the questions (GIFT and Moodle XML; default: the "
                "programme language). A JSON file names its own."
            ),
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        fmt = options["format"] or _EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise CommandError(
                "Give the file's format with --format (json, gift or moodle-xml)."
            )
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(
                f"The file is {format_size(path.stat().st_size)}; the largest "
                f"file we can read is {format_size(MAX_BYTES)}. Nothing was imported."
            )
        title = options["title"]
        if not title and fmt != "json":
            title = path.stem.replace("_", " ").strip()
        with transaction.atomic():
            report = import_file(
                path.read_bytes(), fmt, title=title, language=options["locale"]
            )
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(problem)
            raise CommandError("The file was not imported: nothing was created.")
        quiz = report.quiz
        self.stdout.write(
            f"Created quiz {quiz.pk}: “{quiz.title}” ({quiz.locale.language_code}), "
            f"{report.created} questions created, {report.skipped} skipped."
        )
        if report.translations:
            self.stdout.write("Translated into: " + ", ".join(report.translations))
        for line in report.questions:
            self.stdout.write(line)
        for note in report.notes:
            self.stdout.write(note)
        return None
