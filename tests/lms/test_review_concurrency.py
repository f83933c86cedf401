"""Two supervisors, two clicks: there is never a double decision or version.

The two-connection tests need a database with real row locks: they run in
the PostgreSQL run of `make test` (``.ci/with-postgres``) and are skipped on
SQLite, whose in-memory test database has one connection. The sequential
tests below them run on both.
"""

import threading
import time

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lms import homework, reviews
from lms.choices import ReviewDecision, StaffRole, SubmissionStatus
from lms.models import Review, Submission, SubmissionVersion
from tests.factories.homework import (
    AssignmentFactory,
    ReviewFactory,
    SubmissionFactory,
)
from tests.factories.lms import CohortStaffFactory, UserFactory
from tests.lms.test_review_page import hand_in

ON_POSTGRES = connection.vendor == "postgresql"
NEEDS_POSTGRES = (
    "needs two real database connections with row locks: runs in the "
    "PostgreSQL run of `make test` (.ci/with-postgres)"
)


@pytest.fixture
def sub(cohort_with_sessions):
    w = cohort_with_sessions
    w.colleague = UserFactory(username="sup2")
    CohortStaffFactory(cohort=w.cohort, user=w.colleague, role=StaffRole.SUPERVISOR)
    w.assignment = AssignmentFactory()
    w.submission = hand_in(w.enrollments[0], w.assignment, w.modules[0])
    return w


