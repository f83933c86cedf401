"""Factories for homework: assignments, submissions, versions, reviews."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from lms.choices import ReviewDecision, SubmissionStatus
from lms.models import Assignment, Review, Submission, SubmissionVersion


class AssignmentFactory(DjangoModelFactory):
    """An assignment in the default locale (pass `locale` for another)."""

    title = factory.Sequence(lambda n: f"Oppgave {n}")
    instructions = "<p>Snakk med barnet ditt.</p>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Assignment


class SubmissionFactory(DjangoModelFactory):
    """A submission; pass `enrollment`. Draft unless told otherwise."""

    assignment_key = factory.Faker("uuid4")
    module_key = factory.Faker("uuid4")
    status = SubmissionStatus.DRAFT

    class Meta:
        model = Submission

    class Params:
        # SubmissionFactory(handed_in=True): waiting for review since now.
        handed_in = factory.Trait(
            status=SubmissionStatus.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
        )


class SubmissionVersionFactory(DjangoModelFactory):
    """A version; pass `submission`."""

    number = factory.Sequence(lambda n: n + 1)
    text = "Vi leste sammen hver kveld."
    draft_revision = factory.Sequence(lambda n: n)
    submitted_at = factory.LazyFunction(timezone.now)
    submitted_by = factory.LazyAttribute(lambda o: o.submission.enrollment.user)

    class Meta:
        model = SubmissionVersion


class ReviewFactory(DjangoModelFactory):
    """A released review of `version` (pass `released_at=None` for a draft)."""

    submission = factory.LazyAttribute(lambda o: o.version.submission)
    number = factory.Sequence(lambda n: n + 1)
    decision = ReviewDecision.NEEDS_REVISION
    feedback = "Fint! Skriv litt mer om hva barnet sa."
    released_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Review
