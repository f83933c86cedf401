"""`load_demo` adds chapter Alna with a running cohort half way through the course.

The demo is loaded once for the module inside a transaction that is rolled
back afterwards (loading takes seconds), as in test_load_demo.py.
"""

import io
from itertools import pairwise

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from lms.choices import (
    AttendanceStatus,
    EnrollmentStatus,
    RoleGroup,
    StaffRole,
    SubmissionStatus,
)
from lms.models import (
    Attendance,
    Briefing,
    BriefingChange,
    Chapter,
    Cohort,
    CohortStaff,
    Enrollment,
    Material,
    ModuleProgress,
    Profile,
    Reflection,
    Review,
    Session,
    Submission,
    SubmissionVersion,
)
from tests.conftest import demo_loaded

pytestmark = pytest.mark.django_db

MODELS = [
    Chapter,
    Cohort,
    CohortStaff,
    Enrollment,
    Session,
    Attendance,
    ModuleProgress,
    Reflection,
    Profile,
    Submission,
    SubmissionVersion,
    Review,
    Briefing,
    BriefingChange,
    Material,
]


def counts():
    result = {model.__name__: model.objects.count() for model in MODELS}
    result["users"] = get_user_model().objects.count()
    result["lecturings"] = Session.lecturers.through.objects.count()
    result["group memberships"] = get_user_model().groups.through.objects.count()
    return result


@pytest.fixture(scope="module")
def loaded_once(django_db_setup, django_db_blocker):
    with demo_loaded(django_db_blocker):
        yield counts()


@pytest.fixture
def cohort(loaded_once):
    return Cohort.objects.get(chapter__name="Alna")


def user(username):
    return get_user_model().objects.get(username=username)


def test_alna_has_one_cohort_of_the_norwegian_base_course(cohort):
    chapter = Chapter.objects.get(name="Alna")
    assert list(chapter.cohorts.all()) == [cohort]
    assert cohort.course.slug == "grunnopplaering"
    assert cohort.course.locale.language_code == "nb"
    assert list(chapter.coordinators.all()) == [user("coordinator")]


def test_twelve_active_trainees_including_trainee(cohort):
    active = cohort.enrollments.filter(status=EnrollmentStatus.ACTIVE)
    assert active.count() == 12
    assert active.filter(user__username="trainee").exists()
    names = [(e.user.first_name, e.user.last_name) for e in active]
    assert all(first and last for first, last in names)
    assert len(set(names)) == 12
    trainee_group = user("trainee").groups.values_list("name", flat=True)
    assert RoleGroup.TRAINEE.value in trainee_group


def test_staff_have_their_roles(cohort):
    staff = set(cohort.staff.values_list("user__username", "role"))
    assert staff == {
        ("coordinator", StaffRole.COORDINATOR),
        ("supervisor", StaffRole.SUPERVISOR),
    }
    for username, role in [
        ("coordinator", RoleGroup.COORDINATOR),
        ("supervisor", RoleGroup.SUPERVISOR),
        ("lecturer", RoleGroup.LECTURER),
    ]:
        assert user(username).groups.filter(name=role.value).exists()
    assert 0 < user("lecturer").lectured_sessions.filter(cohort=cohort).count() < 16


def test_sixteen_weekly_sessions_with_exactly_eight_held(cohort):
    sessions = list(cohort.sessions.order_by("starts_at"))
    assert len(sessions) == 16
    assert [s.is_held for s in sessions] == [True] * 8 + [False] * 8
    assert [s.module.specific.number for s in sessions] == list(range(1, 17))
    assert all(s.module.locale.language_code == "nb" for s in sessions)
    local = [timezone.localtime(s.starts_at) for s in sessions]
    assert {(t.hour, t.minute) for t in local} == {(18, 0)}
    assert {(b.date() - a.date()).days for a, b in pairwise(local)} == {7}
    assert {s.place for s in sessions} == {"Furuset bibliotek"}
    assert local[0].date() == cohort.starts_on


def test_attendance_only_for_held_sessions_with_a_few_absences(cohort):
    attendance = Attendance.objects.filter(session__cohort=cohort)
    assert attendance.count() == 8 * 12
    assert not attendance.filter(session__starts_at__gt=timezone.now()).exists()
    excused = attendance.filter(status=AttendanceStatus.EXCUSED).count()
    absent = attendance.filter(status=AttendanceStatus.ABSENT).count()
    assert excused >= 2 and absent >= 2
    assert excused + absent < 12  # a few, not many
    mine = attendance.filter(enrollment__user__username="trainee")
    assert mine.filter(status=AttendanceStatus.PRESENT).count() >= 6