def in_thread(work):
    """Run `work` in a thread with its own database connection."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:  # reported to the test
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def wait_until_someone_waits_for_a_lock(timeout=10.0) -> bool:
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def decide(submission, reviewer, feedback, *, expected_state=0, release=True):
    return reviews.save_review(
        submission=submission,
        version_number=1,
        reviewer=reviewer,
        decision=ReviewDecision.NEEDS_REVISION,
        feedback=feedback,
        release=release,
        expected_state=expected_state,
    )


# --- two connections (PostgreSQL) --------------------------------------------


def _hold_lock_while_other_tries(first, second):
    """`first` saves in a transaction and keeps it open until `second` is
    waiting for the row lock; then commits. Returns both outcomes."""
    first_done = threading.Event()
    second_started = threading.Event()
    waited = {}

    def run_first():
        with transaction.atomic():
            value = first()
            first_done.set()
            second_started.wait(10)
            waited["lock"] = wait_until_someone_waits_for_a_lock()
        return value

    def run_second():
        first_done.wait(10)
        second_started.set()
        return second()

    a, first_outcome = in_thread(run_first)
    b, second_outcome = in_thread(run_second)
    a.join(30)
    b.join(30)
    assert waited.get("lock"), "the second save never waited for the row lock"
    return first_outcome, second_outcome


@pytest.mark.parametrize("release", [True, False], ids=["released", "draft"])
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not ON_POSTGRES, reason=NEEDS_POSTGRES)
def test_second_supervisor_waits_then_gets_a_conflict(sub, release):
    first, second = _hold_lock_while_other_tries(
        lambda: decide(sub.submission, sub.supervisor, "FØRST", release=release),
        lambda: decide(sub.submission, sub.colleague, "ANDRE", release=release),
    )
    assert "error" not in first, first
    assert isinstance(second.get("error"), reviews.ReviewConflict), second
    assert list(Review.objects.values_list("feedback", flat=True)) == ["FØRST"]
    sub.submission.refresh_from_db()
    assert sub.submission.review_state == 1
    expected = (
        SubmissionStatus.NEEDS_REVISION if release else SubmissionStatus.SUBMITTED
    )
    assert sub.submission.status == expected


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not ON_POSTGRES, reason=NEEDS_POSTGRES)
def test_two_supervisors_posting_the_form_at_once_make_one_decision(sub):
    """Both press "Release" at the same moment: one 302, one 409, one review."""
    with translation.override("en"):
        page = reverse("lms:review", kwargs={"pk": sub.submission.pk})
    start = threading.Barrier(2)

    def post(user, feedback):
        def work():
            client = Client()
            client.force_login(user)
            start.wait(10)
            response = client.post(
                page,
                {
                    "expected_state": 0,
                    "version_number": 1,
                    "decision": ReviewDecision.APPROVED,
                    "feedback": feedback,
                    "action": "release",
                },
            )
            return response.status_code, response.content.decode()

        return in_thread(work)

    threads = [post(sub.supervisor, "FRA-EN"), post(sub.colleague, "FRA-TO")]
    for thread, _outcome in threads:
        thread.join(30)
    results = [outcome["value"] for _thread, outcome in threads]
    assert sorted(status for status, _html in results) == [302, 409]
    loser_html = next(html for status, html in results if status == 409)
    kept = "FRA-TO" if "FRA-TO</textarea>" in loser_html else "FRA-EN"
    assert f">{kept}</textarea>" in loser_html
    assert Review.objects.count() == 1
    assert Review.objects.get().feedback != kept


def _draft_ready(w):
    submission = SubmissionFactory(
        enrollment=w.enrollments[1],
        assignment_key=w.assignment.translation_key,
        module_key=w.modules[0].translation_key,
        draft_text="Mitt svar",
        draft_revision=1,
    )
    return submission


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not ON_POSTGRES, reason=NEEDS_POSTGRES)
def test_double_clicked_hand_in_makes_one_version(sub):
    submission = _draft_ready(sub)
    user = sub.enrollments[1].user

    def hand_it_in():
        return homework.submit(
            submission=submission, assignment=sub.assignment, revision=1, user=user
        ).pk

    first, second = _hold_lock_while_other_tries(hand_it_in, hand_it_in)
    assert "error" not in first and "error" not in second, (first, second)
    assert first["value"] == second["value"]
    assert SubmissionVersion.objects.filter(submission=submission).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not ON_POSTGRES, reason=NEEDS_POSTGRES)
def test_hand_ins_started_at_the_same_moment_make_one_version(sub):
    user = sub.enrollments[1].user
    for _round in range(5):
        submission = _draft_ready(sub)
        start = threading.Barrier(2)

        def hand_it_in(submission=submission, start=start):
            start.wait(10)
            return homework.submit(
                submission=submission, assignment=sub.assignment, revision=1, user=user
            ).pk

        threads = [in_thread(hand_it_in), in_thread(hand_it_in)]
        for thread, _outcome in threads:
            thread.join(30)
        outcomes = [outcome for _thread, outcome in threads]
        assert all("value" in o for o in outcomes), outcomes
        assert outcomes[0]["value"] == outcomes[1]["value"]
        assert SubmissionVersion.objects.filter(submission=submission).count() == 1
        submission.delete()


# --- one connection (both databases) -----------------------------------------


@pytest.mark.django_db
def test_a_stale_form_is_refused_and_writes_nothing(sub):
    decide(sub.submission, sub.supervisor, "FØRST")
    with pytest.raises(reviews.ReviewConflict):
        decide(sub.submission, sub.colleague, "ANDRE", expected_state=0)
    assert list(Review.objects.values_list("feedback", flat=True)) == ["FØRST"]


@pytest.mark.django_db
def test_a_conflict_message_is_translated(sub):
    decide(sub.submission, sub.supervisor, "FØRST")
    with pytest.raises(reviews.ReviewConflict) as conflict:
        decide(sub.submission, sub.colleague, "ANDRE", expected_state=0)
    with translation.override("en"):
        english = str(conflict.value.message)
    assert english.startswith("Another supervisor saved a review")


@pytest.mark.django_db
def test_the_same_draft_handed_in_twice_gives_one_version(sub):
    submission = _draft_ready(sub)
    user = sub.enrollments[1].user
    first = homework.submit(
        submission=submission, assignment=sub.assignment, revision=1, user=user
    )
    again = homework.submit(
        submission=submission, assignment=sub.assignment, revision=1, user=user
    )
    assert first.pk == again.pk
    assert submission.versions.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_draft_or_a_reused_number(sub):
    version = sub.submission.versions.get()
    ReviewFactory(version=version, number=1, released_at=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(version=version, number=2, released_at=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(version=version, number=1)
    assert Submission.objects.get(pk=sub.submission.pk).reviews.count() == 1
