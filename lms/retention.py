"""Retention: what is kept about a person no longer than it is needed.

``purge_expired()`` runs once a day (the ``purge_expired`` command, or the
``lms.tasks.purge_expired`` task) and applies the ``LMS_RETAIN_*`` settings
(lms.conf):

- the screening notes of someone who applied or waited for a place and never
  started are blanked (her enrollment stays);
- sign-in links are deleted a while after they expired, used or not;
- the log of notices mailed is thinned, but only of rows that can never make
  a notice go out again (see ``_notification_logs``);
- django-axes' sign-in attempts and logs are deleted;
- copies of personal data (``DataExport``) are deleted once they expire,
  file and row, and failed or never-finished ones after a day;
- expired sessions are deleted (Django's ``clearsessions``).

Each step runs in its own transaction; stored files are deleted once it has
committed. ``dry_run=True`` counts what would go and changes nothing.
"""

import datetime
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lms import notifications
from lms.choices import EnrollmentStatus
from lms.conf import lms_settings
from lms.files import delete_stored
from lms.models import Enrollment, NotificationLog, SignInLink, Submission
from lms.models.privacy import DataExport

# A copy of her data that could not be made (or whose task never finished)
# is kept this long, so whoever asked for it can see that it failed.
FAILED_EXPORT_KEPT = datetime.timedelta(days=1)
# A digest's row is kept at least this long whatever the setting says: its
# key is a local date, and the row of today's digest is what stops a second
# one today (two days cover any time zone and a day of 25 hours).
DIGEST_KEPT_AT_LEAST = datetime.timedelta(days=2)
# The kinds of notice whose old rows have been thought through (see
# _notification_logs); rows of any other kind are kept.
KNOWN_KINDS = (notifications.DIGEST, notifications.FEEDBACK, notifications.DUE_REMINDER)
# Old rows of due reminders are looked at this many at a time.
BATCH = 500


def purge_expired(*, now=None, dry_run=False) -> dict[str, int]:
    """Apply the retention settings; returns how many records of each kind
    were deleted (blanked for screening notes), or would be if `dry_run`."""
    now = now or timezone.now()
    return {
        "screening_notes": _screening_notes(now, dry_run),
        "sign_in_links": _sign_in_links(now, dry_run),
        "notification_logs": _notification_logs(now, dry_run),
        "login_attempts": _login_attempts(now, dry_run),
        "data_exports": _data_exports(now, dry_run),
        "sessions": _sessions(now, dry_run),
    }


def _days(name: str) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(lms_settings, name))


def _delete(queryset, dry_run: bool) -> int:
    """Delete `queryset`; the number of its own rows (not of rows deleted
    with them)."""
    if dry_run:
        return queryset.count()
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


# --- the steps -------------------------------------------------------------------


def _screening_notes(now, dry_run: bool) -> int:
    """Blank the notes of applicants and waitlisted people who never started.

    ``update`` leaves ``updated_at`` alone: blanking is not a change she made.
    """
    expired = Enrollment.objects.filter(
        status__in=[EnrollmentStatus.APPLICANT, EnrollmentStatus.WAITLISTED],
        updated_at__lt=now - _days("LMS_RETAIN_APPLICANT_NOTES_DAYS"),
    ).exclude(screening_notes="")
    if dry_run:
        return expired.count()
    with transaction.atomic():
        return expired.update(screening_notes="")


def _sign_in_links(now, dry_run: bool) -> int:
    cutoff = now - _days("LMS_RETAIN_SIGN_IN_LINKS_DAYS")
    with transaction.atomic():
        return _delete(SignInLink.objects.filter(expires_at__lt=cutoff), dry_run)


