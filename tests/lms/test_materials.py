"""Lecturers' material: uploading files and links, who sees what and when,
removing, copying to another cohort, and the module page's light list."""

import datetime
import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from lms import materials as service
from lms.choices import MaterialKind, MaterialVisibility
from lms.models import Material
from tests.courses.test_performance import PAGE_WEIGHT_LIMIT, transferred_bytes
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- minimal real files ---------------------------------------------------------


def zip_bytes(entries: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PPTX = zip_bytes(
    {"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>"}
)
DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
ODP = zip_bytes(
    {
        "mimetype": "application/vnd.oasis.opendocument.presentation",
        "content.xml": "<office:document-content/>",
    }
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 40
M4A = b"\x00\x00\x00\x18ftypM4A \x00\x00\x02\x00M4A isom" + b"\x00" * 40
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 20
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- helpers ----------------------------------------------------------------------


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def add(client, session, **data):
    values = {
        "kind": "file",
        "title": "Slides",
        "description": "",
        "language": "nb",
        "visibility": MaterialVisibility.IMMEDIATELY,
        **data,
    }
    return client.post(en("lms:add_material", pk=session.pk), values)


def make(session, *, by=None, kind=MaterialKind.LINK, **fields):
    if kind == MaterialKind.FILE:
        return service.add_file(
            session=session,
            upload=upload("slides.pdf", PDF),
            title=fields.pop("title", "Slides"),
            visibility=fields.pop("visibility", MaterialVisibility.IMMEDIATELY),
            by=by,
            **fields,
        )
    return service.add_link(
        session=session,
        url=fields.pop("url", "https://example.org/video"),
        title=fields.pop("title", "Video"),
        visibility=fields.pop("visibility", MaterialVisibility.IMMEDIATELY),
        by=by,
        **fields,
    )


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def c(cohort_with_sessions):
    return cohort_with_sessions


@pytest.fixture
def lecturer_client(client, c):
    client.force_login(c.lecturer)
    return client


@pytest.fixture
def other_cohort(c):
    """Grorud: the same course in the same chapter (same coordinator), with a
    trainee and a held session of module 1."""
    cohort = CohortFactory(
        course=c.course,
        chapter=c.cohort.chapter,
        name="Grorud",
        starts_on=c.cohort.starts_on,
    )
    session = SessionFactory(
        cohort=cohort,
        module=c.modules[0],
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    trainee = EnrollmentFactory(cohort=cohort, user=UserFactory(username="ylva")).user
    return cohort, session, trainee


# --- uploading files ----------------------------------------------------------------


def test_lecturer_uploads_a_pdf_to_private_storage(lecturer_client, c):
    session = c.sessions[0]
    response = add(
        lecturer_client,
        session,
        file=upload("Foreldre og barn.pdf", PDF, "application/pdf"),
        title="Lysark",
        description="Fra kvelden",
    )
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.kind == MaterialKind.FILE
    assert material.content_type == "application/pdf"
    assert material.file_name == "Foreldre og barn.pdf"
    assert material.size == len(PDF)
    assert material.added_by == c.lecturer
    assert material.language == "nb"
    # In the private storage, which has no public URL.
    private = storages["lms_private"]
    assert material.file.storage is private or material.file.storage == private
    assert private.exists(material.file.name)
    location = settings.STORAGES["lms_private"]["OPTIONS"]["location"]
    assert private.path(material.file.name).startswith(str(location))
    assert material.file.name.startswith("materials/")
    assert lecturer_client.get(f"/media/{material.file.name}").status_code == 404

    served = lecturer_client.get(en("lms:material_file", pk=material.pk))
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("attachment")
    assert "Foreldre og barn.pdf" in served["Content-Disposition"]
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content) == PDF


@pytest.mark.parametrize(
    "name,data,content_type",
    [
        (
            "deck.pptx",
            PPTX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("deck.odp", ODP, "application/vnd.oasis.opendocument.presentation"),
        (
            "text.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("picture.png", PNG, "image/png"),
        ("film.mp4", MP4, "video/mp4"),
        ("sound.m4a", M4A, "audio/mp4"),
        ("sound.mp3", MP3, "audio/mpeg"),
    ],
)
def test_accepted_types_are_told_from_their_content(
    lecturer_client, c, name, data, content_type
):
    # The browser's name and type are ignored: everything is sent as .bin.
    response = add(lecturer_client, c.sessions[0], file=upload("upload.bin", data))
    assert response.status_code == 302, response.content.decode()[:2000]
    material = Material.objects.get()
    assert material.content_type == content_type
    assert material.file_name.endswith("." + name.rsplit(".", 1)[1])


def test_html_renamed_pdf_is_refused_and_the_form_is_kept(lecturer_client, c):
    with translation.override("en"):
        response = add(
            lecturer_client,
            c.sessions[0],
            file=upload("slides.pdf", HTML, "application/pdf"),
            title="Mine lysark",
            description="Om tilknytning",
            language="ar",
        )
    assert response.status_code == 400
    html = response.content.decode()
    assert "is not a file type we accept" in html
    assert 'value="Mine lysark"' in html
    assert "Om tilknytning</textarea>" in html
    assert '<option value="ar" selected>' in html
    assert not Material.objects.exists()


def test_oversized_file_is_refused(lecturer_client, c, settings):
    settings.LMS_MATERIAL_MAX_BYTES = 100
    with translation.override("en"):
        response = add(
            lecturer_client, c.sessions[0], file=upload("big.pdf", PDF + b"x" * 200)
        )
    assert response.status_code == 400
    assert "is too large" in response.content.decode()
    assert 'value="Slides"' in response.content.decode()
    assert not Material.objects.exists()


def test_missing_file_is_refused(lecturer_client, c):
    with translation.override("en"):
        response = add(lecturer_client, c.sessions[0])
    assert response.status_code == 400
    assert "Please choose a file." in response.content.decode()


def test_empty_title_is_refused_and_the_rest_is_kept(lecturer_client, c):
    with translation.override("en"):
        response = add(
            lecturer_client,
            c.sessions[0],
            kind="link",
            url="https://example.org/film",
            title="   ",
            description="Se før neste gang",
            language="so",
            visibility=MaterialVisibility.AFTER_SESSION,
        )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please give the material a title." in html
    assert 'value="https://example.org/film"' in html
    assert "Se før neste gang</textarea>" in html
    assert '<option value="so" selected>' in html
    assert 'value="link" checked' in html
    assert 'value="after_session" checked' in html
    assert not Material.objects.exists()


def test_unknown_language_and_visibility_are_refused(c):
    with translation.override("en"):
        with pytest.raises(service.MaterialError):
            make(c.sessions[0], by=c.lecturer, language="xx")
        with pytest.raises(service.MaterialError):
            make(c.sessions[0], by=c.lecturer, visibility="never")
        with pytest.raises(service.MaterialError):
            make(c.sessions[0], by=c.lecturer, title="x" * 201)


# --- links ------------------------------------------------------------------------


def test_lecturer_adds_a_link(lecturer_client, c):
    response = add(
        lecturer_client,
        c.sessions[0],
        kind="link",
        url="https://www.youtube.com/watch?v=abc",
        title="Film om samspill",
    )
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.kind == MaterialKind.LINK
    assert material.url == "https://www.youtube.com/watch?v=abc"
    assert not material.file
    assert service.type_label(material) == "youtube.com"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "/relative/path",
        "//example.org/no-scheme",
        "example.org",
        "https://",
        "ftp://example.org/file",
        "https://exa mple.org/",
        "https:\\\\example.org",
        "https://example.org/\u200bx",
        "https://example.org/" + "a" * 1000,
    ],
)
def test_bad_links_are_refused(lecturer_client, c, url):
    with translation.override("en"):
        response = add(lecturer_client, c.sessions[0], kind="link", url=url)
    assert response.status_code == 400
    assert 'class="message message--error"' in response.content.decode()
    assert not Material.objects.exists()


def test_link_message_is_translated(lecturer_client, c):
    with translation.override("en"):
        response = add(lecturer_client, c.sessions[0], kind="link", url="javascript:x")
    assert "This is not a web address we can link to." in response.content.decode()


# --- who may add, see and remove --------------------------------------------------


def test_lecturer_b_cannot_see_lecturer_a_material(client, c):
    material = make(c.sessions[0], by=c.lecturer, kind=MaterialKind.FILE)
    other = UserFactory(username="lecturer2")
    c.sessions[1].lecturers.add(other)
    client.force_login(other)
    assert (
        client.get(en("lms:session_materials", pk=c.sessions[0].pk)).status_code == 404
    )
    assert client.get(en("lms:material_file", pk=material.pk)).status_code == 404
    assert (
        add(client, c.sessions[0], kind="link", url="https://x.org").status_code == 404
    )
    assert client.post(en("lms:remove_material", pk=material.pk)).status_code == 404
    # Her own session's page does not list A's material.
    response = client.get(en("lms:session_materials", pk=c.sessions[1].pk))
    assert response.status_code == 200
    assert material.title not in response.content.decode()
    assert Material.objects.count() == 1


def test_trainee_cannot_upload(client, c):
    client.force_login(c.enrollments[0].user)
    assert (
        client.get(en("lms:session_materials", pk=c.sessions[0].pk)).status_code == 404
    )
    response = add(client, c.sessions[0], file=upload("a.pdf", PDF))
    assert response.status_code == 404
    assert not Material.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, c):
    material = make(c.sessions[0], by=c.lecturer, kind=MaterialKind.FILE)
    response = client.get(en("lms:material_file", pk=material.pk))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_coordinator_uploads_on_behalf_and_removes(client, c):
    client.force_login(c.coordinator)
    page = client.get(en("lms:session_materials", pk=c.sessions[0].pk))
    assert page.status_code == 200
    response = add(client, c.sessions[0], file=upload("a.pdf", PDF))
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.added_by == c.coordinator
    lecturers = make(c.sessions[0], by=c.lecturer, kind=MaterialKind.FILE)
    with_callbacks = client.post(en("lms:remove_material", pk=lecturers.pk))
    assert with_callbacks.status_code == 302
    assert not Material.objects.filter(pk=lecturers.pk).exists()


def test_removing_deletes_the_file_on_commit(
    client, c, django_capture_on_commit_callbacks
):
    material = make(c.sessions[0], by=c.lecturer, kind=MaterialKind.FILE)
    name = material.file.name
    client.force_login(c.lecturer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("lms:remove_material", pk=material.pk))
    assert response.status_code == 302
    assert not Material.objects.exists()
    assert not storages["lms_private"].exists(name)


def test_lecturer_removes_her_own_not_another_lecturers(client, c):
    co_lecturer = UserFactory(username="lecturer3")
    c.sessions[0].lecturers.add(co_lecturer)
    hers = make(c.sessions[0], by=c.lecturer, title="Hers")
    theirs = make(c.sessions[0], by=co_lecturer, title="Theirs")
    client.force_login(c.lecturer)
    page = client.get(en("lms:session_materials", pk=c.sessions[0].pk)).content.decode()
    assert en("lms:remove_material", pk=hers.pk) in page
    assert en("lms:remove_material", pk=theirs.pk) not in page
    assert client.post(en("lms:remove_material", pk=theirs.pk)).status_code == 403
    assert client.post(en("lms:remove_material", pk=hers.pk)).status_code == 302
    assert list(Material.objects.all()) == [theirs]


def test_post_without_csrf_token_is_refused(c):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(c.lecturer)
    response = strict.post(
        en("lms:add_material", pk=c.sessions[0].pk),
        {
            "kind": "link",
            "url": "https://example.org",
            "title": "x",
            "visibility": "immediately",
        },
    )
    assert response.status_code == 403
    material = make(c.sessions[0], by=c.lecturer)
    assert strict.post(en("lms:remove_material", pk=material.pk)).status_code == 403
    assert Material.objects.count() == 1


# --- what trainees see ---------------------------------------------------------------


def test_trainee_sees_her_cohorts_material_on_the_module_page(client, c):
    material = make(
        c.sessions[0], by=c.lecturer, kind=MaterialKind.FILE, title="Lysark kveld 1"
    )
    link = make(
        c.sessions[0], by=c.lecturer, title="Filmen", url="https://www.nrk.no/x"
    )
    client.force_login(c.enrollments[0].user)
    html = page_html(client, c.modules[0])
    assert "Lysark kveld 1" in html
    assert "PDF, 1 KB" in html
    assert "Filmen" in html and "nrk.no" in html
    file_url = reverse("lms:material_file", kwargs={"pk": material.pk})
    assert file_url in html
    assert 'href="https://www.nrk.no/x"' in html
    # Nothing downloads until tapped.
    section = html.split('class="materials"', 1)[1].split("</section>", 1)[0]
    for tag in ("<img", "<video", "<audio", "<iframe", "<object", "<embed"):
        assert tag not in section
    response = client.get(file_url)
    assert response.status_code == 200
    assert link.url not in html.split('class="materials"')[0]


def test_other_cohorts_trainee_sees_nothing(client, c, other_cohort):
    material = make(
        c.sessions[0], by=c.lecturer, kind=MaterialKind.FILE, title="Alna-lysark"
    )
    _cohort, _session, trainee = other_cohort
    client.force_login(trainee)
    assert "Alna-lysark" not in page_html(client, c.modules[0])
    assert client.get(en("lms:material_file", pk=material.pk)).status_code == 404


def test_visitor_and_not_enrolled_see_nothing(client, c):
    make(c.sessions[0], by=c.lecturer, title="Hemmelig film")
    assert "Hemmelig film" not in page_html(client, c.modules[0])
    client.force_login(UserFactory(username="stranger"))
    assert "Hemmelig film" not in page_html(client, c.modules[0])


def test_after_the_session_material_waits_for_the_session(client, c):
    upcoming = c.sessions[2]
    later = make(
        upcoming,
        by=c.lecturer,
        kind=MaterialKind.FILE,
        title="Etter kvelden",
        visibility=MaterialVisibility.AFTER_SESSION,
    )
    now = make(upcoming, by=c.lecturer, title="Les før kvelden")
    client.force_login(c.enrollments[0].user)
    html = page_html(client, c.modules[2])
    assert "Les før kvelden" in html
    assert "Etter kvelden" not in html
    assert client.get(en("lms:material_file", pk=later.pk)).status_code == 404

    upcoming.starts_at = timezone.now() - datetime.timedelta(hours=1)
    upcoming.save()
    html = page_html(client, c.modules[2])
    assert "Etter kvelden" in html and now.title in html
    assert client.get(en("lms:material_file", pk=later.pk)).status_code == 200


def test_staff_see_after_session_material_before_the_session(client, c):
    c.sessions[2].lecturers.add(c.lecturer)
    later = make(
        c.sessions[2],
        by=c.lecturer,
        kind=MaterialKind.FILE,
        visibility=MaterialVisibility.AFTER_SESSION,
    )
    client.force_login(c.lecturer)
    assert client.get(en("lms:material_file", pk=later.pk)).status_code == 200
    client.force_login(c.coordinator)
    assert client.get(en("lms:material_file", pk=later.pk)).status_code == 200


# --- copying ----------------------------------------------------------------


def test_coordinator_copies_material_to_another_cohort(
    client, c, other_cohort, django_capture_on_commit_callbacks
):
    _cohort, target, trainee = other_cohort
    pdf = make(c.sessions[0], by=c.lecturer, kind=MaterialKind.FILE, title="Lysark")
    link = make(c.sessions[0], by=c.lecturer, title="Film")
    client.force_login(c.coordinator)
    form = client.get(en("lms:copy_materials", pk=c.sessions[0].pk))
    assert form.status_code == 200
    assert f'value="{target.pk}"' in form.content.decode()
    response = client.post(
        en("lms:copy_materials", pk=c.sessions[0].pk),
        {"target": target.pk, "materials": [pdf.pk, link.pk]},
    )
    assert response.status_code == 302
    copies = list(Material.objects.filter(session=target).order_by("pk"))
    assert [m.title for m in copies] == ["Lysark", "Film"]
    copied_pdf = copies[0]
    assert copied_pdf.pk != pdf.pk
    assert copied_pdf.file.name != pdf.file.name
    assert copied_pdf.added_by == c.coordinator
    private = storages["lms_private"]
    with private.open(copied_pdf.file.name) as fh:
        assert fh.read() == PDF
    # Grorud's trainee now sees the copy, not the original.
    client.force_login(trainee)
    assert client.get(en("lms:material_file", pk=copied_pdf.pk)).status_code == 200
    assert client.get(en("lms:material_file", pk=pdf.pk)).status_code == 404
    # Removing the original keeps the copy's file.
    with django_capture_on_commit_callbacks(execute=True):
        service.remove(material=pdf)
    assert private.exists(copied_pdf.file.name)
    # Copying again does not duplicate.
    assert (
        service.copy_materials(
            from_session=c.sessions[0], to_session=target, by=c.coordinator
        )
        == []
    )


def test_copy_refused_for_another_module(c, other_cohort):
    cohort, _target, _trainee = other_cohort
    wrong = SessionFactory(cohort=cohort, module=c.modules[1])
    make(c.sessions[0], by=c.lecturer)
    with pytest.raises(service.MaterialError):
        service.copy_materials(
            from_session=c.sessions[0], to_session=wrong, by=c.coordinator
        )
    assert not Material.objects.filter(session=wrong).exists()


def test_copy_refused_through_the_view_for_other_module_or_unmanaged_cohort(
    client, c, other_cohort
):
    cohort, _target, _trainee = other_cohort
    wrong_module = SessionFactory(cohort=cohort, module=c.modules[1])
    foreign = CohortFactory(course=c.course, chapter=ChapterFactory(), name="Stovner")
    unmanaged = SessionFactory(cohort=foreign, module=c.modules[0])
    make(c.sessions[0], by=c.lecturer)
    client.force_login(c.coordinator)
    page = client.get(en("lms:copy_materials", pk=c.sessions[0].pk)).content.decode()
    assert f'value="{unmanaged.pk}"' not in page
    assert f'value="{wrong_module.pk}"' not in page
    for target in (wrong_module, unmanaged):
        response = client.post(
            en("lms:copy_materials", pk=c.sessions[0].pk),
            {
                "target": target.pk,
                "materials": list(Material.objects.values_list("pk", flat=True)),
            },
        )
        assert response.status_code == 400
    assert Material.objects.count() == 1


def test_lecturer_cannot_copy(client, c, other_cohort):
    client.force_login(c.lecturer)
    assert client.get(en("lms:copy_materials", pk=c.sessions[0].pk)).status_code == 404


# --- a light, constant module page ------------------------------------------


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_module_page_queries_do_not_grow_with_material(client, c):
    session = c.sessions[0]
    make(session, by=c.lecturer, kind=MaterialKind.FILE)
    client.force_login(c.enrollments[0].user)
    url = c.modules[0].url
    one = count_queries(client, url)
    for n in range(14):
        make(session, by=c.lecturer, kind=MaterialKind.FILE, title=f"Fil {n}")
    for n in range(15):
        make(session, by=c.lecturer, title=f"Lenke {n}", url=f"https://example.org/{n}")
    assert Material.objects.count() == 30
    thirty = count_queries(client, url)
    assert one == thirty, (one, thirty)


def test_module_page_with_30_materials_stays_light(client, c):
    session = c.sessions[0]
    for n in range(15):
        make(
            session,
            by=c.lecturer,
            kind=MaterialKind.FILE,
            title=f"Lysark fra kvelden om samspill, del {n}",
            description="Det vi snakket om: de åtte temaene for godt samspill.",
        )
        make(
            session,
            by=c.lecturer,
            title=f"Film om samspill {n}",
            url=f"https://www.example.org/video/{n}",
            description="En kort film å se hjemme.",
        )
    client.force_login(c.enrollments[0].user)
    total, _assets = transferred_bytes(client, c.modules[0].url)
    assert total < PAGE_WEIGHT_LIMIT, f"{total} bytes"
    html = client.get(c.modules[0].url).content.decode()
    assert html.count('class="material material--') == 30
