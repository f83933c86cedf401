"""Checking an uploaded .h5p: real packages are accepted with what the site
needs to know about them; every unsafe or unplayable one is refused with its
own code and a sentence that tells the uploader what is wrong."""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from lms.h5p.packages import (
    SUPPORTED_CORE_API,
    Library,
    Limits,
    PackageRefused,
    check_package,
)
from tests.lms.h5p import builder
from tests.lms.h5p.builder import FIXTURES, build, library_json, valid_files, with_file


def check(data, **limits):
    return check_package(io.BytesIO(data), limits=Limits(**limits))


def refusal(data, **limits):
    with pytest.raises(PackageRefused) as caught:
        check(data, **limits)
    return caught.value


def fixture(name):
    return (FIXTURES / name).read_bytes()


# --- the real packages --------------------------------------------------------

PLAYABLE = [
    ("truefalse.h5p", "Hello World", Library("H5P.TrueFalse", 1, 6), 10),
    ("multichoice.h5p", "Multiple Choice", Library("H5P.MultiChoice", 1, 16), 13),
    (
        "interactive-video.h5p",
        "Interactive Video",
        Library("H5P.InteractiveVideo", 1, 24),
        54,
    ),
]


@pytest.mark.parametrize(("name", "title", "main", "library_count"), PLAYABLE)
def test_playable_fixtures_are_accepted(name, title, main, library_count):
    data = fixture(name)
    info = check(data)
    assert info.title == title
    assert info.main_library == main
    assert main.folder in info.libraries
    assert len(info.libraries) == library_count
    assert info.language == "und"
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    names = {member.name for member in info.members}
    assert {"h5p.json", "content/content.json", f"{main.folder}/library.json"} <= names
    assert info.h5p_json["mainLibrary"] == main.machine_name
    assert isinstance(info.content_json, dict)


def test_a_django_upload_is_read_and_left_at_its_start(tmp_path, settings):
    data = fixture("multichoice.h5p")
    small = SimpleUploadedFile("blackcurrant.h5p", data)
    assert check_package(small).title == "Multiple Choice"
    assert small.read(4) == data[:4]

    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    big = TemporaryUploadedFile("blackcurrant.h5p", "application/zip", len(data), None)
    big.write(data)
    big.seek(0)
    assert check_package(big).main_library == Library("H5P.MultiChoice", 1, 16)
    big.close()


def test_an_upload_that_cannot_seek_is_read_once():
    class Stream(io.RawIOBase):
        def __init__(self, data):
            self.inner = io.BytesIO(data)

        def readable(self):
            return True

        def seekable(self):
            return False

        def read(self, size=-1):
            return self.inner.read(size)

    info = check_package(Stream(fixture("truefalse.h5p")))
    assert info.main_library == Library("H5P.TrueFalse", 1, 6)


def test_a_stray_top_level_file_is_accepted_but_not_kept():
    info = check(fixture("truefalse.h5p"))
    assert "H5P_CONTENT_HERE.txt" not in {member.name for member in info.members}


def test_external_video_urls_are_reported():
    info = check(fixture("interactive-video.h5p"))
    assert info.external_urls == (
        "https://h5p.org/sites/default/files/h5p/iv.webm",
        "https://h5p.org/sites/default/files/h5p/iv.mp4",
    )


def test_member_sizes_are_the_real_ones():
    data = fixture("truefalse.h5p")
    info = check(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in info.members:
            assert member.size == len(archive.read(member.name))
    assert info.total_size == sum(member.size for member in info.members)


def test_the_svg_with_script_is_accepted_for_sandboxed_serving_and_flagged():
    info = check(fixture("bad-blanks-xss-svg.h5p"))
    assert info.main_library == Library("H5P.Blanks", 1, 14)
    assert "content/images/xss.svg" in info.scriptable_members


def test_svg_in_content_can_be_refused_as_h5p_core_does():
    error = refusal(fixture("bad-blanks-xss-svg.h5p"), allow_svg_in_content=False)
    assert error.code == "file_type_not_allowed"
    assert "content/images/xss.svg" in error.message
    # ...while library icons stay allowed
    assert check(build(), allow_svg_in_content=False).title == "Demo"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("bad-broken-h5p-json.h5p", "h5p_json_invalid"),
        ("bad-content-only-course-presentation.h5p", "duplicate_member"),
        ("bad-corrupt-archive.h5p", "not_a_zip"),
    ],
)
def test_bad_fixtures_are_refused(name, code):
    assert refusal(fixture(name)).code == code


