"""The completion rule: each requirement met, not met, waived or not
applicable, with its numbers; the cohort's rule over the course's."""

import datetime

import pytest
from django.utils import timezone, translation

from lms import completion
from lms.choices import (
    AttendanceStatus,
    EnrollmentStatus,
    ExceptionKind,
    Requirement,
    SubmissionStatus,
)
from lms.completion import State
from lms.models import CompletionException
from tests.lms.completion.conftest import attend, complete, hand_in


@pytest.fixture(autouse=True)
def in_english():
    """The services' messages are read in English, the source strings."""
    with translation.override("en"):
        yield


def test_everything_done_meets_the_rule(finished):
    amina = finished.enrollments[0]
    complete(finished, amina)
    result = completion.evaluate(amina)
    assert result.met
    states = {c.requirement: c.state for c in result.checks}
    assert states[Requirement.ATTENDANCE] == State.MET
    assert states[Requirement.HOMEWORK] == State.MET
    # No quizzes or exercises in the course; modules not asked for.
    assert states[Requirement.QUIZZES] == State.NOT_APPLICABLE
    assert states[Requirement.H5P] == State.NOT_APPLICABLE
    assert states[Requirement.MODULES] == State.NOT_APPLICABLE


def test_late_enrollment_counts_only_sessions_after_she_came(finished):
    hodan = finished.enrollments[1]
    # She came after the first two sessions and attended the last two.
    hodan.enrolled_on = timezone.localdate(finished.sessions[2].starts_at)
    hodan.save()
    attend(hodan, finished.sessions[2:])
    hand_in(hodan, finished.assignment, finished.modules[0])
    check = completion.evaluate(hodan).check(Requirement.ATTENDANCE)
    assert (check.done, check.needed) == (2, 2)
    assert check.state == State.MET


def test_missing_sessions_fails_attendance_and_says_why(finished):
    amina = finished.enrollments[0]
    attend(amina, finished.sessions[:2])
    hand_in(amina, finished.assignment, finished.modules[0])
    result = completion.evaluate(amina)
    check = result.check(Requirement.ATTENDANCE)
    assert check.state == State.NOT_MET
    assert (check.done, check.needed) == (2, 4)
    assert not result.met
    assert result.at_risk
    assert any("2 of 4" in reason for reason in result.reasons)


def test_an_excused_absence_counts_as_present(finished):
    amina = finished.enrollments[0]
    attend(amina, finished.sessions[:3])
    attend(amina, finished.sessions[3:], AttendanceStatus.EXCUSED)
    hand_in(amina, finished.assignment, finished.modules[0])
    # 3 of 4 is 75%: not enough for 80%.
    assert not completion.evaluate(amina).met
    CompletionException.objects.create(
        enrollment=amina,
        kind=ExceptionKind.EXCUSED_ABSENCE,
        session=finished.sessions[3],
        reason="Syk barn",
        granted_by=finished.coordinator,
    )
    result = completion.evaluate(amina)
    check = result.check(Requirement.ATTENDANCE)
    assert (check.done, check.needed) == (4, 4)
    assert result.met
    assert [e.reason for e in result.exceptions] == ["Syk barn"]


def test_homework_needing_revision_is_not_approved(finished):
    amina = finished.enrollments[0]
    attend(amina, finished.sessions)
    hand_in(
        amina, finished.assignment, finished.modules[0], SubmissionStatus.NEEDS_REVISION
    )
    result = completion.evaluate(amina)
    check = result.check(Requirement.HOMEWORK)
    assert check.state == State.NOT_MET
    assert (check.done, check.needed) == (0, 1)
    assert [item.title for item in check.remaining] == ["Lesestund"]
    assert check.at_risk
    assert not result.met


def test_a_waived_requirement_is_shown_waived_with_its_reason(finished):
    amina = finished.enrollments[0]
    attend(amina, finished.sessions)
    CompletionException.objects.create(
        enrollment=amina,
        kind=ExceptionKind.WAIVER,
        requirement=Requirement.HOMEWORK,
        reason="Leverte muntlig",
        granted_by=finished.coordinator,
    )
    result = completion.evaluate(amina)
    check = result.check(Requirement.HOMEWORK)
    assert check.state == State.WAIVED
    assert "Leverte muntlig" in check.summary
    assert result.met


def test_the_cohorts_rule_overrides_the_courses(finished):
    amina = finished.enrollments[0]
    attend(amina, finished.sessions[:2])
    hand_in(amina, finished.assignment, finished.modules[0])
    assert not completion.evaluate(amina).met
    finished.cohort.min_attendance_percent = 50
    finished.cohort.save()
    assert completion.evaluate(amina).met
    finished.cohort.require_modules_reviewed = True
    finished.cohort.save()
    check = completion.evaluate(amina).check(Requirement.MODULES)
    assert check.state == State.NOT_MET
    assert (check.done, check.needed) == (0, 4)


