"""The demo alumna (issue 14): `alumna` (Fatima Rahimi) took the base training
in chapter Stovner's earlier cohort, met its completion rule and holds a
verifiable diploma; she then applied to the ICDP facilitator track and was
accepted into its Stovner cohort, which starts in a few weeks.

Nothing is faked: her earlier cohort's sixteen evenings are all in the past
and she attended fifteen (one absence with notice); she handed in every
homework assignment and her supervisor approved it; she passed every quiz
(her written answers marked by the supervisor) and completed every
interactive exercise placed in the course. All of it goes through the same
services a trainee and her supervisor use, and the diploma is issued by
lms.diplomas.issue under the cohort's completion rule, which refuses it
otherwise (then loading stops with the reasons). Her application is
written as accepting it leaves it (decided by the coordinator, with her
enrollment in the ICDP group), with lms.enrolment for the enrollment.

Call :func:`build_alumna` after the Alna cohort, the quizzes and the
interactive exercises are in place (it finds what the course's modules
place). Idempotent: once she holds the diploma, her earlier cohort is left
as it is; the application is made once.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.demo import homework as demo_homework
from cms.demo import quizzes as demo_quizzes
from cms.demo.h5p import _answer as answer_exercise
from cms.demo.localize import DemoError
from courses.models import CoursePage
from lms import (
    attendance,
    completion,
    enrolment,
    homework,
    planning,
    progress,
    quizzes,
)
from lms.choices import (
    ApplicationStatus,
    AttendanceStatus,
    EnrollmentStatus,
    QuestionKind,
    ReviewDecision,
    RoleGroup,
    StaffRole,
)
from lms.diplomas.issue import NotEligible, issue_diploma, verification_url
from lms.h5p.activities import activities_in_modules
from lms.models import (
    Attendance,
    Chapter,
    Cohort,
    CohortStaff,
    Diploma,
    Quiz,
    Sitting,
    TrackApplication,
)

USERNAME = "alumna"
CHAPTER_NAME = "Stovner"
CHAPTER_SLUG = "stovner"
BASE_COURSE_SLUG = "grunnopplaering"
ICDP_COURSE_SLUG = "icdp-veileder"
SOURCE_LANGUAGE = "nb"
PLACE = "Stovner bibliotek"
STARTS_AT = datetime.time(18, 0)
DURATION = datetime.timedelta(hours=2, minutes=30)
BASE_COHORT_NAME = "Grunnopplæring Stovner"
ICDP_COHORT_NAME = "ICDP-veileder Stovner"
# Her base training ended this many weeks before the demo is loaded ...
BASE_ENDED_WEEKS_AGO = 6
# ... she missed this evening of it (index 0-15), with notice ...
EXCUSED_EVENING = 10
# ... and the ICDP group's first evening is this many weeks ahead.
ICDP_STARTS_IN_WEEKS = 3

ESSAY = (
    "Jeg lytter først og spør hva hun trenger. Så forteller jeg hvor hun kan "
    "få hjelp, og går sammen med henne hvis hun vil."
)
ESSAY_FEEDBACK = "Godt svart: du lytter før du gir råd."
APPLICATION = (
    "Jeg vil gjerne lede foreldregrupper for mødre i bydelen, på dari og norsk."
)


def _course(slug):
    try:
        return CoursePage.objects.get(slug=slug, locale__language_code=SOURCE_LANGUAGE)
    except CoursePage.DoesNotExist:
        raise DemoError(f"The demo course {slug!r} is missing.") from None


def _cohort(chapter, course, name, first_day, *, staff, log):
    """The cohort `name` of `course` in `chapter`, with weekly sessions from
    `first_day`, one per module, and its coordinator and supervisor."""
    modules = list(course.modules())
    cohort, created = Cohort.objects.get_or_create(
        chapter=chapter,
        name=name,
        defaults={
            "course": course,
            "starts_on": first_day,
            "ends_on": first_day + datetime.timedelta(weeks=len(modules) - 1),
            "language": SOURCE_LANGUAGE,
        },
    )
    if created:
        log(f"  created cohort {name!r}")
    for user, role in staff:
        CohortStaff.objects.get_or_create(cohort=cohort, user=user, role=role)
    if not cohort.sessions.exists():
        planning.create_sessions(
            sessions=planning.propose_sessions(
                cohort=cohort,
                modules=modules,
                first_starts_at=timezone.make_aware(
                    datetime.datetime.combine(cohort.starts_on, STARTS_AT)
                ),
                duration=DURATION,
                place=PLACE,
            )
        )
        log(f"  planned {len(modules)} weekly sessions of {name!r} at {PLACE}")
    return cohort


def _attend(enrollment, sessions, coordinator):
    recorded = set(
        Attendance.objects.filter(enrollment=enrollment).values_list(
            "session_id", flat=True
        )
    )
    now = timezone.now()
    for index, session in enumerate(sessions):
        if session.pk in recorded or session.starts_at > now:
            continue
        attendance.record_attendance(
            session=session,
            enrollment=enrollment,
            status=(
                AttendanceStatus.EXCUSED
                if index == EXCUSED_EVENING
                else AttendanceStatus.PRESENT
            ),
            by=coordinator,
        )


def _hand_in_homework(enrollment, modules, supervisor):
    """Every assignment of the course handed in and approved."""
    placed = homework.assignments_in_modules([m.translation_key for m in modules])
    for module in modules:
        for assignment in placed.get(module.translation_key, []):
            if enrollment.submissions.filter(
                assignment_key=assignment.translation_key
            ).exists():
                continue
            submission = demo_homework._hand_in(
                enrollment,
                assignment,
                module.translation_key,
                demo_homework.REPORT_A,
                days_ago=7 * (BASE_ENDED_WEEKS_AGO + 2),
            )
            demo_homework._review(
                submission,
                supervisor,
                ReviewDecision.APPROVED,
                demo_homework.WELL_DONE,
                release=True,
            )


def _sit_quizzes(enrollment, modules, supervisor):
    """Every quiz of the course sat and passed; written answers marked."""
    user = enrollment.user
    placed = completion.quizzes_in_modules([m.translation_key for m in modules])
    for number, (module_key, quiz_key, _title) in enumerate(placed):
        if Sitting.objects.filter(user=user, quiz_key=quiz_key).exists():
            continue
        quiz = (
            Quiz.objects.filter(
                translation_key=quiz_key, locale__language_code=SOURCE_LANGUAGE
            ).first()
            or Quiz.objects.filter(translation_key=quiz_key).first()
        )
        sitting, _new = quizzes.start_or_resume(
            user=user,
            enrollment=enrollment,
            quiz=quiz,
            module_key=module_key,
            rng=random.Random(100 + number),  # noqa: S311 (demo data)
        )
        copies = quizzes.read_quiz(quiz_key, SOURCE_LANGUAGE)
        questions = quizzes.questions_of(copies, sitting.question_keys, images=False)
        for key in sitting.question_keys:
            question = questions[key]
            if question.kind == QuestionKind.ESSAY:
                answered = quizzes.answer_question(
                    sitting=sitting,
                    user=user,
                    question=question,
                    question_key=key,
                    text=ESSAY,
                )
                quizzes.mark_answer(
                    answer=answered.answer,
                    marker=supervisor,
                    correct=True,
                    feedback=ESSAY_FEEDBACK,
                )
            else:
                quizzes.answer_question(
                    sitting=sitting,
                    user=user,
                    question=question,
                    question_key=key,
                    **demo_quizzes._answer(question, True),
                )


def _do_exercises(enrollment, modules):
    """Every interactive exercise of the course completed, right."""
    from lms.h5p import xapi

    placed = activities_in_modules([m.translation_key for m in modules])
    activities = {a.translation_key: a for found in placed.values() for a in found}
    results = xapi.results_for([enrollment.user_id], list(activities))
    for key, activity in activities.items():
        result = results.get((enrollment.user_id, key))
        if result is None or not result.completed:
            answer_exercise(enrollment.user, activity, 1)


def _base_training(alumna, chapter, coordinator, supervisor, log):
    """Her earlier, finished base-training cohort and her diploma of it."""
    course = _course(BASE_COURSE_SLUG)
    weeks = len(list(course.modules()))
    first_day = timezone.localdate() - datetime.timedelta(
        weeks=weeks - 1 + BASE_ENDED_WEEKS_AGO
    )
    cohort = _cohort(
        chapter,
        course,
        BASE_COHORT_NAME,
        first_day,
        staff=[
            (coordinator, StaffRole.COORDINATOR),
            (supervisor, StaffRole.SUPERVISOR),
        ],
        log=log,
    )
    diploma = Diploma.objects.filter(
        enrollment__cohort=cohort, user=alumna, revoked_at__isnull=True
    ).first()
    if diploma is not None:
        return diploma
    enrollment = cohort.enrollments.filter(user=alumna).first()
    if enrollment is None:
        enrollment = enrolment.enroll(
            cohort=cohort, user=alumna, enrolled_on=cohort.starts_on
        )
    if enrollment.status != EnrollmentStatus.ACTIVE:
        raise DemoError(
            f"{USERNAME}'s enrollment in {BASE_COHORT_NAME!r} is "
            f"{enrollment.status}; she needs it active to earn her diploma."
        )
    modules = list(course.modules())
    sessions = list(cohort.sessions.order_by("starts_at"))
    _attend(enrollment, sessions, coordinator)
    for module in modules:
        progress.mark_module_reviewed(
            enrollment=enrollment, module_key=module.translation_key
        )
    _hand_in_homework(enrollment, modules, supervisor)
    _sit_quizzes(enrollment, modules, supervisor)
    _do_exercises(enrollment, modules)
    try:
        diploma = issue_diploma(enrollment, by=coordinator)
    except NotEligible as refused:
        raise DemoError(
            f"{USERNAME} does not meet {BASE_COHORT_NAME!r}'s completion rule: "
            + "; ".join(refused.reasons)
        ) from None
    log(f"  issued {USERNAME}'s base-training diploma (code {diploma.code})")
    return diploma


def _icdp(alumna, chapter, coordinator, supervisor, log):
    """The ICDP facilitator group she applied to and was accepted into."""
    course = _course(ICDP_COURSE_SLUG)
    first_day = timezone.localdate() + datetime.timedelta(weeks=ICDP_STARTS_IN_WEEKS)
    cohort = _cohort(
        chapter,
        course,
        ICDP_COHORT_NAME,
        first_day,
        staff=[
            (coordinator, StaffRole.COORDINATOR),
            (supervisor, StaffRole.SUPERVISOR),
        ],
        log=log,
    )
    application = TrackApplication.objects.filter(user=alumna, course=course).first()
    if application is None:
        # What accepting her application leaves behind: the application,
        # decided, and her place in the group.
        enrollment = enrolment.enroll(cohort=cohort, user=alumna)
        application = TrackApplication.objects.create(
            user=alumna,
            course=course,
            message=APPLICATION,
            status=ApplicationStatus.ACCEPTED,
            cohort=cohort,
            enrollment=enrollment,
            decided_by=coordinator,
            decided_at=timezone.now(),
        )
        log(f"  {USERNAME} applied to {course.title!r} and was accepted")
    return cohort, application


def build_alumna(*, log=print) -> dict:
    """Her finished base training with its diploma, and her ICDP group.
    Returns {"diploma", "verification_url", "icdp_cohort", "application"}."""
    User = get_user_model()
    alumna = User.objects.get(username=USERNAME)
    coordinator = User.objects.get(username="coordinator")
    supervisor = User.objects.get(username="supervisor")
    enrolment.add_to_role(user=coordinator, role=RoleGroup.COORDINATOR)
    enrolment.add_to_role(user=supervisor, role=RoleGroup.SUPERVISOR)
    chapter, created = Chapter.objects.get_or_create(
        slug=CHAPTER_SLUG, defaults={"name": CHAPTER_NAME}
    )
    if created:
        log(f"  created chapter {CHAPTER_NAME}")
    chapter.coordinators.add(coordinator)

    diploma = _base_training(alumna, chapter, coordinator, supervisor, log)
    cohort, application = _icdp(alumna, chapter, coordinator, supervisor, log)
    url = verification_url(diploma.code)
    log(f"  {USERNAME}'s diploma can be verified at {url}")
    return {
        "diploma": diploma,
        "verification_url": url,
        "icdp_cohort": cohort,
        "application": application,
    }
