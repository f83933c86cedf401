"""Retention (issue 15, point 4): what is kept about a person goes once the
LMS_RETAIN_* settings say so. For each kind a record just inside the limit
stays and one just outside goes; notes of a trainee who started stay; an
expired copy of her data leaves no file behind; no notice can go out again
because its log row was purged; ``purge_expired`` prints the counts and
``--dry-run`` changes nothing."""

import ast
import datetime
import io
import uuid
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session as DjangoSession
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from lms import notifications, retention
from lms.choices import EnrollmentStatus
from lms.models import Enrollment, NotificationLog, SignInLink
from lms.models.privacy import DataExport
from tests.factories.homework import SubmissionFactory
from tests.factories.lms import CohortFactory, EnrollmentFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)
NOTES = "Flyttet hit i fjor, to barn."


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def cohort(build_course):
    course, _modules = build_course(modules=1)
    return CohortFactory(course=course)


def aged(obj, **fields):
    """Set time fields without auto_now/auto_now_add getting in the way."""
    type(obj).objects.filter(pk=obj.pk).update(**fields)
    obj.refresh_from_db()
    return obj


def exists(obj) -> bool:
    return type(obj).objects.filter(pk=obj.pk).exists()


# --- screening notes ---------------------------------------------------------------


def enrollment(cohort, status, updated_at):
    return aged(
        EnrollmentFactory(cohort=cohort, status=status, screening_notes=NOTES),
        updated_at=updated_at,
    )


def test_notes_of_applicants_who_never_started_are_blanked(cohort, now):
    limit = now - 365 * DAY
    inside = enrollment(cohort, EnrollmentStatus.APPLICANT, limit + HOUR)
    outside = enrollment(cohort, EnrollmentStatus.APPLICANT, limit - HOUR)
    waiting = enrollment(cohort, EnrollmentStatus.WAITLISTED, limit - HOUR)

    counts = retention.purge_expired(now=now)

    assert counts["screening_notes"] == 2
    for kept in (inside,):
        kept.refresh_from_db()
        assert kept.screening_notes == NOTES
    for blanked in (outside, waiting):
        blanked.refresh_from_db()
        assert blanked.screening_notes == ""
        # The enrollment stays, and its last change is still hers.
        assert blanked.updated_at == limit - HOUR
        assert blanked.status in {
            EnrollmentStatus.APPLICANT,
            EnrollmentStatus.WAITLISTED,
        }


def test_notes_of_someone_who_started_stay(cohort, now):
    long_ago = now - 3 * 365 * DAY
    started = [
        enrollment(cohort, status, long_ago)
        for status in (
            EnrollmentStatus.ACTIVE,
            EnrollmentStatus.WITHDRAWN,
            EnrollmentStatus.COMPLETED,
        )
    ]
    assert retention.purge_expired(now=now)["screening_notes"] == 0
    assert all(
        Enrollment.objects.get(pk=e.pk).screening_notes == NOTES for e in started
    )


# --- sign-in links -----------------------------------------------------------------


def link(expires_at, used=False):
    return SignInLink.objects.create(
        user=UserFactory(),
        token_hash=uuid.uuid4().hex,
        expires_at=expires_at,
        used_at=expires_at - DAY if used else None,
    )


def test_sign_in_links_go_a_while_after_they_expired_used_or_not(now):
    limit = now - 30 * DAY
    inside, inside_used = link(limit + HOUR), link(limit + HOUR, used=True)
    outside, outside_used = link(limit - HOUR), link(limit - HOUR, used=True)
    valid = link(now + 14 * DAY)

    assert retention.purge_expired(now=now)["sign_in_links"] == 2

    assert all(exists(x) for x in (inside, inside_used, valid))
    assert not any(exists(x) for x in (outside, outside_used))


# --- the log of notices ------------------------------------------------------------


def log(user, kind, key, sent_at):
    return aged(
        NotificationLog.objects.create(user=user, kind=kind, key=key),
        sent_at=sent_at,
    )


def test_old_digest_and_feedback_rows_go(now):
    user = UserFactory()
    limit = now - 180 * DAY
    day = (limit - DAY).date().isoformat()
    outside = [
        log(user, notifications.DIGEST, day, limit - HOUR),
        log(user, notifications.FEEDBACK, "41", limit - HOUR),
    ]
    inside = [
        log(user, notifications.DIGEST, "later", limit + HOUR),
        log(user, notifications.FEEDBACK, "42", limit + HOUR),
    ]

    assert retention.purge_expired(now=now)["notification_logs"] == 2

    assert all(exists(x) for x in inside)
    assert not any(exists(x) for x in outside)


