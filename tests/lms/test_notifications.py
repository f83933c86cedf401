"""Homework emails: supervisors' daily digest, feedback released, due reminders."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from lms import mail as lms_mail
from lms import notifications, tasks
from lms.choices import EnrollmentStatus, ReviewDecision, StaffRole
from lms.models import NotificationLog, Profile
from tests.factories.homework import (
    AssignmentFactory,
    ReviewFactory,
    SubmissionFactory,
    SubmissionVersionFactory,
)
from tests.factories.lms import (
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def world(cohort_with_sessions):
    """The running cohort with a reachable supervisor and trainees."""
    w = cohort_with_sessions
    w.supervisor.email = "sup@example.org"
    w.supervisor.save()
    for enrollment in w.enrollments:
        enrollment.user.email = f"{enrollment.user.username}@example.org"
        enrollment.user.save()
    w.assignment = AssignmentFactory(title="Lesestund", due_days_after_session=7)
    return w


def hand_in(enrollment, assignment=None, **kwargs):
    """A submission handed in now, and the on_commit notice it triggers."""
    key = assignment.translation_key if assignment else None
    submission = SubmissionFactory(
        enrollment=enrollment,
        handed_in=True,
        **({"assignment_key": key} if key else {}),
        **kwargs,
    )
    tasks.on_work_arrived(submission)
    return submission


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


# --- supervisors' digest -------------------------------------------------------


def test_three_hand_ins_give_one_digest_a_day(
    world, django_capture_on_commit_callbacks
):
    other = EnrollmentFactory(
        cohort=world.cohort, user=UserFactory(username="sahra", first_name="Sahra")
    )
    with django_capture_on_commit_callbacks(execute=True):
        hand_in(world.enrollments[0], world.assignment)
    with django_capture_on_commit_callbacks(execute=True):
        hand_in(world.enrollments[1], world.assignment)
    with django_capture_on_commit_callbacks(execute=True):
        hand_in(other, world.assignment)

    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["sup@example.org"]
    assert digest.from_email == "brobygger@localhost"
    # The first arrival triggered it: her work, her first name, the
    # assignment's title and the cohort's name.
    first_name = world.enrollments[0].user.first_name
    assert first_name in digest.body
    assert "Lesestund" in digest.body
    assert world.cohort.name in digest.body
    # No trainee is named in the subject.
    for enrollment in [*world.enrollments, other]:
        assert enrollment.user.first_name not in digest.subject
        assert enrollment.user.username not in digest.subject
    assert NotificationLog.objects.filter(
        user=world.supervisor, kind="review_digest", key=TODAY().isoformat()
    ).exists()

    # The daily run sends nothing more today...
    assert notifications.send_review_digests() == 0
    assert len(mail.outbox) == 1
    # ...and tomorrow's digest lists everything still waiting.
    tomorrow = TODAY() + datetime.timedelta(days=1)
    assert notifications.send_review_digests(today=tomorrow) == 1
    assert len(mail.outbox) == 2
    body = mail.outbox[1].body
    for enrollment in [*world.enrollments, other]:
        assert enrollment.user.first_name in body
    assert notifications.send_review_digests(today=tomorrow) == 0


def test_next_day_arrival_sends_the_next_digest(world, monkeypatch):
    first = hand_in(world.enrollments[0], world.assignment)
    assert notifications.work_arrived(submission_id=first.pk) == 1
    second = hand_in(world.enrollments[1], world.assignment)
    assert notifications.work_arrived(submission_id=second.pk) == 0

    tomorrow = TODAY() + datetime.timedelta(days=1)
    real_localdate = timezone.localdate

    def localdate(value=None, timezone=None):
        return tomorrow if value is None else real_localdate(value, timezone)

    monkeypatch.setattr(notifications.timezone, "localdate", localdate)
    assert notifications.work_arrived(submission_id=second.pk) == 1
    assert len(mail.outbox) == 2
    assert world.enrollments[1].user.first_name in mail.outbox[1].body


def test_every_supervisor_of_the_cohort_gets_her_own_digest(world):
    colleague = CohortStaffFactory(
        cohort=world.cohort,
        role=StaffRole.SUPERVISOR,
        user=UserFactory(username="sup2", email="sup2@example.org"),
    ).user
    submission = hand_in(world.enrollments[0], world.assignment)
    assert notifications.work_arrived(submission_id=submission.pk) == 2
    assert len(mails_to("sup@example.org")) == 1
    assert len(mails_to(colleague.email)) == 1


def test_supervisor_of_another_cohort_and_coordinator_get_nothing(world):
    elsewhere = CohortFactory(course=world.course)
    CohortStaffFactory(
        cohort=elsewhere,
        role=StaffRole.SUPERVISOR,
        user=UserFactory(username="sup-elsewhere", email="else@example.org"),
    )
    world.coordinator.email = "coord@example.org"
    world.coordinator.save()
    CohortStaffFactory(
        cohort=world.cohort, role=StaffRole.COORDINATOR, user=world.coordinator
    )

    submission = hand_in(world.enrollments[0], world.assignment)
    notifications.work_arrived(submission_id=submission.pk)
    notifications.send_review_digests()

    assert [m.to for m in mail.outbox] == [["sup@example.org"]]


def test_her_digest_lists_only_her_cohorts_waiting_work(world):
    elsewhere = CohortFactory(course=world.course)
    stranger = EnrollmentFactory(
        cohort=elsewhere, user=UserFactory(username="x", first_name="Fremmed")
    )
    hand_in(stranger, world.assignment)
    SubmissionFactory(enrollment=world.enrollments[1])  # a draft: not handed in
    hand_in(world.enrollments[0], world.assignment)

    assert notifications.send_review_digests() == 1
    body = mail.outbox[0].body
    assert world.enrollments[0].user.first_name in body
    assert world.enrollments[1].user.first_name not in body
    assert "Fremmed" not in body


def test_nothing_waiting_no_digest(world):
    SubmissionFactory(enrollment=world.enrollments[0])  # draft
    assert notifications.send_review_digests() == 0
    assert mail.outbox == []


def test_supervisor_without_email_gets_nothing_and_nothing_fails(
    world, django_capture_on_commit_callbacks
):
    world.supervisor.email = ""
    world.supervisor.save()
    with django_capture_on_commit_callbacks(execute=True):
        hand_in(world.enrollments[0], world.assignment)
    assert notifications.send_review_digests() == 0
    assert mail.outbox == []
    assert not NotificationLog.objects.exists()


def test_digest_is_in_the_supervisors_language(world, monkeypatch):
    Profile.objects.create(user=world.supervisor, language="en")
    seen = []
    real_send = lms_mail.send_mail

    def spy(subject, body, from_email, recipients):
        seen.append(translation.get_language())
        return real_send(subject, body, from_email, recipients)

    monkeypatch.setattr(lms_mail, "send_mail", spy)
    hand_in(world.enrollments[0], world.assignment)
    assert notifications.send_review_digests() == 1
    assert seen == ["en"]
    # An absolute link to her queue (or the dashboard until it exists).
    assert "http://testserver/en/" in mail.outbox[0].body


def test_digest_query_count_does_not_grow_with_the_queue(world):
    def digest_queries(count):
        NotificationLog.objects.all().delete()
        mail.outbox.clear()
        for n in range(count):
            trainee = EnrollmentFactory(cohort=world.cohort)
            assignment = AssignmentFactory() if n % 2 else world.assignment
            hand_in(trainee, assignment)
        with CaptureQueriesContext(connection) as queries:
            assert notifications.send_review_digests() == 1
        return len(queries)

    few = digest_queries(3)
    many = digest_queries(27)  # 30 waiting now
    assert "Lesestund" in mail.outbox[0].body
    assert few == many


def test_long_queue_lists_the_oldest_and_counts_the_rest(world, monkeypatch):
    monkeypatch.setattr(notifications, "DIGEST_MAX_ITEMS", 2)
    for _n in range(4):
        hand_in(EnrollmentFactory(cohort=world.cohort), world.assignment)
    assert notifications.send_review_digests() == 1
    digest = mail.outbox[0]
    assert "4" in digest.subject
    assert digest.body.count("Lesestund") == 2


def test_failed_send_is_retried_later(world, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(lms_mail, "send_mail", broken)
    submission = hand_in(world.enrollments[0], world.assignment)
    assert notifications.work_arrived(submission_id=submission.pk) == 0
    assert not NotificationLog.objects.exists()

    monkeypatch.undo()
    assert notifications.send_review_digests() == 1
    assert len(mail.outbox) == 1


def test_a_digest_claimed_elsewhere_is_not_sent_again(world):
    # Another worker logged today's digest first: the unique row decides.
    NotificationLog.objects.create(
        user=world.supervisor, kind="review_digest", key=TODAY().isoformat()
    )
    submission = hand_in(world.enrollments[0], world.assignment)
    assert notifications.work_arrived(submission_id=submission.pk) == 0
    assert (
        notifications._claim(world.supervisor, "review_digest", TODAY().isoformat())
        is None
    )
    assert mail.outbox == []


def test_nothing_is_sent_before_the_hand_in_commits(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        hand_in(world.enrollments[0], world.assignment)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_daily_command_sends_digests_and_reminders(world):
    hand_in(world.enrollments[0], world.assignment)
    out = io.StringIO()
    call_command("send_homework_notices", stdout=out)
    assert "1 review digest" in out.getvalue()
    assert len(mail.outbox) == 1
    call_command("send_homework_notices", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_daily_task_runs_inline(world):
    hand_in(world.enrollments[0], world.assignment)
    result = tasks.send_daily_notices.enqueue()
    assert result.return_value == {"digests": 1, "reminders": 0}


# --- feedback released -------------------------------------------------------------


def released_review(enrollment, assignment, **kwargs):
    submission = SubmissionFactory(
        enrollment=enrollment,
        assignment_key=assignment.translation_key,
        handed_in=True,
    )
    version = SubmissionVersionFactory(submission=submission)
    return ReviewFactory(version=version, **kwargs)


def test_feedback_mail_goes_to_the_trainee_once(
    world, django_capture_on_commit_callbacks
):
    trainee = world.enrollments[0].user
    review = released_review(world.enrollments[0], world.assignment)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.on_feedback_released(review)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [trainee.email]
    assert "Lesestund" in message.body
    assert review.feedback not in message.body  # she reads it on the site
    assert "http://testserver/nb/" in message.body

    assert notifications.feedback_released(review_id=review.pk) is False
    assert len(mail.outbox) == 1


def test_feedback_mail_is_in_her_language(world, monkeypatch):
    trainee = world.enrollments[0].user
    Profile.objects.create(user=trainee, language="ar")
    review = released_review(
        world.enrollments[0], world.assignment, decision=ReviewDecision.APPROVED
    )
    seen = []
    real_send = lms_mail.send_mail

    def spy(subject, body, from_email, recipients):
        seen.append(translation.get_language())
        return real_send(subject, body, from_email, recipients)

    monkeypatch.setattr(lms_mail, "send_mail", spy)
    assert notifications.feedback_released(review_id=review.pk) is True
    assert seen == ["ar"]
    assert "http://testserver/ar/" in mail.outbox[0].body
    assert translation.get_language() != "ar"  # restored afterwards


def test_feedback_mail_uses_the_assignment_title_in_her_language(world, locales):
    trainee = world.enrollments[0].user
    Profile.objects.create(user=trainee, language="ar")
    world.assignment.copy_for_translation(locales["ar"]).save()
    from lms.models import Assignment

    arabic = Assignment.objects.get(
        translation_key=world.assignment.translation_key, locale=locales["ar"]
    )
    arabic.title = "وقت القراءة"
    arabic.save()
    review = released_review(world.enrollments[0], world.assignment)
    notifications.feedback_released(review_id=review.pk)
    assert "وقت القراءة" in mail.outbox[0].body


def test_trainee_without_email_gets_no_mail_and_no_error(
    world, django_capture_on_commit_callbacks
):
    trainee = world.enrollments[0].user
    trainee.email = ""
    trainee.save()
    review = released_review(world.enrollments[0], world.assignment)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.on_feedback_released(review)
    assert notifications.feedback_released(review_id=review.pk) is False
    assert mail.outbox == []
    assert not NotificationLog.objects.exists()


def test_a_review_draft_sends_nothing(world):
    review = released_review(world.enrollments[0], world.assignment, released_at=None)
    assert notifications.feedback_released(review_id=review.pk) is False
    assert mail.outbox == []


# --- due in two days -----------------------------------------------------------------


@pytest.fixture
def due(world, monkeypatch):
    """The assignment sits in the first module; returns the day it is due."""
    module_key = world.modules[0].translation_key

    def fake(module_keys):
        return {module_key: [world.assignment]} if module_key in module_keys else {}

    monkeypatch.setattr("lms.homework.assignments_in_modules", fake, raising=False)
    session = world.sessions[0]
    return timezone.localdate(session.starts_at) + datetime.timedelta(
        days=world.assignment.due_days_after_session
    )


def test_reminder_two_days_before_once_only(world, due):
    before = due - datetime.timedelta(days=2)
    assert notifications.send_due_reminders(today=before - datetime.timedelta(1)) == 0
    assert notifications.send_due_reminders(today=before) == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "hodan@example.org",
    ]
    assert "Lesestund" in mail.outbox[0].subject
    assert notifications.send_due_reminders(today=before) == 0
    assert notifications.send_due_reminders(today=due) == 0
    assert len(mail.outbox) == 2


def test_no_reminder_for_work_handed_in(world, due):
    handed = world.enrollments[0]
    hand_in(handed, world.assignment)
    drafting = world.enrollments[1]
    draft = SubmissionFactory(
        enrollment=drafting, assignment_key=world.assignment.translation_key
    )
    mail.outbox.clear()

    assert notifications.send_due_reminders(today=due - datetime.timedelta(2)) == 1
    assert mail.outbox[0].to == [drafting.user.email]
    # Her draft exists: the link leads to it (or the dashboard until it exists).
    assert "http://testserver/nb/" in mail.outbox[0].body
    assert not NotificationLog.objects.filter(
        kind="due_reminder", key=f"{handed.pk}:{world.assignment.translation_key}"
    ).exists()
    assert draft.pk


def test_no_reminder_without_email_or_when_not_active(world, due):
    world.enrollments[0].user.email = ""
    world.enrollments[0].user.save()
    world.enrollments[1].status = EnrollmentStatus.WITHDRAWN
    world.enrollments[1].save()
    assert notifications.send_due_reminders(today=due - datetime.timedelta(2)) == 0
    assert mail.outbox == []


def test_no_reminder_when_the_session_is_cancelled(world, due):
    world.sessions[0].cancelled = True
    world.sessions[0].save()
    assert notifications.send_due_reminders(today=due - datetime.timedelta(2)) == 0


def test_reminder_is_in_her_language(world, due, monkeypatch):
    Profile.objects.create(user=world.enrollments[0].user, language="ar")
    languages = {}
    real_send = lms_mail.send_mail

    def spy(subject, body, from_email, recipients):
        languages[recipients[0]] = translation.get_language()
        return real_send(subject, body, from_email, recipients)

    monkeypatch.setattr(lms_mail, "send_mail", spy)
    notifications.send_due_reminders(today=due - datetime.timedelta(2))
    assert languages == {"amina@example.org": "ar", "hodan@example.org": "nb"}
    arabic = mails_to("amina@example.org")[0]
    assert "http://testserver/ar/" in arabic.body