def test_the_fixtures_are_the_published_ones():
    readme = (FIXTURES / "README.md").read_text()
    for path in FIXTURES.glob("*.h5p"):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert f"{digest}  {path.name}" in readme


# --- a small package built here, and what is accepted in it -------------------


def test_the_built_package_is_accepted():
    info = check(build())
    assert info.title == "Demo"
    assert info.language == "nb"
    assert info.main_library == Library("H5P.Demo", 1, 0)
    assert info.libraries == ("H5P.Demo-1.0",)
    assert info.external_urls == ("https://example.org/film.mp4",)
    assert info.scriptable_members == ("H5P.Demo-1.0/icon.svg",)


def test_hidden_and_underscore_files_are_skipped_like_h5p_does():
    data = build(
        entries=[
            ("__MACOSX/content/._photo.png", b"\x00\x05\x16\x07"),
            ("content/.DS_Store", b"\x00\x00\x00\x01Bud1"),
            ("H5P.Demo-1.0/.htaccess", b"Options +ExecCGI"),
        ]
    )
    names = {member.name for member in check(data).members}
    assert not {"content/.DS_Store", "H5P.Demo-1.0/.htaccess"} & names
    assert not any(name.startswith("__MACOSX") for name in names)


def test_directory_entries_are_fine():
    data = build(entries=[("content/", b""), ("H5P.Demo-1.0/", b"")])
    assert check(data).title == "Demo"


def test_a_library_needing_exactly_the_supported_core_api_is_accepted():
    major, minor = SUPPORTED_CORE_API
    lib = library_json(coreApi={"majorVersion": major, "minorVersion": minor})
    assert check(with_file("H5P.Demo-1.0/library.json", lib)).title == "Demo"


def test_a_newer_player_can_be_allowed_through_the_limits():
    lib = library_json(coreApi={"majorVersion": 1, "minorVersion": 28})
    data = with_file("H5P.Demo-1.0/library.json", lib)
    assert check(data, core_api=(1, 28)).title == "Demo"


# --- refusals -----------------------------------------------------------------


def _h5p_json(**changes):
    data = valid_files()["h5p.json"]
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    return with_file("h5p.json", data)


def _content(value):
    return with_file("content/content.json", value)


def _library(**changes):
    return with_file("H5P.Demo-1.0/library.json", library_json(**changes))


def _many_files(count):
    return build(entries=[(f"content/n/{i}.txt", b"x") for i in range(count)])