def test_a_due_reminder_row_goes_only_once_no_reminder_can_follow(cohort, now):
    """Its key has no date: while she has not handed the work in, a session
    moved later would remind her again, so the row stays."""
    limit = now - 180 * DAY
    mine = EnrollmentFactory(cohort=cohort)
    handed_in = SubmissionFactory(enrollment=mine, handed_in=True)
    draft = SubmissionFactory(enrollment=mine)
    never_started = uuid.uuid4()
    left = EnrollmentFactory(cohort=cohort)
    left_key = f"{left.pk}:{uuid.uuid4()}"
    left.delete()

    def reminder(key, sent_at=limit - HOUR):
        return log(mine.user, notifications.DUE_REMINDER, key, sent_at)

    spent = [
        reminder(f"{mine.pk}:{handed_in.assignment_key}"),
        reminder(left_key),  # her enrollment is gone
    ]
    kept = [
        reminder(f"{mine.pk}:{draft.assignment_key}"),  # a draft only
        reminder(f"{mine.pk}:{never_started}"),  # nothing yet
        reminder("not a key we know"),
    ]
    handed_in_lately = SubmissionFactory(enrollment=mine, handed_in=True)
    kept.append(reminder(f"{mine.pk}:{handed_in_lately.assignment_key}", limit + HOUR))

    assert retention.purge_expired(now=now)["notification_logs"] == 2

    assert all(exists(x) for x in kept)
    assert not any(exists(x) for x in spent)


def test_rows_of_other_kinds_stay(now):
    row = log(UserFactory(), "something_new", "1", now - 1000 * DAY)
    assert retention.purge_expired(now=now)["notification_logs"] == 0
    assert exists(row)


def test_todays_digest_row_stays_whatever_the_setting(settings, now):
    """It is what stops a second digest today."""
    settings.LMS_RETAIN_NOTIFICATION_LOG_DAYS = 0
    user = UserFactory()
    today = log(user, notifications.DIGEST, timezone.localdate(now).isoformat(), now)
    aged(today, sent_at=now - HOUR)
    feedback = log(user, notifications.FEEDBACK, "7", now - HOUR)

    assert retention.purge_expired(now=now)["notification_logs"] == 1

    assert exists(today)
    assert not exists(feedback)


def test_every_kind_of_notice_sent_has_been_thought_through():
    """A new kind of notice in lms.notifications must be considered in
    lms.retention (KNOWN_KINDS and _notification_logs) before its rows may
    go; until then its rows stay, which is safe but never thins the log."""
    path = Path(notifications.__file__)
    sent = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
            "_send_once",
            "_claim",
        }:
            for keyword in node.keywords:
                if keyword.arg == "kind" and isinstance(keyword.value, ast.Name):
                    sent.add(getattr(notifications, keyword.value.id, None))
    sent.discard(None)  # a parameter passed on, not a kind
    assert sent
    assert sent <= set(retention.KNOWN_KINDS)


# --- sign-in attempts (django-axes) --------------------------------------------------


def attempt(model, when, **extra):
    fields = {
        "user_agent": f"Firefox {uuid.uuid4()}",
        "ip_address": "203.0.113.7",
        "username": "amina",
        "http_accept": "*/*",
        "path_info": "/logg-inn/",
    }
    if model is AccessAttempt:
        fields.update(get_data="", post_data="", failures_since_start=3)
    return aged(model.objects.create(**fields, **extra), attempt_time=when)


def test_sign_in_attempts_and_logs_go_after_the_limit(now):
    limit = now - 30 * DAY
    models = (AccessAttempt, AccessFailureLog, AccessLog)
    inside = [attempt(model, limit + HOUR) for model in models]
    outside = [attempt(model, limit - HOUR) for model in models]

    assert retention.purge_expired(now=now)["login_attempts"] == 3

    assert all(exists(x) for x in inside)
    assert not any(exists(x) for x in outside)


def test_the_purge_never_lifts_a_lockout(settings, now):
    settings.LMS_RETAIN_LOGIN_ATTEMPTS_DAYS = 0
    locking = attempt(AccessAttempt, now - 5 * datetime.timedelta(minutes=1))
    settings.AXES_COOLOFF_TIME = None  # locked until an administrator lifts it
    forever = attempt(AccessAttempt, now - 100 * DAY)

    assert retention.purge_expired(now=now)["login_attempts"] == 0
    assert exists(forever)

    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    assert retention.purge_expired(now=now)["login_attempts"] == 1
    assert exists(locking)  # still within its 15 minutes
    assert not exists(forever)


# --- copies of her data --------------------------------------------------------------


def export(expires_at=None, failed=False, requested_at=None, with_file=True):
    copy = DataExport.objects.create(
        user=UserFactory(), expires_at=expires_at, failed=failed
    )
    if with_file:
        copy.file.save("kopi.zip", ContentFile(b"PK data"), save=True)
    if requested_at:
        aged(copy, requested_at=requested_at)
    return copy


def test_an_expired_copy_goes_with_its_file(now, django_capture_on_commit_callbacks):
    expired = export(expires_at=now - HOUR)
    ready = export(expires_at=now + HOUR)
    in_the_making = export(with_file=False)
    storage, name = expired.file.storage, expired.file.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        assert retention.purge_expired(now=now)["data_exports"] == 1

    assert not exists(expired)
    assert not storage.exists(name)
    assert exists(ready) and ready.file.storage.exists(ready.file.name)
    assert exists(in_the_making)


