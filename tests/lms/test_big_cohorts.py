"""A big chapter's cohort: the overview and the attendance register show one
page of trainees at a time (with a search), the totals still count
everyone, and the CSV holds them all."""

import datetime
import gzip

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from lms.choices import AttendanceStatus, EnrollmentStatus
from lms.models import Attendance, Enrollment, ModuleProgress, Session
from lms.views.staff import OVERVIEW_PAGE_SIZE
from tests.factories.lms import ChapterFactory, CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

# The bound for any page a coordinator opens.
PAGE_BYTES = 300_000


def url(name, *args, **query):
    with translation.override("en"):
        address = reverse(name, args=args)
    if query:
        address += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return address


def big_cohort(build_course, trainees, modules=16, prefix=""):
    """`trainees` enrolled (bulk), every session held and marked present,
    every module reviewed by all."""
    course, pages = build_course(modules=modules)
    chapter = ChapterFactory()
    cohort = CohortFactory(course=course, chapter=chapter)
    coordinator = UserFactory(username=f"coordinator-big{prefix}")
    chapter.coordinators.add(coordinator)
    start = timezone.now() - datetime.timedelta(weeks=modules + 1)
    sessions = Session.objects.bulk_create(
        Session(
            cohort=cohort,
            module=page,
            starts_at=start + datetime.timedelta(weeks=n),
            ends_at=start + datetime.timedelta(weeks=n, hours=3),
        )
        for n, page in enumerate(pages)
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"trainee{prefix}-{n:04}", first_name=f"Navn{n:04}")
        for n in range(trainees)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            cohort=cohort,
            user=user,
            status=EnrollmentStatus.ACTIVE,
            enrolled_on=start.date() - datetime.timedelta(days=1),
        )
        for user in users
    )
    Attendance.objects.bulk_create(
        Attendance(session=s, enrollment=e, status=AttendanceStatus.PRESENT)
        for s in sessions
        for e in enrollments
    )
    ModuleProgress.objects.bulk_create(
        ModuleProgress(
            enrollment=e, module_key=page.translation_key, reviewed_at=timezone.now()
        )
        for page in pages
        for e in enrollments
    )
    return cohort, sessions, coordinator


def test_the_overview_shows_a_page_of_trainees_and_totals_for_everyone(
    client, build_course
):
    cohort, _sessions, coordinator = big_cohort(build_course, 120, modules=4)
    client.force_login(coordinator)
    body = client.get(url("lms:cohort_overview", cohort.pk)).content.decode()
    assert "Navn0000" in body and f"Navn{OVERVIEW_PAGE_SIZE - 1:04}" in body
    assert f"Navn{OVERVIEW_PAGE_SIZE:04}" not in body
    assert "Trainees 1–50 of 120" in body
    assert "Total (everyone)" in body
    assert "●&#8239;120" in body  # present at module 1: the whole cohort
    assert "✓&#8239;120" in body
    last = client.get(url("lms:cohort_overview", cohort.pk, page=3)).content.decode()
    assert "Navn0119" in last and "Navn0000" not in last
    assert "Trainees 101–120 of 120" in last


def test_a_trainee_is_found_by_name_in_the_overview_and_the_register(
    client, build_course
):
    cohort, sessions, coordinator = big_cohort(build_course, 80, modules=2)
    client.force_login(coordinator)
    found = client.get(url("lms:cohort_overview", cohort.pk, q="Navn0077")).content
    assert b"Navn0077" in found and b"Navn0001" not in found
    register = client.get(url("lms:attendance", sessions[0].pk, q="navn0063"))
    assert b"Navn0063" in register.content and b"Navn0000" not in register.content
    nobody = client.get(url("lms:cohort_overview", cohort.pk, q="Zainab")).content
    assert b"No trainee of this cohort has that name." in nobody


def test_the_register_saves_a_later_page_and_comes_back_to_it(client, build_course):
    cohort, sessions, coordinator = big_cohort(build_course, 70, modules=1)
    client.force_login(coordinator)
    later = Enrollment.objects.get(user__username="trainee-0065")
    response = client.post(
        url("lms:attendance", sessions[0].pk, page=2),
        {f"status-{later.pk}": AttendanceStatus.ABSENT},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?page=2")
    assert (
        Attendance.objects.get(session=sessions[0], enrollment=later).status
        == AttendanceStatus.ABSENT
    )


def test_the_csv_still_holds_every_trainee(client, build_course):
    cohort, _sessions, coordinator = big_cohort(build_course, 120, modules=2)
    client.force_login(coordinator)
    response = client.get(url("lms:cohort_overview_csv", cohort.pk))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert all(f"Navn{n:04}" in text for n in range(120))


def test_queries_do_not_grow_with_the_cohort(client, build_course):
    counts = []
    for size in (60, 240):
        cohort, sessions, coordinator = big_cohort(
            build_course, size, modules=4, prefix=str(size)
        )
        client.force_login(coordinator)
        with CaptureQueriesContext(connection) as overview:
            client.get(url("lms:cohort_overview", cohort.pk, page=2))
        with CaptureQueriesContext(connection) as register:
            client.get(url("lms:attendance", sessions[1].pk, page=2))
        counts.append((len(overview), len(register)))
    assert counts[0] == counts[1], counts


def test_at_1000_trainees_overview_and_register_stay_under_300_kb(client, build_course):
    cohort, sessions, coordinator = big_cohort(build_course, 1000)
    client.force_login(coordinator)
    for address in (
        url("lms:cohort_overview", cohort.pk),
        url("lms:attendance", sessions[3].pk),
    ):
        response = client.get(address)
        assert response.status_code == 200
        assert len(response.content) < PAGE_BYTES, (address, len(response.content))
        packed = client.get(address, HTTP_ACCEPT_ENCODING="gzip")
        assert len(gzip.decompress(packed.content)) == len(response.content)
        assert len(packed.content) < len(response.content) / 4
