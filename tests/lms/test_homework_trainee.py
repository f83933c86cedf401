"""Homework as a trainee meets it: the block on the module page, her draft
(autosave, conflicts, surviving a reload), handing in, the thread, her
dashboard and homework list, and every denial."""

import datetime
import html
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from lms import homework
from lms.choices import EnrollmentStatus, StaffRole, SubmissionStatus
from lms.models import Submission, SubmissionVersion
from tests import helpers
from tests.factories.homework import (
    AssignmentFactory,
    ReviewFactory,
    SubmissionFactory,
    SubmissionVersionFactory,
)
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
)
from tests.helpers import as_user
from tests.lms.test_reflections import WEBM

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

REPORT_FIELDS = [
    {
        "type": "field",
        "id": "who",
        "value": {
            "label": "Who did you talk to?",
            "help_text": "Describe her, never name her.",
            "kind": "short",
            "choices": [],
            "required": True,
        },
    },
    {
        "type": "field",
        "id": "method",
        "value": {
            "label": "Which method did you use?",
            "help_text": "",
            "kind": "choice",
            "choices": ["Listening", "Praise"],
            "required": True,
        },
    },
    {
        "type": "field",
        "id": "hard",
        "value": {
            "label": "What was hard?",
            "help_text": "",
            "kind": "long",
            "choices": [],
            "required": False,
        },
    },
]


def place(module, *assignments):
    """Put assignments in a module's lesson and publish it."""
    helpers.place(module, "assignment", *assignments)


@pytest.fixture
def world(cohort_with_sessions):
    return build_world(cohort_with_sessions)


def build_world(w):
    """A held module with an assignment, two trainees and another cohort."""
    w.module = w.modules[0]  # its session is held
    w.assignment = AssignmentFactory(
        title="Snakk med barnet",
        pass_criteria="Du har snakket med barnet tre ganger.",
        due_days_after_session=7,
        max_files=2,
    )
    place(w.module, w.assignment)
    w.key = w.assignment.translation_key
    w.amina = w.enrollments[0].user
    w.hodan = w.enrollments[1].user
    other_cohort = CohortFactory(course=w.course, chapter=ChapterFactory())
    w.other_supervisor = CohortStaffFactory(
        cohort=other_cohort, role=StaffRole.SUPERVISOR
    ).user
    w.other_trainee = EnrollmentFactory(cohort=other_cohort).user
    return w


def target(w, **extra):
    return {
        "page": w.module.pk,
        "assignment": str(w.key),
        "next": w.module.url,
        **extra,
    }


def save(client, w, text, revision=0, **extra):
    headers = {k: v for k, v in extra.items() if k.startswith("HTTP_")}
    data = {k: v for k, v in extra.items() if not k.startswith("HTTP_")}
    return client.post(
        reverse("lms:save_homework"),
        {**target(w), "text": text, "revision": revision, **data},
        **headers,
    )


def submission_of(user):
    return Submission.objects.get(enrollment__user=user)


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def text_of(response):
    """The page's visible text, whitespace collapsed."""
    body = response.content.decode()
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(body))


def hand_in(client, w, text="Vi leste sammen.", revision=0, **extra):
    return client.post(
        en("lms:submit_homework"),
        {**target(w), "text": text, "revision": revision, **extra},
    )


# --- the block on the module page ------------------------------------------


def test_visitor_sees_the_assignment_and_a_sign_in_link_only(client, world):
    body = client.get(world.module.url).content.decode()
    assert "Snakk med barnet" in body
    assert f"/nb/login/?next={world.module.url}%23homework-{world.key}" in body
    assert 'class="hw__form"' not in body
    assert "homework.js" not in body


