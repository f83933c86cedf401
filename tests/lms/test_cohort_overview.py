"""The cohort overview: trainees x modules, with totals, and its CSV."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from lms import attendance, progress
from lms.choices import AttendanceStatus, StaffRole, SubmissionStatus
from lms.models import Session
from tests import helpers
from tests.factories.homework import AssignmentFactory, SubmissionFactory
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    ReflectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "HEMMELIG-REFLEKSJONSTEKST"


def url(name, *args):
    # English pages: the assertions read the source strings.
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def w(cohort_with_sessions):
    w = cohort_with_sessions
    amina, hodan = w.enrollments
    amina.user.first_name, hodan.user.first_name = "Amina", "Hodan"
    amina.user.save()
    hodan.user.save()
    held = w.sessions[:2]
    attendance.record_attendance(
        session=held[0], enrollment=amina, status=AttendanceStatus.PRESENT
    )
    attendance.record_attendance(
        session=held[1], enrollment=amina, status=AttendanceStatus.EXCUSED
    )
    attendance.record_attendance(
        session=held[0], enrollment=hodan, status=AttendanceStatus.PRESENT
    )
    attendance.record_attendance(
        session=held[1], enrollment=hodan, status=AttendanceStatus.PRESENT
    )
    progress.mark_module_reviewed(
        enrollment=amina, module_key=w.modules[0].translation_key
    )
    ReflectionFactory(
        enrollment=hodan, module_key=w.modules[1].translation_key, text=SECRET
    )
    amina.screening_notes = "HEMMELIG-SCREENING"
    amina.save()
    w.overview = url("lms:cohort_overview", w.cohort.pk)
    w.csv = url("lms:cohort_overview_csv", w.cohort.pk)
    return w


def text_of(response):
    return b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode("utf-8-sig")


def rows_of(response):
    return list(csv.reader(io.StringIO(text_of(response))))


def test_overview_shows_attendance_review_and_reflection_facts(client, w):
    client.force_login(w.coordinator)
    html = client.get(w.overview).content.decode()
    assert "Amina" in html and "Hodan" in html
    # Amina: present once, absent with notice once -> 50 %; Hodan 100 %.
    assert "50 %" in html and "100 %" in html
    assert html.count('class="mark--reviewed"') == 1  # Amina, module 1
    assert html.count('class="mark--reflected"') == 1  # Hodan, module 2
    assert "Absent with notice, Reviewed at home" not in html
    assert "Present, Reviewed at home" in html  # what a screen reader hears
    # Only the fact of a reflection, never its text; never screening notes.
    assert SECRET not in html
    assert "HEMMELIG-SCREENING" not in html
    for module in w.modules:
        assert module.title in html


def test_attendance_percent_counts_only_sessions_after_she_joined(client, w):
    late = EnrollmentFactory(
        cohort=w.cohort,
        user=UserFactory(username="late", first_name="Sent"),
        enrolled_on=timezone.localdate(w.sessions[1].starts_at),
    )
    attendance.record_attendance(
        session=w.sessions[1], enrollment=late, status=AttendanceStatus.PRESENT
    )
    client.force_login(w.coordinator)
    rows = rows_of(client.get(w.csv))
    sent = next(row for row in rows if row[0] == "Sent")
    # One held session counts for her, and she came: 100 %, 1 of 1.
    assert sent[2:5] == ["100", "1", "1"]


def test_csv_has_one_row_per_trainee_and_a_totals_row(client, w):
    client.force_login(w.coordinator)
    response = client.get(w.csv)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = text_of(response)
    rows = list(csv.reader(io.StringIO(text)))
    header, *trainees, totals = rows
    assert len(header) == 7 + 3 * len(w.modules)
    amina = next(row for row in trainees if row[0] == "Amina")
    assert amina[2:7] == ["50", "1", "2", "1", "0"]
    assert amina[7:10] == ["Present", "yes", ""]
    assert amina[10:13] == ["Absent with notice", "", ""]
    assert totals[0] == "Total"
    assert totals[7:13] == ["2", "1", "0", "1", "0", "1"]
    assert SECRET not in text


def test_csv_cells_cannot_become_formulas(client, w):
    w.enrollments[0].user.first_name = "=HYPERLINK(1)"
    w.enrollments[0].user.save()
    client.force_login(w.coordinator)
    rows = rows_of(client.get(w.csv))
    assert ["'=HYPERLINK(1)"] == [row[0] for row in rows if "HYPERLINK" in row[0]]


def test_supervisors_of_the_cohort_may_read_it(client, w):
    client.force_login(w.supervisor)
    response = client.get(w.overview)
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET not in html and "HEMMELIG-SCREENING" not in html
    # She follows the group, but the registers are not hers to take.
    assert url("lms:cohort_sessions", w.cohort.pk) not in html
    assert client.get(w.csv).status_code == 200


def test_overview_is_refused_to_others(client, w):
    other_coordinator = UserFactory(username="grorud-coordinator")
    ChapterFactory(name="Grorud").coordinators.add(other_coordinator)
    other_supervisor = CohortStaffFactory(
        cohort=CohortFactory(course=w.course), role=StaffRole.SUPERVISOR
    ).user
    for user in (
        w.enrollments[0].user,
        w.lecturer,
        other_coordinator,
        other_supervisor,
    ):
        client.force_login(user)
        assert client.get(w.overview).status_code == 403
        assert client.get(w.csv).status_code == 403
    client.logout()
    assert client.get(w.overview).status_code == 302
    assert client.get(w.csv).status_code == 302


def _grow(w, build_course, trainees, modules):
    """A cohort with `trainees` trainees and `modules` modules, all facts filled."""
    course, pages = build_course(modules=modules)
    cohort = CohortFactory(course=course, chapter=w.cohort.chapter)
    now = timezone.now()
    sessions = [
        Session.objects.create(
            cohort=cohort,
            module=page,
            starts_at=now - timezone.timedelta(weeks=modules - n),
        )
        for n, page in enumerate(pages)
    ]
    for _ in range(trainees):
        enrollment = EnrollmentFactory(
            cohort=cohort, enrolled_on=cohort.starts_on - timezone.timedelta(weeks=20)
        )
        for session, page in zip(sessions, pages, strict=True):
            attendance.record_attendance(
                session=session, enrollment=enrollment, status=AttendanceStatus.PRESENT
            )
            progress.mark_module_reviewed(
                enrollment=enrollment, module_key=page.translation_key
            )
        ReflectionFactory(enrollment=enrollment, module_key=pages[0].translation_key)
    return cohort


def test_overview_queries_stay_the_same_for_bigger_groups_and_courses(
    client, w, build_course
):
    client.force_login(w.coordinator)

    def count(cohort):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("lms:cohort_overview", cohort.pk)).status_code == 200
        page_queries = len(ctx)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url("lms:cohort_overview_csv", cohort.pk))
        return page_queries, len(ctx)

    small = count(_grow(w, build_course, trainees=5, modules=4))
    big = count(_grow(w, build_course, trainees=40, modules=16))
    assert small == big


# --- homework columns ----------------------------------------------------------


def place(module, *assignments):
    """Put assignments in a module's lesson and publish it."""
    helpers.place(module, "assignment", *assignments)


