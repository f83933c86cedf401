"""Issuing diplomas: refused unless the rule is met (or waived), never to a
withdrawn trainee, idempotent, revocable; the command's report."""

import io
import subprocess

import pytest
from django.core.management import call_command
from django.utils import translation

from lms.choices import EnrollmentStatus, ExceptionKind, Requirement
from lms.diplomas import codes
from lms.diplomas.issue import (
    NotEligible,
    issue_diploma,
    issue_for_cohort,
    make_pdf,
    revoke,
)
from lms.events import enrollment_completed
from lms.models import CompletionException, Diploma
from tests.lms.completion.conftest import attend, complete


@pytest.fixture(autouse=True)
def in_english():
    """The services' messages are read in English, the source strings."""
    with translation.override("en"):
        yield


def test_issuing_refuses_until_the_rule_is_met(finished):
    amina = finished.enrollments[0]
    attend(amina, finished.sessions)
    with pytest.raises(NotEligible) as refused:
        issue_diploma(amina)
    assert any("0 of 1 assignment" in reason for reason in refused.value.reasons)
    assert not Diploma.objects.exists()


def test_issuing_fills_the_claims_marks_completed_and_tells(finished):
    amina = finished.enrollments[0]
    amina.user.first_name, amina.user.last_name = "أمينة", "حسن"
    amina.user.save()
    complete(finished, amina)
    told = []
    enrollment_completed.connect(
        lambda sender, enrollment, **kw: told.append(enrollment.pk),
        weak=False,
        dispatch_uid="test-told",
    )
    try:
        diploma = issue_diploma(amina, by=finished.coordinator)
    finally:
        enrollment_completed.disconnect(dispatch_uid="test-told")
    assert told == [amina.pk]
    amina.refresh_from_db()
    assert amina.status == EnrollmentStatus.COMPLETED
    assert diploma.holder_name == "أمينة حسن"
    assert diploma.course_title == "Grunnopplæring"
    assert diploma.chapter_name == finished.cohort.chapter.name
    assert diploma.issued_by == finished.coordinator
    assert codes.normalise_code(diploma.code) == diploma.code
    claims = diploma.claims
    assert [m[0] for m in claims["modules"]] == [m.title for m in finished.modules]
    assert claims["period_start"] == finished.cohort.starts_on.isoformat()
    assert claims["verification_url"].endswith(f"/diplomas/{diploma.code}/")
    assert float(claims["total_hours"]) > 0


def test_issuing_twice_returns_the_same_diploma(finished):
    amina = finished.enrollments[0]
    complete(finished, amina)
    first = issue_diploma(amina)
    second = issue_diploma(amina)
    assert first.pk == second.pk
    assert Diploma.objects.count() == 1


def test_a_withdrawn_trainee_gets_none(finished):
    amina = finished.enrollments[0]
    complete(finished, amina)
    amina.status = EnrollmentStatus.WITHDRAWN
    amina.save()
    with pytest.raises(NotEligible):
        issue_diploma(amina)
    assert not Diploma.objects.exists()


def test_a_waived_requirement_lets_her_have_it(finished):
    amina = finished.enrollments[0]
    attend(amina, finished.sessions)
    CompletionException.objects.create(
        enrollment=amina,
        kind=ExceptionKind.WAIVER,
        requirement=Requirement.HOMEWORK,
        reason="Leverte muntlig",
        granted_by=finished.coordinator,
    )
    assert issue_diploma(amina).pk


def test_revoking_and_issuing_again_keeps_the_code(finished):
    amina = finished.enrollments[0]
    complete(finished, amina)
    diploma = issue_diploma(amina)
    code = diploma.code
    with pytest.raises(ValueError):
        revoke(diploma, finished.coordinator, "  ")
    revoked = revoke(diploma, finished.coordinator, "Feil person")
    assert revoked.is_revoked
    assert revoked.revocation_reason == "Feil person"
    again = issue_diploma(amina)
    assert again.pk == diploma.pk
    assert again.code == code
    assert not again.is_revoked


def test_issue_for_cohort_issues_to_those_who_met_the_rule(finished):
    amina, hodan = finished.enrollments
    complete(finished, amina)
    issued, refused = issue_for_cohort(finished.cohort)
    assert [d.enrollment_id for d in issued] == [amina.pk]
    assert [e.pk for e, _reasons in refused] == [hodan.pk]
    again = issue_for_cohort(finished.cohort)
    assert again.issued == []
    assert [d.pk for d in again.existing] == [issued[0].pk]