def test_enrolled_trainee_gets_the_form_with_due_date_and_pass_criteria(world):
    body = as_user(world.amina).get(world.module.url).content.decode()
    assert f'id="homework-{world.key}"' in body
    assert "Du har snakket med barnet tre ganger." in body
    assert f'name="assignment" value="{world.key}"' in body
    assert 'class="hw__form"' in body
    assert "lms/homework.js" in body and "lms/homework.css" in body
    due = homework.due_date(world.sessions[0], world.assignment)
    assert f'datetime="{due.isoformat()}"' in body
    # Files and a voice recording, with a plain file input for old phones.
    assert 'name="file"' in body
    assert 'name="audio" accept="audio/*" capture' in body


def test_staff_see_the_assignment_but_no_form(world):
    for user in (world.supervisor, world.coordinator, world.lecturer):
        body = as_user(user).get(world.module.url).content.decode()
        assert "Snakk med barnet" in body, user
        assert 'class="hw__form"' not in body, user


def test_closed_module_shows_only_title_and_that_it_opens_later(world, rf):
    from django.template import Context, Template

    from lms.progress import ModuleReview

    request = rf.get("/")
    request.user = world.amina
    closed = ModuleReview(
        enrollment=world.enrollments[0], session=world.sessions[3], is_open=False
    )
    with translation.override("en"):
        out = Template("{% load homework_tags %}{% homework_block a %}").render(
            Context(
                {
                    "request": request,
                    "page": world.modules[3],
                    "module_review": closed,
                    "a": world.assignment,
                }
            )
        )
    assert "Snakk med barnet" in out
    assert "opens after the session" in out
    assert "Snakk med barnet ti" not in out
    assert "<form" not in out and "tre ganger" not in out


def test_handed_in_homework_links_to_her_page_instead_of_the_form(world):
    client = as_user(world.amina)
    hand_in(client, world)
    body = client.get(world.module.url).content.decode()
    submission = submission_of(world.amina)
    assert en("lms:homework", pk=submission.pk).replace("/en/", "/nb/") in body
    assert 'class="hw__form"' not in body


# --- drafts ------------------------------------------------------------------


def test_plain_post_saves_and_the_draft_survives_a_reload(world):
    client = as_user(world.amina)
    response = save(client, world, "Vi lekte med klosser.")
    assert response.status_code == 302
    assert response["Location"] == world.module.url
    submission = submission_of(world.amina)
    assert submission.draft_text == "Vi lekte med klosser."
    assert submission.module_key == world.module.translation_key
    assert submission.status == SubmissionStatus.DRAFT
    body = client.get(world.module.url).content.decode()
    assert "Vi lekte med klosser.</textarea>" in body
    assert 'name="revision" value="1"' in body
    assert f'name="submission" value="{submission.pk}"' in body


def test_autosave_answers_json_with_the_new_revision(world):
    client = as_user(world.amina)
    first = save(client, world, "Utkast", **JSON)
    assert first.status_code == 200
    data = first.json()
    assert data["revision"] == 1
    assert data["fields"]["text"] == "Utkast"
    second = save(
        client, world, "Utkast to", revision=1, submission=data["submission"], **JSON
    )
    assert second.json()["revision"] == 2
    assert submission_of(world.amina).draft_text == "Utkast to"
    assert Submission.objects.count() == 1


def test_stale_tab_gets_409_with_the_newer_draft(world):
    client = as_user(world.amina)
    save(client, world, "Fra mobilen", **JSON)
    response = save(client, world, "Fra den gamle fanen", revision=0, **JSON)
    assert response.status_code == 409
    assert response.json()["fields"]["text"] == "Fra mobilen"
    assert response.json()["revision"] == 1
    assert submission_of(world.amina).draft_text == "Fra mobilen"


def test_stale_plain_post_shows_both_and_keeps_hers_in_the_form(world):
    client = as_user(world.amina)
    save(client, world, "Nyere tekst")
    response = save(client, world, "Min tekst", revision=0)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Min tekst</textarea>" in body
    assert "Nyere tekst" in body
    assert 'name="revision" value="1"' in body
    assert save(client, world, "Min tekst", revision=1).status_code == 302
    assert submission_of(world.amina).draft_text == "Min tekst"


