"""Emails about homework, each in its recipient's language.

- supervisors: one digest a day of the homework waiting for their review,
  sent when work arrives (or by the daily run), never one mail per hand-in;
- a trainee: when feedback on her homework is released, and two days before
  an assignment is due if she has not handed it in.

Every message is sent at most once: a ``NotificationLog`` row is claimed
*before* sending (its unique constraint decides between two workers) and
removed again if sending fails, so a later run retries. Someone without an
email address gets nothing by mail (she sees everything on her dashboard).

Called from ``lms.tasks`` (Django's tasks framework) and the
``send_homework_notices`` command. Functions take keyword-only arguments.
"""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext

from lms import homework, mail
from lms.choices import EnrollmentStatus, ReviewDecision, StaffRole, SubmissionStatus
from lms.models import Enrollment, NotificationLog, Review, Session, Submission
from lms.permissions import reviewable_submissions

logger = logging.getLogger(__name__)

DIGEST = "review_digest"
FEEDBACK = "feedback"
DUE_REMINDER = "due_reminder"

REMIND_DAYS_BEFORE = 2
# A digest lists this many hand-ins (oldest first) and counts the rest.
DIGEST_MAX_ITEMS = 50
JUST_NOW = datetime.timedelta(hours=1)


# --- language, links, sending --------------------------------------------------


def _reachable(user) -> bool:
    return bool(user.is_active and (user.email or "").strip())


def _name(user) -> str:
    return user.first_name or user.get_username()


def _claim(user, kind: str, key: str) -> NotificationLog | None:
    """Record the message as sent; None if it was sent (or is being sent)."""
    try:
        with transaction.atomic():
            return NotificationLog.objects.create(user=user, kind=kind, key=key)
    except IntegrityError:
        return None


def _send_once(*, user, kind: str, key: str, template: str, context) -> bool:
    """Send `template` to `user` once for (kind, key), in her language.

    `context` is called with her language, inside ``translation.override``,
    and returns the template context. Returns whether a mail went out.
    """
    if not _reachable(user):
        return False
    log = _claim(user, kind, key)
    if log is None:
        return False
    try:
        mail.send(user=user, template=template, context=context)
    except Exception:
        # Not sent: free the claim so the next run tries again.
        log.delete()
        logger.exception("Could not send %s %s to user %s", kind, key, user.pk)
        return False
    return True


def _assignment_titles(keys, language: str) -> dict:
    """{assignment_key: title} in `language` where translated. One query."""
    return {
        key: assignment.title
        for key, assignment in homework.assignments_by_key(keys, language).items()
    }


# --- supervisors: the daily digest -----------------------------------------------


def waiting_for_review(supervisor):
    """Hand-ins of her cohorts waiting for a decision, oldest first."""
    return (
        reviewable_submissions(supervisor)
        .filter(status=SubmissionStatus.SUBMITTED)
        .select_related("enrollment__user", "enrollment__cohort")
        .order_by("submitted_at", "pk")
    )


def _digest_context(supervisor, waiting: list, count: int):
    def build(language):
        titles = _assignment_titles({s.assignment_key for s in waiting}, language)
        now = timezone.now()
        items = [
            {
                "trainee": _name(s.enrollment.user),
                "title": titles.get(s.assignment_key) or gettext("Homework"),
                "cohort": s.enrollment.cohort.name,
                "submitted_at": s.submitted_at,
                # "3 days"; empty for work handed in within the hour.
                "waited": (
                    timesince(s.submitted_at, now, depth=1)
                    if now - s.submitted_at >= JUST_NOW
                    else ""
                ),
            }
            for s in waiting
        ]
        return {
            "recipient": _name(supervisor),
            "items": items,
            "count": count,
            "more": count - len(items),
            "queue_url": mail.site_url("lms:review_queue"),
        }

    return build


def _send_digest(supervisor, today: datetime.date) -> bool:
    key = today.isoformat()
    if not _reachable(supervisor):
        return False
    if NotificationLog.objects.filter(user=supervisor, kind=DIGEST, key=key).exists():
        return False
    waiting_qs = waiting_for_review(supervisor)
    waiting = list(waiting_qs[: DIGEST_MAX_ITEMS + 1])
    if not waiting:
        return False
    count = len(waiting)
    if count > DIGEST_MAX_ITEMS:
        count = waiting_qs.count()
        waiting = waiting[:DIGEST_MAX_ITEMS]
    return _send_once(
        user=supervisor,
        kind=DIGEST,
        key=key,
        template="review_digest",
        context=_digest_context(supervisor, waiting, count),
    )


def _supervisors():
    return (
        get_user_model()
        .objects.filter(cohort_roles__role=StaffRole.SUPERVISOR, is_active=True)
        .exclude(email="")
        .select_related("lms_profile")
        .distinct()
    )


def work_arrived(*, submission_id) -> int:
    """A trainee handed in: today's digest for each supervisor of her cohort
    who has not had one today. Work arriving later waits for tomorrow's.

    Returns how many digests were sent.
    """
    submission = (
        Submission.objects.filter(pk=submission_id).select_related("enrollment").first()
    )
    if submission is None:
        return 0
    today = timezone.localdate()
    supervisors = _supervisors().filter(
        cohort_roles__cohort_id=submission.enrollment.cohort_id
    )
    return sum(_send_digest(supervisor, today) for supervisor in supervisors)


