"""Playing a stored package safely: the player page and its content files.

A module page frames the *player page* (one per exercise) with
``sandbox="allow-scripts"``, and the player page is itself served with a
``Content-Security-Policy: sandbox allow-scripts``. It runs in an opaque
origin (scripts only from the site's own files, no inline ones), so neither
the h5p-standalone player nor a package's own libraries can read the site's
cookies, call its endpoints as her, or touch the page around it. H5P draws
the content in the player page itself (``embedType: "div"``): an iframe of
its own would get another opaque origin there, which H5P cannot write into.
The player page hands its xAPI statements and saved state to the page around
it with ``postMessage``; that page's script posts them to the site
(CSRF-checked, as her).

A sandboxed document sends no cookies, so the package's files are fetched
through *capability addresses*: ``.../h5p/files/<token>/<member>``, where the
token is signed by the server for one user, one package and a short time, and
is handed out only by the permission-checked player page. The same token is
made all day long, so her browser may keep the files (they never change: the
package's folder is its content hash). Every file is served with a CSP
``sandbox`` of its own, so an SVG opened directly runs no script.

The player itself (``h5p-standalone`` from npm) is served as static files
under :data:`STATIC_PREFIX` by :class:`lms.h5p.finders.PlayerFinder`.
"""

from __future__ import annotations

import datetime
import json
import mimetypes
import re

from django.core import signing
from django.templatetags.static import static
from django.utils import timezone

from lms.h5p.packages import COMPLETE_MARKER, STORAGE_ROOT
from lms.models.storage import private_storage

#: Where ``node_modules/h5p-standalone/dist`` is collected in the static files.
STATIC_PREFIX = "h5p-standalone"

#: How long a content token is valid: the rest of the day it was made and
#: the next day (so a player opened before midnight keeps working).
TOKEN_DAYS = 2
_TOKEN_SALT = "lms.h5p.files"  # noqa: S105 (a salt, not a secret)
_HASH = re.compile(r"^[0-9a-f]{64}$")

#: How often (seconds) the player saves her state, as H5P core counts it.
SAVE_EVERY_SECONDS = 10

#: Content types the content view sends; anything else downloads as bytes.
CONTENT_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "txt": "text/plain; charset=utf-8",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webm": "video/webm",
    "mp4": "video/mp4",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "pdf": "application/pdf",
}

#: Sent with every content file: nothing it holds runs as a page of the site.
CONTENT_SECURITY_POLICY = (
    "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; "
    "style-src 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'self'"
)