def test_expired_login_answers_401_json_to_the_script(client, world):
    response = save(client, world, "Tekst", **JSON)
    assert response.status_code == 401
    assert response.json()["status"] == "signed_out"
    assert not Submission.objects.exists()
    # A plain post goes to the login page and back to where she was.
    response = save(client, world, "Tekst")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_garbled_form_gets_a_message_not_a_500(world):
    client = as_user(world.amina)
    response = client.post(
        en("lms:save_homework"), {"page": "x", "assignment": "nope"}, **JSON
    )
    assert response.status_code == 400
    assert response.json()["error"]


def test_an_assignment_not_in_the_module_is_404(world):
    other = AssignmentFactory()
    client = as_user(world.amina)
    response = save(client, world, "Hei", assignment=str(other.translation_key))
    assert response.status_code == 404
    assert not Submission.objects.exists()


def test_a_module_not_open_yet_cannot_be_started(world):
    later = world.modules[3]
    place(later, world.assignment)
    client = as_user(world.amina)
    response = save(client, world, "For tidlig", page=later.pk)
    assert response.status_code == 403
    assert not Submission.objects.exists()


@pytest.fixture
def report_world(world):
    world.report = AssignmentFactory(
        title="Tre samtaler",
        accepts_text=False,
        report_entry_label="Samtale",
        report_min_entries=2,
        report_max_entries=3,
        report_fields=REPORT_FIELDS,
    )
    place(world.modules[1], world.report)
    world.report_module = world.modules[1]
    return world


def report_post(w, entries, revision=0):
    data = {
        "page": w.report_module.pk,
        "assignment": str(w.report.translation_key),
        "revision": revision,
    }
    for index in range(3):
        entry = entries[index] if index < len(entries) else {}
        for field in ("who", "method", "hard"):
            data[f"report-{index}-{field}"] = entry.get(field, "")
    return data


def test_report_entries_are_saved_and_come_back_in_the_form(report_world):
    w = report_world
    client = as_user(w.amina)
    body = client.get(w.report_module.url).content.decode()
    assert "Samtale 1" in body and "Samtale 2" in body
    assert "Describe her, never name her." in body
    assert '<option value="Praise">Praise</option>' in body
    entries = [{"who": "En mor fra nabolaget", "method": "Praise", "hard": "Tiden"}]
    response = client.post(en("lms:save_homework"), report_post(w, entries), **JSON)
    assert response.status_code == 200
    submission = submission_of(w.amina)
    # The spare empty entries at the end are not kept.
    assert submission.draft_report == [
        {"who": "En mor fra nabolaget", "method": "Praise", "hard": "Tiden"}
    ]
    body = client.get(w.report_module.url).content.decode()
    assert 'value="En mor fra nabolaget"' in body
    assert '<option value="Praise" selected>' in body


def test_an_incomplete_report_is_refused_with_what_is_missing(report_world):
    w = report_world
    client = as_user(w.amina)
    entries = [{"who": "En nabo", "method": "Praise"}, {"who": "En venninne"}]
    data = report_post(w, entries)
    with translation.override("en"):
        response = client.post(en("lms:submit_homework"), data, **JSON)
    assert response.status_code == 400
    assert "Which method did you use?" in response.json()["error"]
    assert not SubmissionVersion.objects.exists()
    # What she wrote is kept.
    assert submission_of(w.amina).draft_report[1]["who"] == "En venninne"
    data = report_post(
        w, [{"who": "En nabo", "method": "Praise"}, {"who": "B", "method": "Praise"}], 1
    )
    assert client.post(en("lms:submit_homework"), data).status_code == 302
    version = SubmissionVersion.objects.get()
    assert version.report[1]["who"] == "B"
    page = text_of(client.get(en("lms:homework", pk=version.submission_id)))
    assert "Samtale 2" in page and "Which method did you use? Praise" in page