def test_a_failed_copy_goes_after_a_day(now, django_capture_on_commit_callbacks):
    outside = export(failed=True, requested_at=now - DAY - HOUR)
    inside = export(failed=True, requested_at=now - DAY + HOUR, with_file=False)
    storage, name = outside.file.storage, outside.file.name

    with django_capture_on_commit_callbacks(execute=True):
        assert retention.purge_expired(now=now)["data_exports"] == 1

    assert not exists(outside)
    assert not storage.exists(name)
    assert exists(inside)


def test_a_copy_whose_task_never_finished_goes_after_a_day(
    now, django_capture_on_commit_callbacks
):
    stuck = export(requested_at=now - DAY - HOUR, with_file=False)
    recent = export(requested_at=now - HOUR, with_file=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert retention.purge_expired(now=now)["data_exports"] == 1
    assert not exists(stuck)
    assert exists(recent)


def test_files_stay_until_the_deletion_commits(now, django_capture_on_commit_callbacks):
    expired = export(expires_at=now - HOUR)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        retention.purge_expired(now=now)
    assert not exists(expired)
    assert expired.file.storage.exists(expired.file.name)
    for callback in callbacks:
        callback()
    assert not expired.file.storage.exists(expired.file.name)


# --- sessions ------------------------------------------------------------------------


def session(expire_date):
    return DjangoSession.objects.create(
        session_key=uuid.uuid4().hex, session_data="", expire_date=expire_date
    )


def test_expired_sessions_go(now):
    expired, current = session(now - HOUR), session(now + HOUR)
    assert retention.purge_expired(now=now)["sessions"] == 1
    assert not exists(expired)
    assert exists(current)


# --- settings, the command, a dry run ----------------------------------------------


def test_the_settings_change_the_limits(settings, cohort, now):
    settings.LMS_RETAIN_SIGN_IN_LINKS_DAYS = 7
    settings.LMS_RETAIN_APPLICANT_NOTES_DAYS = 30
    settings.LMS_RETAIN_NOTIFICATION_LOG_DAYS = 10
    settings.LMS_RETAIN_LOGIN_ATTEMPTS_DAYS = 2
    gone = [
        link(now - 8 * DAY),
        log(UserFactory(), notifications.FEEDBACK, "1", now - 11 * DAY),
        attempt(AccessLog, now - 3 * DAY),
    ]
    stays = [
        link(now - 6 * DAY),
        log(UserFactory(), notifications.FEEDBACK, "2", now - 9 * DAY),
        attempt(AccessLog, now - DAY),
    ]
    applicant = enrollment(cohort, EnrollmentStatus.APPLICANT, now - 31 * DAY)
    recent = enrollment(cohort, EnrollmentStatus.APPLICANT, now - 29 * DAY)

    counts = retention.purge_expired(now=now)

    assert counts["sign_in_links"] == counts["notification_logs"] == 1
    assert counts["login_attempts"] == counts["screening_notes"] == 1
    assert not any(exists(x) for x in gone)
    assert all(exists(x) for x in stays)
    assert Enrollment.objects.get(pk=applicant.pk).screening_notes == ""
    assert Enrollment.objects.get(pk=recent.pk).screening_notes == NOTES


@pytest.fixture
def one_of_each(cohort):
    long_ago = timezone.now() - 1000 * DAY
    return [
        enrollment(cohort, EnrollmentStatus.APPLICANT, long_ago),
        link(long_ago),
        log(UserFactory(), notifications.FEEDBACK, "9", long_ago),
        attempt(AccessFailureLog, long_ago),
        export(expires_at=long_ago),
        session(long_ago),
    ]


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue().splitlines()


def test_the_command_prints_one_line_per_kind(
    one_of_each, django_capture_on_commit_callbacks
):
    applicant, *deleted = one_of_each
    with django_capture_on_commit_callbacks(execute=True):
        lines = run()
    assert lines == [
        "1 screening notes of applicants blanked",
        "1 expired sign-in links deleted",
        "1 notification log rows deleted",
        "1 sign-in attempt records deleted",
        "1 expired or failed copies of personal data deleted",
        "1 expired sessions deleted",
    ]
    assert Enrollment.objects.get(pk=applicant.pk).screening_notes == ""
    assert not any(exists(x) for x in deleted)
    assert run()[0] == "0 screening notes of applicants blanked"


def test_a_dry_run_counts_and_changes_nothing(
    one_of_each, django_capture_on_commit_callbacks
):
    applicant, *deleted = one_of_each
    copy = deleted[3]
    with django_capture_on_commit_callbacks(execute=True):
        lines = run("--dry-run")
    assert len(lines) == 6
    assert all(line.startswith("1 ") and "(dry run)" in line for line in lines)
    assert lines[1] == "1 expired sign-in links would be deleted (dry run)"
    assert Enrollment.objects.get(pk=applicant.pk).screening_notes == NOTES
    assert all(exists(x) for x in deleted)
    assert copy.file.storage.exists(copy.file.name)