def test_progress_for_held_modules_some_reviewed(cohort):
    held_keys = {s.module.translation_key for s in cohort.sessions.all() if s.is_held}
    progress = ModuleProgress.objects.filter(enrollment__cohort=cohort)
    assert {p.module_key for p in progress} <= held_keys
    with_progress = progress.values("enrollment").distinct().count()
    assert with_progress >= 9  # most trainees
    reviewed = progress.filter(reviewed_at__isnull=False)
    assert 0 < reviewed.count() < progress.count()
    mine = progress.filter(enrollment__user__username="trainee")
    assert mine.filter(reviewed_at__isnull=False).exists()
    assert mine.filter(reviewed_at__isnull=True).exists()


def test_reflections_answer_the_modules_prompts_some_shared(cohort):
    reflections = Reflection.objects.filter(enrollment__cohort=cohort)
    assert reflections.filter(shared_at__isnull=False).exists()
    assert reflections.filter(shared_at__isnull=True).exists()
    modules = {
        s.module.translation_key: s.module.specific for s in cohort.sessions.all()
    }
    for reflection in reflections:
        module = modules[reflection.module_key]
        prompts = {
            b.id: b.value["prompt"]
            for b in module.body
            if b.block_type == "reflection_prompt"
        }
        assert prompts[reflection.prompt_key] == reflection.prompt_text
        assert reflection.text
        assert reflection.author_id == reflection.enrollment.user_id
    mine = reflections.filter(author__username="trainee")
    assert mine.filter(shared_at__isnull=False).count() == 1
    assert mine.filter(shared_at__isnull=True).count() == 1


def test_trainees_have_various_languages(cohort):
    languages = set(
        Profile.objects.filter(user__enrollments__cohort=cohort).values_list(
            "language", flat=True
        )
    )
    assert {"nb", "ar", "so", "ur", "ti", "tr", "fa", "en"} <= languages


def test_demo_trainees_get_the_demo_password(cohort):
    assert user("trainee7").check_password("demo")


def test_coordinator_opens_the_wagtail_admin(cohort, client):
    coordinator = user("coordinator")
    assert not coordinator.is_staff
    client.force_login(coordinator)
    response = client.get("/admin/")
    assert response.status_code == 200