def hand_in(enrollment, assignment, module, status):
    return SubmissionFactory(
        enrollment=enrollment,
        assignment_key=assignment.translation_key,
        module_key=module.translation_key,
        status=status,
        submitted_at=None if status == SubmissionStatus.DRAFT else timezone.now(),
    )


@pytest.fixture
def hw(w):
    w.reading = AssignmentFactory(title="Les for barnet")
    w.talking = AssignmentFactory(title="Snakk med barnet")
    place(w.modules[0], w.reading)
    place(w.modules[1], w.talking)
    amina, hodan = w.enrollments
    hand_in(amina, w.reading, w.modules[0], SubmissionStatus.APPROVED)
    hand_in(amina, w.talking, w.modules[1], SubmissionStatus.SUBMITTED)
    hand_in(hodan, w.reading, w.modules[0], SubmissionStatus.NEEDS_REVISION)
    hand_in(hodan, w.talking, w.modules[1], SubmissionStatus.DRAFT)
    return w


def test_overview_shows_homework_status_per_trainee_with_totals(client, hw):
    client.force_login(hw.coordinator)
    response = client.get(hw.overview)
    html = response.content.decode()
    assert "Les for barnet" in html and "Snakk med barnet" in html
    amina, hodan = response.context["rows"]
    assert [c.status for c in amina.homework] == ["approved", "submitted"]
    # Her own draft is not handed in: staff never see it as work.
    assert [c.status for c in hodan.homework] == ["needs_revision", ""]
    assert amina.homework_approved == 1 and hodan.homework_approved == 0
    reading, talking = response.context["homework_columns"]
    assert (reading.approved, reading.needs_revision, reading.missing) == (1, 1, 0)
    assert (talking.waiting, talking.missing) == (1, 1)
    for words in ("Approved", "Waiting for review", "Needs revision", "Not handed in"):
        assert f'<span class="visually-hidden">{words}</span>' in html


