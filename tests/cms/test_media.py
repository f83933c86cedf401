"""The development server serves media, but never media/private/."""

import pytest


@pytest.mark.parametrize(
    "path",
    [
        "private/reflections/1/a.webm",
        "/private/x.pdf",
        "./private/x.pdf",
        "a/../private/x.pdf",
        "%2e/private/x.pdf",
        "private",
        "../settings.py",
    ],
)
def test_development_media_server_never_hands_out_private_files(
    rf, path, settings, tmp_path
):
    from django.http import Http404

    from cms.urls import serve_public_media

    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "x.pdf").write_bytes(b"%PDF-secret")
    (tmp_path / "public.txt").write_text("hello")
    with pytest.raises(Http404):
        serve_public_media(rf.get("/media/"), path)
    assert serve_public_media(rf.get("/media/"), "public.txt").status_code == 200
