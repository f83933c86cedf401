"""Quiz import and export formats, apart from the quiz engine's models.

``parse(data, fmt)`` reads an uploaded file in one of :data:`FORMATS` into an
:class:`~lms.quiz_formats.data.ImportResult`: plain dataclasses the engine
turns into its snippets, questions the file had but we do not support
(``skipped``, by name) and what is malformed (``problems``, by line or JSON
path). Import only when ``result.ok``.

This package imports nothing from the engine (models, views, courses): only
Django's gettext, defusedxml and the standard library.
"""

from __future__ import annotations

import codecs

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import gift, json_format, moodle_xml
from .data import ImportResult, Problem, format_size

#: The largest file we read, in bytes.
MAX_BYTES = 2 * 1024 * 1024

#: Format code -> the name people see (translated lazily: usable as choices).
FORMATS = {
    "json": gettext_lazy("Brobygger quiz (JSON)"),
    "gift": gettext_lazy("GIFT (Moodle's text format)"),
    "moodle-xml": gettext_lazy("Moodle XML"),
}

_PARSERS = {
    "json": json_format.parse,
    "gift": gift.parse,
    "moodle-xml": moodle_xml.parse,
}


def decode(data: bytes) -> str:
    """Text from the bytes of a file: UTF-8, with or without a byte order mark.

    Moodle reads and writes UTF-8 only, and so do we; a UTF-16 file with its
    byte order mark (what Windows Notepad saves as "Unicode") is read too.
    Raises UnicodeDecodeError for anything else.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8")


def parse(data: bytes | str, fmt: str, *, max_bytes: int = MAX_BYTES) -> ImportResult:
    """Read a quiz file in the format ``fmt`` (a key of :data:`FORMATS`).

    ``data`` is the uploaded file's bytes (or text already decoded). A file
    over ``max_bytes`` or one that is not UTF-8 gives a problem and nothing
    else. Raises ValueError for an unknown ``fmt`` (a programming error: offer
    only :data:`FORMATS`).
    """
    if fmt not in _PARSERS:
        raise ValueError(f"unknown quiz format {fmt!r}; use one of {list(FORMATS)}")
    result = ImportResult(format=fmt)
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8"))
    if size > max_bytes:
        result.problems.append(
            Problem(
                _("the file is %(size)s; the largest file we can read is %(limit)s")
                % {"size": format_size(size), "limit": format_size(max_bytes)}
            )
        )
        return result
    if isinstance(data, bytes):
        try:
            data = decode(data)
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            result.problems.append(
                Problem(
                    _(
                        "the file is not saved as UTF-8 text; save it as UTF-8 "
                        "(Moodle's own exports are) and try again"
                    ),
                    line=line,
                )
            )
            return result
    return _PARSERS[fmt](data)


__all__ = ["FORMATS", "MAX_BYTES", "ImportResult", "decode", "parse"]
