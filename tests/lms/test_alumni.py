"""Alumni (issue 14, point 8): a base-training diploma makes her an alumna;
the ICDP track is open to her and closed to others with the reason; one
open application per track; the coordinator accepts into a cohort (full:
the waiting list, in the order they applied) or declines; completing the
track gives a certificate by the diploma machinery."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from lms import alumni, curriculum
from lms.choices import ApplicationStatus, CourseKind, EnrollmentStatus
from lms.diplomas import pdf
from lms.diplomas.issue import data_of, issue_for_cohort
from lms.models import Diploma, Enrollment, TrackApplication
from lms.permissions import alumni as rules
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    EnrollmentFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def in_english():
    """The services' messages are read in English, the source strings."""
    with translation.override("en"):
        yield


_numbers = itertools.count(1)


def give_diploma(enrollment, revoked=False):
    """A diploma as issuing leaves it (without running the completion rule)."""
    enrollment.status = EnrollmentStatus.COMPLETED
    enrollment.save()
    number = next(_numbers)
    now = timezone.now()
    return Diploma.objects.create(
        enrollment=enrollment,
        user=enrollment.user,
        code=f"TEST-{number:04d}",
        holder_name=enrollment.user.get_full_name() or enrollment.user.username,
        course_title=enrollment.cohort.course.title,
        course_key=enrollment.cohort.course.translation_key,
        chapter_name=enrollment.cohort.chapter.name,
        claims={"programme": enrollment.cohort.course.title},
        status_index=900_000 + number,
        issued_at=now,
        revoked_at=now if revoked else None,
        revocation_reason="Feil" if revoked else "",
    )


def add_track(build_course, title, requires=()):
    track, modules = build_course(modules=2, title=title, kind=CourseKind.CONTINUING)
    if requires:
        track.prerequisites.set(requires)
        track.save_revision().publish()
        track.refresh_from_db()
    return track, modules


def build_world(build_course):
    """Alna's base training with an alumna (diploma) and a trainee (still
    learning), the ICDP track requiring the base training, an ICDP cohort
    in Alna with two places, Alna's coordinator and Grorud's."""
    base, _modules = build_course(modules=2, title="Grunnopplæring")
    icdp, icdp_modules = add_track(build_course, "ICDP-veileder", requires=[base])
    alna = ChapterFactory(name="Alna")
    grorud = ChapterFactory(name="Grorud")
    base_cohort = CohortFactory(course=base, chapter=alna, name="Alna høst")
    amina = UserFactory(username="amina", first_name="Amina")
    hodan = UserFactory(username="hodan", first_name="Hodan")
    diploma = give_diploma(EnrollmentFactory(cohort=base_cohort, user=amina))
    EnrollmentFactory(cohort=base_cohort, user=hodan)
    icdp_cohort = CohortFactory(course=icdp, chapter=alna, name="ICDP Alna", capacity=2)
    coordinator = UserFactory(username="fatima", first_name="Fatima")
    alna.coordinators.add(coordinator)
    stranger = UserFactory(username="grete", first_name="Grete")
    grorud.coordinators.add(stranger)
    return SimpleNamespace(
        base=base,
        icdp=icdp,
        icdp_modules=icdp_modules,
        alna=alna,
        grorud=grorud,
        base_cohort=base_cohort,
        icdp_cohort=icdp_cohort,
        amina=amina,
        hodan=hodan,
        diploma=diploma,
        coordinator=coordinator,
        stranger=stranger,
    )


def graduate(world, name):
    """Another alumna of Alna's base training."""
    user = UserFactory(username=name, first_name=name.title())
    give_diploma(EnrollmentFactory(cohort=world.base_cohort, user=user))
    return user


@pytest.fixture
def world(build_course):
    return build_world(build_course)


# --- who she is and what is open to her ---------------------------------------------


def test_a_base_training_diploma_makes_her_an_alumna(world):
    assert alumni.is_alumna(world.amina)
    assert not alumni.is_alumna(world.hodan)
    mine = alumni.standing(world.amina, "nb")
    assert [d.code for d in mine.diplomas] == [world.diploma.code]
    assert [e.cohort.course.title for e in mine.completed] == ["Grunnopplæring"]


def test_the_icdp_track_is_open_to_the_alumna(world):
    icdp = alumni.standing(world.amina, "nb").of(world.icdp.translation_key)
    assert icdp.open
    assert icdp.reasons == []