# (label, package, limits, code, text the message must name)
REFUSALS = [
    ("not a zip", b"TEST", {}, "not_a_zip", None),
    ("truncated zip", build()[:-200], {}, "not_a_zip", None),
    (
        "damaged member",
        builder.corrupt_member(build(compression=zipfile.ZIP_STORED), "h5p.json"),
        {},
        "corrupt_archive",
        None,
    ),
    (
        "zip slip ../",
        build(entries=[("../../evil.txt", b"x")]),
        {},
        "path_traversal",
        "../../evil.txt",
    ),
    (
        "zip slip inside",
        build(entries=[("content/images/../../../evil.txt", b"x")]),
        {},
        "path_traversal",
        "content/images/../../../evil.txt",
    ),
    (
        "a/..",
        build(entries=[("content/a/..", b"x")]),
        {},
        "path_traversal",
        "content/a/..",
    ),
    (
        "backslash traversal",
        build(entries=[("content\\..\\..\\evil.txt", b"x")]),
        {},
        "path_traversal",
        None,
    ),
    (
        "absolute path",
        build(entries=[("/etc/cron.d/evil.txt", b"x")]),
        {},
        "absolute_path",
        "/etc/cron.d/evil.txt",
    ),
    (
        "drive letter",
        build(entries=[("C:/Windows/evil.txt", b"x")]),
        {},
        "drive_or_colon",
        "C:/Windows/evil.txt",
    ),
    (
        "colon",
        build(entries=[("content/photo.png:hidden", b"x")]),
        {},
        "drive_or_colon",
        None,
    ),
    (
        "control character",
        build(entries=[("content/a\x07.txt", b"x")]),
        {},
        "unsafe_name",
        None,
    ),
    (
        "symlink",
        build(entries=[builder.symlink_entry()]),
        {},
        "symlink",
        "content/images/link.png",
    ),
    ("fifo", build(entries=[builder.fifo_entry()]), {}, "special_file", None),
    (
        "encrypted",
        builder.mark_encrypted(
            build(entries=[("content/secret.txt", b"x")]), "content/secret.txt"
        ),
        {},
        "encrypted",
        "content/secret.txt",
    ),
    (
        "duplicate",
        build(entries=[("content/images/photo.png", b"other")]),
        {},
        "duplicate_member",
        "content/images/photo.png",
    ),
    (
        "file and folder",
        build(entries=[("content/images/photo.png/x.png", b"x")]),
        {},
        "file_folder_clash",
        "content/images/photo.png",
    ),
    (
        "php in content",
        build(entries=[("content/shell.php", b"<?php system($_GET['c']);")]),
        {},
        "file_type_not_allowed",
        "content/shell.php",
    ),
    (
        "html in content",
        build(entries=[("content/page.html", b"<script>alert(1)</script>")]),
        {},
        "file_type_not_allowed",
        "content/page.html",
    ),
    (
        "htm in a library",
        build(entries=[("H5P.Demo-1.0/page.htm", b"<script>alert(1)</script>")]),
        {},
        "file_type_not_allowed",
        "H5P.Demo-1.0/page.htm",
    ),
    (
        "exe",
        build(entries=[("content/setup.exe", b"MZ")]),
        {},
        "file_type_not_allowed",
        "content/setup.exe",
    ),
    (
        "shell script in a library",
        build(entries=[("H5P.Demo-1.0/install.sh", b"#!/bin/sh")]),
        {},
        "file_type_not_allowed",
        "H5P.Demo-1.0/install.sh",
    ),
    (
        "js in content",
        build(entries=[("content/evil.js", b"alert(1)")]),
        {},
        "file_type_not_allowed",
        "content/evil.js",
    ),
    (
        "php at the top",
        build(entries=[("index.php", b"<?php")]),
        {},
        "file_type_not_allowed",
        "index.php",
    ),
    (
        "no extension",
        build(entries=[("content/README", b"x")]),
        {},
        "file_type_not_allowed",
        "content/README",
    ),
    (
        "too many files",
        _many_files(2_001),
        {},
        "too_many_files",
        "2000",
    ),
    (
        "too many files, own limit",
        _many_files(20),
        {"max_files": 10},
        "too_many_files",
        "10",
    ),
    (
        "archive too large",
        build(),
        {"max_archive_size": 1_000},
        "archive_too_large",
        None,
    ),
    (
        "one member too large",
        build(entries=[("content/big.txt", bytes(range(256)) * 8)]),
        {"max_member_size": 1_000},
        "member_too_large",
        "content/big.txt",
    ),
    (
        "too large in total",
        build(entries=[(f"content/{i}.txt", bytes(range(256)) * 4) for i in range(5)]),
        {"max_total_size": 4_000},
        "too_large",
        None,
    ),
    (
        "missing h5p.json",
        build(drop=["h5p.json"]),
        {},
        "missing_h5p_json",
        None,
    ),
    (
        "h5p.json not JSON",
        with_file("h5p.json", b"{'title': 1"),
        {},
        "h5p_json_invalid",
        None,
    ),
    ("h5p.json a list", with_file("h5p.json", []), {}, "h5p_json_invalid", None),
    ("no title", _h5p_json(title=None), {}, "h5p_json_incomplete", "title"),
    ("empty title", _h5p_json(title="  "), {}, "h5p_json_incomplete", "title"),
    (
        "no mainLibrary",
        _h5p_json(mainLibrary=None),
        {},
        "h5p_json_incomplete",
        "mainLibrary",
    ),
    ("no language", _h5p_json(language=None), {}, "h5p_json_incomplete", "language"),
    (
        "no dependencies",
        _h5p_json(preloadedDependencies=None),
        {},
        "h5p_json_incomplete",
        "preloadedDependencies",
    ),
    (
        "bad dependency",
        _h5p_json(preloadedDependencies=[{"machineName": "H5P.Demo"}]),
        {},
        "h5p_json_incomplete",
        "preloadedDependencies",
    ),
    (
        "missing content.json",
        build(drop=["content/content.json"]),
        {},
        "missing_content_json",
        None,
    ),
    (
        "content.json not JSON",
        _content(b'{"a": NaN}'),
        {},
        "content_json_invalid",
        None,
    ),
    (
        "content path ../",
        _content({"image": {"path": "../../../etc/passwd"}}),
        {},
        "content_path_outside",
        "../../../etc/passwd",
    ),
    (
        "content path absolute",
        _content({"slides": [{"items": [{"file": {"path": "/etc/passwd"}}]}]}),
        {},
        "content_path_outside",
        "/etc/passwd",
    ),
    (
        "content path file: URL",
        _content({"video": {"files": [{"path": "file:///etc/passwd"}]}}),
        {},
        "content_path_outside",
        "file:///etc/passwd",
    ),
    (
        "content only",
        build({k: v for k, v in valid_files().items() if "H5P.Demo" not in k}),
        {},
        "content_only",
        None,
    ),
    (
        "main library not bundled",
        _h5p_json(
            mainLibrary="H5P.Other",
            preloadedDependencies=[
                {"machineName": "H5P.Demo", "majorVersion": 1, "minorVersion": 0},
                {"machineName": "H5P.Other", "majorVersion": 2, "minorVersion": 3},
            ],
        ),
        {},
        "main_library_missing",
        "H5P.Other 2.3",
    ),
    (
        "main library not listed",
        _h5p_json(mainLibrary="H5P.Other"),
        {},
        "main_library_not_listed",
        "H5P.Other",
    ),
    (
        "dependency not bundled",
        _library(
            preloadedDependencies=[
                {"machineName": "H5P.Question", "majorVersion": 1, "minorVersion": 5}
            ]
        ),
        {},
        "dependency_missing",
        "H5P.Question 1.5",
    ),
    (
        "folder without library.json",
        build(entries=[("H5P.Extra-1.0/extra.js", b"")]),
        {},
        "library_json_missing",
        "H5P.Extra-1.0",
    ),
    (
        "library.json not JSON",
        with_file("H5P.Demo-1.0/library.json", b"{machineName: H5P.Demo}"),
        {},
        "library_json_invalid",
        "H5P.Demo-1.0",
    ),
    (
        "library.json without version",
        _library(majorVersion=None),
        {},
        "library_json_invalid",
        "H5P.Demo-1.0",
    ),
    (
        "preloadedJs path outside",
        _library(preloadedJs=[{"path": "../H5P.Other-1.0/x.js"}]),
        {},
        "library_json_invalid",
        "H5P.Demo-1.0",
    ),
    (
        "library folder name mismatch",
        _library(minorVersion=1),
        {},
        "library_name_mismatch",
        "H5P.Demo-1.1",
    ),
    (
        "missing preloaded js",
        build(drop=["H5P.Demo-1.0/js/demo.js"]),
        {},
        "preloaded_file_missing",
        "js/demo.js",
    ),
    (
        "missing preloaded css",
        build(drop=["H5P.Demo-1.0/css/demo.css"]),
        {},
        "preloaded_file_missing",
        "css/demo.css",
    ),
    (
        "newer coreApi",
        _library(coreApi={"majorVersion": 1, "minorVersion": 28}),
        {},
        "core_api_too_new",
        "1.28",
    ),
    (
        "newer major coreApi",
        _library(coreApi={"majorVersion": 2, "minorVersion": 0}),
        {},
        "core_api_too_new",
        "2.0",
    ),
    (
        "bad language file",
        with_file("H5P.Demo-1.0/language/nb.json", b'{"semantics": [}'),
        {},
        "language_json_invalid",
        "H5P.Demo-1.0/language/nb.json",
    ),
]