def send_review_digests(*, today: datetime.date | None = None) -> int:
    """The daily run: a digest for every supervisor with work waiting and no
    digest yet today. Returns how many were sent."""
    today = today or timezone.localdate()
    waiting_cohorts = Submission.objects.filter(
        status=SubmissionStatus.SUBMITTED, submitted_at__isnull=False
    ).values("enrollment__cohort_id")
    already = NotificationLog.objects.filter(kind=DIGEST, key=today.isoformat()).values(
        "user_id"
    )
    supervisors = (
        _supervisors()
        .filter(cohort_roles__cohort_id__in=waiting_cohorts)
        .exclude(pk__in=already)
    )
    return sum(_send_digest(supervisor, today) for supervisor in supervisors)


# --- trainees: feedback released ---------------------------------------------------


def feedback_released(*, review_id) -> bool:
    """Tell the trainee that feedback on her homework is ready (once)."""
    review = (
        Review.objects.filter(pk=review_id, released_at__isnull=False)
        .select_related("submission__enrollment__user__lms_profile")
        .first()
    )
    if review is None:
        return False
    submission = review.submission
    trainee = submission.enrollment.user

    def build(language):
        titles = _assignment_titles([submission.assignment_key], language)
        return {
            "recipient": _name(trainee),
            "title": titles.get(submission.assignment_key) or gettext("Homework"),
            "approved": review.decision == ReviewDecision.APPROVED,
            "homework_url": mail.site_url("lms:homework", kwargs={"pk": submission.pk}),
        }

    return _send_once(
        user=trainee,
        kind=FEEDBACK,
        key=str(review.pk),
        template="feedback_released",
        context=build,
    )


# --- trainees: due in two days -----------------------------------------------------


def _first_sessions(cohort_ids, before: datetime.datetime) -> dict:
    """{(cohort_id, module_key): first non-cancelled session}, of the modules
    whose first session starts before `before`. One query."""
    # The same as lms.homework.module_sessions, limited to sessions that
    # start before `before`: a module's first session either does, or no
    # session of it can.
    found: dict = {}
    for session in (
        Session.objects.filter(
            cohort_id__in=cohort_ids, cancelled=False, starts_at__lt=before
        )
        .select_related("module")
        .order_by("starts_at", "pk")
    ):
        found.setdefault((session.cohort_id, session.module.translation_key), session)
    return found


def send_due_reminders(*, today: datetime.date | None = None) -> int:
    """Remind each active trainee of homework due in two days that she has
    not handed in. Returns how many reminders were sent."""
    today = today or timezone.localdate()
    due_on = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    cohort_ids = set(
        Enrollment.objects.filter(status=EnrollmentStatus.ACTIVE).values_list(
            "cohort_id", flat=True
        )
    )
    if not cohort_ids:
        return 0
    # A due date is never before its session: later sessions cannot matter.
    before = timezone.make_aware(
        datetime.datetime.combine(due_on + datetime.timedelta(days=1), datetime.time())
    )
    sessions = _first_sessions(cohort_ids, before)
    if not sessions:
        return 0
    by_module = homework.assignments_in_modules({key for _c, key in sessions})
    due: dict = {}  # cohort_id -> {assignment_key}
    for (cohort_id, module_key), session in sessions.items():
        for assignment in by_module.get(module_key, []):
            if homework.due_date(session, assignment) == due_on:
                due.setdefault(cohort_id, set()).add(assignment.translation_key)
    if not due:
        return 0
    enrollments = list(
        Enrollment.objects.filter(
            status=EnrollmentStatus.ACTIVE,
            cohort_id__in=list(due),
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user__lms_profile")
    )
    all_keys = {key for keys in due.values() for key in keys}
    submissions = homework.submissions_for([e.pk for e in enrollments], all_keys)
    reminded = set(
        NotificationLog.objects.filter(
            kind=DUE_REMINDER,
            key__in=[f"{e.pk}:{key}" for e in enrollments for key in due[e.cohort_id]],
        ).values_list("key", flat=True)
    )
    titles: dict = {}  # language -> {assignment_key: title}, one query each

    def titles_in(language):
        if language not in titles:
            titles[language] = _assignment_titles(all_keys, language)
        return titles[language]

    sent = 0
    for enrollment in enrollments:
        for assignment_key in sorted(due[enrollment.cohort_id], key=str):
            submission = submissions.get((enrollment.pk, assignment_key))
            key = f"{enrollment.pk}:{assignment_key}"
            handed_in = submission is not None and submission.submitted_at is not None
            if handed_in or key in reminded:
                continue

            def build(
                language,
                user=enrollment.user,
                submission=submission,
                assignment_key=assignment_key,
            ):
                if submission is not None:
                    url = mail.site_url("lms:homework", kwargs={"pk": submission.pk})
                else:
                    url = mail.site_url("lms:dashboard")
                return {
                    "recipient": _name(user),
                    "title": titles_in(language).get(assignment_key)
                    or gettext("Homework"),
                    "due_on": due_on,
                    "url": url,
                }

            sent += _send_once(
                user=enrollment.user,
                kind=DUE_REMINDER,
                key=key,
                template="due_reminder",
                context=build,
            )
    return sent