def test_the_icdp_track_is_closed_to_a_trainee_and_says_why(world):
    icdp = alumni.standing(world.hodan, "nb").of(world.icdp.translation_key)
    assert not icdp.open
    assert icdp.reasons == ["You need the diploma of “Grunnopplæring” first."]
    with pytest.raises(alumni.CannotApply, match="Grunnopplæring"):
        alumni.apply(world.hodan, world.icdp)
    assert not TrackApplication.objects.exists()


def test_a_revoked_diploma_does_not_count(world):
    world.diploma.revoked_at = timezone.now()
    world.diploma.save()
    assert not alumni.is_alumna(world.amina)
    icdp = alumni.standing(world.amina, "nb").of(world.icdp.translation_key)
    assert not icdp.open
    assert "has been revoked" in icdp.reasons[0]
    with pytest.raises(alumni.CannotApply, match="revoked"):
        alumni.apply(world.amina, world.icdp)


def test_applying_twice_gives_a_clear_message(world):
    application = alumni.apply(world.amina, world.icdp, "Jeg vil gjerne.")
    assert application.status == ApplicationStatus.APPLIED
    assert application.message == "Jeg vil gjerne."
    with pytest.raises(alumni.CannotApply) as refused:
        alumni.apply(world.amina, world.icdp)
    assert str(refused.value) == "You have already applied to this course."
    icdp = alumni.standing(world.amina, "nb").of(world.icdp.translation_key)
    assert not icdp.open and icdp.reasons[0].startswith("You applied on")
    assert TrackApplication.objects.count() == 1


def test_the_constraint_race_is_a_message_not_an_integrity_error(world, monkeypatch):
    # Another request created hers between the check and the insert.
    TrackApplication.objects.create(user=world.amina, course=world.icdp)
    real = alumni.standing
    monkeypatch.setattr(
        alumni,
        "standing",
        lambda user, language=None: _without_application(real(user, language)),
    )
    with pytest.raises(alumni.CannotApply, match="already applied"):
        alumni.apply(world.amina, world.icdp)


def _without_application(found):
    for track in found.tracks:
        track.application, track.open, track.reasons = None, True, []
    return found


def test_a_declined_application_may_be_made_again(world):
    first = alumni.apply(world.amina, world.icdp)
    alumni.decline(first, by=world.coordinator)
    again = alumni.apply(world.amina, world.icdp)
    assert again.pk != first.pk


def test_a_course_that_is_not_a_track_takes_no_applications(world):
    with pytest.raises(alumni.CannotApply, match="does not take applications"):
        alumni.apply(world.amina, world.base)


# --- the coordinator's decisions ---------------------------------------------------


def test_accepting_creates_her_enrollment(world):
    application = alumni.apply(world.amina, world.icdp)
    done = alumni.accept(application, world.icdp_cohort, by=world.coordinator)
    assert done.status == ApplicationStatus.ACCEPTED
    enrollment = Enrollment.objects.get(cohort=world.icdp_cohort, user=world.amina)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert done.enrollment == enrollment and done.decided_by == world.coordinator
    icdp = alumni.standing(world.amina, "nb").of(world.icdp.translation_key)
    assert icdp.reasons == ["You are already in the group “ICDP Alna”."]


def test_a_full_cohort_puts_her_on_the_waiting_list_in_applied_order(world):
    first, second = graduate(world, "sahra"), graduate(world, "leyla")
    for user in (first, second):
        alumni.accept(alumni.apply(user, world.icdp), world.icdp_cohort)
    # Two places, both taken: the next two wait, in the order they applied.
    earlier = alumni.apply(world.amina, world.icdp)
    later = alumni.apply(graduate(world, "nasra"), world.icdp)
    TrackApplication.objects.filter(pk=later.pk).update(
        applied_at=earlier.applied_at + datetime.timedelta(minutes=5)
    )
    for application in (later, earlier):
        done = alumni.accept(application, world.icdp_cohort, by=world.coordinator)
        assert done.status == ApplicationStatus.WAITLISTED
        assert done.enrollment.status == EnrollmentStatus.WAITLISTED
    assert [a.pk for a in alumni.waiting_list(world.icdp_cohort)] == [
        earlier.pk,
        later.pk,
    ]
    icdp = alumni.standing(world.amina, "nb").of(world.icdp.translation_key)
    assert icdp.reasons == ["You are on the waiting list of the group “ICDP Alna”."]

    # Sahra withdraws: her place goes to the first on the waiting list.
    sahra = TrackApplication.objects.get(user=first)
    alumni.withdraw(sahra, first)
    earlier.refresh_from_db()
    later.refresh_from_db()
    assert earlier.status == ApplicationStatus.ACCEPTED
    assert earlier.enrollment.status == EnrollmentStatus.ACTIVE
    assert later.status == ApplicationStatus.WAITLISTED
    assert alumni.free_places(world.icdp_cohort) == 0