# --- handing in --------------------------------------------------------------


def test_hand_in_freezes_a_version_and_shows_the_thread(world):
    client = as_user(world.amina)
    save(client, world, "Første utkast")
    response = hand_in(client, world, "Ferdig svar", revision=1)
    submission = submission_of(world.amina)
    assert response.status_code == 302
    assert response["Location"] == en("lms:homework", pk=submission.pk)
    assert submission.status == SubmissionStatus.SUBMITTED
    version = SubmissionVersion.objects.get()
    assert version.number == 1 and version.text == "Ferdig svar"
    assert version.submitted_by == world.amina
    page = text_of(client.get(response["Location"]))
    assert "Version 1" in page and "Ferdig svar" in page
    assert "Waiting for review" in page
    # A handed-in draft can no longer be changed.
    with translation.override("en"):
        refused = save(client, world, "Endret", revision=1, **JSON)
    assert refused.status_code == 400
    assert "waits for your supervisor" in refused.json()["error"]
    assert SubmissionVersion.objects.get().text == "Ferdig svar"


def test_double_submit_makes_one_version(world):
    client = as_user(world.amina)
    assert hand_in(client, world, "Svar", revision=0).status_code == 302
    assert hand_in(client, world, "Svar", revision=0).status_code == 302
    submission = submission_of(world.amina)
    response = client.post(
        en("lms:submit_homework"),
        {"submission": submission.pk, "text": "Svar", "revision": 0},
        **JSON,
    )
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert SubmissionVersion.objects.count() == 1


def test_an_empty_hand_in_is_refused_and_nothing_is_lost(world):
    client = as_user(world.amina)
    with translation.override("en"):
        response = hand_in(client, world, "   ")
    assert response.status_code == 400
    assert "nothing to hand in" in text_of(response)
    assert not SubmissionVersion.objects.exists()
    assert submission_of(world.amina).status == SubmissionStatus.DRAFT


def test_resubmission_after_needs_revision_keeps_the_first_and_its_feedback(world):
    client = as_user(world.amina)
    hand_in(client, world, "Versjon en")
    submission = submission_of(world.amina)
    v1 = SubmissionVersion.objects.get()
    ReviewFactory(
        version=v1, number=1, feedback="Skriv mer om barnet.", reviewer=world.supervisor
    )
    submission.status = SubmissionStatus.NEEDS_REVISION
    submission.save()
    page = client.get(en("lms:homework", pk=submission.pk))
    assert "Skriv mer om barnet." in text_of(page)
    assert "Versjon en</textarea>" in page.content.decode()  # starts from v1
    response = client.post(
        en("lms:submit_homework"),
        {
            "submission": submission.pk,
            "text": "Versjon to",
            "revision": submission.draft_revision,
        },
    )
    assert response.status_code == 302
    assert [v.text for v in SubmissionVersion.objects.order_by("number")] == [
        "Versjon en",
        "Versjon to",
    ]
    page = text_of(client.get(en("lms:homework", pk=submission.pk)))
    assert "Version 1" in page and "Version 2" in page
    assert "Versjon en" in page and "Skriv mer om barnet." in page
    assert page.index("Skriv mer om barnet.") < page.index("Versjon to")
    # The latest version is open; the earlier one is folded, its decision
    # in its summary line, so a long thread stays short on a phone.
    html = client.get(en("lms:homework", pk=submission.pk)).content.decode()
    first = html[html.index('id="version-1"') :]
    second = html[html.index('id="version-2"') :]
    assert first.startswith('id="version-1"><details class="hw-version__fold">')
    assert second.startswith('id="version-2"><details class="hw-version__fold" open>')
    summary = first[: first.index("</summary>")]
    assert "Needs revision" in summary


