"""Homework, the supervisors' side: the review queue, the thread, and
deciding on a version.

A review form names the submission's ``review_state`` it was loaded in. Saving
locks the submission's row and compares: if another supervisor saved or
released a review since, nothing is written and ``ReviewConflict`` tells her
(her typed feedback stays in her form). Unique constraints back this: one
draft review per version, one thread number per review. A released review is
never edited; a later review is a new entry in the thread.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import events, files, permissions
from lms.choices import ReviewDecision, SubmissionStatus
from lms.conf import lms_settings
from lms.models import Review, Submission, SubmissionVersion
from lms.text import normalise_text

FEEDBACK_MAX_CHARS = 20_000


def audio_max_bytes() -> int:
    return lms_settings.LMS_REVIEW_AUDIO_MAX_BYTES


class ReviewError(Exception):
    """Input a supervisor can fix; ``message`` is translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ReviewConflict(ReviewError):
    """Someone else reviewed this submission since her page was loaded."""

    def __init__(self, submission: Submission):
        super().__init__(
            gettext_lazy(
                "Another supervisor saved a review of this homework while you were "
                "writing. Your feedback is still in the form: read the thread "
                "again, then save if it still applies."
            )
        )
        self.submission = submission


class NotLatestVersion(ReviewError):
    def __init__(self, submission: Submission):
        super().__init__(
            gettext_lazy(
                "The trainee has handed in a newer version. Feedback goes on the "
                "latest version: your text is still in the form."
            )
        )
        self.submission = submission


# --- the queue -----------------------------------------------------------------

# Queue filters. "waiting": handed in, no review saved yet; "draft": a review
# is saved as a draft but not released; "needs_revision": returned, waiting for
# the trainee; "approved".
QUEUE_STATES = ("waiting", "draft", "needs_revision", "approved")


@dataclass
class Queue:
    submissions: list
    counts: dict = field(default_factory=dict)
    total: int = 0


def _draft_exists():
    """A review draft on the version waiting now (a draft left on an earlier
    version, before she handed in again, does not count)."""
    return Exists(
        Review.objects.filter(
            submission=OuterRef("pk"),
            released_at__isnull=True,
            version__submitted_at__gte=OuterRef("submitted_at"),
        )
    )


def _latest_version_number():
    return Subquery(
        SubmissionVersion.objects.filter(submission=OuterRef("pk"))
        .order_by("-number")
        .values("number")[:1]
    )


def queue_queryset(user):
    """Handed-in homework of a user's supervised cohorts, annotated."""
    return (
        permissions.reviewable_submissions(user)
        .annotate(has_draft_review=_draft_exists())
        .select_related("enrollment__user", "enrollment__cohort")
    )


def _state_filter(state: str) -> Q:
    if state == "waiting":
        return Q(status=SubmissionStatus.SUBMITTED, has_draft_review=False)
    if state == "draft":
        return Q(status=SubmissionStatus.SUBMITTED, has_draft_review=True)
    if state == "needs_revision":
        return Q(status=SubmissionStatus.NEEDS_REVISION)
    if state == "approved":
        return Q(status=SubmissionStatus.APPROVED)
    return Q(status=SubmissionStatus.SUBMITTED)


def review_queue(
    user,
    *,
    cohort_id=None,
    module_key=None,
    state: str = "",
    older_than_days: int | None = None,
    limit: int = 200,
) -> Queue:
    """Her queue, oldest first, with counts per state. Three queries."""
    base = queue_queryset(user)
    if cohort_id:
        base = base.filter(enrollment__cohort_id=cohort_id)
    if module_key:
        base = base.filter(module_key=module_key)
    if older_than_days:
        base = base.filter(
            submitted_at__lte=timezone.now() - datetime.timedelta(days=older_than_days)
        )
    counts = base.aggregate(
        **{name: Count("pk", filter=_state_filter(name)) for name in QUEUE_STATES}
    )
    rows = (
        base.filter(_state_filter(state))
        .annotate(latest_version=_latest_version_number())
        .order_by("submitted_at", "pk")
    )
    total = counts.get(state) if state in QUEUE_STATES else None
    if total is None:
        total = counts["waiting"] + counts["draft"]
    return Queue(submissions=list(rows[:limit]), counts=counts, total=total)


def next_in_queue(user, *, after: Submission) -> Submission | None:
    """The oldest other submission still waiting for a decision."""
    return (
        queue_queryset(user)
        .filter(_state_filter("waiting"))
        .exclude(pk=after.pk)
        .order_by("submitted_at", "pk")
        .first()
    )


# --- the thread ----------------------------------------------------------------


