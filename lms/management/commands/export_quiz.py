"""Write a quiz, with every language copy, in our JSON format
(lms.quiz_formats.store.dumps): to share it with another chapter."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.models import Quiz
from lms.quiz_formats.store import dumps


class Command(BaseCommand):
    help = (
        "Export a quiz (every language copy) as a Brobygger quiz JSON file, "
        "to stdout or to --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiz", type=int, required=True, help="the quiz's id")
        parser.add_argument("--output", default=None, help="file to write")

    def handle(self, *args, **options):
        quiz = Quiz.objects.filter(pk=options["quiz"]).first()
        if quiz is None:
            raise CommandError(f"No quiz with id {options['quiz']}.")
        notes: list[str] = []
        text = dumps(quiz, notes)
        for note in notes:
            self.stderr.write(note)
        if options["output"]:
            path = Path(options["output"])
            path.write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote “{quiz.title}” to {path}.")
        else:
            self.stdout.write(text, ending="")
        return None