def test_resubmitting_with_only_a_new_file_makes_a_new_version(world):
    client = as_user(world.amina)
    hand_in(client, world, "Samme tekst")
    submission = submission_of(world.amina)
    ReviewFactory(version=SubmissionVersion.objects.get(), number=1)
    submission.status = SubmissionStatus.NEEDS_REVISION
    submission.save()
    response = upload(client, {"submission": submission.pk}, PDF, "bilde.pdf")
    assert response.status_code == 302
    submission.refresh_from_db()
    response = client.post(
        en("lms:submit_homework"),
        {
            "submission": submission.pk,
            "text": "Samme tekst",
            "revision": submission.draft_revision,
        },
    )
    assert response.status_code == 302
    versions = list(SubmissionVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert [f.name for f in versions[1].files.all()] == ["bilde.pdf"]
    assert not versions[0].files.exists()


# --- files ---------------------------------------------------------------------


def upload(client, data, content, name, field="file", **extra):
    return client.post(
        en("lms:homework_file_upload"),
        {**data, field: SimpleUploadedFile(name, content, "application/pdf")},
        **extra,
    )


def test_a_file_is_attached_listed_and_served_only_through_the_checked_view(
    world, settings
):
    client = as_user(world.amina)
    response = upload(client, target(world), PDF, "mitt svar.pdf", **JSON)
    assert response.status_code == 200
    data = response.json()
    assert "mitt svar.pdf" in data["files_html"]
    attached = submission_of(world.amina).files.get()
    assert attached.in_draft and attached.content_type == "application/pdf"
    body = client.get(world.module.url).content.decode()
    file_url = en("lms:submission_file", pk=attached.pk).replace("/en/", "/nb/")
    assert f'href="{file_url}"' in body
    assert settings.MEDIA_URL + "homework" not in body
    assert attached.file.name.startswith(f"homework/{attached.submission_id}/")
    # The stored name never reaches a page, and no media address serves it.
    assert attached.file.name not in body
    stored = attached.file.name
    for prefix in ("", "private/"):
        assert client.get(f"{settings.MEDIA_URL}{prefix}{stored}").status_code == 404
    served = client.get(file_url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment;")
    assert 'filename="mitt svar.pdf"' in served["Content-Disposition"]
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == PDF


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"<!DOCTYPE html><script>alert(1)</script>" + b" " * 100, "svar.pdf", "type"),
        (b"", "tom.pdf", "empty"),
        (PDF + b"x" * 2000, "stor.pdf", "too large"),
    ],
    ids=["html-renamed-pdf", "zero-bytes", "over-the-limit"],
)
def test_bad_files_are_refused_with_a_message_and_her_text_is_kept(
    world, settings, content, name, words
):
    settings.LMS_HOMEWORK_FILE_MAX_BYTES = 1000
    client = as_user(world.amina)
    with translation.override("en"):
        response = upload(client, target(world), content, name, **JSON)
        assert response.status_code == 400
        assert words in response.json()["error"]
        # Without the script: the same form also carries her text.
        response = upload(
            client, {**target(world), "text": "Mitt svar", "revision": 0}, content, name
        )
    assert response.status_code == 400
    assert words in text_of(response)
    assert "Mitt svar</textarea>" in response.content.decode()
    submission = submission_of(world.amina)
    assert submission.draft_text == "Mitt svar"
    assert not submission.files.exists()


def test_too_many_files_are_refused(world):
    client = as_user(world.amina)
    for n in range(2):
        assert upload(client, target(world), PDF, f"{n}.pdf", **JSON).status_code == 200
    with translation.override("en"):
        response = upload(client, target(world), PDF, "tre.pdf", **JSON)
    assert response.status_code == 400
    assert "at most 2 files" in response.json()["error"]
    assert submission_of(world.amina).files.count() == 2


