"""Checking and storing uploaded H5P packages.

An ``.h5p`` file is a ZIP archive: ``h5p.json`` (title, main library,
dependencies), ``content/`` (``content.json`` and the media it uses) and one
folder per bundled library, named ``<machineName>-<major>.<minor>``.

:func:`check_package` reads such an upload offline (nothing is fetched from the
H5P hub) and either returns a :class:`PackageInfo` or raises
:class:`PackageRefused` with a stable ``code`` and a translated sentence for
the person who uploaded it. The archive is judged from its central directory
(names, types, sizes, compression ratios) before a single member is
decompressed; then every member that would be stored is read through a byte
cap, so sizes the directory claims are never trusted alone.

:func:`store_package` writes the checked files through a Django storage under
``h5p/<sha256 of the archive>/``, so the same package uploaded twice is stored
once. A ``.complete`` marker is written last; a folder without it is an
unfinished extraction and is redone. If anything fails, what was written for
that package is deleted again.

The file-type lists are H5P core's own (``H5PCore::$defaultContentWhitelist``
and ``$defaultLibraryWhitelistExtras`` in h5p-php-library), with one
deliberate difference: SVG is also accepted in ``content/`` (H5P core allows it
only in libraries), see :attr:`Limits.allow_svg_in_content`. An SVG can carry
script that runs when its URL is opened directly, so stored packages must be
served sandboxed (CSP ``sandbox`` or another origin), never as same-origin
active content; :attr:`PackageInfo.scriptable_members` lists such files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pyh5p import CoreApiVersion, LibraryId, PackageLimits, SecurityError
from pyh5p.security import validate_archive_member

logger = logging.getLogger(__name__)

MB = 1024 * 1024

#: H5P core's allowed extensions for files under ``content/`` (h5p-php-library,
#: ``H5PCore::$defaultContentWhitelist``).
CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp tif tiff eot ttf woff woff2 otf webm mp4 ogg mp3 "
    "m4a wav txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp csv diff patch "
    "swf md textile vtt webvtt gltf glb".split()
)
#: Library folders may also hold these (``$defaultLibraryWhitelistExtras``).
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | frozenset({"js", "css", "svg", "xml"})
#: Types a browser runs script from when the file's own URL is opened.
SCRIPTABLE_EXTENSIONS = frozenset({"svg", "xml"})

#: The newest H5P core API the player supports. h5p-standalone 3.8.0 bundles
#: h5p-php-library's h5p.js from when ``H5PCore::$coreApi`` was 1.27; 3.8.1 and
#: 3.8.2 bundle a later one (1.28). 1.27 is safe for every 3.8.x release.
SUPPORTED_CORE_API = (1, 27)

#: Folder (in the storage) under which packages are extracted.
STORAGE_ROOT = "h5p"
#: Written last: its presence means the extraction finished. Holds a manifest.
COMPLETE_MARKER = ".complete"
#: Written first and removed at the end: its presence means an earlier
#: extraction stopped half-way.
STARTED_MARKER = ".extracting"

_READ_BLOCK = 1 * MB
# Central directory bytes allowed per permitted file (names up to ~1 KB).
_DIRECTORY_BYTES_PER_FILE = 1024
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_MACHINE_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,255}$")
_LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_MESSAGE_NAME_LENGTH = 80


@dataclass(frozen=True)
class Limits:
    """What an upload may be at most; pass your own to tighten or loosen."""

    max_archive_size: int = 100 * MB
    max_files: int = 2_000
    max_total_size: int = 100 * MB
    max_member_size: int = 20 * MB
    #: Uncompressed / compressed, for each member and for the whole archive.
    max_ratio: float = 100.0
    #: Newest ``coreApi`` (major, minor) a bundled library may ask for.
    core_api: tuple[int, int] = SUPPORTED_CORE_API
    #: Accept ``.svg`` under ``content/`` (H5P core allows SVG in libraries only).
    allow_svg_in_content: bool = True


class PackageRefused(Exception):
    """An upload that is not a usable H5P package.

    ``code`` is stable and meant for programs and tests; ``message`` is a
    translated sentence for the person who uploaded the file.
    """

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Library:
    """A library version as H5P names it: machine name, major and minor."""

    machine_name: str
    major: int
    minor: int

    @property
    def folder(self) -> str:
        """The folder the library lives in inside a package."""
        return LibraryId(self.machine_name, self.major, self.minor).directory_name

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"


@dataclass(frozen=True)
class Member:
    """A file that :func:`store_package` writes, with its real size in bytes."""

    name: str
    size: int


@dataclass(frozen=True)
class PackageInfo:
    """What :func:`check_package` found in an acceptable package."""

    title: str
    main_library: Library
    language: str
    #: Library folders in the package, sorted (``H5P.TrueFalse-1.6``, ...).
    libraries: tuple[str, ...]
    #: sha256 of the archive's bytes, hex; the package's storage folder.
    sha256: str
    #: Size of the archive in bytes.
    size: int
    #: The files to extract, in archive order.
    members: tuple[Member, ...]
    #: ``http(s)://`` URLs named as media paths in content.json (not stored).
    external_urls: tuple[str, ...]
    #: Stored files that can run script if their URL is opened (SVG, XML).
    scriptable_members: tuple[str, ...]
    h5p_json: dict[str, Any]
    content_json: dict[str, Any]

    @property
    def total_size(self) -> int:
        """Bytes the extracted files take."""
        return sum(member.size for member in self.members)


@dataclass(frozen=True)
class StoredPackage:
    """Where :func:`store_package` put a package, and what it holds."""

    #: Storage path of the folder holding h5p.json, content/ and the libraries.
    base_path: str
    h5p_json: dict[str, Any]
    content_json: dict[str, Any]
    info: PackageInfo
    #: False when the package was already stored and nothing was written.
    created: bool

    def path(self, member: str) -> str:
        """Storage name of one file of the package (``content/content.json``)."""
        return f"{self.base_path}/{member}"


def check_package(
    upload: BinaryIO | File, *, limits: Limits | None = None
) -> PackageInfo:
    """Check an uploaded ``.h5p`` offline and say what it holds.

    ``upload`` is a Django ``UploadedFile`` or any binary file object. Returns a
    :class:`PackageInfo`; raises :class:`PackageRefused` for anything that is
    not a safe, playable H5P package exported with its libraries. The upload
    is left positioned at its start.
    """
    limits = limits or Limits()
    with _Archive(upload, limits) as archive:
        return _check(archive, limits)


def store_package(
    upload: BinaryIO | File,
    *,
    storage,
    info: PackageInfo | None = None,
    limits: Limits | None = None,
) -> StoredPackage:
    """Extract a checked package into ``storage`` under ``h5p/<sha256>/``.

    Checks the upload first unless ``info`` (from :func:`check_package` on the
    same upload) is given. A package already stored completely is not written
    again (``created`` is False). Members are streamed one by one through a
    byte cap; if anything fails, every file written for the package is deleted
    and the error is raised again (:class:`PackageRefused` if the archive
    turns out to be corrupt, the storage's own error otherwise). Concurrent
    calls for the same package are not serialised here: callers should hold a
    lock (for instance a database row for the hash) around this call.
    """
    limits = limits or Limits()
    with _Archive(upload, limits) as archive:
        if info is None:
            info = _check(archive, limits)
        elif info.sha256 != archive.sha256:
            raise ValueError("info was made from a different upload")
        base = f"{STORAGE_ROOT}/{info.sha256}"
        stored = StoredPackage(
            base_path=base,
            h5p_json=info.h5p_json,
            content_json=info.content_json,
            info=info,
            created=True,
        )
        complete = stored.path(COMPLETE_MARKER)
        started = stored.path(STARTED_MARKER)
        if storage.exists(complete):
            return dataclasses.replace(stored, created=False)
        if storage.exists(started):
            # An earlier extraction stopped half-way: redo it from scratch.
            _delete(storage, [stored.path(m.name) for m in info.members] + [started])
        written: list[str] = []
        try:
            _save(storage, started, ContentFile(b""), written)
            for member in info.members:
                with archive.zip.open(member.name) as source:
                    content = _CappedMember(source, member.name, member.size)
                    _save(storage, stored.path(member.name), content, written)
            _save(storage, complete, ContentFile(_manifest(info)), written)
            storage.delete(started)
            written.remove(started)
        except _UnreadableMember as error:
            _delete(storage, written)
            raise _refused("corrupt_archive") from error
        except BaseException:
            _delete(storage, written)
            raise
        return stored


# --- reading the upload -----------------------------------------------------


class _Archive:
    """The upload as a seekable stream, its hash and its opened ZIP."""

    def __init__(self, upload: Any, limits: Limits):
        self.upload = upload
        self.limits = limits
        self.stream: Any = None
        self.spool: Any = None
        self.zip: zipfile.ZipFile | None = None
        self.sha256 = ""
        self.size = 0

    def __enter__(self) -> _Archive:
        try:
            self._read()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.zip is not None:
            self.zip.close()
        if self.spool is not None:
            self.spool.close()
        elif _seekable(self.upload):
            self.upload.seek(0)

    def _read(self) -> None:
        digest = hashlib.sha256()
        seekable = _seekable(self.upload)
        if seekable:
            self.upload.seek(0)
            self.stream = self.upload
        else:
            self.spool = tempfile.SpooledTemporaryFile(max_size=8 * MB)
            self.stream = self.spool
        while block := self.upload.read(_READ_BLOCK):
            self.size += len(block)
            if self.size > self.limits.max_archive_size:
                raise _refused("archive_too_large", limit=self.limits.max_archive_size)
            digest.update(block)
            if self.spool is not None:
                self.spool.write(block)
        self.sha256 = digest.hexdigest()
        self.stream.seek(0)
        _check_directory_size(self.stream, self.size, self.limits)
        self.stream.seek(0)
        try:
            self.zip = zipfile.ZipFile(self.stream)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, struct.error) as e:
            raise _refused("not_a_zip") from e


def _seekable(upload: Any) -> bool:
    try:
        return bool(upload.seekable())
    except (AttributeError, ValueError, OSError):
        return False


def _check_directory_size(stream: Any, size: int, limits: Limits) -> None:
    """Refuse an archive whose central directory is too big, before parsing it.

    zipfile reads the whole central directory into memory and makes an object
    per entry; the end-of-directory record says how many entries there are and
    how many bytes they take, so a huge directory is refused from 22 bytes.
    An archive without such a record is left to zipfile to refuse.
    """
    tail_length = min(size, 22 + 65_535)
    stream.seek(size - tail_length)
    tail = stream.read(tail_length)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return
    entries, directory_size = struct.unpack("<HI", tail[at + 10 : at + 16])
    locator = at - 20
    if locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
        (offset,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        if offset < size:
            stream.seek(offset)
            record = stream.read(56)
            if len(record) == 56 and record[:4] == b"PK\x06\x06":
                entries, directory_size = struct.unpack("<QQ", record[32:48])
    if (
        entries > limits.max_files
        or directory_size > limits.max_files * _DIRECTORY_BYTES_PER_FILE
    ):
        raise _refused("too_many_files", limit=limits.max_files)


# --- the checks -------------------------------------------------------------


def _check(archive: _Archive, limits: Limits) -> PackageInfo:
    infos = archive.zip.infolist()
    if len(infos) > limits.max_files:
        raise _refused("too_many_files", limit=limits.max_files)
    to_extract = _check_directory(infos, archive.size, limits)
    names = {info.filename for info in to_extract}
    _check_file_folder_clash(names)
    if "h5p.json" not in names:
        raise _refused("missing_h5p_json")
    documents, bad_language_file = _read_members(archive.zip, to_extract, limits)
    members = tuple(Member(info.filename, size) for info, size in documents.sizes)

    h5p_json = _parse_json(documents.data["h5p.json"])
    if not isinstance(h5p_json, dict):
        raise _refused("h5p_json_invalid")
    dependencies = _check_h5p_json(h5p_json)
    if "content/content.json" not in documents.data:
        raise _refused("missing_content_json")
    content_json = _parse_json(
        documents.data["content/content.json"], raise_as="content_json_invalid"
    )
    if not isinstance(content_json, dict):
        raise _refused("content_json_invalid")
    external_urls = _check_content_paths(content_json)

    folders = sorted(
        {
            name.split("/", 1)[0]
            for name in names
            if "/" in name and not name.startswith("content/")
        }
    )
    if not folders:
        raise _refused("content_only")
    libraries = {
        folder: _check_library(folder, documents.data, names, limits)
        for folder in folders
    }
    if bad_language_file:
        raise _refused("language_json_invalid", name=bad_language_file)

    main_name = h5p_json["mainLibrary"]
    main = next((d for d in dependencies if d.machine_name == main_name), None)
    if main is None:
        raise _refused("main_library_not_listed", library=main_name)
    if main.folder not in libraries:
        raise _refused("main_library_missing", library=str(main))
    _check_dependencies(dependencies, libraries)

    scriptable = tuple(
        m.name for m in members if _extension(m.name) in SCRIPTABLE_EXTENSIONS
    )
    return PackageInfo(
        title=h5p_json["title"].strip(),
        main_library=main,
        language=h5p_json["language"],
        libraries=tuple(folders),
        sha256=archive.sha256,
        size=archive.size,
        members=members,
        external_urls=external_urls,
        scriptable_members=scriptable,
        h5p_json=h5p_json,
        content_json=content_json,
    )


def _check_directory(
    infos: list[zipfile.ZipInfo], archive_size: int, limits: Limits
) -> list[zipfile.ZipInfo]:
    """Judge every entry from the central directory; return those to extract."""
    backstop = PackageLimits(
        max_files=limits.max_files,
        max_file_size=limits.max_member_size,
        max_total_size=limits.max_total_size,
        max_compression_ratio=limits.max_ratio,
        allowed_extensions=LIBRARY_EXTENSIONS,
    )
    seen: set[str] = set()
    declared_total = 0
    to_extract = []
    for info in infos:
        name = info.filename
        problem = _name_problem(name)
        if problem:
            raise _refused(problem, name=name)
        kind = (info.external_attr >> 16) & 0o170000
        if kind == 0o120000:
            raise _refused("symlink", name=name)
        if kind not in (0, 0o100000, 0o040000):
            raise _refused("special_file", name=name)
        if info.flag_bits & 0x1:
            raise _refused("encrypted", name=name)
        key = name.casefold()
        if key in seen:
            raise _refused("duplicate_member", name=name)
        seen.add(key)
        if info.is_dir():
            continue
        if _ignored(name):
            continue  # as H5P core: names starting with "." or "_" are skipped
        top, _slash, rest = name.partition("/")
        allowed = LIBRARY_EXTENSIONS
        if not rest or top == "content":
            allowed = CONTENT_EXTENSIONS
            if top == "content" and limits.allow_svg_in_content:
                allowed = allowed | {"svg"}
        if _extension(name) not in allowed:
            raise _refused("file_type_not_allowed", name=name)
        if info.file_size / max(info.compress_size, 1) > limits.max_ratio:
            raise _refused("compression_ratio", name=name, limit=limits.max_ratio)
        if info.file_size > limits.max_member_size:
            raise _refused("member_too_large", name=name, limit=limits.max_member_size)
        declared_total += info.file_size
        if declared_total > limits.max_total_size:
            raise _refused("too_large", limit=limits.max_total_size)
        try:
            validate_archive_member(name, info, backstop)
        except SecurityError as error:
            logger.info("pyh5p refused %r: %s", name, error)
            raise _refused("unsafe_member", name=name) from error
        if rest or name == "h5p.json":
            to_extract.append(info)  # other top-level files are left out
    if declared_total / max(archive_size, 1) > limits.max_ratio:
        raise _refused("archive_compression_ratio", limit=limits.max_ratio)
    return to_extract


def _check_file_folder_clash(names: set[str]) -> None:
    """Refuse a name used both for a file and for a folder (``a`` and ``a/b``)."""
    files = {name.casefold() for name in names}
    for name in names:
        parts = name.casefold().split("/")
        for end in range(1, len(parts)):
            if "/".join(parts[:end]) in files:
                raise _refused("file_folder_clash", name="/".join(parts[:end]))


def _name_problem(name: str) -> str | None:
    if _CONTROL_CHARACTERS.search(name):
        return "unsafe_name"
    probe = name.replace("\\", "/")
    if probe.startswith("/"):
        return "absolute_path"
    if ":" in probe:
        return "drive_or_colon"
    parts = probe.removesuffix("/").split("/")
    if ".." in parts:
        return "path_traversal"
    if "\\" in name or any(part in ("", ".") for part in parts):
        return "unsafe_name"
    return None


def _ignored(name: str) -> bool:
    return any(part.startswith((".", "_")) for part in name.split("/"))


def _extension(name: str) -> str:
    return PurePosixPath(name).suffix.lower().removeprefix(".")


@dataclass
class _Documents:
    data: dict[str, bytes]
    sizes: list[tuple[zipfile.ZipInfo, int]]


def _read_members(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits
) -> tuple[_Documents, str | None]:
    """Decompress every member through a byte cap, keeping the JSON we need.

    Verifies each member's CRC and real size. Returns the kept documents and
    the first language file that is not valid JSON, if any.
    """
    documents = _Documents(data={}, sizes=[])
    bad_language_file = None
    total = 0
    for info in infos:
        name = info.filename
        parts = name.split("/")
        keep = name in ("h5p.json", "content/content.json") or (
            len(parts) == 2 and parts[1] == "library.json" and parts[0] != "content"
        )
        language = (
            len(parts) == 3
            and parts[0] != "content"
            and parts[1] == "language"
            and name.endswith(".json")
        )
        chunks = []
        size = 0
        try:
            with archive.open(info) as source:
                while block := source.read(_READ_BLOCK):
                    size += len(block)
                    total += len(block)
                    if size > limits.max_member_size:
                        raise _refused(
                            "member_too_large", name=name, limit=limits.max_member_size
                        )
                    if total > limits.max_total_size:
                        raise _refused("too_large", limit=limits.max_total_size)
                    if keep or language:
                        chunks.append(block)
        except _READ_ERRORS as error:
            raise _refused("corrupt_archive") from error
        if size != info.file_size:
            raise _refused("corrupt_archive")
        documents.sizes.append((info, size))
        if keep:
            documents.data[name] = b"".join(chunks)
        elif language and bad_language_file is None:
            try:
                _parse_json(b"".join(chunks), raise_as=None)
            except ValueError:
                bad_language_file = name
    return documents, bad_language_file


_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,  # e.g. a member needing a password
    struct.error,
)


def _parse_json(data: bytes, raise_as: str | None = "h5p_json_invalid") -> Any:
    """Parse JSON as a browser would (no NaN/Infinity); BOM tolerated."""

    def refuse_constant(value: str) -> Any:
        raise ValueError(value)

    try:
        return json.loads(data.decode("utf-8-sig"), parse_constant=refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        if raise_as is None:
            raise ValueError("not valid JSON") from error
        raise _refused(raise_as) from error


def _check_h5p_json(h5p_json: dict[str, Any]) -> list[Library]:
    """Check the fields the player needs; return the preloaded dependencies."""
    problems = []
    title = h5p_json.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("title")
    main = h5p_json.get("mainLibrary")
    if not isinstance(main, str) or not _MACHINE_NAME.match(main):
        problems.append("mainLibrary")
    language = h5p_json.get("language")
    if not isinstance(language, str) or not _LANGUAGE.match(language):
        problems.append("language")
    dependencies = _dependencies(h5p_json.get("preloadedDependencies"))
    if not dependencies:
        problems.append("preloadedDependencies")
    if problems:
        raise _refused("h5p_json_incomplete", fields=", ".join(problems))
    return dependencies


def _dependencies(value: Any) -> list[Library] | None:
    """Parse a list of ``{machineName, majorVersion, minorVersion}``."""
    if not isinstance(value, list):
        return None
    result = []
    for item in value:
        library = _library_ref(item)
        if library is None:
            return None
        result.append(library)
    return result


def _library_ref(value: Any) -> Library | None:
    if not isinstance(value, dict):
        return None
    name = value.get("machineName")
    major = _version(value.get("majorVersion"))
    minor = _version(value.get("minorVersion"))
    if not isinstance(name, str) or not _MACHINE_NAME.match(name):
        return None
    if major is None or minor is None:
        return None
    return Library(name, major, minor)


def _version(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value <= 99_999:
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,5}", value):
        return int(value)
    return None


def _check_content_paths(content_json: dict[str, Any]) -> tuple[str, ...]:
    """Refuse media paths that leave the package; return external URLs."""
    urls: list[str] = []
    stack: list[Any] = [content_json]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "path" and isinstance(item, str):
                    url = _content_path(item)
                    if url and url not in urls:
                        urls.append(url)
                else:
                    stack.append(item)
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return tuple(urls)


def _content_path(path: str) -> str | None:
    """Return ``path`` if it is an external http(s) URL, None if it is local."""
    text = path.strip()
    if _URL_SCHEME.match(text):
        scheme, _colon, rest = text.partition(":")
        if scheme.lower() in ("http", "https") and rest.startswith("//"):
            return text
        raise _refused("content_path_outside", path=path)
    local = text.split("#", 1)[0].split("?", 1)[0]
    if (
        local.startswith(("/", "\\"))
        or ".." in local.replace("\\", "/").split("/")
        or _CONTROL_CHARACTERS.search(local)
    ):
        raise _refused("content_path_outside", path=path)
    return None


def _check_library(
    folder: str, data: dict[str, bytes], names: set[str], limits: Limits
) -> list[Library]:
    """Check one library folder; return the libraries it preloads."""
    raw = data.get(f"{folder}/library.json")
    if raw is None:
        raise _refused("library_json_missing", folder=folder)
    try:
        library_json = _parse_json(raw, raise_as=None)
    except ValueError:
        raise _refused("library_json_invalid", folder=folder) from None
    library = _library_ref(library_json)
    if library is None:
        raise _refused("library_json_invalid", folder=folder)
    if library.folder != folder:
        raise _refused("library_name_mismatch", folder=folder, expected=library.folder)
    core_api = library_json.get("coreApi")
    if core_api not in (None, {}, []):
        if not isinstance(core_api, dict):
            raise _refused("library_json_invalid", folder=folder)
        major = _version(core_api.get("majorVersion", 1))
        minor = _version(core_api.get("minorVersion", 0))
        if major is None or minor is None:
            raise _refused("library_json_invalid", folder=folder)
        if not CoreApiVersion(major, minor).compatible_with(limits.core_api):
            raise _refused(
                "core_api_too_new",
                library=str(library),
                needed=f"{major}.{minor}",
                supported="{}.{}".format(*limits.core_api),
            )
    for key in ("preloadedJs", "preloadedCss"):
        files = library_json.get(key, [])
        if not isinstance(files, list):
            raise _refused("library_json_invalid", folder=folder)
        for item in files:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or _name_problem(path):
                raise _refused("library_json_invalid", folder=folder)
            if f"{folder}/{path}" not in names:
                raise _refused("preloaded_file_missing", folder=folder, name=path)
    preloads = _dependencies(library_json.get("preloadedDependencies", []))
    if preloads is None:
        raise _refused("library_json_invalid", folder=folder)
    return preloads


def _check_dependencies(
    roots: list[Library], libraries: dict[str, list[Library]]
) -> None:
    """Every library the player will load must be bundled."""
    needed_by: dict[str, str] = {}
    queue = [(root, "h5p.json") for root in roots]
    while queue:
        library, parent = queue.pop(0)
        if library.folder in needed_by:
            continue
        needed_by[library.folder] = parent
        if library.folder not in libraries:
            raise _refused("dependency_missing", library=str(library), needed_by=parent)
        queue.extend((child, str(library)) for child in libraries[library.folder])


# --- storing ----------------------------------------------------------------


class _UnreadableMember(Exception):
    """A member could not be read back, or gave more bytes than checked."""


class StorageConflict(OSError):
    """The storage saved a package file under another name than asked.

    That happens only when something else wrote the same package meanwhile.
    """


class _CappedMember(File):
    """A ZIP member handed to ``Storage.save()``, read through a byte cap.

    The cap is the size measured when the package was checked; a member that
    yields more is refused, whatever its directory entry says.
    """

    def __init__(self, source: Any, name: str, size: int):
        super().__init__(source, name)
        self.size = size  # not os.path.getsize(name): the name is not a path
        self._cap = size

    def read(self, size: int | None = -1) -> bytes:
        try:
            position = self.file.tell()
            room = self._cap - position + 1
            if size is None or size < 0 or size > room:
                size = room
            data = self.file.read(size)
        except _READ_ERRORS as error:
            raise _UnreadableMember(self.name) from error
        if position + len(data) > self._cap:
            raise _UnreadableMember(self.name)
        return data

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        self.seek(0)
        while data := self.read(chunk_size or self.DEFAULT_CHUNK_SIZE):
            yield data

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks()


def _save(storage: Any, name: str, content: File, written: list[str]) -> None:
    try:
        saved = storage.save(name, content)
    except BaseException:
        written.append(name)  # a failed save can leave a partial file behind
        raise
    written.append(saved)
    if saved != name:
        # The storage chose another name, so something else wrote this one
        # meanwhile: don't mix our files with it.
        raise StorageConflict(f"storage saved {name!r} as {saved!r}")


def _delete(storage: Any, names: Iterable[str]) -> None:
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # keep removing the rest
            logger.exception("could not delete %s after a failed H5P extraction", name)


def _manifest(info: PackageInfo) -> bytes:
    manifest = {
        "sha256": info.sha256,
        "title": info.title,
        "mainLibrary": info.main_library.folder,
        "members": [[member.name, member.size] for member in info.members],
    }
    return json.dumps(manifest, ensure_ascii=False).encode("utf-8")


# --- messages ---------------------------------------------------------------


def _short(name: str) -> str:
    name = _CONTROL_CHARACTERS.sub("?", name)
    if len(name) > _MESSAGE_NAME_LENGTH:
        return name[: _MESSAGE_NAME_LENGTH - 1] + "…"
    return name


def _megabytes(size: float) -> str:
    return f"{size / MB:g}"


def _refused(code: str, **params: Any) -> PackageRefused:
    """The refusal for ``code``, its message translated and filled in."""
    for key in ("name", "path", "folder"):
        if key in params:
            params[key] = _short(params[key])
    if code in ("archive_too_large", "too_large", "member_too_large"):
        params["limit"] = _megabytes(params["limit"])
    if code in ("compression_ratio", "archive_compression_ratio"):
        params["limit"] = f"{params['limit']:g}"
    message = _message(code, params.get("limit"))
    return PackageRefused(code, message % params)


def _message(code: str, limit: Any) -> str:
    if code == "too_many_files":
        return ngettext(
            "The package contains more than %(limit)s file, which is more than "
            "is allowed.",
            "The package contains more than %(limit)s files, which is more than "
            "is allowed.",
            limit,
        )
    messages = {
        "archive_too_large": _(
            "The file is larger than %(limit)s MB. Please upload a smaller H5P package."
        ),
        "not_a_zip": _(
            "This is not an H5P package: the file is not a ZIP archive, or it is "
            "damaged. Please export the content from H5P again and upload the "
            ".h5p file."
        ),
        "corrupt_archive": _(
            "The package is damaged: some of its files cannot be read. Please "
            "export it from H5P again and upload the new file."
        ),
        "unsafe_name": _(
            "The package contains a file with a name that is not allowed (“%(name)s”)."
        ),
        "absolute_path": _(
            "The package contains a file with an absolute path (“%(name)s”). Files "
            "in an H5P package must lie inside the package."
        ),
        "drive_or_colon": _(
            "The package contains a file whose name has a drive letter or a colon "
            "(“%(name)s”), which is not allowed."
        ),
        "path_traversal": _(
            "The package contains a file that points outside the package "
            "(“%(name)s”). Such packages are refused for safety."
        ),
        "symlink": _(
            "The package contains a link (“%(name)s”). H5P packages may contain "
            "only ordinary files."
        ),
        "special_file": _(
            "The package contains a special file (“%(name)s”). H5P packages may "
            "contain only ordinary files."
        ),
        "encrypted": _(
            "The package contains a password-protected file (“%(name)s”). Please "
            "export it from H5P again without a password."
        ),
        "duplicate_member": _(
            "The package contains the file “%(name)s” more than once. Please "
            "export it from H5P again."
        ),
        "file_folder_clash": _(
            "The package contains “%(name)s” both as a file and as a folder."
        ),
        "file_type_not_allowed": _(
            "The package contains a file of a type that is not allowed in H5P "
            "packages: “%(name)s”."
        ),
        "unsafe_member": _(
            "The package was refused by a safety check on the file “%(name)s”."
        ),
        "compression_ratio": _(
            "The file “%(name)s” in the package is compressed more than "
            "%(limit)s times, which is not allowed for safety."
        ),
        "archive_compression_ratio": _(
            "The package unpacks to more than %(limit)s times its own size, which "
            "is not allowed for safety."
        ),
        "member_too_large": _(
            "The file “%(name)s” in the package is larger than %(limit)s MB."
        ),
        "too_large": _("The package unpacks to more than %(limit)s MB."),
        "missing_h5p_json": _(
            "This is not an H5P package: it has no h5p.json file at its top level."
        ),
        "h5p_json_invalid": _(
            "The package's h5p.json file is damaged (it is not valid JSON)."
        ),
        "h5p_json_incomplete": _(
            "The package's h5p.json file lacks required information or has it in "
            "the wrong form: %(fields)s."
        ),
        "missing_content_json": _(
            "The package has no content: the file content/content.json is missing."
        ),
        "content_json_invalid": _(
            "The package's content file (content/content.json) is damaged (it is "
            "not valid JSON)."
        ),
        "content_path_outside": _(
            "The package's content refers to a file outside the package "
            "(“%(path)s”), which is not allowed."
        ),
        "content_only": _(
            "This package holds only content, without the H5P libraries needed to "
            "play it. It must be exported with its libraries: in H5P, download "
            "the content as a .h5p file (for example with the Reuse or Download "
            "button) and upload that file."
        ),
        "main_library_not_listed": _(
            "The package's h5p.json names %(library)s as its main library but "
            "does not list it among its dependencies."
        ),
        "main_library_missing": _(
            "The package does not include its main library, %(library)s. Please "
            "export it from H5P again with its libraries."
        ),
        "dependency_missing": _(
            "The package does not include the library %(library)s, which "
            "%(needed_by)s needs. Please export it from H5P again with its "
            "libraries."
        ),
        "library_json_missing": _(
            "The folder “%(folder)s” in the package is not an H5P library: it has "
            "no library.json file."
        ),
        "library_json_invalid": _(
            "The library.json file of the library “%(folder)s” is damaged or "
            "incomplete."
        ),
        "library_name_mismatch": _(
            "The library folder “%(folder)s” does not match its library.json, "
            "which says it should be called “%(expected)s”."
        ),
        "preloaded_file_missing": _(
            "The library “%(folder)s” needs the file “%(name)s”, which is missing "
            "from the package."
        ),
        "core_api_too_new": _(
            "The library %(library)s needs H5P version %(needed)s, but this site "
            "plays H5P up to version %(supported)s. Please use an older version "
            "of the content type."
        ),
        "language_json_invalid": _(
            "The language file “%(name)s” in the package is damaged (it is not "
            "valid JSON)."
        ),
    }
    return messages[code]
