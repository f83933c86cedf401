"""The review page: a supervisor reads the thread and decides; others may not."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from lms import permissions, reviews
from lms.choices import ReviewDecision, StaffRole, SubmissionStatus
from lms.models import Review, SubmissionFile
from tests.factories.homework import (
    AssignmentFactory,
    ReviewFactory,
    SubmissionFactory,
    SubmissionVersionFactory,
)
from tests.factories.lms import (
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

OLD_FEEDBACK = "GAMMEL-TILBAKEMELDING-V1"
LATEST_TEXT = "SISTE-VERSJON-TEKST"
FIELD_ID = "f0c1d2e3-0000-4000-8000-000000000001"


def url(name, **kwargs):
    # English pages: the assertions read the source strings.
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def report_fields():
    return [
        {
            "type": "field",
            "id": FIELD_ID,
            "value": {
                "label": "Which method did you use?",
                "help_text": "",
                "kind": "long",
                "choices": [],
                "required": True,
            },
        }
    ]


def hand_in(enrollment, assignment, module, *, versions=1, when=None, text=None):
    """A handed-in submission with `versions` versions (the last one waiting)."""
    when = when or timezone.now()
    submission = SubmissionFactory(
        enrollment=enrollment,
        assignment_key=assignment.translation_key,
        module_key=module.translation_key,
        handed_in=True,
        submitted_at=when,
    )
    for number in range(1, versions + 1):
        SubmissionVersionFactory(
            submission=submission,
            number=number,
            draft_revision=number,
            submitted_at=when - datetime.timedelta(days=versions - number),
            text=(text or LATEST_TEXT) if number == versions else f"Versjon {number}",
        )
    return submission


def add_history(submission, *, released_reviews=True):
    """Each earlier version gets a released 'needs revision' review."""
    versions = list(submission.versions.order_by("number"))
    for index, version in enumerate(versions[:-1], start=1):
        ReviewFactory(
            version=version,
            number=index,
            feedback=f"{OLD_FEEDBACK} {index}",
            released_at=timezone.now() if released_reviews else None,
        )


@pytest.fixture
def hw(cohort_with_sessions):
    w = cohort_with_sessions
    amina, hodan = w.enrollments
    amina.user.first_name, amina.user.last_name = "Amina", "Etternavnsen"
    amina.user.save()
    hodan.user.first_name = "Hodan"
    hodan.user.save()
    w.assignment = AssignmentFactory(
        title="Les for barnet",
        pass_criteria="KRITERIUM: minst tre kvelder.",
        instructions="<p>INSTRUKS: les høyt.</p>",
        report_entry_label="Evening",
        report_min_entries=1,
        report_max_entries=3,
        report_fields=report_fields(),
    )
    w.submission = hand_in(amina, w.assignment, w.modules[0], versions=2)
    latest = w.submission.versions.get(number=2)
    latest.report = [{FIELD_ID: "RAPPORT-SVAR"}]
    latest.save()
    attached = SubmissionFile.objects.create(
        submission=w.submission,
        file="homework/x/abc.pdf",
        name="rapport.pdf",
        content_type="application/pdf",
        size=350 * 1024,
        in_draft=False,
    )
    latest.files.add(attached)
    w.file = attached
    add_history(w.submission)
    w.submission.status = SubmissionStatus.SUBMITTED
    w.submission.save()
    w.other = hand_in(hodan, w.assignment, w.modules[0], versions=1)
    w.page = url("lms:review", pk=w.submission.pk)
    w.other_supervisor = CohortStaffFactory(
        cohort=CohortFactory(course=w.course),
        role=StaffRole.SUPERVISOR,
        user=UserFactory(username="other-sup"),
    ).user
    return w


def form_data(submission, **changes):
    submission.refresh_from_db()
    data = {
        "expected_state": submission.review_state,
        "version_number": submission.versions.order_by("-number").first().number,
        "decision": ReviewDecision.NEEDS_REVISION,
        "feedback": "Skriv mer om hva barnet sa.",
        "action": "draft",
    }
    data.update(changes)
    return data


def optional_url(name, pk):
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        return None


# --- reading -----------------------------------------------------------------


def test_supervisor_sees_assignment_latest_version_and_history(client, hw):
    client.force_login(hw.supervisor)
    response = client.get(hw.page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Les for barnet" in html and "Amina" in html
    assert "Etternavnsen" not in html  # first name only
    assert "KRITERIUM: minst tre kvelder." in html
    assert "INSTRUKS: les høyt." in html
    assert LATEST_TEXT in html
    # Report entries with the assignment's field labels.
    assert "Which method did you use?" in html and "RAPPORT-SVAR" in html
    # Files with their name, type and size.
    assert "rapport.pdf" in html and "PDF, 350 KB" in html
    file_url = optional_url("lms:submission_file", hw.file.pk)
    if file_url:
        assert file_url in html
    # Earlier version with its released feedback.
    assert "Version 1" in html and f"{OLD_FEEDBACK} 1" in html
    # The form, with the state it was loaded in and the version it is for.
    assert 'name="expected_state" value="0"' in html
    assert 'name="version_number" value="2"' in html
    for label in ("Save draft", "Release to trainee", "Release and open next"):
        assert label in html
    assert 'accept="audio/*"' in html and "capture" in html


def test_page_is_served_in_other_languages_right_to_left(client, hw):
    client.force_login(hw.supervisor)
    with translation.override("ar"):
        page = reverse("lms:review", kwargs={"pk": hw.submission.pk})
    html = client.get(page).content.decode()
    assert 'dir="rtl"' in html


# --- deciding ----------------------------------------------------------------


def test_a_draft_is_saved_shown_to_supervisors_and_hidden_from_the_trainee(client, hw):
    client.force_login(hw.supervisor)
    response = client.post(
        hw.page, form_data(hw.submission, feedback="UTKAST-TEKST", action="draft")
    )
    assert response.status_code == 302
    draft = Review.objects.get(submission=hw.submission, released_at__isnull=True)
    assert draft.feedback == "UTKAST-TEKST" and draft.number == 2
    hw.submission.refresh_from_db()
    assert hw.submission.status == SubmissionStatus.SUBMITTED
    # The page pre-fills the form from the draft and marks it.
    html = client.get(hw.page).content.decode()
    assert "Draft, not released" in html
    assert ">UTKAST-TEKST</textarea>" in html
    assert "Discard the draft" in html
    # The trainee's thread has no trace of it.
    trainee = hw.enrollments[0].user
    assert not permissions.user_sees_review_drafts(trainee, hw.submission)
    her_thread = reviews.thread(hw.submission, with_drafts=False)
    assert all(r.is_released for v in her_thread for r in v.thread_reviews)
    assert "UTKAST-TEKST" not in str(
        [r.feedback for v in her_thread for r in v.thread_reviews]
    )
    # The coordinator reads the thread, never drafts.
    client.force_login(hw.coordinator)
    assert "UTKAST-TEKST" not in client.get(hw.page).content.decode()


def test_release_decides_and_a_draft_can_be_released_later(client, hw):
    client.force_login(hw.supervisor)
    client.post(hw.page, form_data(hw.submission, decision="approved", feedback="Bra"))
    assert Review.objects.get(submission=hw.submission, number=2).released_at is None
    response = client.post(
        hw.page, form_data(hw.submission, decision="approved", action="release")
    )
    assert response.status_code == 302
    review = Review.objects.get(submission=hw.submission, number=2)
    assert review.is_released and review.decision == ReviewDecision.APPROVED
    assert review.reviewer == hw.supervisor
    hw.submission.refresh_from_db()
    assert hw.submission.status == SubmissionStatus.APPROVED
    assert Review.objects.filter(submission=hw.submission).count() == 2


def test_release_and_open_next_goes_to_the_oldest_waiting(client, hw):
    hw.other.submitted_at = timezone.now() - datetime.timedelta(days=3)
    hw.other.save()
    client.force_login(hw.supervisor)
    response = client.post(hw.page, form_data(hw.submission, action="release_next"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("lms:review", pk=hw.other.pk))
    # Nothing left: back to the queue, saying so.
    response = client.post(
        url("lms:review", pk=hw.other.pk),
        form_data(hw.other, decision="approved", action="release_next"),
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(url("lms:review_queue"))
    assert "No other homework is waiting for review." in response.content.decode()


def test_a_draft_can_be_discarded(client, hw):
    client.force_login(hw.supervisor)
    client.post(hw.page, form_data(hw.submission, feedback="KASTES"))
    response = client.post(hw.page, form_data(hw.submission, action="discard"))
    assert response.status_code == 302
    assert not Review.objects.filter(feedback="KASTES").exists()
    assert Review.objects.filter(submission=hw.submission).count() == 1


def test_voice_feedback_is_stored_with_the_review(client, hw):
    client.force_login(hw.supervisor)
    recording = SimpleUploadedFile(
        "feedback.ogg", b"OggS" + b"\0" * 200, content_type="audio/ogg"
    )
    data = form_data(hw.submission, feedback="", action="release")
    data["audio"] = recording
    response = client.post(hw.page, data)
    assert response.status_code == 302
    review = Review.objects.get(submission=hw.submission, number=2)
    assert review.audio and review.audio_content_type == "audio/ogg"
    audio_url = optional_url("lms:review_audio", review.pk)
    if audio_url:
        assert audio_url in client.get(hw.page).content.decode()


def test_a_released_review_is_never_edited_a_new_one_is_a_new_entry(client, hw):
    client.force_login(hw.supervisor)
    client.post(hw.page, form_data(hw.submission, feedback="FØRSTE", action="release"))
    first = Review.objects.get(submission=hw.submission, number=2)
    response = client.post(
        hw.page,
        form_data(hw.submission, decision="approved", feedback="", action="release"),
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.feedback == "FØRSTE"
    assert first.decision == ReviewDecision.NEEDS_REVISION
    second = Review.objects.get(submission=hw.submission, number=3)
    assert second.decision == ReviewDecision.APPROVED and second.is_released
    html = client.get(hw.page).content.decode()
    assert "FØRSTE" in html


# --- conflicts and bad input -------------------------------------------------


def test_second_supervisor_saving_gets_409_and_keeps_her_text(client, hw):
    colleague = UserFactory(username="sup2")
    CohortStaffFactory(cohort=hw.cohort, user=colleague, role=StaffRole.SUPERVISOR)
    loaded = form_data(hw.submission)  # both opened the page in this state
    client.force_login(colleague)
    assert client.post(hw.page, {**loaded, "action": "release"}).status_code == 302
    client.force_login(hw.supervisor)
    response = client.post(
        hw.page,
        {
            **loaded,
            "decision": "approved",
            "feedback": "MIN-TEKST",
            "action": "release",
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Another supervisor saved a review of this homework" in html
    assert ">MIN-TEKST</textarea>" in html
    assert 'value="approved" required checked' in html
    # The thread is refreshed: her colleague's decision shows; the form now
    # names the new state, so saving again is a deliberate second decision.
    assert "Skriv mer om hva barnet sa." in html
    hw.submission.refresh_from_db()
    assert f'name="expected_state" value="{hw.submission.review_state}"' in html
    assert Review.objects.filter(submission=hw.submission).count() == 2
    assert not Review.objects.filter(feedback="MIN-TEKST").exists()


def test_feedback_on_an_older_version_is_refused_and_kept(client, hw):
    client.force_login(hw.supervisor)
    response = client.post(
        hw.page, form_data(hw.submission, version_number=1, feedback="GAMMEL-V")
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "The trainee has handed in a newer version" in html
    assert ">GAMMEL-V</textarea>" in html
    assert 'name="version_number" value="2"' in html
    assert not Review.objects.filter(feedback="GAMMEL-V").exists()


def test_revision_without_feedback_and_missing_fields_are_refused(client, hw):
    client.force_login(hw.supervisor)
    response = client.post(hw.page, form_data(hw.submission, feedback="  "))
    assert response.status_code == 400
    assert "Tell her what to change" in response.content.decode()
    response = client.post(hw.page, form_data(hw.submission, decision=""))
    assert response.status_code == 400
    assert "Choose a decision" in response.content.decode()
    data = form_data(hw.submission, feedback="BEHOLDES")
    del data["expected_state"]
    response = client.post(hw.page, data)
    assert response.status_code == 400
    assert ">BEHOLDES</textarea>" in response.content.decode()
    assert Review.objects.filter(submission=hw.submission).count() == 1


def test_messages_are_translated(client, hw):
    client.force_login(hw.supervisor)
    with translation.override("nb"):
        page = reverse("lms:review", kwargs={"pk": hw.submission.pk})
    response = client.post(page, form_data(hw.submission, version_number=1))
    assert response.status_code == 409
    with translation.override("nb"):
        expected = str(reviews.NotLatestVersion(hw.submission).message)
    assert expected in response.content.decode()


def test_a_post_without_csrf_token_is_refused(hw):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hw.supervisor)
    response = client.post(hw.page, form_data(hw.submission, action="release"))
    assert response.status_code == 403
    assert Review.objects.filter(submission=hw.submission).count() == 1


# --- who may -----------------------------------------------------------------


def test_others_are_told_nothing_exists(client, hw):
    hodan = hw.enrollments[1].user
    for user in (
        hw.other_supervisor,
        hw.lecturer,
        hw.enrollments[0].user,  # her own homework: her own pages show it
        hodan,
    ):
        client.force_login(user)
        assert client.get(hw.page).status_code == 404, user
        assert client.post(hw.page, form_data(hw.submission)).status_code == 404
    assert Review.objects.filter(submission=hw.submission).count() == 1
    client.logout()
    assert client.get(hw.page).status_code == 302


def test_a_draft_not_handed_in_is_not_for_supervisors(client, hw):
    draft = SubmissionFactory(
        enrollment=hw.enrollments[1],
        assignment_key=AssignmentFactory().translation_key,
        module_key=hw.modules[0].translation_key,
    )
    client.force_login(hw.supervisor)
    assert client.get(url("lms:review", pk=draft.pk)).status_code == 404


def test_coordinator_reads_without_form_or_drafts_and_may_not_post(client, hw):
    ReviewFactory(
        version=hw.submission.versions.get(number=2),
        number=2,
        feedback="HEMMELIG-UTKAST",
        released_at=None,
    )
    client.force_login(hw.coordinator)
    response = client.get(hw.page)
    assert response.status_code == 200
    html = response.content.decode()
    assert LATEST_TEXT in html and f"{OLD_FEEDBACK} 1" in html
    assert "HEMMELIG-UTKAST" not in html
    assert "<textarea" not in html and "Release to trainee" not in html
    response = client.post(hw.page, form_data(hw.submission, action="release"))
    assert response.status_code == 403
    assert not Review.objects.filter(released_at__isnull=False, number=2).exists()


# --- queries -----------------------------------------------------------------


def _page_queries(client, submission):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url("lms:review", pk=submission.pk))
    assert response.status_code == 200
    return len(ctx)


def test_review_page_queries_do_not_grow_with_versions_or_submissions(client, hw):
    client.force_login(hw.supervisor)
    small = hand_in(
        EnrollmentFactory(cohort=hw.cohort), hw.assignment, hw.modules[1], versions=2
    )
    add_history(small)
    big = hand_in(
        EnrollmentFactory(cohort=hw.cohort), hw.assignment, hw.modules[1], versions=30
    )
    add_history(big)
    for version in big.versions.all():
        attached = SubmissionFile.objects.create(
            submission=big,
            file=f"homework/{big.pk}/{version.number}.pdf",
            name=f"{version.number}.pdf",
            content_type="application/pdf",
            size=1000,
        )
        version.files.add(attached)
    ReviewFactory(version=big.versions.get(number=30), number=30, released_at=None)
    _page_queries(client, small)  # warm caches (site, locales)
    few = _page_queries(client, small)
    for _ in range(20):
        hand_in(EnrollmentFactory(cohort=hw.cohort), hw.assignment, hw.modules[2])
    many = _page_queries(client, big)
    assert few == many
    client.force_login(hw.coordinator)
    assert _page_queries(client, small) == _page_queries(client, big)
