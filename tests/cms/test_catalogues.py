"""The UI translation catalogues are compiled, complete, and served.

Three catalogue directories hold the interface text: locale/ (the site chrome
in cms/templates and the language names), courses/locale/ and lms/locale/.
"""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_DIRS = ["locale", "courses/locale", "lms/locale"]
PO_FILES = sorted(
    po for folder in CATALOGUE_DIRS for po in (ROOT / folder).glob("*/LC_MESSAGES/*.po")
)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# Languages whose every catalogue must be fully translated, and the languages
# for which at least the site chrome and the course pages must be.
EVERYWHERE = ["nb", "da", "en", "ar"]
CHROME_AND_COURSES = ["so", "ur", "ti", "tr", "fa"]
MUST_BE_COMPLETE = [(folder, code) for folder in CATALOGUE_DIRS for code in EVERYWHERE]
MUST_BE_COMPLETE += [
    (folder, code)
    for folder in ("locale", "courses/locale")
    for code in CHROME_AND_COURSES
]


def relative(path):
    return str(path.relative_to(ROOT))


# --- a tiny .po reader -------------------------------------------------------

KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(\".*\")$")


def read_po(path):
    """The entries of a .po file as dicts of keyword -> text, plus "flags".

    Obsolete entries (#~) are left out; the header is the entry whose msgid
    is empty.
    """
    entries, entry, key, flags = [], None, None, set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            match = KEYWORD.match(line)
            assert match, f"{relative(path)}:{number}: cannot read {raw!r}"
            key = match[1]
            starts_entry = key in ("msgctxt", "msgid")
            if starts_entry and (
                entry is None or any(k[:6] == "msgstr" for k in entry)
            ):
                entry = {"flags": flags}
                flags = set()
                entries.append(entry)
            entry[key] = ast.literal_eval(match[2])
    return entries


def header(entries):
    entry = next(e for e in entries if e.get("msgid") == "" and "msgctxt" not in e)
    fields = dict(
        line.split(": ", 1) for line in entry["msgstr"].splitlines() if ": " in line
    )
    return entry, fields


def test_every_language_has_a_catalogue_in_every_directory():
    missing = [
        f"{folder}/{code}/LC_MESSAGES/django.po"
        for folder in CATALOGUE_DIRS
        for code in LANGUAGE_CODES
        if not (ROOT / folder / code / "LC_MESSAGES" / "django.po").exists()
    ]
    assert not missing, f"No catalogue at: {', '.join(missing)}"


@pytest.mark.parametrize("po", PO_FILES, ids=relative)
def test_compiled_catalogue_is_up_to_date(po, tmp_path):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{relative(po)} is not compiled: run compilemessages"
    msgfmt = shutil.which("msgfmt") or "/usr/bin/msgfmt"
    fresh = tmp_path / "django.mo"
    result = subprocess.run(  # noqa: S603
        [msgfmt, "--check-format", "-o", str(fresh), str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"msgfmt rejects {relative(po)}:\n{result.stderr}"
    with mo.open("rb") as shipped, fresh.open("rb") as current:
        shipped_catalog = gettext.GNUTranslations(shipped)._catalog
        current_catalog = gettext.GNUTranslations(current)._catalog
    assert shipped_catalog == current_catalog, (
        f"{relative(mo)} is out of date with {relative(po)}: run compilemessages"
    )


@pytest.mark.parametrize("po", PO_FILES, ids=relative)
def test_catalogue_header_names_its_language(po):
    entry, fields = header(read_po(po))
    assert "fuzzy" not in entry["flags"], f"{relative(po)}: header is marked fuzzy"
    assert fields.get("Language") == po.parent.parent.name, relative(po)
    assert fields.get("Content-Type") == "text/plain; charset=UTF-8", relative(po)
    assert re.fullmatch(r"nplurals=\d; plural=.+;", fields.get("Plural-Forms", "")), (
        f"{relative(po)}: no usable Plural-Forms header"
    )


@pytest.mark.parametrize(
    ("folder", "code"), MUST_BE_COMPLETE, ids=lambda value: value.replace("/", "-")
)
def test_catalogue_is_completely_translated(folder, code):
    po = ROOT / folder / code / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"No catalogue at {relative(po)}"
    entries = read_po(po)
    _entry, fields = header(entries)
    nplurals = int(re.search(r"nplurals=(\d)", fields["Plural-Forms"])[1])
    problems = []
    for entry in entries:
        if entry["msgid"] == "":
            continue
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy: {entry['msgid']!r}")
        if "msgid_plural" in entry:
            texts = [entry.get(f"msgstr[{n}]", "") for n in range(nplurals)]
        else:
            texts = [entry.get("msgstr", "")]
        if not all(texts):
            problems.append(f"untranslated: {entry['msgid']!r}")
    assert entries, f"{relative(po)} has no entries"
    assert not problems, f"{relative(po)}:\n" + "\n".join(problems)


# --- served to the browser ---------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "log_in"),
    [("so", "Soo gal"), ("ti", "እተዉ"), ("ar", "تسجيل الدخول")],
)
def test_login_page_is_served_in_the_language(code, log_in):
    response = Client().get(f"/{code}/login/")
    assert response.status_code == 200, response.get("Location")
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert log_in in html


@pytest.mark.django_db
def test_arabic_login_page_runs_right_to_left():
    html = Client().get("/ar/login/").content.decode()
    assert 'dir="rtl"' in html
    assert "تسجيل الدخول" in html
