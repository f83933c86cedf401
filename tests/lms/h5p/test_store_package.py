"""Storing a checked package: under its content hash, once, byte for byte,
and never half: a failure or a refusal leaves no file behind."""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InMemoryStorage

from lms.h5p.packages import (
    COMPLETE_MARKER,
    STARTED_MARKER,
    PackageRefused,
    check_package,
    store_package,
)
from tests.lms.h5p import builder
from tests.lms.h5p.builder import FIXTURES, build


class CountingStorage(FileSystemStorage):
    """Counts saves; raises OSError on save number ``fail_on`` (1-based)."""

    def __init__(self, *args, fail_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.saves = 0
        self.fail_on = fail_on

    def _save(self, name, content):
        self.saves += 1
        if self.saves == self.fail_on:
            # write part of the file first, as a full disk would
            super()._save(name, ContentFile(b"partial"))
            raise OSError(28, "No space left on device")
        return super()._save(name, content)


def files_under(root):
    return sorted(
        path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()
    )


@pytest.fixture
def truefalse():
    return (FIXTURES / "truefalse.h5p").read_bytes()


def test_a_package_is_stored_under_its_hash_byte_for_byte(tmp_path, truefalse):
    storage = FileSystemStorage(location=tmp_path)
    stored = store_package(io.BytesIO(truefalse), storage=storage)

    sha = hashlib.sha256(truefalse).hexdigest()
    assert stored.base_path == f"h5p/{sha}"
    assert stored.created
    assert stored.h5p_json["mainLibrary"] == "H5P.TrueFalse"
    assert stored.content_json == stored.info.content_json
    with zipfile.ZipFile(io.BytesIO(truefalse)) as archive:
        for member in stored.info.members:
            with storage.open(stored.path(member.name)) as saved:
                assert saved.read() == archive.read(member.name), member.name


def test_the_layout_is_what_the_player_loads(tmp_path, truefalse):
    """h5p-standalone's h5pJsonPath is a folder holding h5p.json, content/
    and the library folders side by side."""
    storage = FileSystemStorage(location=tmp_path)
    stored = store_package(io.BytesIO(truefalse), storage=storage)
    base = tmp_path / stored.base_path
    assert (base / "h5p.json").is_file()
    assert (base / "content" / "content.json").is_file()
    for folder in stored.info.libraries:
        assert (base / folder / "library.json").is_file()
    assert not (base / "H5P_CONTENT_HERE.txt").exists()


def test_nothing_is_written_outside_the_hash_folder(tmp_path, truefalse):
    storage = FileSystemStorage(location=tmp_path)
    stored = store_package(io.BytesIO(truefalse), storage=storage)
    expected = sorted(
        [f"{stored.base_path}/{m.name}" for m in stored.info.members]
        + [f"{stored.base_path}/{COMPLETE_MARKER}"]
    )
    assert files_under(tmp_path) == expected


def test_the_marker_is_a_manifest(tmp_path, truefalse):
    storage = FileSystemStorage(location=tmp_path)
    stored = store_package(io.BytesIO(truefalse), storage=storage)
    with storage.open(stored.path(COMPLETE_MARKER)) as marker:
        manifest = json.load(marker)
    assert manifest["sha256"] == stored.info.sha256
    assert manifest["mainLibrary"] == "H5P.TrueFalse-1.6"
    assert len(manifest["members"]) == len(stored.info.members)


def test_the_same_package_twice_is_stored_once(tmp_path, truefalse):
    storage = CountingStorage(location=tmp_path)
    first = store_package(io.BytesIO(truefalse), storage=storage)
    saves = storage.saves
    before = files_under(tmp_path)

    again = store_package(io.BytesIO(truefalse), storage=storage)
    assert not again.created
    assert again.base_path == first.base_path
    assert storage.saves == saves
    assert files_under(tmp_path) == before


def test_two_different_packages_get_two_folders(tmp_path, truefalse):
    storage = FileSystemStorage(location=tmp_path)
    one = store_package(io.BytesIO(truefalse), storage=storage)
    other = store_package(io.BytesIO(build()), storage=storage)
    assert one.base_path != other.base_path
    assert (tmp_path / other.base_path / "H5P.Demo-1.0" / "js" / "demo.js").is_file()


def test_an_unfinished_earlier_extraction_is_redone_not_trusted(tmp_path, truefalse):
    storage = FileSystemStorage(location=tmp_path)
    stored = store_package(io.BytesIO(truefalse), storage=storage)
    # as if the process had died half-way: no marker, a file cut short
    storage.delete(stored.path(COMPLETE_MARKER))
    storage.save(stored.path(STARTED_MARKER), io.BytesIO(b""))
    damaged = tmp_path / stored.path("h5p.json")
    damaged.write_bytes(b"{")

    again = store_package(io.BytesIO(truefalse), storage=storage)
    assert again.created
    with zipfile.ZipFile(io.BytesIO(truefalse)) as archive:
        assert damaged.read_bytes() == archive.read("h5p.json")
    assert storage.exists(again.path(COMPLETE_MARKER))
    assert not storage.exists(again.path(STARTED_MARKER))
    assert len(files_under(tmp_path)) == len(stored.info.members) + 1


@pytest.mark.parametrize("fail_on", [1, 2, 50, 107, 108])
def test_a_storage_failure_half_way_leaves_nothing(tmp_path, truefalse, fail_on):
    """truefalse.h5p has 106 files: saves are the start marker, 106 files and
    the final marker (108)."""
    storage = CountingStorage(location=tmp_path, fail_on=fail_on)
    with pytest.raises(OSError, match="No space left"):
        store_package(io.BytesIO(truefalse), storage=storage)
    assert files_under(tmp_path) == []

    # and the next try stores it whole
    storage.fail_on = None
    stored = store_package(io.BytesIO(truefalse), storage=storage)
    assert stored.created
    assert len(files_under(tmp_path)) == len(stored.info.members) + 1


@pytest.mark.parametrize(
    "data",
    [
        (FIXTURES / "bad-content-only-course-presentation.h5p").read_bytes(),
        builder.zero_bomb(50),
        build(entries=[("../../evil.txt", b"x")]),
        build(entries=[builder.symlink_entry()]),
    ],
    ids=["content only", "bomb", "zip slip", "symlink"],
)
def test_a_refused_upload_writes_nothing(tmp_path, data):
    storage = CountingStorage(location=tmp_path)
    with pytest.raises(PackageRefused):
        store_package(io.BytesIO(data), storage=storage)
    assert storage.saves == 0
    assert files_under(tmp_path) == []
    assert not (tmp_path / ".." / "evil.txt").exists()


def test_info_from_check_package_is_reused(tmp_path, truefalse):
    upload = io.BytesIO(truefalse)
    info = check_package(upload)
    stored = store_package(upload, storage=InMemoryStorage(), info=info)
    assert stored.info is info


def test_info_from_another_upload_is_not_accepted(truefalse):
    info = check_package(io.BytesIO(build()))
    with pytest.raises(ValueError, match="different upload"):
        store_package(io.BytesIO(truefalse), storage=InMemoryStorage(), info=info)


def test_a_member_that_turns_out_longer_than_checked_is_refused(truefalse):
    """Sizes come from reading, and storing reads through that cap again."""
    upload = io.BytesIO(truefalse)
    info = check_package(upload)
    shrunk = type(info.members[0])(info.members[0].name, info.members[0].size - 1)
    info = type(info)(**{**info.__dict__, "members": (shrunk, *info.members[1:])})
    storage = InMemoryStorage()
    with pytest.raises(PackageRefused) as caught:
        store_package(upload, storage=storage, info=info)
    assert caught.value.code == "corrupt_archive"
    assert not storage.exists(f"h5p/{info.sha256}/{shrunk.name}")
    assert not storage.exists(f"h5p/{info.sha256}/{STARTED_MARKER}")