def test_fill_free_places_takes_the_waiting_list_in_order(world):
    users = [graduate(world, name) for name in ("sahra", "leyla", "nasra")]
    applications = [alumni.apply(u, world.icdp) for u in users]
    for application in applications:
        alumni.waitlist(application, by=world.coordinator)
    accepted = alumni.fill_free_places(world.icdp_cohort, by=world.coordinator)
    assert [a.user for a in accepted] == users[:2]
    applications[2].refresh_from_db()
    assert applications[2].status == ApplicationStatus.WAITLISTED


def test_declining_leaves_no_enrollment(world):
    application = alumni.apply(world.amina, world.icdp)
    done = alumni.decline(application, by=world.coordinator)
    assert done.status == ApplicationStatus.DECLINED
    assert not Enrollment.objects.filter(cohort=world.icdp_cohort).exists()
    with pytest.raises(alumni.CannotDecide, match="already been decided"):
        alumni.accept(done, world.icdp_cohort)


def test_she_cannot_be_accepted_into_a_group_of_another_course(world):
    application = alumni.apply(world.amina, world.icdp)
    with pytest.raises(alumni.CannotDecide, match="does not take this course"):
        alumni.accept(application, world.base_cohort)


# --- who sees and decides ---------------------------------------------------------


def test_only_her_chapters_coordinator_sees_and_decides(world):
    application = alumni.apply(world.amina, world.icdp)
    assert list(rules.applications_visible_to(world.coordinator)) == [application]
    assert rules.may_decide_application(world.coordinator, application)
    assert rules.may_place_in_cohort(world.coordinator, application, world.icdp_cohort)
    assert not rules.applications_visible_to(world.stranger).exists()
    assert not rules.may_decide_application(world.stranger, application)
    assert not rules.may_decide_application(world.hodan, application)
    assert not rules.may_decide_application(world.amina, application)
    grorud_icdp = CohortFactory(course=world.icdp, chapter=world.grorud)
    assert not rules.may_place_in_cohort(world.coordinator, application, grorud_icdp)


# --- query counts -----------------------------------------------------------------


def test_her_standing_reads_a_fixed_number_of_queries(
    world, build_course, django_assert_max_num_queries
):
    curriculum.tracks()  # the tree, remembered (lms.treecache)
    with django_assert_max_num_queries(6) as one:
        alumni.standing(world.amina, "nb")
    for n in range(4):
        track, _m = add_track(build_course, f"Fordypning {n}", requires=[world.base])
        alumni.apply(world.amina, track)
        give_diploma(EnrollmentFactory(cohort=CohortFactory(course=world.base)))
    curriculum.tracks()
    with django_assert_max_num_queries(len(one.captured_queries)):
        found = alumni.standing(world.amina, "nb")
    assert len(found.tracks) == 5


# --- the certificate ---------------------------------------------------------------


def test_completing_a_track_cohort_issues_a_certificate(world, settings):
    settings.LMS_SITE_URL = "https://brobygger.example"
    enrollment = alumni.accept(
        alumni.apply(world.amina, world.icdp), world.icdp_cohort
    ).enrollment
    world.icdp_cohort.min_attendance_percent = 0
    world.icdp_cohort.require_all_homework = False
    world.icdp_cohort.require_all_quizzes = False
    world.icdp_cohort.require_all_h5p = False
    world.icdp_cohort.save()
    outcome = issue_for_cohort(world.icdp_cohort, by=world.coordinator)
    assert [d.enrollment for d in outcome.issued] == [enrollment]
    certificate = outcome.issued[0]
    assert certificate.is_certificate
    assert data_of(certificate).certificate
    html = pdf.render_html(data_of(certificate))
    # The PDF speaks the programme's language, Norwegian.
    with translation.override("nb"):
        title, diploma = (
            translation.gettext("Certificate"),
            translation.gettext("Diploma"),
        )
    assert f"<title>{title}</title>" in html
    assert diploma not in html
    # Her base training's stays a diploma; the track now says she completed it.
    assert not world.diploma.is_certificate
    mine = alumni.standing(world.amina, "nb")
    assert mine.of(world.icdp.translation_key).reasons == [
        "You have completed this course."
    ]
    assert [d.is_certificate for d in mine.diplomas] == [True, False]