def test_running_it_twice_keeps_the_counts(
    loaded_once, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--insecure-demo-passwords", stdout=io.StringIO())
    assert counts() == loaded_once


def test_module_14_homework_is_handed_in_in_every_state(cohort):
    from lms.homework import assignments_in_modules

    module = next(m for m in cohort.course.specific.modules() if m.number == 14)
    (assignment,) = assignments_in_modules([module.translation_key])[
        module.translation_key
    ]
    assert assignment.title == "Tre samtaler"
    assert assignment.report_min_entries == 3 and len(assignment.report_fields) == 4
    # The Arabic and English module pages place the translated assignment.
    for language, title in (("ar", "ثلاث محادثات"), ("en", "Three conversations")):
        page = module.get_translation(Locale.objects.get(language_code=language))
        (block,) = [b for b in page.specific.body if b.block_type == "assignment"]
        assert block.value.title == title
        assert block.value.translation_key == assignment.translation_key

    submissions = Submission.objects.filter(
        enrollment__cohort=cohort, module_key=module.translation_key
    )
    assert set(submissions.values_list("status", flat=True)) == set(SubmissionStatus)
    resubmitted = submissions.get(enrollment__user__username="trainee")
    assert resubmitted.status == SubmissionStatus.SUBMITTED
    assert resubmitted.versions.count() == 2
    assert resubmitted.reviews.get().version.number == 1
    # A review saved as a draft, waiting to be released, for supervisor.
    assert (
        Review.objects.filter(
            submission__enrollment__cohort=cohort, released_at__isnull=True
        ).count()
        == 1
    )
    assert all(r.reviewer == user("supervisor") for r in Review.objects.all())
    # Oldest first in the queue: hand-ins are spread over days.
    dates = submissions.exclude(submitted_at=None).values_list(
        "submitted_at", flat=True
    )
    assert len({d.date() for d in dates}) >= 5


def test_lecturer_has_a_held_and_an_upcoming_evening_with_briefings(cohort):
    from lms.choices import MaterialKind

    sessions = list(
        user("lecturer").lectured_sessions.filter(cohort=cohort).order_by("starts_at")
    )
    assert [s.is_held for s in sessions] == [True, False]
    for session in sessions:
        briefing = Briefing.objects.get(session=session)
        assert briefing.group_needs and briefing.agreed_coverage
        assert briefing.pre_meeting_at < session.starts_at
        assert briefing.changes.exists()
    held, upcoming = sessions
    kinds = sorted(Material.objects.filter(session=held).values_list("kind", flat=True))
    assert kinds == [MaterialKind.FILE, MaterialKind.LINK]
    pdf = Material.objects.get(session=held, kind=MaterialKind.FILE)
    assert pdf.content_type == "application/pdf"
    assert pdf.file.open("rb").read(5) == b"%PDF-"
    assert not Material.objects.filter(session=upcoming).exists()
    # No names of trainees in what the coordinator wrote for the lecturer.
    names = [e.user.first_name for e in cohort.enrollments.select_related("user")]
    for briefing in Briefing.objects.filter(session__in=sessions):
        assert not any(name in briefing.group_needs for name in names)


def test_alna_shows_who_is_on_track_and_who_is_at_risk_and_why(cohort):
    from lms import completion

    results = {
        r.enrollment.user.username: r for r in completion.evaluate_cohort(cohort)
    }
    on_track = [name for name, r in results.items() if r.on_track]
    at_risk = [name for name, r in results.items() if r.at_risk]
    assert len(on_track) >= 6
    assert "trainee3" in at_risk
    assert all(results[name].risks for name in at_risk)
    assert "75%" in " ".join(results["trainee3"].risks)
    # The coordinator excused one of trainee9's absences: she is back on track.
    assert results["trainee9"].on_track
    assert [e.kind for e in results["trainee9"].exceptions] == ["excused_absence"]


def test_module_3_has_the_interactive_exercises_with_results(cohort):
    from lms.h5p import xapi
    from lms.h5p.activities import activities_in_modules

    module = next(m for m in cohort.course.specific.modules() if m.number == 3)
    placed = activities_in_modules([module.translation_key])[module.translation_key]
    assert len(placed) == 2
    keys = [a.translation_key for a in placed]
    hodan = cohort.enrollments.get(user__username="trainee2").user
    assert all(r.completed for r in xapi.best_results(hodan, keys).values())


def test_alumna_holds_a_valid_diploma_verifiable_by_its_code(loaded_once, client):
    from django.urls import reverse

    from lms import completion
    from lms.diplomas.issue import verification_url
    from lms.models import Diploma

    diploma = Diploma.objects.get(user__username="alumna")
    assert not diploma.is_revoked
    assert diploma.holder_name == "Fatima Rahimi"
    enrollment = diploma.enrollment
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert enrollment.cohort.course.slug == "grunnopplaering"
    assert enrollment.cohort.chapter.name != "Alna"
    # Earned by the rule, nothing waived.
    result = completion.evaluate(enrollment)
    assert result.met and not result.exceptions
    assert all(s.is_held for s in enrollment.cohort.sessions.all())
    # Her verification page, public, by the code on the diploma.
    url = reverse("lms:verify_diploma", kwargs={"code": diploma.code})
    assert verification_url(diploma.code).endswith(url)
    page = client.get(url)
    assert page.status_code == 200
    assert "Fatima Rahimi" in page.content.decode()
    typed = client.get(reverse("lms:verify_diploma_form"), {"code": diploma.code})
    assert typed.status_code == 302 and typed["Location"].endswith(url)


def test_alumna_is_accepted_into_an_icdp_cohort(loaded_once):
    from lms.choices import ApplicationStatus
    from lms.models import TrackApplication

    enrollment = Enrollment.objects.get(
        user__username="alumna", cohort__course__slug="icdp-veileder"
    )
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert enrollment.cohort.course.locale.language_code == "nb"
    application = TrackApplication.objects.get(user__username="alumna")
    assert application.status == ApplicationStatus.ACCEPTED
    assert application.enrollment == enrollment
    assert application.cohort == enrollment.cohort
    assert application.course.pk == enrollment.cohort.course.pk
    assert application.decided_by.username == "coordinator"


def test_load_demo_prints_the_alumnas_verification_url(loaded_once):
    from lms.models import Diploma

    out = io.StringIO()
    call_command("load_demo", "--insecure-demo-passwords", stdout=out)
    code = Diploma.objects.get(user__username="alumna").code
    assert f"/nb/diplomas/{code}/" in out.getvalue()


def test_each_briefing_fits_its_module_and_names_the_real_staff(cohort):
    """The mental-health evening's briefing is about mental health, and the
    briefings name the demo's own coordinator and lecturer."""
    upcoming = (
        user("lecturer").lectured_sessions.filter(cohort=cohort).order_by("starts_at")
    )[1]
    assert upcoming.module.specific.number == 9
    assert upcoming.module.title == "Psykisk helse"
    briefing = Briefing.objects.get(session=upcoming)
    assert "psykisk helse" in briefing.agreed_coverage.lower()
    assert "116 123" in briefing.agreed_coverage  # Mental Helse's helpline
    for name in (user("coordinator").get_full_name(), user("lecturer").get_full_name()):
        assert name in briefing.participants


def test_the_course_intro_promises_no_months_the_cohort_does_not_keep(cohort):
    """The demo cohort runs weekly from eight weeks ago: the intro speaks of
    its rhythm, not of calendar months."""
    intro = cohort.course.specific.intro.lower()
    months = (
        "januar",
        "februar",
        "mars",
        "april",
        "mai ",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    )
    assert not any(month in intro for month in months)
    assert "hver uke" in intro