def thread(submission: Submission, *, with_drafts: bool) -> list[SubmissionVersion]:
    """Every version, oldest first, each with ``.thread_reviews`` (released
    ones; drafts too for supervisors) and ``.thread_files``. Three queries."""
    reviews = Review.objects.select_related("reviewer").order_by("number")
    if not with_drafts:
        reviews = reviews.filter(released_at__isnull=False)
    return list(
        submission.versions.order_by("number").prefetch_related(
            Prefetch("reviews", queryset=reviews, to_attr="thread_reviews"),
            Prefetch("files", to_attr="thread_files"),
        )
    )


# --- deciding ----------------------------------------------------------------------


def _check_audio(upload) -> str:
    try:
        return files.check_upload(
            upload, allowed=files.AUDIO, max_bytes=audio_max_bytes()
        ).content_type
    except files.FileRefused as refused:
        raise ReviewError(refused.message) from refused


@transaction.atomic
def save_review(
    *,
    submission: Submission,
    version_number: int,
    reviewer,
    decision: str,
    feedback: str = "",
    audio=None,
    release: bool = False,
    expected_state: int,
) -> Review:
    """Save her review of the latest version, as a draft or released.

    `expected_state` is the submission's ``review_state`` her form was loaded
    with. A draft of this version (hers or a colleague's) is updated in place;
    a released review never is.
    """
    feedback = normalise_text(feedback)
    if decision not in ReviewDecision.values:
        raise ReviewError(_("Choose a decision: approved or needs revision."))
    if len(feedback) > FEEDBACK_MAX_CHARS:
        raise ReviewError(
            _("The feedback is too long: %(count)s characters (limit %(max)s).")
            % {"count": len(feedback), "max": FEEDBACK_MAX_CHARS}
        )
    audio_type = _check_audio(audio) if audio is not None else ""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    latest = submission.versions.order_by("-number").first()
    if latest is None:
        raise ReviewError(_("Nothing has been handed in yet."))
    if version_number != latest.number:
        raise NotLatestVersion(submission)
    if expected_state != submission.review_state:
        raise ReviewConflict(submission)
    review = latest.reviews.filter(released_at__isnull=True).first()
    if review is None:
        review = Review(
            submission=submission,
            version=latest,
            number=(submission.reviews.count() + 1),
        )
    had_audio = bool(review.audio)
    if (
        decision == ReviewDecision.NEEDS_REVISION
        and not feedback.strip()
        and audio is None
        and not had_audio
    ):
        raise ReviewError(
            _(
                "Tell her what to change: write feedback or record it before "
                "asking for a revision."
            )
        )
    review.reviewer = reviewer
    review.decision = decision
    review.feedback = feedback
    old_audio = review.audio.name if audio is not None and had_audio else ""
    if audio is not None:
        audio.seek(0)
        files.store(
            review.audio,
            f"{uuid.uuid4().hex}.{files.BY_CONTENT_TYPE[audio_type].extension}",
            File(audio),
        )
        review.audio_content_type = audio_type
    if release:
        review.released_at = timezone.now()
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError as error:
        raise ReviewConflict(submission) from error
    if old_audio:
        storage = review.audio.storage
        transaction.on_commit(lambda: storage.delete(old_audio))
    submission.review_state += 1
    fields = ["review_state", "updated_at"]
    if release:
        submission.status = (
            SubmissionStatus.APPROVED
            if decision == ReviewDecision.APPROVED
            else SubmissionStatus.NEEDS_REVISION
        )
        fields.append("status")
    submission.save(update_fields=fields)
    if release:
        events.feedback_released.send(sender=Review, review=review)
    return review


@transaction.atomic
def release_review(*, review: Review, reviewer, expected_state: int) -> Review:
    """Release a review saved as a draft, unchanged."""
    return save_review(
        submission=review.submission,
        version_number=review.version.number,
        reviewer=reviewer,
        decision=review.decision,
        feedback=review.feedback,
        release=True,
        expected_state=expected_state,
    )


@transaction.atomic
def discard_draft_review(*, review: Review, expected_state: int) -> None:
    """Throw away a review draft nobody but supervisors has seen."""
    submission = Submission.objects.select_for_update().get(pk=review.submission_id)
    if expected_state != submission.review_state:
        raise ReviewConflict(submission)
    review = Review.objects.get(pk=review.pk)
    if review.is_released:
        raise ReviewError(_("A released review stays in the thread."))
    name = review.audio.name
    storage = review.audio.storage
    review.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    submission.review_state += 1
    submission.save(update_fields=["review_state", "updated_at"])
