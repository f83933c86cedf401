"""Issue the diplomas of a cohort (the ceremony): to everyone who meets the
completion rule, one line per trainee (issued / already had one / not yet
and why). Running it twice issues nothing twice."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from lms.diplomas.issue import issue_for_cohort
from lms.models import Cohort


def _name(enrollment) -> str:
    user = enrollment.user
    return user.get_full_name() or user.get_username()


class Command(BaseCommand):
    help = (
        "Issue diplomas to every trainee of a cohort who meets its completion "
        "rule; report the others and why."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cohort", type=int, required=True, help="the cohort's id")

    def handle(self, *args, **options):
        cohort = (
            Cohort.objects.select_related("chapter", "course")
            .filter(pk=options["cohort"])
            .first()
        )
        if cohort is None:
            raise CommandError(f"No cohort with id {options['cohort']}.")
        # The report is in English, like the other commands' (the diplomas
        # themselves are in the programme's and her languages).
        with translation.override("en"):
            outcome = issue_for_cohort(cohort)
        lines = []
        for diploma in outcome.issued:
            lines.append((diploma.holder_name, f"issued, code {diploma.code}"))
        for diploma in outcome.existing:
            lines.append((diploma.holder_name, f"already had one, code {diploma.code}"))
        for enrollment, reasons in outcome.refused:
            lines.append((_name(enrollment), "not yet: " + " ".join(reasons)))
        for name, said in sorted(lines, key=lambda line: line[0].casefold()):
            self.stdout.write(f"{name}: {said}")
        self.stdout.write(
            f"{len(outcome.issued)} issued, {len(outcome.existing)} already had one, "
            f"{len(outcome.refused)} not yet."
        )
