"""What a lecturer sees: her sessions and their briefings, nothing else.

Text is checked on English pages.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from lms.models import Profile
from tests.factories.lms import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

GUIDE = "HEMMELIG-FORELESERVEILEDNING"  # the factory's lecturer guide


@pytest.fixture
def w(cohort_with_sessions):
    return cohort_with_sessions


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args or None)


@pytest.fixture
def lecturer_b(w):
    b = UserFactory(username="lecturer-b", first_name="Berit")
    w.sessions[1].lecturers.add(b)
    return b


def test_a_lecturer_cannot_reach_another_lecturers_sessions(client, w, lecturer_b):
    client.force_login(w.lecturer)
    assert client.get(url("lms:briefing", w.sessions[1].pk)).status_code == 404
    assert client.get(url("lms:briefing_edit", w.sessions[1].pk)).status_code == 404
    response = client.post(url("lms:briefing_note", w.sessions[1].pk), {"text": "Hei"})
    assert response.status_code == 404
    assert client.get(url("lms:attendance", w.sessions[1].pk)).status_code in (
        403,
        404,
    )
    page = client.get(url("lms:my_sessions")).content.decode()
    assert url("lms:briefing", w.sessions[0].pk) in page
    assert url("lms:briefing", w.sessions[1].pk) not in page
    # and B not hers
    client.force_login(lecturer_b)
    assert client.get(url("lms:briefing", w.sessions[0].pk)).status_code == 404
    assert client.get(url("lms:briefing", w.sessions[1].pk)).status_code == 200


def test_a_lecturer_sees_no_trainee_work_or_overview(client, w):
    client.force_login(w.lecturer)
    for name, args in (
        ("lms:cohort_overview", [w.cohort.pk]),
        ("lms:cohort_overview_csv", [w.cohort.pk]),
        ("lms:cohort_sessions", [w.cohort.pk]),
        ("lms:review_queue", []),
        ("lms:shared_reflections", []),
        ("lms:invite_lecturer", [w.cohort.pk]),
    ):
        assert client.get(url(name, *args)).status_code in (403, 404), name
    journal = client.get(url("lms:journal"))
    assert journal.status_code in (200, 302, 403, 404)
    if journal.status_code == 200:  # her own (empty) journal, no one else's
        assert "Jeg lærte mye" not in journal.content.decode()


def test_a_trainee_never_sees_a_briefing_or_the_lecturer_guide(client, w):
    trainee = w.enrollments[0].user
    client.force_login(trainee)
    for session in w.sessions:
        assert client.get(url("lms:briefing", session.pk)).status_code == 404
        assert client.get(url("lms:briefing_edit", session.pk)).status_code == 404
    for module in w.modules:
        response = client.get(module.url)
        assert response.status_code == 200
        assert GUIDE not in response.content.decode()
    client.logout()
    assert GUIDE not in client.get(w.modules[0].url).content.decode()


def test_the_lecturer_reads_the_guide_beside_her_briefing(client, w):
    client.force_login(w.lecturer)
    page = client.get(url("lms:briefing", w.sessions[0].pk)).content.decode()
    assert GUIDE in page
    assert "briefing-columns" in page


def test_my_sessions_shows_first_names_and_count_only(client, w):
    for i, enrollment in enumerate(w.enrollments):
        user = enrollment.user
        user.first_name = ["Amina", "Hodan"][i]
        user.last_name = ["Etternavnsen", "Hemmeligsdottir"][i]
        user.email = f"{user.username}@private.example"
        user.save()
        Profile.objects.create(user=user, phone=f"+47 900 00 00{i}")
    EnrollmentFactory(
        cohort=w.cohort, user=UserFactory(first_name="Withdrawn"), status="withdrawn"
    )
    client.force_login(w.lecturer)
    page = client.get(url("lms:my_sessions")).content.decode()
    assert "Amina" in page and "Hodan" in page
    assert "2 trainees" in page
    for secret in (
        "Etternavnsen",
        "Hemmeligsdottir",
        "private.example",
        "+47 900",
        "Withdrawn",
        "amina",  # usernames neither
        "hodan",
    ):
        assert secret not in page, secret
    # Her sessions only, nothing of the trainees' pages.
    assert url("lms:journal") not in page
    assert url("lms:cohort_overview", w.cohort.pk) not in page


def test_upcoming_sessions_come_first(client, w):
    now = timezone.now()
    w.sessions[3].lecturers.add(w.lecturer)  # upcoming (week +1)
    client.force_login(w.lecturer)
    page = client.get(url("lms:my_sessions")).content.decode()
    upcoming = page.index(url("lms:briefing", w.sessions[3].pk))
    held = page.index(url("lms:briefing", w.sessions[0].pk))
    assert w.sessions[3].starts_at > now > w.sessions[0].starts_at
    assert upcoming < held
    assert page.index("Coming up") < page.index("Held")


def test_a_lecturer_only_user_lands_on_my_sessions_others_do_not(client, w):
    client.force_login(w.lecturer)
    response = client.get("/en/my/")
    assert response.status_code == 302
    assert response["Location"] == url("lms:my_sessions")
    for user in (w.coordinator, w.supervisor, w.enrollments[0].user):
        client.force_login(user)
        assert client.get("/en/my/").status_code == 200
    # A trainee who also lectures keeps her page.
    trainee = w.enrollments[1].user
    w.sessions[2].lecturers.add(trainee)
    client.force_login(trainee)
    assert client.get("/en/my/").status_code == 200


def test_the_coordinator_reads_her_cohorts_briefings_only(client, w):
    other = SessionFactory(cohort=CohortFactory(course=w.course), module=w.modules[0])
    client.force_login(w.coordinator)
    assert client.get(url("lms:briefing", w.sessions[2].pk)).status_code == 200
    assert client.get(url("lms:briefing", other.pk)).status_code == 404
    client.force_login(w.supervisor)
    assert client.get(url("lms:briefing", w.sessions[2].pk)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, w):
    for address in (url("lms:my_sessions"), url("lms:briefing", w.sessions[0].pk)):
        response = client.get(address)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def my_sessions_queries(client, user):
    client.force_login(user)
    client.get(url("lms:my_sessions"))  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url("lms:my_sessions"))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_my_sessions_queries_do_not_grow_with_sessions(client, w, build_course):
    lecturer = UserFactory(username="busy")
    w.sessions[0].lecturers.add(lecturer)
    one = my_sessions_queries(client, lecturer)
    course, modules = build_course(modules=9)
    now = timezone.now()
    for i, module in enumerate(modules):
        cohort = CohortFactory(course=course)
        EnrollmentFactory(cohort=cohort)
        session = SessionFactory(
            cohort=cohort, module=module, starts_at=now + datetime.timedelta(days=i)
        )
        session.lecturers.add(lecturer)
        if i % 2:
            from lms.models import Briefing

            Briefing.objects.create(session=session, pre_meeting_at=now)
    assert lecturer.lectured_sessions.count() == 10
    assert my_sessions_queries(client, lecturer) == one
