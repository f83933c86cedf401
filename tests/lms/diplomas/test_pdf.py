"""The printed diploma, read back the way a person (or a PDF tool) sees it."""

import re
import shutil
import subprocess

import pytest
import segno
from django.utils import translation

from lms.diplomas import pdf

from .conftest import (
    ARABIC_MODULES,
    ARABIC_NAME,
    MODULES_NB,
    TIGRINYA_NAME,
    URDU_NAME,
    URL,
)

# poppler-utils (pdftotext, pdffonts) and zbar-tools (zbarimg) are Debian
# packages `make test` installs (Makefile SYSTEM_PACKAGES): no skip here.


def _run(*args, stdin=None) -> str:
    tool = shutil.which(args[0])
    done = subprocess.run(  # noqa: S603 - fixed tool, our own file
        [tool, *args[1:]], input=stdin, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text with whitespace (line breaks of wrapped text) squeezed."""
    path = tmp_path / "diploma.pdf"
    path.write_bytes(content)
    text = _run("pdftotext", str(path), "-")
    # pdftotext marks right-to-left runs with embedding controls; drop them.
    text = re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)
    return " ".join(text.split())


def pdf_fonts(content: bytes, tmp_path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(content)
    return _run("pdffonts", str(path))


def pdf_info(content: bytes, tmp_path) -> dict:
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    lines = _run("pdfinfo", str(path)).splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_an_arabic_name_and_every_module_title_are_printed(make_diploma, tmp_path):
    data = make_diploma(
        holder_name=ARABIC_NAME,
        holder_language="ar",
        programme_translated="التدريب الأساسي لأمهات الحي",
        modules=list(zip(MODULES_NB, ARABIC_MODULES, strict=True)),
    )
    content = pdf.render_pdf(data)

    text = pdf_text(content, tmp_path)
    assert ARABIC_NAME in text
    for title in MODULES_NB:
        assert squeeze(title) in text
    assert "التدريب الأساسي لأمهات الحي" in text
    assert data.verification_code in text
    fonts = pdf_fonts(content, tmp_path)
    assert "Noto-Naskh-Arabic" in fonts


def test_a_tigrinya_name_is_printed_in_an_ethiopic_font(make_diploma, tmp_path):
    data = make_diploma(holder_name=TIGRINYA_NAME, holder_language="ti")
    content = pdf.render_pdf(data)

    assert TIGRINYA_NAME in pdf_text(content, tmp_path)
    assert "Noto-Sans-Ethiopic" in pdf_fonts(content, tmp_path)


def test_an_urdu_name_is_set_in_nastaliq(make_diploma, tmp_path):
    data = make_diploma(holder_name=URDU_NAME, holder_language="ur")
    content = pdf.render_pdf(data)

    assert "Noto-Nastaliq-Urdu" in pdf_fonts(content, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        ("Amina Hassan Abdullahi Mohamed Warsame " * 8)[:300],
        "أ" * 300,  # no space to wrap at
    ],
    ids=["300 characters", "300 characters without a space"],
)
def test_sixteen_modules_and_a_300_character_name_fit_one_a4_landscape_page(
    make_diploma, tmp_path, name
):
    data = make_diploma(
        holder_name=name,
        holder_language="ar",
        modules=list(zip(MODULES_NB, ARABIC_MODULES, strict=True)),
    )
    assert len(data.modules) == 16

    document = pdf.render_document(data)
    content = document.write_pdf()

    info = pdf_info(content, tmp_path)
    assert info["Pages"].strip() == "1"
    assert info["Page size"].split("(")[0].split() == ["841.89", "x", "595.276", "pts"]
    assert pdf.fits_one_page(document)  # and nothing runs under the footer
    text = pdf_text(content, tmp_path).replace(" ", "")
    assert name.replace(" ", "") in text
    for title in MODULES_NB:
        assert title.replace(" ", "") in text


def test_markup_in_a_name_is_printed_literally_and_fetches_nothing(
    make_diploma, tmp_path
):
    name = (
        '<img src="file:///etc/passwd"><link rel="stylesheet" '
        'href="http://evil.example/x.css"><style>@import url(https://evil.example/'
        "y.css);</style>Amina"
    )
    data = make_diploma(holder_name=name)
    fetcher = pdf.OfflineFetcher()

    content = pdf.render_pdf(data, fetcher=fetcher)

    assert not [url for url in fetcher.requested if not url.startswith("data:")]
    text = pdf_text(content, tmp_path)
    assert "root:x:0:0" not in text
    # Printed as she typed it (the line may wrap anywhere in it).
    assert name.replace(" ", "") in text.replace(" ", "")
    assert "&lt;img" in pdf.render_html(data)


def test_the_fetcher_refuses_files_and_the_network_but_reads_data_uris():
    fetcher = pdf.OfflineFetcher()

    for url in (
        "file:///etc/passwd",
        "http://127.0.0.1/x.css",
        "https://example.org/font.woff",
        "ftp://example.org/x",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


def test_markup_that_reached_the_html_still_fetches_nothing(tmp_path):
    """Even HTML with references in it (say, an edited template) reads no file."""
    fetcher = pdf.OfflineFetcher()
    html = (
        '<p>before</p><img src="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
        "<style>@import url(file:///etc/hostname);</style><p>after</p>"
    )

    content = pdf.html_to_pdf(html, fetcher)

    assert "file:///etc/passwd" in fetcher.requested  # asked for, refused
    text = pdf_text(content, tmp_path)
    assert "before" in text and "after" in text
    assert "root:" not in text


def _dark_modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules (row, column) drawn by segno's single-path SVG."""
    path = re.search(r'\sd="([^"]+)"', svg).group(1)
    dark, x, y = set(), 0.0, 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path):
        values = [float(v) for v in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:  # h: a horizontal run of dark modules
            length = values[0] if command == "h" else values[0] - x
            dark.update((int(y), int(x + i)) for i in range(int(length)))
            x += length
    return dark


def test_the_qr_code_drawn_is_the_verification_url(make_diploma):
    data = make_diploma()
    html = pdf.render_html(data)
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)

    symbol = segno.make(URL, error="m", micro=False)
    expected = {
        (row + 4, column + 4)  # a 4-module quiet zone
        for row, line in enumerate(symbol.matrix)
        for column, module in enumerate(line)
        if module
    }
    assert _dark_modules(svg) == expected
    assert data.verification_code in html


