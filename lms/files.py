"""Files people hand in: what they really are, what they may be called, and
how they are handed out again.

Types are read from a file's content (magic numbers, and for zip-based office
documents the zip's own table of contents), never from its name or the
browser's content type. Names are cleaned before they are stored or sent in a
``Content-Disposition`` header. Files live in private storage and leave it only
through :func:`private_file_response`, called by views that have checked who
is asking.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.http import FileResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    label: str  # shown to people: "PDF", "Word"...
    audio: bool = False
    image: bool = False
    video: bool = False


PDF = FileType("application/pdf", "pdf", "PDF")
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
    "Word",
)
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pptx",
    "PowerPoint",
)
ODT = FileType("application/vnd.oasis.opendocument.text", "odt", "OpenDocument")
ODP = FileType("application/vnd.oasis.opendocument.presentation", "odp", "OpenDocument")
JPEG = FileType("image/jpeg", "jpg", "JPEG", image=True)
PNG = FileType("image/png", "png", "PNG", image=True)
WEBM = FileType("audio/webm", "webm", "WebM", audio=True)
OGG = FileType("audio/ogg", "ogg", "Ogg", audio=True)
M4A = FileType("audio/mp4", "m4a", "M4A", audio=True)
MP3 = FileType("audio/mpeg", "mp3", "MP3", audio=True)

MP4_VIDEO = FileType("video/mp4", "mp4", "MP4", video=True)
WEBM_VIDEO = FileType("video/webm", "webm", "WebM", video=True)

AUDIO = (WEBM, OGG, M4A, MP3)
HOMEWORK = (PDF, DOCX, ODT, JPEG, PNG, M4A, MP3, OGG, WEBM)
# What lecturers bring: documents, slides, pictures, sound and film.
MATERIAL = (PDF, PPTX, ODP, DOCX, ODT, JPEG, PNG, M4A, MP3, OGG, MP4_VIDEO, WEBM_VIDEO)
BY_CONTENT_TYPE = {
    t.content_type: t
    for t in (PDF, DOCX, PPTX, ODT, ODP, JPEG, PNG, *AUDIO, MP4_VIDEO, WEBM_VIDEO)
}
# ISO media brands of sound-only files; any other brand is taken as film.
AUDIO_BRANDS = (b"M4A ", b"M4B ", b"M4P ", b"F4A ")


# An office document has dozens of parts; far more is not a document.
MAX_ZIP_ENTRIES = 5000


def _zip_type(upload) -> FileType | None:
    """DOCX/PPTX/ODT/ODP: a zip whose table of contents says what it holds."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if len(names) > MAX_ZIP_ENTRIES:
                return None
            if "mimetype" in names:
                # Read 100 bytes, never the whole entry: a tiny zip can hold
                # gigabytes of one repeated byte.
                with archive.open("mimetype") as entry:
                    declared = entry.read(100).decode("ascii", "replace")
                return {ODT.content_type: ODT, ODP.content_type: ODP}.get(
                    declared.strip()
                )
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "ppt/presentation.xml" in names:
                    return PPTX
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError):
        return None
    finally:
        upload.seek(0)
    return None


def sniff(upload) -> FileType | None:
    """What `upload` (a file object) is, judged from its bytes, or None."""
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(upload)
    return sniff_audio(head)


def sniff_material(upload) -> FileType | None:
    """Like sniff, telling film from sound where a lecturer may bring both:
    an MP4 is sound only with an audio brand; a WebM is taken as film (it
    plays either way)."""
    file_type = sniff(upload)
    if file_type is M4A:
        upload.seek(0)
        head = upload.read(12)
        upload.seek(0)
        return M4A if head[8:12] in AUDIO_BRANDS else MP4_VIDEO
    if file_type is WEBM:
        return WEBM_VIDEO
    return file_type


def sniff_audio(head: bytes) -> FileType | None:
    """The audio type of a recording from its first bytes, or None."""
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: WebM/Matroska
        return WEBM if b"webm" in head[:64] else None
    if head.startswith(b"OggS"):
        return OGG
    if len(head) >= 12 and head[4:8] == b"ftyp":  # ISO base media: mp4, m4a
        return M4A
    if head.startswith(b"ID3"):
        return MP3
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return MP3  # MPEG audio frame sync without an ID3 tag
    return None


_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\'\\/:*?<>|;`$]+')