def test_a_withdrawn_trainee_never_completes(finished):
    amina = finished.enrollments[0]
    complete(finished, amina)
    amina.status = EnrollmentStatus.WITHDRAWN
    amina.save()
    result = completion.evaluate(amina)
    assert not result.met
    assert result.withdrawn


def test_midway_she_is_on_track_not_yet_complete(cohort_with_sessions):
    world = cohort_with_sessions
    amina = world.enrollments[0]
    attend(amina, world.sessions[:2])
    result = completion.evaluate(amina)
    check = result.check(Requirement.ATTENDANCE)
    assert (check.done, check.needed) == (2, 2)
    assert check.state == State.NOT_MET  # two sessions still to come
    assert result.on_track
    assert not result.at_risk


def test_a_cohort_with_no_sessions_is_not_met_without_error(build_course):
    from tests.factories.lms import CohortFactory, EnrollmentFactory

    course, _modules = build_course(modules=2)
    cohort = CohortFactory(course=course)
    enrollment = EnrollmentFactory(cohort=cohort)
    result = completion.evaluate(enrollment)
    assert not result.met
    assert result.check(Requirement.ATTENDANCE).state == State.NOT_MET


def test_a_session_before_she_enrolled_is_not_held_against_her(finished):
    # Hodan enrolled a day after the first session and missed it.
    hodan = finished.enrollments[1]
    hodan.enrolled_on = timezone.localdate(
        finished.sessions[0].starts_at
    ) + datetime.timedelta(days=1)
    hodan.save()
    attend(hodan, finished.sessions[1:])
    hand_in(hodan, finished.assignment, finished.modules[0])
    assert completion.evaluate(hodan).met


def _sitting(enrollment, quiz, *, percent, passed):
    from lms.models import Sitting

    return Sitting.objects.create(
        user=enrollment.user,
        enrollment=enrollment,
        quiz_key=quiz.translation_key,
        complete=True,
        ended_at=timezone.now(),
        percent=percent,
        passed=passed,
    )


def test_a_quiz_not_passed_keeps_her_from_completing(finished):
    from tests.lms.completion.conftest import place
    from tests.lms.quizzes.conftest import make_quiz

    quiz = make_quiz(title="Klage på et vedtak")
    place(finished.modules[1], "quiz", quiz)
    amina = finished.enrollments[0]
    complete(finished, amina)
    check = completion.evaluate(amina).check(Requirement.QUIZZES)
    assert check.state == State.NOT_MET
    assert check.remaining[0].status == "Not taken"

    _sitting(amina, quiz, percent=40, passed=False)
    result = completion.evaluate(amina)
    check = result.check(Requirement.QUIZZES)
    assert check.state == State.NOT_MET
    assert "40" in check.remaining[0].status
    assert check.at_risk
    assert not result.met

    # Her best sitting counts: a later pass completes it.
    _sitting(amina, quiz, percent=90, passed=True)
    result = completion.evaluate(amina)
    assert result.check(Requirement.QUIZZES).state == State.MET
    assert result.met


def test_a_required_exercise_must_be_completed(finished, own_private_storage):
    from django.core.files import File

    from lms.h5p.activities import create_activity
    from lms.models import H5PAttempt
    from tests.lms.completion.conftest import place
    from tests.lms.h5p.builder import FIXTURES

    with (FIXTURES / "truefalse.h5p").open("rb") as handle:
        activity = create_activity(
            File(handle, name="truefalse.h5p"), title="Er dette usant?"
        )
    place(finished.modules[0], "h5p", activity)
    amina = finished.enrollments[0]
    complete(finished, amina)
    check = completion.evaluate(amina).check(Requirement.H5P)
    assert check.state == State.NOT_MET
    assert (check.done, check.needed) == (0, 1)
    H5PAttempt.objects.create(
        user=amina.user,
        activity_key=activity.translation_key,
        completed_at=timezone.now(),
        score_raw=1,
        score_max=1,
        success=True,
    )
    assert completion.evaluate(amina).met


def test_waiving_one_assignment_leaves_the_others_required(finished):
    from tests.factories.homework import AssignmentFactory
    from tests.lms.completion.conftest import place

    second = AssignmentFactory(title="Samtale")
    place(finished.modules[1], "assignment", second)
    amina = finished.enrollments[0]
    attend(amina, finished.sessions)
    CompletionException.objects.create(
        enrollment=amina,
        kind=ExceptionKind.WAIVER,
        requirement=Requirement.HOMEWORK,
        item_key=finished.assignment.translation_key,
        reason="Fikk ikke levert",
        granted_by=finished.coordinator,
    )
    check = completion.evaluate(amina).check(Requirement.HOMEWORK)
    assert check.state == State.NOT_MET
    assert [item.title for item in check.remaining] == ["Samtale"]
    hand_in(amina, second, finished.modules[1])
    assert completion.evaluate(amina).met
