"""Alumni in the browser: her dashboard section, the apply box on the ICDP
course page, her applications, the coordinator's applications page; what
each person sees and may do, and fixed query counts."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from lms import alumni
from lms.choices import ApplicationStatus, EnrollmentStatus
from lms.models import Enrollment, TrackApplication
from tests.factories.lms import CohortFactory, EnrollmentFactory
from tests.lms.test_alumni import add_track, build_world, give_diploma, graduate


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def as_user(user=None):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def nb(msgid, **values):
    """`msgid` as the course page shows it: course pages speak their own
    language, here Norwegian."""
    with translation.override("nb"):
        said = translation.gettext(msgid)
    return said % values if values else said


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def follow_messages(response):
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def world(build_course):
    return build_world(build_course)


# --- her dashboard ----------------------------------------------------------------


def test_the_alumnas_dashboard_shows_her_diploma_courses_and_the_icdp_track(world):
    html = text(as_user(world.amina).get(en("lms:dashboard")))
    assert "You are a graduate" in html
    assert en("lms:verify_diploma", code=world.diploma.code) in html
    assert "Courses you have completed" in html and "Grunnopplæring" in html
    assert "Continuing education you can apply for" in html
    assert en("lms:apply_track", course_id=world.icdp.pk) in html
    assert "Apply for “ICDP-veileder”" in html


def test_she_applies_from_her_dashboard_and_a_second_time_is_told(world):
    client = as_user(world.amina)
    url = en("lms:apply_track", course_id=world.icdp.pk)
    response = client.post(url, {"next": en("lms:dashboard")}, follow=True)
    assert response.redirect_chain[-1][0] == en("lms:dashboard")
    assert any("has been sent" in m for m in follow_messages(response))
    html = response.content.decode()
    assert "Continuing education you cannot apply for now" in html
    assert "You applied on" in html
    again = client.post(url, {"next": en("lms:dashboard")}, follow=True)
    assert again.status_code == 200
    assert "You have already applied to this course." in follow_messages(again)
    assert TrackApplication.objects.filter(user=world.amina).count() == 1


def test_apply_is_post_only_and_checks_csrf(world):
    url = en("lms:apply_track", course_id=world.icdp.pk)
    assert as_user(world.amina).get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.amina)
    assert strict.post(url).status_code == 403
    assert not TrackApplication.objects.exists()


def test_a_trainee_without_a_diploma_has_no_alumna_section(world):
    html = text(as_user(world.hodan).get(en("lms:dashboard")))
    assert "You are a graduate" not in html
    assert en("lms:track_applications") not in html


def test_the_dashboard_links_coordinators_to_the_applications(world):
    html = text(as_user(world.coordinator).get(en("lms:dashboard")))
    assert en("lms:track_applications") in html


# --- the ICDP course page ---------------------------------------------------------


def test_the_icdp_page_lets_the_alumna_apply(world):
    html = text(as_user(world.amina).get(world.icdp.url))
    # The page is in the programme language, and so is the form's address.
    with translation.override("nb"):
        action = reverse("lms:apply_track", kwargs={"course_id": world.icdp.pk})
    assert f'action="{action}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="message"' in html


def test_the_icdp_page_tells_the_trainee_why_not(world):
    html = text(as_user(world.hodan).get(world.icdp.url))
    assert nb("You cannot apply now:") in html
    assert (
        nb("You need the diploma of “%(course)s” first.", course="Grunnopplæring")
        in html
    )
    assert "apply_track" not in html and "/apply/" not in html


def test_the_icdp_page_tells_her_a_revoked_diploma_does_not_count(world):
    world.diploma.revoked_at = timezone.now()
    world.diploma.save()
    html = text(as_user(world.amina).get(world.icdp.url))
    assert (
        nb(
            "Your diploma of “%(course)s” has been revoked, so it does not count.",
            course="Grunnopplæring",
        )
        in html
    )
    assert "/apply/" not in html


def test_the_icdp_page_asks_a_visitor_to_sign_in(world):
    html = text(as_user().get(world.icdp.url))
    assert nb("Sign in to apply.") in html
    assert "/login/?next=" in html


def test_a_base_course_page_has_no_apply_box(world):
    html = text(as_user(world.amina).get(world.base.url))
    assert "Apply for this course" not in html


def test_she_applies_from_the_course_page_with_a_message(world):
    response = as_user(world.amina).post(
        en("lms:apply_track", course_id=world.icdp.pk),
        {"next": world.icdp.url, "message": "Jeg har tre barn."},
    )
    assert response.status_code == 302 and response["Location"] == world.icdp.url
    application = TrackApplication.objects.get(user=world.amina)
    assert application.message == "Jeg har tre barn."


# --- her applications -------------------------------------------------------------


def test_her_applications_show_their_status_and_she_may_withdraw(world):
    application = alumni.apply(world.amina, world.icdp)
    client = as_user(world.amina)
    html = text(client.get(en("lms:my_applications")))
    assert "ICDP-veileder" in html and "Applied" in html
    client.post(en("lms:withdraw_application", application_id=application.pk))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    # Nobody else's: a 404.
    other = alumni.apply(graduate(world, "sahra"), world.icdp)
    response = client.post(en("lms:withdraw_application", application_id=other.pk))
    assert response.status_code == 404


# --- the coordinator's page -------------------------------------------------------


def test_the_coordinator_sees_the_application_with_a_decision_form(world):
    alumni.apply(world.amina, world.icdp, "Jeg vil lære mer.")
    html = text(as_user(world.coordinator).get(en("lms:track_applications")))
    assert "ICDP-veileder" in html and "Amina" in html
    assert "Jeg vil lære mer." in html
    assert "Accept into the group" in html and "ICDP Alna" in html
    assert "2 places free" in html


def test_another_chapters_coordinator_neither_sees_nor_decides(world):
    application = alumni.apply(world.amina, world.icdp)
    client = as_user(world.stranger)
    html = text(client.get(en("lms:track_applications")))
    assert "Amina" not in html
    response = client.post(
        en("lms:decide_application", application_id=application.pk),
        {"action": "accept", "cohort": world.icdp_cohort.pk},
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED
    assert not Enrollment.objects.filter(cohort=world.icdp_cohort).exists()


def test_a_trainee_can_neither_open_the_page_nor_decide(world):
    application = alumni.apply(world.amina, world.icdp)
    client = as_user(world.hodan)
    assert client.get(en("lms:track_applications")).status_code == 403
    response = client.post(
        en("lms:decide_application", application_id=application.pk),
        {"action": "decline"},
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED


def test_the_applicant_cannot_decide_her_own(world):
    application = alumni.apply(world.amina, world.icdp)
    world.alna.coordinators.add(world.amina)
    response = as_user(world.amina).post(
        en("lms:decide_application", application_id=application.pk),
        {"action": "accept", "cohort": world.icdp_cohort.pk},
    )
    assert response.status_code == 403


def test_accepting_enrolls_her_and_says_so(world):
    application = alumni.apply(world.amina, world.icdp)
    response = as_user(world.coordinator).post(
        en("lms:decide_application", application_id=application.pk),
        {"action": "accept", "cohort": world.icdp_cohort.pk},
        follow=True,
    )
    assert "Amina is enrolled in the group “ICDP Alna”." in follow_messages(response)
    enrollment = Enrollment.objects.get(cohort=world.icdp_cohort, user=world.amina)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    html = text(as_user(world.amina).get(world.icdp.url))
    assert nb("You are already in the group “%(group)s”.", group="ICDP Alna") in html


def test_a_full_cohort_puts_her_on_the_waiting_list_shown_in_order(world):
    world.icdp_cohort.capacity = 0
    world.icdp_cohort.save()
    sahra = graduate(world, "sahra")
    first = alumni.apply(world.amina, world.icdp)
    second = alumni.apply(sahra, world.icdp)
    client = as_user(world.coordinator)
    for application in (first, second):
        response = client.post(
            en("lms:decide_application", application_id=application.pk),
            {"action": "accept", "cohort": world.icdp_cohort.pk},
            follow=True,
        )
    assert (
        "The group “ICDP Alna” is full: Sahra is on its waiting list."
        in follow_messages(response)
    )
    html = response.content.decode()
    waiting = html[html.index("applications--waiting") :]
    assert waiting.index("Amina") < waiting.index("Sahra")
    assert "No. 1" in waiting and "No. 2" in waiting
    assert not Enrollment.objects.filter(
        cohort=world.icdp_cohort, status=EnrollmentStatus.ACTIVE
    ).exists()


def test_declining_says_so_and_enrolls_nobody(world):
    application = alumni.apply(world.amina, world.icdp)
    response = as_user(world.coordinator).post(
        en("lms:decide_application", application_id=application.pk),
        {"action": "decline"},
        follow=True,
    )
    assert "The application of Amina is declined." in follow_messages(response)
    assert not Enrollment.objects.filter(cohort=world.icdp_cohort).exists()
    html = text(as_user(world.amina).get(en("lms:my_applications")))
    assert "Declined" in html


def test_she_cannot_be_placed_in_another_chapters_cohort(world):
    application = alumni.apply(world.amina, world.icdp)
    grorud_icdp = CohortFactory(course=world.icdp, chapter=world.grorud)
    world.grorud.coordinators.add(world.coordinator)
    response = as_user(world.coordinator).post(
        en("lms:decide_application", application_id=application.pk),
        {"action": "accept", "cohort": grorud_icdp.pk},
        follow=True,
    )
    assert "Choose one of your groups of this course." in follow_messages(response)
    assert not Enrollment.objects.filter(cohort=grorud_icdp).exists()


def test_fill_places_from_the_page(world):
    world.icdp_cohort.capacity = 0
    world.icdp_cohort.save()
    application = alumni.apply(world.amina, world.icdp)
    alumni.accept(application, world.icdp_cohort)
    world.icdp_cohort.capacity = 1
    world.icdp_cohort.save()
    client = as_user(world.coordinator)
    assert "Fill the free places" in text(client.get(en("lms:track_applications")))
    response = client.post(
        en("lms:fill_places", cohort_id=world.icdp_cohort.pk), follow=True
    )
    assert "Enrolled from the waiting list: Amina." in follow_messages(response)
    assert (
        as_user(world.stranger)
        .post(en("lms:fill_places", cohort_id=world.icdp_cohort.pk))
        .status_code
        == 404
    )


# --- query counts -----------------------------------------------------------------


def _more(world, build_course, n):
    """n more tracks she has applied to, n more alumnae applying to ICDP."""
    for i in range(n):
        track, _m = add_track(build_course, f"Fordypning {i}", requires=[world.base])
        CohortFactory(course=track, chapter=world.alna, capacity=3)
        alumni.apply(world.amina, track)
        alumni.apply(graduate(world, f"alumna{i}"), world.icdp)
        give_diploma(EnrollmentFactory(cohort=CohortFactory(course=world.base)))


def _count(client, url, django_assert_max_num_queries, limit=60):
    client.get(url)  # the tree, remembered (lms.treecache)
    with django_assert_max_num_queries(limit) as counted:
        assert client.get(url).status_code == 200
    return len(counted.captured_queries)


@pytest.mark.parametrize(
    "who, url",
    [
        ("amina", lambda w: en("lms:dashboard")),
        ("amina", lambda w: w.icdp.url),
        ("amina", lambda w: en("lms:my_applications")),
        ("coordinator", lambda w: en("lms:track_applications")),
        ("coordinator", lambda w: en("lms:dashboard")),
    ],
)
def test_pages_read_a_fixed_number_of_queries(
    world, build_course, django_assert_max_num_queries, who, url
):
    alumni.apply(world.amina, world.icdp)
    client = as_user(getattr(world, who))
    one = _count(client, url(world), django_assert_max_num_queries)
    _more(world, build_course, 4)
    many = _count(client, url(world), django_assert_max_num_queries, limit=one)
    assert many <= one