def test_csv_has_homework_columns_and_totals(client, hw):
    client.force_login(hw.supervisor)
    header, *trainees, totals = rows_of(client.get(hw.csv))
    base = 7 + 3 * len(hw.modules)
    assert header[base:] == [
        "1: homework “Les for barnet”",
        "2: homework “Snakk med barnet”",
        "Homework approved",
    ]
    amina = next(row for row in trainees if row[0] == "Amina")
    hodan = next(row for row in trainees if row[0] == "Hodan")
    assert amina[base:] == ["Approved", "Waiting for review", "1/2"]
    assert hodan[base:] == ["Needs revision", "Not handed in", "0/2"]
    assert totals[base].startswith("1 approved, 0 waiting, 1 to revise")
    assert totals[-1] == "1"


def _grow_homework(w, build_course, trainees, modules):
    cohort = _grow(w, build_course, trainees=trainees, modules=modules)
    pages = list(cohort.sessions.order_by("starts_at").values_list("module", flat=True))
    statuses = [
        SubmissionStatus.APPROVED,
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.NEEDS_REVISION,
        SubmissionStatus.DRAFT,
    ]
    assignments = []
    for page in Page.objects.filter(pk__in=pages).specific():
        made = [AssignmentFactory(), AssignmentFactory()]
        place(page, *made)
        assignments += [(page, a) for a in made]
    for n, enrollment in enumerate(cohort.enrollments.all()):
        for m, (page, assignment) in enumerate(assignments):
            hand_in(enrollment, assignment, page, statuses[(n + m) % 4])
    return cohort


def test_overview_queries_with_homework_stay_the_same(client, w, build_course):
    client.force_login(w.coordinator)

    def count(cohort):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url("lms:cohort_overview", cohort.pk))
        assert response.status_code == 200
        assert response.context["homework_columns"]
        page_queries = len(ctx)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url("lms:cohort_overview_csv", cohort.pk))
        return page_queries, len(ctx)

    small = count(_grow_homework(w, build_course, trainees=3, modules=2))
    big = count(_grow_homework(w, build_course, trainees=25, modules=8))
    assert small == big


def test_the_norwegian_csv_opens_in_norwegian_excel(client, w):
    """Norwegian and Danish Excel split a list at semicolons (their decimal
    mark is a comma); the file name keeps æ, ø and å."""
    w.cohort.name = "Grorud høst"
    w.cohort.save()
    client.force_login(w.coordinator)
    with translation.override("nb"):
        address = reverse("lms:cohort_overview_csv", args=[w.cohort.pk])
    response = client.get(address)
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    first = text.splitlines()[0]
    assert ";" in first and "," not in first.split(";")[0]
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    amina = next(row for row in rows if row[0] == "Amina")
    assert amina[2] == "50"
    assert "filename*=utf-8''grorud-h%C3%B8st-" in response["Content-Disposition"]


def test_the_english_csv_keeps_commas(client, w):
    client.force_login(w.coordinator)
    first = text_of(client.get(w.csv)).splitlines()[0]
    assert first.count(",") >= 6 and ";" not in first
