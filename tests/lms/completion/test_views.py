"""The pages: public verification, her checklist, the coordinator's cohort
page (issue, exceptions, revoke) and the PDF download, with their denials."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from lms.choices import ExceptionKind, Requirement
from lms.diplomas.issue import issue_diploma, revoke
from lms.models import CompletionException, Diploma
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.lms.completion.conftest import as_user, attend, complete, en


@pytest.fixture
def issued(finished):
    amina = finished.enrollments[0]
    amina.user.first_name = "Amina"
    amina.user.last_name = "Hassan"
    amina.user.save()
    complete(finished, amina)
    finished.diploma = issue_diploma(amina, by=finished.coordinator)
    return finished


# --- verification ------------------------------------------------------------


def test_the_verification_page_is_public_and_shows_the_claims(issued):
    diploma = issued.diploma
    response = as_user().get(en("lms:verify_diploma", code=diploma.code))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Valid" in page
    assert "Amina Hassan" in page
    assert "Grunnopplæring" in page
    assert issued.cohort.chapter.name in page
    with translation.override("en"):
        issued_on = date_format(timezone.localdate(issued.diploma.issued_at))
    assert issued_on in page
    for module in issued.modules:
        assert module.title in page
    # Nothing else about her: no username, no e-mail, no other trainee.
    assert issued.enrollments[0].user.username not in page
    assert issued.enrollments[1].user.username not in page


def test_a_revoked_diploma_verifies_as_revoked(issued):
    revoke(issued.diploma, issued.coordinator, "Feil person")
    response = as_user().get(en("lms:verify_diploma", code=issued.diploma.code))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Revoked" in page
    assert "Feil person" not in page  # the reason is not public


def test_an_unknown_code_is_a_plain_404(db):
    from lms.diplomas.codes import new_code

    assert as_user().get(en("lms:verify_diploma", code=new_code())).status_code == 404
    assert as_user().get(en("lms:verify_diploma", code="NOT-A-CODE")).status_code == 404


def test_a_typed_code_leads_to_the_page_and_a_mistyped_one_says_so(issued):
    code = issued.diploma.code
    client = as_user()
    typed = code.lower().replace("-", " ")
    response = client.get(en("lms:verify_diploma_form"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == en("lms:verify_diploma", code=code)
    response = client.get(en("lms:verify_diploma_form"), {"code": "ABCD"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert 'value="ABCD"' in response.content.decode()  # what she typed stays


# --- her checklist -----------------------------------------------------------


def test_she_sees_what_is_done_and_what_remains(finished):
    hodan = finished.enrollments[1]
    attend(hodan, finished.sessions[:3])
    CompletionException.objects.create(
        enrollment=hodan,
        kind=ExceptionKind.WAIVER,
        requirement=Requirement.HOMEWORK,
        reason="Leverte muntlig",
        granted_by=finished.coordinator,
    )
    response = as_user(hodan.user).get(en("lms:checklist", enrollment_id=hodan.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 of 4 sessions attended" in page
    assert "Leverte muntlig" in page
    assert finished.coordinator.get_full_name() in page  # who granted it


def test_the_checklist_is_hers_and_her_cohort_staffs_only(finished):
    amina, hodan = finished.enrollments
    url = en("lms:checklist", enrollment_id=amina.pk)
    assert as_user(hodan.user).get(url).status_code == 403
    assert as_user(UserFactory()).get(url).status_code == 403
    assert as_user(finished.supervisor).get(url).status_code == 200
    assert as_user(finished.coordinator).get(url).status_code == 200
    assert as_user().get(url).status_code == 302  # to sign in


# --- the cohort page ---------------------------------------------------------


def test_the_coordinator_sees_who_is_on_track_and_issues_for_all(finished):
    amina, hodan = finished.enrollments
    complete(finished, amina)
    client = as_user(finished.coordinator)
    url = en("lms:cohort_completion", cohort_id=finished.cohort.pk)
    page = client.get(url).content.decode()
    assert "At risk" in page  # hodan came to nothing
    assert "Completed" in page
    response = client.post(en("lms:issue_diplomas", cohort_id=finished.cohort.pk))
    assert response.status_code == 302
    assert Diploma.objects.get().enrollment == amina
    client.post(en("lms:issue_diplomas", cohort_id=finished.cohort.pk))
    assert Diploma.objects.count() == 1


def test_issuing_to_one_who_has_not_completed_is_refused_with_why(finished):
    hodan = finished.enrollments[1]
    client = as_user(finished.coordinator)
    response = client.post(
        en("lms:issue_diplomas", cohort_id=finished.cohort.pk),
        {"enrollment": hodan.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert "0 of 4 sessions" in response.content.decode()
    assert not Diploma.objects.exists()


def test_supervisors_and_others_cannot_issue_or_grant(finished):
    amina = finished.enrollments[0]
    complete(finished, amina)
    other = UserFactory(username="other-coordinator")
    ChapterFactory().coordinators.add(other)
    for user in (finished.supervisor, other, amina.user):
        client = as_user(user)
        url = en("lms:issue_diplomas", cohort_id=finished.cohort.pk)
        assert client.post(url).status_code == 403
        url = en("lms:grant_exception", cohort_id=finished.cohort.pk)
        assert client.post(url, {"enrollment": amina.pk}).status_code == 403
    assert not Diploma.objects.exists()
    url = en("lms:cohort_completion", cohort_id=finished.cohort.pk)
    assert as_user(other).get(url).status_code == 403
    assert as_user(amina.user).get(url).status_code == 403
    assert as_user(finished.supervisor).get(url).status_code == 200


def test_granting_an_exception_needs_a_reason_and_keeps_what_was_typed(finished):
    hodan = finished.enrollments[1]
    client = as_user(finished.coordinator)
    url = en("lms:grant_exception", cohort_id=finished.cohort.pk)
    response = client.post(
        url,
        {"enrollment": hodan.pk, "kind": ExceptionKind.EXCUSED_ABSENCE, "reason": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "error-summary" in page
    assert "Choose the session she was absent from." in page
    assert not CompletionException.objects.exists()

    response = client.post(
        url,
        {
            "enrollment": hodan.pk,
            "kind": ExceptionKind.EXCUSED_ABSENCE,
            "session": finished.sessions[0].pk,
            "reason": "Syk",
        },
    )
    assert response.status_code == 302
    exception = CompletionException.objects.get()
    assert exception.granted_by == finished.coordinator
    assert exception.session == finished.sessions[0]
    assert exception.reason == "Syk"


def test_the_coordinator_revokes_with_a_reason(issued):
    client = as_user(issued.coordinator)
    url = en("lms:revoke_diploma", diploma_id=issued.diploma.pk)
    client.post(url, {"reason": ""})
    issued.diploma.refresh_from_db()
    assert not issued.diploma.is_revoked
    assert as_user(issued.supervisor).post(url, {"reason": "x"}).status_code == 403
    client.post(url, {"reason": "Feil person"})
    issued.diploma.refresh_from_db()
    assert issued.diploma.is_revoked
    assert issued.diploma.revoked_by == issued.coordinator


def _cohort_of(build_course, size):
    from tests.factories.homework import AssignmentFactory
    from tests.factories.lms import SessionFactory
    from tests.lms.completion.conftest import place

    course, modules = build_course(modules=3)
    cohort = CohortFactory(course=course)
    coordinator = UserFactory()
    cohort.chapter.coordinators.add(coordinator)
    from lms.models import Sitting
    from tests.lms.quizzes.conftest import make_quiz

    place(modules[0], "assignment", AssignmentFactory())
    quiz = make_quiz()
    place(modules[1], "quiz", quiz)
    sessions = [SessionFactory(cohort=cohort, module=m) for m in modules]
    for _n in range(size):
        enrollment = EnrollmentFactory(cohort=cohort)
        attend(enrollment, sessions[:2])
        Sitting.objects.create(
            user=enrollment.user,
            enrollment=enrollment,
            quiz_key=quiz.translation_key,
            complete=True,
            percent=50,
            passed=False,
        )
        CompletionException.objects.create(
            enrollment=enrollment,
            kind=ExceptionKind.EXCUSED_ABSENCE,
            session=sessions[2],
            reason="Syk",
            granted_by=coordinator,
        )
    return cohort, coordinator


def test_the_cohort_page_reads_in_a_fixed_number_of_queries(build_course):
    counts = []
    for size in (5, 40):
        cohort, coordinator = _cohort_of(build_course, size)
        client = as_user(coordinator)
        url = en("lms:cohort_completion", cohort_id=cohort.pk)
        client.get(url)  # content types and the like, once per process
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert page.count("completion-row--") == size
        assert page.count("0 of 1 quiz passed") == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] < 40


def test_the_pages_read_right_to_left_in_arabic(issued):
    from django.urls import reverse
    from django.utils import translation

    amina = issued.enrollments[0]
    with translation.override("ar"):
        urls = [
            (amina.user, reverse("lms:checklist", kwargs={"enrollment_id": amina.pk})),
            (None, reverse("lms:verify_diploma", kwargs={"code": issued.diploma.code})),
            (
                issued.coordinator,
                reverse(
                    "lms:cohort_completion", kwargs={"cohort_id": issued.cohort.pk}
                ),
            ),
        ]
    for user, url in urls:
        response = as_user(user).get(url)
        assert response.status_code == 200, url
        assert '<html lang="ar" dir="rtl">' in response.content.decode()


# --- the PDF ---------------------------------------------------------------------


@pytest.fixture
def with_pdf(issued, own_private_storage):
    issued.diploma.pdf.save("d.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    return issued


def test_she_downloads_her_diploma(with_pdf):
    amina = with_pdf.enrollments[0]
    response = as_user(amina.user).get(
        en("lms:diploma_pdf", diploma_id=with_pdf.diploma.pk)
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # Read to the end: the test client then finishes the request itself (an
    # explicit close() would close the test's database connection).
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_chapter_staff_may_download_others_may_not(with_pdf):
    url = en("lms:diploma_pdf", diploma_id=with_pdf.diploma.pk)
    response = as_user(with_pdf.coordinator).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = UserFactory(username="other-coordinator")
    ChapterFactory().coordinators.add(other)
    hodan = with_pdf.enrollments[1]
    assert as_user(other).get(url).status_code == 404
    assert as_user(hodan.user).get(url).status_code == 404
    assert as_user().get(url).status_code == 302
    # Guessing ids gives the same answer as a diploma that does not exist.
    missing = en("lms:diploma_pdf", diploma_id=with_pdf.diploma.pk + 1000)
    assert as_user(hodan.user).get(missing).status_code == 404


def test_her_checklist_reads_in_the_same_queries_in_a_small_or_big_cohort(
    build_course,
):
    counts = []
    for size in (5, 40):
        cohort, _coordinator = _cohort_of(build_course, size)
        enrollment = cohort.enrollments.first()
        client = as_user(enrollment.user)
        url = en("lms:checklist", enrollment_id=enrollment.pk)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert "3 of 3 sessions attended" in response.content.decode()  # one excused
        counts.append(len(queries))
    assert counts[0] == counts[1]
