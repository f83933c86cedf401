"""The front door: an uploaded file's bytes, its encoding and its size."""

import codecs
import json

import pytest

from lms import quiz_formats

GIFT = "::Hovedstad::Hva er hovedstaden i Norge? {=Oslo ~Bergen ~Trondheim}\n"
XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
    '<question type="truefalse"><name><text>Sant</text></name>'
    "<questiontext><text>Tromsø ligger nord for Bodø.</text></questiontext>"
    '<answer fraction="100"><text>true</text></answer>'
    '<answer fraction="0"><text>false</text></answer></question>\n</quiz>\n'
)
JSON = json.dumps(
    {
        "format": "brobygger-quiz",
        "version": 1,
        "language": "nb",
        "title": "Kort",
        "questions": [{"kind": "essay", "text": "Fortell om nabolaget ditt."}],
    },
    ensure_ascii=False,
)


@pytest.mark.parametrize(
    ("fmt", "text", "first_text"),
    [
        ("gift", GIFT, "Hva er hovedstaden i Norge?"),
        ("moodle-xml", XML, "Tromsø ligger nord for Bodø."),
        ("json", JSON, "Fortell om nabolaget ditt."),
    ],
)
@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: text,
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "str"],
)
def test_every_format_reads_utf8_with_or_without_bom(fmt, text, first_text, encode):
    result = quiz_formats.parse(encode(text), fmt)

    assert result.ok, result.messages
    assert result.format == fmt
    assert result.questions[0].text == first_text


def test_a_file_that_is_not_utf8_is_refused_with_its_line():
    data = "Første linje.{T}\n\nHva er blåbær?{T}\n".encode("latin-1")

    result = quiz_formats.parse(data, "gift")

    assert [str(p) for p in result.problems] == [
        "Line 1: the file is not saved as UTF-8 text; save it as UTF-8 (Moodle's "
        "own exports are) and try again"
    ]
    assert result.questions == []


def test_a_file_over_the_size_limit_is_refused_before_reading():
    data = GIFT.encode().ljust(int(2.5 * 1024 * 1024), b"\n")

    result = quiz_formats.parse(data, "gift")

    assert [str(p) for p in result.problems] == [
        "the file is 2.5 MB; the largest file we can read is 2 MB"
    ]
    assert result.questions == []
    assert not result.ok


def test_the_size_limit_counts_bytes_and_can_be_set():
    text = "Æ" * 600  # 1200 bytes in UTF-8

    result = quiz_formats.parse(text, "gift", max_bytes=1024)

    assert [p.message for p in result.problems] == [
        "the file is 1 KB; the largest file we can read is 1 KB"
    ]


def test_the_formats_offered_are_the_ones_parse_reads():
    assert list(quiz_formats.FORMATS) == ["json", "gift", "moodle-xml"]
    assert str(quiz_formats.FORMATS["moodle-xml"]) == "Moodle XML"
    with pytest.raises(ValueError, match="unknown quiz format 'aiken'"):
        quiz_formats.parse(b"", "aiken")
