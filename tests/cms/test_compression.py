"""Pages reach phones compressed; files that are compressed already are not
squeezed again."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from cms.compression import TextGZipMiddleware

pytestmark = pytest.mark.django_db


def test_a_module_page_is_sent_gzipped_to_a_browser_that_accepts_it(
    client, build_course
):
    _course, pages = build_course(modules=2)
    plain = client.get(pages[0].url)
    packed = client.get(pages[0].url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content).decode()
    assert pages[0].title in html
    assert len(packed.content) < len(plain.content) / 2


def respond(content_type, body=b"x" * 5000):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    middleware = TextGZipMiddleware(
        lambda r: HttpResponse(body, content_type=content_type)
    )
    return middleware(request)


@pytest.mark.parametrize(
    "content_type", ["text/csv; charset=utf-8", "application/json", "image/svg+xml"]
)
def test_text_kinds_are_compressed(content_type):
    assert respond(content_type)["Content-Encoding"] == "gzip"


@pytest.mark.parametrize(
    "content_type", ["image/jpeg", "audio/mpeg", "application/pdf", "video/mp4"]
)
def test_photos_sound_and_pdfs_are_sent_as_they_are(content_type):
    response = respond(content_type)
    assert "Content-Encoding" not in response
    assert response.content == b"x" * 5000