def player_security_policy(origin: str, media_sources=()) -> str:
    """The player page's CSP: an opaque-origin sandbox with scripts, allowed
    to load the player and the package's files from this site (named by
    `origin` too, since 'self' of an opaque origin matches nothing), and
    framed only by the site's own pages."""
    here = f"'self' {origin}"
    media = " ".join(media_sources)
    return "; ".join(
        [
            "sandbox allow-scripts",
            f"default-src {here}",
            # Some content types build functions from strings (H5P.MultiChoice
            # via its libraries). In the sandbox that reaches nothing more
            # than the package's own scripts already do.
            f"script-src {here} 'unsafe-eval'",
            # Content types write style attributes; harmless in the sandbox.
            f"style-src {here} 'unsafe-inline'",
            f"img-src {here} data: blob: {media}".rstrip(),
            f"media-src {here} data: blob: {media}".rstrip(),
            f"font-src {here} data:",
            f"connect-src {here}",
            f"frame-src {here}",
            "frame-ancestors 'self'",
            "form-action 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ]
    )


def player_assets() -> dict:
    """Static addresses of the h5p-standalone player's files."""
    return {
        "main": static(f"{STATIC_PREFIX}/main.bundle.js"),
        "frame_js": static(f"{STATIC_PREFIX}/frame.bundle.js"),
        "frame_css": static(f"{STATIC_PREFIX}/styles/h5p.css"),
    }


# --- tokens ----------------------------------------------------------------------


def _day(now=None) -> int:
    return timezone.localdate(now or timezone.now()).toordinal()


def content_token(user_pk: int, package_hash: str, *, now=None) -> str:
    """A token opening package `package_hash`'s files for user `user_pk`.

    The same all day (so her browser's cache serves the files again), valid
    until the end of the next day.
    """
    expires = _day(now) + TOKEN_DAYS - 1
    return signing.Signer(salt=_TOKEN_SALT).sign_object(
        [package_hash, user_pk, expires], compress=False
    )


def read_content_token(token: str, *, now=None) -> tuple[str, int] | None:
    """(package hash, user pk) of a valid, unexpired token, else None."""
    try:
        value = signing.Signer(salt=_TOKEN_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError, json.JSONDecodeError):
        return None
    if not isinstance(value, list) or len(value) != 3:
        return None
    package_hash, user_pk, expires = value
    if (
        not isinstance(package_hash, str)
        or not _HASH.match(package_hash)
        or not isinstance(user_pk, int)
        or not isinstance(expires, int)
        or _day(now) > expires
    ):
        return None
    return package_hash, user_pk


def token_expires(now=None) -> datetime.date:
    return datetime.date.fromordinal(_day(now) + TOKEN_DAYS - 1)


# --- stored files --------------------------------------------------------------


def package_folder(package_hash: str) -> str:
    return f"{STORAGE_ROOT}/{package_hash}"


_MANIFESTS: dict[tuple[int, str], frozenset[str]] = {}
_MANIFESTS_KEPT = 512


def _read_manifest(storage, package_hash: str) -> frozenset[str] | None:
    name = f"{package_folder(package_hash)}/{COMPLETE_MARKER}"
    try:
        with storage.open(name, "rb") as marker:
            manifest = json.loads(marker.read().decode("utf-8"))
    except (OSError, ValueError):
        return None
    members = manifest.get("members") if isinstance(manifest, dict) else None
    if not isinstance(members, list):
        return None
    return frozenset(
        item[0]
        for item in members
        if isinstance(item, list) and item and isinstance(item[0], str)
    )


def stored_members(package_hash: str) -> frozenset[str] | None:
    """The files a completely stored package holds (from its manifest), or
    None if it is not stored (or only half). Kept in memory once read: a
    stored package never changes."""
    if not _HASH.match(package_hash or ""):
        return None
    storage = private_storage()
    key = (id(storage), package_hash)
    members = _MANIFESTS.get(key)
    if members is None:
        members = _read_manifest(storage, package_hash)
        if members is not None:
            if len(_MANIFESTS) >= _MANIFESTS_KEPT:
                _MANIFESTS.clear()
            _MANIFESTS[key] = members
    return members


def is_stored(package_hash: str) -> bool:
    return stored_members(package_hash) is not None


def member_name(package_hash: str, member: str) -> str | None:
    """The storage name of `member` of a stored package, or None if the
    package holds no such file. Only names its manifest lists are served, so
    nothing outside the package's folder (nor its markers) can be asked for."""
    members = stored_members(package_hash)
    if members is None or member not in members:
        return None
    return f"{package_folder(package_hash)}/{member}"


def content_type(member: str) -> str:
    extension = member.rsplit(".", 1)[-1].lower() if "." in member else ""
    if extension in CONTENT_TYPES:
        return CONTENT_TYPES[extension]
    guessed, _encoding = mimetypes.guess_type(member)
    return guessed or "application/octet-stream"


# --- the player's options --------------------------------------------------------


def player_options(
    *,
    content_id: str,
    files_url: str,
    object_iri: str,
    assets: dict,
    language: str,
    direction: str,
    parent_origin: str,
    states: dict,
    track: bool,
) -> dict:
    """What the player page's script passes to ``new H5PStandalone.H5P``
    (and a few things of its own: where to send what she does)."""
    options = {
        "id": content_id,
        # The player page is itself the sandboxed frame; H5P's own iframe
        # would get an origin of its own there, which H5P cannot write into.
        "embedType": "div",
        "h5pJsonPath": files_url,
        "frameJs": assets["frame_js"],
        "frameCss": assets["frame_css"],
        "xAPIObjectIRI": object_iri,
        "frame": False,
        "copyright": False,
        "export": False,
        "embed": False,
        "icon": False,
        "fullScreen": False,
    }
    if track:
        options["saveFreq"] = SAVE_EVERY_SECONDS
        if states:
            options["contentUserData"] = states
    return {
        "options": options,
        "language": language,
        "direction": direction,
        "parentOrigin": parent_origin,
        "track": track,
    }