@pytest.mark.parametrize(
    ("data", "limits", "code", "named"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
def test_refusals(data, limits, code, named):
    error = refusal(data, **limits)
    assert error.code == code
    assert str(error) == error.message
    if named:
        assert named in error.message


def test_every_refusal_has_its_own_message():
    """Two different codes never give the uploader the same sentence."""
    by_code = {}
    for _label, data, limits, code, _named in REFUSALS:
        by_code.setdefault(code, refusal(data, **limits).message)
    for code, message in by_code.items():
        others = {m for c, m in by_code.items() if c != code}
        assert message not in others, code


def test_a_newer_core_api_names_the_library_and_both_versions():
    error = refusal(_library(coreApi={"majorVersion": 1, "minorVersion": 30}))
    assert "H5P.Demo 1.0" in error.message
    assert "1.30" in error.message
    assert "{}.{}".format(*SUPPORTED_CORE_API) in error.message


def test_a_compression_bomb_is_refused_from_the_directory_alone(monkeypatch):
    data = builder.zero_bomb(50)
    assert len(data) < 1024 * 1024  # 50 MB of zeros compress to a few kB

    def no_extraction(*args, **kwargs):
        raise AssertionError("a member was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_extraction)
    error = refusal(data)
    assert error.code == "compression_ratio"
    assert "content/zeros.txt" in error.message


def test_a_directory_that_understates_the_compression_is_still_caught():
    data = builder.zero_bomb(50)
    lying = builder.lie_about_compressed_size(data, "content/zeros.txt", 25 * 2**20)
    error = refusal(lying, max_member_size=200 * 2**20)
    assert error.code == "archive_compression_ratio"


def test_too_many_files_is_refused_before_the_directory_is_parsed(monkeypatch):
    data = _many_files(2_001)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the central directory was parsed")

    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", no_parsing)
    assert refusal(data).code == "too_many_files"


def test_refusal_messages_are_translated_through_gettext(monkeypatch):
    from django.utils import translation

    seen = []

    def fake_gettext(message):
        seen.append(message)
        return "OVERSATT: " + message

    monkeypatch.setattr("lms.h5p.packages._", fake_gettext)
    with translation.override("nb"):
        error = refusal(build(entries=[("content/shell.php", b"")]))
    assert error.message.startswith("OVERSATT: ")
    assert "content/shell.php" in error.message
    assert any("%(name)s" in message for message in seen)


def test_long_names_are_shortened_in_messages():
    name = "content/" + "a" * 300 + ".php"
    error = refusal(build(entries=[(name, b"")]))
    assert error.code == "file_type_not_allowed"
    assert len(error.message) < 250


def test_library_json_with_a_bom_is_accepted():
    raw = b"\xef\xbb\xbf" + json.dumps(library_json()).encode()
    assert check(with_file("H5P.Demo-1.0/library.json", raw)).title == "Demo"