def test_a_phone_reading_the_printed_qr_code_gets_the_url(make_diploma, tmp_path):
    content = pdf.render_pdf(make_diploma(holder_language="ar"))
    (tmp_path / "d.pdf").write_bytes(content)
    _run("pdftoppm", "-r", "150", "-png", str(tmp_path / "d.pdf"), str(tmp_path / "p"))

    png = next(tmp_path.glob("p*.png"))
    assert _run("zbarimg", "--raw", "-q", str(png)).strip() == URL


def test_her_language_block_has_its_language_and_direction(make_diploma):
    html = pdf.render_html(make_diploma(holder_name=ARABIC_NAME, holder_language="ar"))

    assert '<html lang="nb" dir="ltr">' in html
    assert '<div class="statement" lang="nb" dir="ltr">' in html
    assert '<div class="statement" lang="ar" dir="rtl">' in html
    # Her name: right to left, isolated from the text around it.
    assert re.search(
        r'<p class="name[^"]*" dir="rtl" lang="ar"><bdi dir="rtl">\u2068'
        + ARABIC_NAME
        + "\u2069</bdi>",
        html,
    )


def test_a_latin_name_in_an_arabic_diploma_is_left_to_right(make_diploma):
    html = pdf.render_html(make_diploma(holder_language="ar"))

    assert '<p class="name name-size-0" dir="ltr"><bdi dir="ltr">' in html


def test_a_tigrinya_block_is_ethiopic_left_to_right(make_diploma):
    html = pdf.render_html(
        make_diploma(holder_name=TIGRINYA_NAME, holder_language="ti")
    )

    assert '<div class="statement" lang="ti" dir="ltr">' in html
    assert 'dir="ltr" lang="ti"><bdi dir="ltr">\u2068' + TIGRINYA_NAME in html
    # The site's Tigrinya formats (cms/formats/ti): Tigrinya month names.
    assert "3 ግንቦት 2016 – 13 ታሕሳስ 2016" in html


def test_a_diploma_in_the_programme_language_has_one_block(make_diploma):
    html = pdf.render_html(make_diploma(holder_language="nb"))

    assert html.count('class="statement"') == 1
    assert 'class="module-translated"' not in html


def test_untranslated_course_texts_keep_their_own_language(make_diploma):
    data = make_diploma(holder_language="ur", modules=MODULES_NB[:3])
    html = pdf.render_html(data)

    # The Urdu block shows the Norwegian title, marked as Norwegian.
    assert '<p class="programme" lang="nb" dir="ltr">' in html


def test_rendering_leaves_the_active_language_alone(make_diploma):
    with translation.override("da"):
        pdf.render_html(make_diploma(holder_language="ar"))
        assert translation.get_language() == "da"


def test_a_revoked_diploma_is_marked_revoked(make_diploma):
    assert 'class="revoked"' in pdf.render_html(make_diploma(status="revoked"))
    assert 'class="revoked"' not in pdf.render_html(make_diploma())


def test_modules_are_split_into_columns_in_order():
    modules = [
        {"number": n, "title": "x" * n, "translated_title": ""} for n in range(16)
    ]

    columns = pdf.module_columns(modules, 3)

    assert len(columns) == 3
    assert [m for column in columns for m in column] == modules
    assert all(columns)