def safe_filename(name: str, file_type: FileType | None = None) -> str:
    """A name that is safe to store and to send back in a header.

    Drops any path, control characters (newlines!), quotes and characters
    Windows refuses; keeps letters of every script; at most 100 characters;
    the extension is the one its content proves, whatever it was called.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    # Invisible format characters (U+202E turns "gpj.pdf" into "fdp.jpg" on
    # screen) and line/paragraph separators go too.
    name = "".join(
        c for c in name if unicodedata.category(c) not in ("Cf", "Zl", "Zp", "Cc")
    )
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub(" ", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    if file_type is not None:
        extension = file_type.extension
    stem = stem.strip(" .")[:90] or _("file")
    return f"{stem}.{extension}" if extension else stem


def delete_stored(files) -> None:
    """Delete (storage, name) pairs, once the rows that named them are gone
    (call it from ``transaction.on_commit``). A file that cannot be deleted
    is logged, so someone removes it by hand; it never undoes the commit."""
    for storage, name in files:
        try:
            storage.delete(name)
        except Exception:
            logger.exception("Could not delete the stored file %s", name)


def human_size(size: int) -> str:
    """ "350 KB", "2.4 MB": for people deciding whether to download on a phone."""
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": max(1, round(size / 1024))}
    return _("%(size)s MB") % {"size": round(size / 1024 / 1024, 1)}


def private_file_response(field_file, *, content_type: str, filename: str):
    """Hand out a file from private storage to someone already checked.

    Audio, video and images open in the page (a player, a picture);
    everything else downloads. The browser is told not to guess the type,
    not to run anything in it, and not to keep a copy.
    """
    file_type = BY_CONTENT_TYPE.get(content_type)
    inline = file_type is not None and (
        file_type.audio or file_type.image or file_type.video
    )
    response = FileResponse(
        field_file.open("rb"),
        content_type=content_type if file_type else "application/octet-stream",
        as_attachment=not inline,
        filename=safe_filename(filename, file_type),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class FileRefused(Exception):
    """An upload we will not keep; ``message`` is translated, for her to read."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class UploadNotSaved(Exception):
    """Storage could not write a file (a full disk, a storage service down).
    What it wrote part-way is removed; the caller's other work is kept."""

    message = gettext_lazy(
        "The file could not be saved just now. Nothing else is lost: "
        "please try again later."
    )


def store(fieldfile, filename: str, content) -> str:
    """Write `content` to `fieldfile`'s storage under the name its field's
    ``upload_to`` makes from `filename`; the row itself is not saved.

    FieldFile.save leaves a half-written file behind when the storage fails
    part-way (a disk that fills up keeps failing every later upload until
    someone deletes it by hand): here the partial file is removed, the error
    logged, and UploadNotSaved raised.
    """
    field = fieldfile.field
    name = field.generate_filename(fieldfile.instance, filename)
    storage = fieldfile.storage
    try:
        stored = storage.save(name, content, max_length=field.max_length)
    except Exception as error:
        logger.error("Could not store %s: %s", name, error, exc_info=True)
        try:
            storage.delete(name)
        except Exception:
            logger.exception("Could not remove the partial file %s", name)
        raise UploadNotSaved(name) from error
    fieldfile.name = stored
    setattr(fieldfile.instance, field.attname, stored)
    fieldfile._committed = True
    return stored


def check_upload(upload, *, allowed, max_bytes: int, sniffer=None) -> FileType:
    """The proven type of an acceptable upload; FileRefused otherwise."""
    if upload is None or not upload.size:
        raise FileRefused(_("The file is empty. Please choose another file."))
    if upload.size > max_bytes:
        raise FileRefused(
            _(
                "“%(name)s” is too large (%(size)s). The limit is %(max)s. "
                "Please choose a smaller file."
            )
            % {
                "name": safe_filename(getattr(upload, "name", "")),
                "size": human_size(upload.size),
                "max": human_size(max_bytes),
            }
        )
    file_type = (sniffer or sniff)(upload)
    if file_type is None or file_type not in allowed:
        raise FileRefused(
            _(
                "“%(name)s” is not a file type we accept, whatever its name says. "
                "Allowed: %(types)s."
            )
            % {
                "name": safe_filename(getattr(upload, "name", "")),
                "types": ", ".join(sorted({t.extension for t in allowed})),
            }
        )
    return file_type