def test_the_command_reports_each_trainee_and_issues_nothing_twice(finished):
    amina, hodan = finished.enrollments
    amina.user.first_name, hodan.user.first_name = "Amina", "Hodan"
    amina.user.save()
    hodan.user.save()
    complete(finished, amina)
    out = io.StringIO()
    call_command("issue_diplomas", "--cohort", str(finished.cohort.pk), stdout=out)
    lines = out.getvalue().splitlines()
    code = Diploma.objects.get().code
    assert lines[0] == f"Amina: issued, code {code}"
    assert lines[1].startswith("Hodan: not yet: Attendance: 0 of 4 sessions")
    assert lines[-1] == "1 issued, 0 already had one, 1 not yet."

    out = io.StringIO()
    call_command("issue_diplomas", "--cohort", str(finished.cohort.pk), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Amina: already had one, code {code}"
    assert lines[-1] == "0 issued, 1 already had one, 1 not yet."
    assert Diploma.objects.count() == 1


def test_the_command_refuses_an_unknown_cohort(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("issue_diplomas", "--cohort", "999999", stdout=io.StringIO())


def test_the_pdf_is_rendered_after_commit_and_stored_privately(
    finished, own_private_storage, django_capture_on_commit_callbacks
):
    amina = finished.enrollments[0]
    amina.user.first_name = "<img src=file:///etc/passwd> أمينة"
    amina.user.save()
    complete(finished, amina)
    with django_capture_on_commit_callbacks(execute=True):
        diploma = issue_diploma(amina)
    diploma.refresh_from_db()
    assert diploma.pdf.name.startswith("diplomas/")
    assert diploma.pdf_made_at is not None
    with diploma.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    assert "أمينة" in text
    assert finished.modules[0].title in text
    # Rendering again keeps the code and replaces the file.
    old = diploma.pdf.name
    make_pdf(diploma)
    assert diploma.code == Diploma.objects.get().code
    assert not own_private_storage.exists(old)


def test_the_command_names_a_withdrawn_trainee_and_why(finished):
    hodan = finished.enrollments[1]
    hodan.user.first_name = "Hodan"
    hodan.user.save()
    complete(finished, hodan)
    hodan.status = EnrollmentStatus.WITHDRAWN
    hodan.save()
    out = io.StringIO()
    call_command("issue_diplomas", "--cohort", str(finished.cohort.pk), stdout=out)
    assert "Hodan: not yet: She has withdrawn from the cohort." in out.getvalue()
    assert not Diploma.objects.filter(enrollment=hodan).exists()


def test_an_extremely_long_name_is_kept_within_the_diploma(finished):
    amina = finished.enrollments[0]
    amina.user.first_name = "ع" * 150
    amina.user.last_name = "ب" * 150
    amina.user.save()
    complete(finished, amina)
    diploma = issue_diploma(amina)
    assert len(diploma.holder_name) == 300
    assert diploma.holder_name.startswith("ع" * 150)


def test_her_language_adds_the_translated_titles_and_wording(finished, translate):
    from lms.models import Profile

    finished.course.diploma_wording = "har fullført grunnopplæringen"
    finished.course.save_revision().publish()
    course_ar = translate(finished.course, "ar", title="التدريب الأساسي")
    course_ar.diploma_wording = "أكملت التدريب الأساسي"
    course_ar.save_revision().publish()
    translate(finished.modules[0], "ar", title="لغة الأطفال")
    amina = finished.enrollments[0]
    Profile.objects.create(user=amina.user, language="ar")
    complete(finished, amina)
    claims = issue_diploma(amina).claims
    assert claims["holder_language"] == "ar"
    assert claims["programme_language"] == "nb"
    assert claims["programme_translated"] == "التدريب الأساسي"
    assert claims["wording"] == "har fullført grunnopplæringen"
    assert claims["wording_translated"] == "أكملت التدريب الأساسي"
    assert claims["modules"][0] == [finished.modules[0].title, "لغة الأطفال"]
    # A module not translated has no second title (not the Norwegian twice).
    assert claims["modules"][1] == [finished.modules[1].title, ""]
