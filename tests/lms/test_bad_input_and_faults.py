"""Bad input and faults get a clear, translated answer and lose nothing
(issue 9, "Reliability"): control characters (PostgreSQL cannot store a NUL),
a full disk part-way through an upload, a database that cannot be reached,
and a file name too long for the server to read the form."""

import errno
import json

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from lms import homework
from lms.choices import MaterialVisibility
from lms.files import UploadNotSaved
from lms.models import Material, Submission, SubmissionFile
from lms.text import CONTROL_CHARACTERS_MESSAGE
from tests.helpers import as_user
from tests.lms.test_homework_trainee import JSON, PDF, build_world, save, target

pytestmark = pytest.mark.django_db

NUL = "Jeg snakket med\x00 naboen"


@pytest.fixture
def world(cohort_with_sessions):
    return build_world(cohort_with_sessions)


def in_norwegian(message):
    """What a message says on her Norwegian page."""
    with translation.override("nb"):
        return str(message)


# --- control characters --------------------------------------------------------


@pytest.mark.parametrize("text", [NUL, "bell\x07", "escape\x1b[0m", "c1\x85"])
def test_control_characters_in_her_draft_get_a_400_and_the_old_draft_stays(world, text):
    client = as_user(world.amina)
    assert (
        save(client, world, "Første utkast", HTTP_ACCEPT="application/json").status_code
        == 200
    )
    response = save(client, world, text, revision=1, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == in_norwegian(CONTROL_CHARACTERS_MESSAGE)
    submission = Submission.objects.get(enrollment__user=world.amina)
    assert submission.draft_text == "Første utkast"


def test_tabs_and_line_breaks_are_kept(world):
    client = as_user(world.amina)
    response = save(client, world, "a\tb\r\nc", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert Submission.objects.get(enrollment__user=world.amina).draft_text == "a\tb\nc"


def test_the_message_is_in_her_language_and_a_plain_form_gets_a_page(world):
    client = as_user(world.amina)
    with translation.override("ar"):
        url = reverse("lms:save_homework")
    response = client.post(url, {**target(world), "text": NUL, "revision": 0})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'lang="ar"' in body and 'dir="rtl"' in body
    assert "control characters" not in body  # translated


def test_nul_in_a_report_field_review_feedback_and_material_title(world):
    supervisor = as_user(world.supervisor)
    for url, data in (
        (reverse("lms:save_homework"), {**target(world), "report-0-who": NUL}),
        (
            reverse("lms:add_material", kwargs={"pk": world.sessions[0].pk}),
            {
                "kind": "link",
                "title": NUL,
                "url": "https://example.org/",
                "language": "nb",
                "visibility": MaterialVisibility.IMMEDIATELY,
            },
        ),
    ):
        client = supervisor if "material" in url else as_user(world.amina)
        if "material" in url:
            client = as_user(world.lecturer)
        assert client.post(url, data, **JSON).status_code == 400, url
    assert not Material.objects.exists()
    # Query strings too (a filter with a NUL would fail on PostgreSQL).
    queue = supervisor.get(reverse("lms:review_queue") + "?module=%00x")
    assert queue.status_code == 400


# --- a full disk --------------------------------------------------------------------


class FillsUpStorage(FileSystemStorage):
    """Writes part of the file, then the disk is full."""

    def _save(self, name, content):
        path = self.path(name)
        import os

        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(b"%PDF-1.4 partial")
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def full_disk(settings, tmp_path):
    storage = FillsUpStorage(location=tmp_path)
    field = SubmissionFile._meta.get_field("file")
    original = field.storage
    field.storage = storage
    yield tmp_path
    field.storage = original


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_full_disk_answers_507_keeps_her_text_and_leaves_no_partial_file(
    world, full_disk, caplog
):
    client = as_user(world.amina)
    upload = SimpleUploadedFile("rapport.pdf", PDF, content_type="application/pdf")
    with translation.override("nb"):
        address = reverse("lms:homework_file_upload")
    response = client.post(
        address,
        {**target(world), "text": "Det jeg skrev", "revision": 0, "file": upload},
        **JSON,
    )
    assert response.status_code == 507
    assert response.json()["error"] == in_norwegian(UploadNotSaved.message)
    assert stored_files(full_disk) == []  # nothing half-written stays behind
    assert not SubmissionFile.objects.exists()
    assert Submission.objects.get(enrollment__user=world.amina).draft_text == (
        "Det jeg skrev"
    )
    assert "No space left" in caplog.text


def test_a_full_disk_on_a_plain_form_shows_her_form_with_her_text(world, full_disk):
    client = as_user(world.amina)
    upload = SimpleUploadedFile("rapport.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("lms:save_homework"),
        {**target(world), "text": "Teksten min", "revision": 0, "file": upload},
    )
    assert response.status_code == 507
    assert "Teksten min" in response.content.decode()
    assert stored_files(full_disk) == []


# --- the database down ---------------------------------------------------------


def test_a_database_outage_answers_json_503_with_a_retry_hint(world, monkeypatch):
    client = as_user(world.amina)

    def unreachable(**kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(homework, "save_draft", unreachable)
    response = save(client, world, "Teksten min", HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    data = json.loads(response.content)
    assert data["retry"] is True and data["error"]
    monkeypatch.setattr(homework, "submit", unreachable)
    response = client.post(reverse("lms:submit_homework"), target(world), **JSON)
    assert response.status_code == 503
    # A plain form gets a page saying to try again, not a bare 500.
    response = save(client, world, "Teksten min")
    assert response.status_code == 503
    assert b"<html" in response.content


# --- a file name too long -------------------------------------------------------


def test_a_very_long_file_name_gets_the_products_own_translated_page(world, client):
    """Django cannot read a form part whose headers pass 1 KB: a file name of
    1,000 letters. Sent over a real socket (the test client's body reads in
    other chunks), so this calls the handler with the parser's own error."""
    from django.http.multipartparser import MultiPartParserError
    from django.test import RequestFactory

    from lms.views._http import bad_request

    error = MultiPartParserError("Request max total header size exceeded.")
    with translation.override("nb"):
        request = RequestFactory().post("/nb/my/homework/save/")
        request.user = world.amina
        page = bad_request(request, error)
    assert page.status_code == 400
    assert "Brobygger" in page.content.decode()  # the site's own page
    with translation.override("nb"):
        request = RequestFactory().post("/x/", HTTP_ACCEPT="application/json")
        answer = json.loads(bad_request(request, error).content)
    assert answer["error"] == in_norwegian(
        gettext_lazy(
            "The name of the file is too long. Give the file a shorter name "
            "(at most 100 letters) and choose it again."
        )
    )


@pytest.mark.django_db(transaction=True)
def test_over_a_real_socket_a_long_file_name_gets_the_translated_400(live_server):
    import http.client
    from urllib.parse import urlsplit

    boundary = "----brobygger"
    name = "a" * 1000 + ".pdf"
    body = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="text"\r\n\r\n'
        "Teksten min\r\n"
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
        "%PDF-1.4\r\n"
        f"--{boundary}--\r\n"
    ).encode()
    address = urlsplit(live_server.url)
    # A real form carries a CSRF token (and Django reads the form to find it).
    connection = http.client.HTTPConnection(address.hostname, address.port)
    connection.request("GET", "/nb/login/")
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = cookie.split("=", 1)[1]
    connection.close()
    for accept, check in (
        ("text/html", lambda text: "Brobygger" in text and 'lang="nb"' in text),
        ("application/json", lambda text: json.loads(text)["error"]),
    ):
        connection = http.client.HTTPConnection(address.hostname, address.port)
        connection.request(
            "POST",
            "/nb/login/",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Accept": accept,
                "Cookie": cookie,
                "X-CSRFToken": token,
            },
        )
        response = connection.getresponse()
        text = response.read().decode()
        assert response.status == 400
        assert check(text), text[:300]
        connection.close()