def _notification_logs(now, dry_run: bool) -> int:
    """Delete old rows of the notices log that can never be asked about again.

    A row is what stops a notice going out twice (lms.notifications claims
    (user, kind, key) before sending), so a row goes only when no run could
    send its notice again without it:

    - ``review_digest``: the key is the day's date, and only today's key is
      ever looked up; an older row is never asked about again (and today's
      is kept whatever the setting, see DIGEST_KEPT_AT_LEAST).
    - ``feedback``: the key is a review's id. The notice is sent when the
      review is released, and a released review is never released again
      (lms.reviews only edits unreleased ones), so nothing asks later.
    - ``due_reminder``: the key is "<enrollment id>:<assignment key>" and has
      no date. The reminder goes two days before the due date, and a due
      date moves with its session: a session moved months later would
      remind her once more. So its row goes only when no reminder can
      follow: the enrollment is gone (ids are never reused) or she has
      handed that assignment in (``submitted_at`` is never cleared).
    - any other kind stays: a new kind is added here once it is known that
      its old rows cannot bring a notice back.
    """
    cutoff = now - _days("LMS_RETAIN_NOTIFICATION_LOG_DAYS")
    old = NotificationLog.objects.filter(sent_at__lt=cutoff)
    with transaction.atomic():
        count = _delete(
            old.filter(kind=notifications.FEEDBACK)
            | old.filter(
                kind=notifications.DIGEST,
                sent_at__lt=min(cutoff, now - DIGEST_KEPT_AT_LEAST),
            ),
            dry_run,
        )
        reminders = (
            old.filter(kind=notifications.DUE_REMINDER)
            .order_by("pk")
            .values_list("pk", "key")
        )
        last = 0
        while batch := list(reminders.filter(pk__gt=last)[:BATCH]):
            count += _delete_spent_reminders(batch, dry_run)
            last = batch[-1][0]
    return count


def _delete_spent_reminders(rows, dry_run: bool) -> int:
    """Of (pk, key) rows of due reminders, delete those no reminder can
    follow (see _notification_logs). A key not in the known form stays."""
    parsed = {}  # pk -> (enrollment id, assignment key)
    for pk, key in rows:
        enrollment_id, _sep, assignment_key = key.partition(":")
        if enrollment_id.isdigit() and assignment_key:
            parsed[pk] = (int(enrollment_id), assignment_key)
    ids = {enrollment_id for enrollment_id, _key in parsed.values()}
    existing = set(Enrollment.objects.filter(pk__in=ids).values_list("pk", flat=True))
    handed_in = {
        (enrollment_id, str(assignment_key))
        for enrollment_id, assignment_key in Submission.objects.filter(
            enrollment_id__in=existing, submitted_at__isnull=False
        ).values_list("enrollment_id", "assignment_key")
    }
    spent = [
        pk
        for pk, (enrollment_id, assignment_key) in parsed.items()
        if enrollment_id not in existing
        or (enrollment_id, assignment_key.lower()) in handed_in
    ]
    if not spent:
        return 0
    return _delete(NotificationLog.objects.filter(pk__in=spent), dry_run)


def _login_attempts(now, dry_run: bool) -> int:
    """django-axes' records of sign-ins and failed attempts.

    An attempt locks its user name out for AXES_COOLOFF_TIME after its last
    failure; it is kept at least that long, so the purge never lifts a
    lockout. With no cool-off a lockout lasts until an administrator lifts
    it, and attempts are then kept until she does.
    """
    if not apps.is_installed("axes"):
        return 0
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    cutoff = now - _days("LMS_RETAIN_LOGIN_ATTEMPTS_DAYS")
    count = 0
    with transaction.atomic():
        for model in (AccessLog, AccessFailureLog):
            count += _delete(model.objects.filter(attempt_time__lt=cutoff), dry_run)
        cool_off = get_cool_off()
        if cool_off is not None:
            count += _delete(
                AccessAttempt.objects.filter(
                    attempt_time__lt=min(cutoff, now - cool_off)
                ),
                dry_run,
            )
    return count


def _data_exports(now, dry_run: bool) -> int:
    """Expired copies of her data, and failed ones: the stored file (after
    commit) and the row."""
    # Failed, or never finished (its task died): not ready after a day.
    gone = DataExport.objects.filter(expires_at__lt=now) | DataExport.objects.filter(
        ready_at__isnull=True, requested_at__lt=now - FAILED_EXPORT_KEPT
    )
    if dry_run:
        return gone.count()
    with transaction.atomic():
        exports = list(gone.select_for_update())
        files = [(e.file.storage, e.file.name) for e in exports if e.file]
        rows = DataExport.objects.filter(pk__in=[e.pk for e in exports])
        count = _delete(rows, dry_run=False)
        transaction.on_commit(lambda: delete_stored(files))
    return count


def _sessions(now, dry_run: bool) -> int:
    """Expired sessions, as ``clearsessions`` deletes them. Counted where
    sessions are in the database; other engines clear their own (0)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        if not dry_run:
            store.clear_expired()
        return 0
    with transaction.atomic():
        return _delete(
            store.get_model_class().objects.filter(expire_date__lt=now), dry_run
        )