def test_a_filename_with_quotes_and_newlines_is_made_safe(world):
    client = as_user(world.amina)
    name = 'Mitt "svar"\r\nSet-Cookie: x=1;.pdf'
    assert upload(client, target(world), PDF, name, **JSON).status_code == 200
    attached = submission_of(world.amina).files.get()
    assert '"' not in attached.name and "\n" not in attached.name
    served = client.get(en("lms:submission_file", pk=attached.pk))
    disposition = served["Content-Disposition"]
    assert "\n" not in disposition and "\r" not in disposition
    assert disposition.count('"') == 2
    assert "Set-Cookie" not in {k for k in served.headers if k != "Content-Disposition"}


def test_removing_a_file_takes_it_out_of_the_draft(world):
    client = as_user(world.amina)
    upload(client, target(world), PDF, "a.pdf", **JSON)
    attached = submission_of(world.amina).files.get()
    response = client.post(
        en("lms:homework_file_remove", pk=attached.pk), target(world), **JSON
    )
    assert response.status_code == 200
    assert "a.pdf" not in response.json()["files_html"]
    assert not submission_of(world.amina).files.exists()


def test_without_script_a_chosen_file_goes_in_with_the_hand_in(world):
    client = as_user(world.amina)
    response = client.post(
        en("lms:submit_homework"),
        {
            **target(world),
            "text": "Se vedlegget",
            "revision": 0,
            "file": SimpleUploadedFile("vedlegg.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    version = SubmissionVersion.objects.get()
    assert version.text == "Se vedlegget"
    assert [f.name for f in version.files.all()] == ["vedlegg.pdf"]


def test_a_recording_is_attached_as_audio(world):
    client = as_user(world.amina)
    response = upload(client, target(world), WEBM, "recording.webm", field="audio")
    assert response.status_code == 302
    attached = submission_of(world.amina).files.get()
    assert attached.kind == "audio" and attached.content_type == "audio/webm"
    served = client.get(en("lms:submission_file", pk=attached.pk))
    assert served["Content-Type"] == "audio/webm"
    assert served["Content-Disposition"].startswith("inline;")


@pytest.mark.parametrize("view", ["save", "upload", "submit"])
def test_a_post_without_csrf_token_is_refused_and_nothing_saved(world, view):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.amina)
    name = {
        "save": "lms:save_homework",
        "upload": "lms:homework_file_upload",
        "submit": "lms:submit_homework",
    }[view]
    data = {**target(world), "text": "Hei", "revision": 0}
    if view == "upload":
        data["file"] = SimpleUploadedFile("a.pdf", PDF, "application/pdf")
    response = client.post(en(name), data)
    assert response.status_code == 403
    assert not Submission.objects.exists()


# --- who sees what -----------------------------------------------------------


@pytest.fixture
def handed_in(world):
    """Amina handed in v1 with a file; a new file waits in her draft only."""
    client = as_user(world.amina)
    upload(client, target(world), PDF, "levert.pdf", **JSON)
    hand_in(client, world, "Mitt svar")
    submission = submission_of(world.amina)
    submission.status = SubmissionStatus.NEEDS_REVISION
    submission.save()
    upload(client, {"submission": submission.pk}, PDF, "utkast.pdf", **JSON)
    world.submission = submission
    world.delivered = submission.files.get(name="levert.pdf")
    world.draft_only = submission.files.get(name="utkast.pdf")
    return world


def status_codes(user, w):
    client = as_user(user)
    return [
        client.get(en("lms:homework", pk=w.submission.pk)).status_code,
        client.get(en("lms:submission_file", pk=w.delivered.pk)).status_code,
        client.get(en("lms:submission_file", pk=w.draft_only.pk)).status_code,
    ]


def test_she_reads_her_own_homework_and_every_file(handed_in):
    assert status_codes(handed_in.amina, handed_in) == [200, 200, 200]


@pytest.mark.parametrize(
    "who", ["hodan", "other_trainee", "lecturer", "other_supervisor"]
)
def test_others_get_404_for_page_and_files(handed_in, who):
    assert status_codes(getattr(handed_in, who), handed_in) == [404, 404, 404]


def test_others_cannot_write_to_her_homework(handed_in):
    w = handed_in
    for user in (w.hodan, w.supervisor, w.coordinator, w.lecturer):
        client = as_user(user)
        pk = w.submission.pk
        data = {"submission": pk, "text": "Overskrevet", "revision": 99}
        assert client.post(en("lms:save_homework"), data).status_code == 404
        assert client.post(en("lms:submit_homework"), data).status_code == 404
        remove = en("lms:homework_file_remove", pk=w.draft_only.pk)
        assert client.post(remove, data).status_code == 404
    w.submission.refresh_from_db()
    assert w.submission.draft_text == "Mitt svar"
    assert SubmissionVersion.objects.count() == 1
    assert w.submission.files.count() == 2


@pytest.mark.parametrize("who", ["coordinator", "supervisor"])
def test_staff_read_handed_in_work_read_only_never_her_draft(handed_in, who):
    w = handed_in
    w.submission.draft_text = "HEMMELIG UTKAST"
    w.submission.save()
    assert status_codes(getattr(w, who), w) == [200, 200, 404]
    page = as_user(getattr(w, who)).get(en("lms:homework", pk=w.submission.pk))
    body = page.content.decode()
    assert "Mitt svar" in body
    assert "HEMMELIG UTKAST" not in body
    assert 'class="hw__form"' not in body


def test_coordinator_cannot_start_homework_from_the_module(world):
    client = as_user(world.coordinator)
    assert save(client, world, "Hei").status_code == 403
    assert not Submission.objects.exists()


def test_review_drafts_are_never_shown_to_the_trainee(handed_in):
    w = handed_in
    version = SubmissionVersion.objects.get()
    released = ReviewFactory(
        version=version, number=1, feedback="Frigitt tilbakemelding"
    )
    draft = ReviewFactory(
        version=version, number=2, feedback="UTKAST TIL VURDERING", released_at=None
    )
    for review in (released, draft):
        review.audio.save("x.webm", ContentFile(WEBM))
        review.audio_content_type = "audio/webm"
        review.save()
    page = as_user(w.amina).get(en("lms:homework", pk=w.submission.pk))
    body = page.content.decode()
    assert "Frigitt tilbakemelding" in body
    assert "UTKAST TIL VURDERING" not in body
    assert en("lms:review_audio", pk=released.pk) in body
    assert en("lms:review_audio", pk=draft.pk) not in body

    def audio(user, review):
        return as_user(user).get(en("lms:review_audio", pk=review.pk)).status_code

    assert audio(w.amina, released) == 200
    assert audio(w.amina, draft) == 404
    assert audio(w.supervisor, draft) == 200
    assert audio(w.coordinator, released) == 200
    assert audio(w.coordinator, draft) == 404
    for user in (w.hodan, w.lecturer, w.other_supervisor):
        assert audio(user, released) == 404
    served = as_user(w.amina).get(en("lms:review_audio", pk=released.pk))
    assert served["Content-Type"] == "audio/webm"
    assert "Content-Disposition" in served


# --- queries -----------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_homework_page_queries_do_not_grow_with_versions(world):
    counts = []
    for size in (2, 20):
        enrollment = EnrollmentFactory(cohort=world.cohort)
        submission = SubmissionFactory(
            enrollment=enrollment,
            assignment_key=world.key,
            module_key=world.module.translation_key,
            status=SubmissionStatus.NEEDS_REVISION,
            submitted_at=timezone.now(),
        )
        for number in range(1, size + 1):
            version = SubmissionVersionFactory(
                submission=submission, number=number, draft_revision=number
            )
            attached = submission.files.create(
                name=f"{number}.pdf",
                content_type="application/pdf",
                size=10,
                file=f"homework/{submission.pk}/{number}.pdf",
                in_draft=number == size,
            )
            version.files.add(attached)
            ReviewFactory(version=version, number=number, reviewer=world.supervisor)
        counts.append(
            count_queries(
                as_user(enrollment.user), en("lms:homework", pk=submission.pk)
            )
        )
    assert counts[0] == counts[1], counts


def test_module_page_queries_do_not_grow_with_others_submissions(world):
    counts = []
    client = as_user(world.amina)
    save(client, world, "Mitt utkast")
    for size in (2, 20):
        for _ in range(size):
            SubmissionFactory(
                enrollment=EnrollmentFactory(cohort=world.cohort),
                assignment_key=world.key,
                module_key=world.module.translation_key,
            )
        counts.append(count_queries(client, world.module.url))
    assert counts[0] == counts[1], counts


# --- her dashboard and homework list ----------------------------------------


def test_homework_waits_on_her_dashboard_with_its_due_date(world):
    client = as_user(world.amina)
    response = client.get("/en/my/")
    body = response.content.decode()
    waiting = body.split('id="waiting-heading"')[1].split("</section>")[0]
    assert "Snakk med barnet" in waiting
    due = homework.due_date(world.sessions[0], world.assignment)
    assert f'datetime="{due.isoformat()}"' in waiting
    assert "Overdue" in text_of(response)  # due a week after a session 2 weeks ago
    assert f"{world.module.url}#homework-{world.key}" in waiting


def test_handed_in_homework_leaves_the_list_and_feedback_joins_it(world):
    client = as_user(world.amina)
    hand_in(client, world)
    waiting = client.get("/en/my/").content.decode().split('id="waiting-heading"')[1]
    assert "Snakk med barnet" not in waiting.split("</section>")[0]
    submission = submission_of(world.amina)
    ReviewFactory(version=SubmissionVersion.objects.get(), number=1)
    submission.status = SubmissionStatus.NEEDS_REVISION
    submission.save()
    response = client.get("/en/my/")
    waiting = response.content.decode().split('id="waiting-heading"')[1]
    waiting = waiting.split("</section>")[0]
    assert "Snakk med barnet" in waiting
    assert en("lms:homework", pk=submission.pk) in waiting
    assert "please revise" in waiting


def test_dashboard_queries_stay_constant_with_homework(world):
    client = as_user(world.amina)
    first = count_queries(client, "/en/my/")
    for module in world.modules[1:]:
        place(module, AssignmentFactory())
    hand_in(client, world)
    for enrollment in [EnrollmentFactory(cohort=world.cohort) for _ in range(5)]:
        SubmissionFactory(enrollment=enrollment, assignment_key=world.key)
    assert count_queries(client, "/en/my/") == first


def test_my_homework_lists_status_and_due_dates(world):
    later = AssignmentFactory(title="Senere oppgave")
    place(world.modules[3], later)
    client = as_user(world.amina)
    hand_in(client, world)
    response = client.get(en("lms:my_homework"))
    page = text_of(response)
    assert "Snakk med barnet" in page and "Waiting for review" in page
    assert "Senere oppgave" in page and "Opens after the session" in page
    due = homework.due_date(world.sessions[3], later)
    assert f'datetime="{due.isoformat()}"' in response.content.decode()
    # Nobody else's homework.
    hodan = as_user(world.hodan).get(en("lms:my_homework"))
    assert "Waiting for review" not in text_of(hodan)


def test_withdrawn_trainee_has_nothing_waiting(world):
    enrollment = world.enrollments[0]
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    body = as_user(world.amina).get("/en/my/").content.decode()
    assert "Snakk med barnet" not in body


def test_overdue_is_marked_only_before_handing_in(world):
    item = homework.Homework(
        assignment=world.assignment,
        enrollment=world.enrollments[0],
        module_key=world.module.translation_key,
        session=world.sessions[0],
        submission=None,
    )
    assert item.due_on < timezone.localdate() + datetime.timedelta(days=1)
    assert item.is_overdue
    item.submission = SubmissionFactory(
        enrollment=world.enrollments[0], status=SubmissionStatus.SUBMITTED
    )
    assert not item.is_overdue
