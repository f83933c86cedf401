"""What the programme holds about a person, and how she takes it or erases it.

A registry, after Moodle's privacy API: every part of the product that keeps
personal data registers a ``Provider`` saying, in words a trainee reads,
what it keeps and why, who can see it and how long it is kept, and gives
three functions: ``export(user)`` (her records as plain dicts), ``files(user)``
(her files and recordings) and ``erase(user, erasure)``. A model that holds no
personal data of its own, or whose personal data another part already
covers, is ``exempt``-ed with the reason. ``tests/lms/privacy`` walks every
model of every installed app and fails one that links to a person and is
neither covered nor exempt.

The declarations themselves are in :mod:`lms.personal_data`, one section per
feature, so the whole inventory reads in one place.

``write_export(user, fileobj)`` writes the zip she downloads: ``index.html``
(a readable summary in her language), ``data.json`` (every record) and
``files/`` (her files). ``erase(user)`` runs every provider's erasure in one
transaction and removes the files from storage once it has committed.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import logging
import posixpath
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterable

from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lms.files import delete_stored, safe_filename
from lms.models import DataExport, ErasureRecord, ErasureRequest

logger = logging.getLogger(__name__)

_providers: dict[str, Provider] = {}
_exempt: dict[str, str] = {}
_discovered = False


@dataclasses.dataclass
class Erasure:
    """One erasure under way: its options, and the files to remove from
    storage once the database changes have committed."""

    user: object
    include_diplomas: bool = False
    by: object = None
    files: list = dataclasses.field(default_factory=list)

    def remove_file(self, fieldfile) -> None:
        """Remove this stored file after commit (nothing if the field is empty)."""
        if fieldfile:
            self.files.append((fieldfile.storage, fieldfile.name))


def _no_files(user) -> Iterable:
    return ()


@dataclasses.dataclass(frozen=True)
class Provider:
    """One kind of personal data. ``what``, ``seen_by`` and ``kept`` are
    translatable sentences shown to her on "My data" and in her copy."""

    key: str
    title: Promise | str
    what: Promise | str
    seen_by: Promise | str
    kept: Promise | str
    models: tuple[str, ...]
    export: Callable
    erase: Callable
    files: Callable = _no_files
    count: Callable | None = None
    order: int = 100

    def record_count(self, user) -> int:
        if self.count is not None:
            return self.count(user)
        return len(self.export(user))


def register(**fields) -> Provider:
    """Add a provider (its ``key`` is unique; registering it again replaces it)."""
    provider = Provider(**fields)
    _providers[provider.key] = provider
    return provider


def exempt(label: str, reason: str) -> None:
    """Say why model ``label`` ("app.Model") needs no provider."""
    _exempt[label.lower()] = reason


def _discover() -> None:
    global _discovered
    if not _discovered:
        from lms import personal_data  # noqa: F401 (its sections register)

        _discovered = True


def providers() -> list[Provider]:
    _discover()
    return sorted(_providers.values(), key=lambda p: (p.order, p.key))


def exemptions() -> dict[str, str]:
    _discover()
    return dict(_exempt)


def covered_models() -> set[str]:
    """Labels ("app.model", lower case) some provider covers."""
    return {label.lower() for p in providers() for label in p.models}


# --- Records as plain data ---------------------------------------------------


def plain(value):
    """A value as JSON can hold it: dates as ISO text, files by their name."""
    if isinstance(value, FieldFile):
        return posixpath.basename(value.name) if value else ""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, decimal.Decimal, Promise)):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def rows(queryset, *fields) -> list[dict]:
    """``queryset``'s objects as dicts of ``fields`` (dotted paths follow
    relations: "cohort.name"), in a fixed order."""
    out = []
    for obj in queryset:
        record = {}
        for name in fields:
            value = obj
            for part in name.split("."):
                value = getattr(value, part, None) if value is not None else None
            record[name.replace(".", "_")] = plain(value)
        out.append(record)
    return out


def stored_files(queryset, field: str, folder: str, label: Callable | None = None):
    """(path in her copy, stored file) for each non-empty ``field``."""
    for obj in queryset:
        stored = getattr(obj, field)
        if not stored:
            continue
        name = label(obj) if label else posixpath.basename(stored.name)
        yield f"{folder}/{obj.pk}-{safe_filename(name)}", stored


# --- Her copy ----------------------------------------------------------------


def collect(user) -> list[tuple[Provider, list[dict]]]:
    return [(provider, provider.export(user)) for provider in providers()]


def write_export(user, fileobj, *, language: str | None = None) -> dict:
    """Write her whole copy as a zip to ``fileobj``; returns counts per part.

    ``language``: of the summary (default: her profile's language)."""
    from lms.accounts import profile_or_none

    profile = profile_or_none(user)
    language = language or (profile.language if profile else "") or "nb"
    parts = collect(user)
    made_at = timezone.now()
    data = {
        "made_at": made_at.isoformat(),
        "person": {"id": user.pk, "username": user.get_username()},
        "parts": {
            provider.key: {
                "title": str(provider.title),
                "records": records,
            }
            for provider, records in parts
        },
    }
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for provider, _records in parts:
            names = []
            for path, stored in provider.files(user):
                path = f"files/{provider.key}/{path}"
                try:
                    with stored.open("rb") as source, archive.open(path, "w") as target:
                        for chunk in iter(lambda: source.read(1 << 16), b""):
                            target.write(chunk)
                except FileNotFoundError:
                    continue
                names.append(path)
            data["parts"][provider.key]["files"] = names
        archive.writestr(
            "data.json",
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        with translation.override(language):
            summary = render_to_string(
                "lms/privacy/export_summary.html",
                {
                    "person": user,
                    "made_at": made_at,
                    "parts": [
                        {
                            "provider": provider,
                            "records": [readable(r) for r in records],
                            "files": data["parts"][provider.key]["files"],
                        }
                        for provider, records in parts
                    ],
                    "LANGUAGE_CODE": language,
                    "LANGUAGE_BIDI": translation.get_language_bidi(),
                },
            )
        archive.writestr("index.html", summary)
    return {provider.key: len(records) for provider, records in parts}


# --- Erasure -----------------------------------------------------------------


def erase(user, *, include_diplomas: bool = False, by=None) -> dict:
    """Erase what the registry holds about ``user``; returns records touched
    per part and the files removed. Running it twice is harmless."""
    erasure = Erasure(user=user, include_diplomas=include_diplomas, by=by)
    counts = {}
    with transaction.atomic():
        # The account goes last: the others find her records through it.
        for provider in sorted(providers(), key=lambda p: p.key == "account"):
            counts[provider.key] = provider.erase(user, erasure) or 0
        files = list(dict.fromkeys(erasure.files))
        transaction.on_commit(lambda: delete_stored(files))
    return {"records": counts, "files": len(files)}


# --- The readable summary ------------------------------------------------------

# Labels of the fields the summary shows; the rest (keys, raw statements) is
# in data.json only.
LABELS = {
    "username": _("User name"),
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "email": _("E-mail"),
    "phone": _("Phone"),
    "language": _("Language"),
    "groups": _("Roles"),
    "date_joined": _("Account made"),
    "last_login": _("Last signed in"),
    "cohort_name": _("Group"),
    "cohort_chapter_name": _("Chapter"),
    "coordinator_of_chapter": _("Coordinator of the chapter"),
    "role": _("Role"),
    "status": _("Status"),
    "enrolled_on": _("Enrolled on"),
    "screening_notes": _("Notes from the first meeting"),
    "session_cohort_name": _("Group"),
    "session_module_title": _("Module"),
    "session_starts_at": _("Evening"),
    "prompt_text": _("Question"),
    "text": _("Text"),
    "audio": _("Recording"),
    "shared_at": _("Shared"),
    "draft_text": _("Draft"),
    "draft_files": _("Files in the draft"),
    "versions": _("Versions handed in"),
    "number": _("Number"),
    "files": _("Files"),
    "feedback": _("Feedback"),
    "decision": _("Decision"),
    "by": _("By"),
    "percent": _("Result (%)"),
    "passed": _("Passed"),
    "answers": _("Answers"),
    "correct": _("Correct"),
    "score_raw": _("Score"),
    "score_max": _("Highest possible score"),
    "reason": _("Reason"),
    "requirement": _("Requirement"),
    "code": _("Verification code"),
    "holder_name": _("Name"),
    "course_title": _("Course"),
    "chapter_name": _("Chapter"),
    "message": _("Message"),
    "title": _("Title"),
    "description": _("Description"),
    "file_name": _("File"),
    "url": _("Link"),
    "ip_address": _("Internet address"),
    "user_agent": _("Browser"),
    "signed_in_sessions": _("Browsers signed in now"),
    "action": _("Change"),
    "label": _("What"),
    "created_at": _("Made"),
    "started_at": _("Started"),
    "ended_at": _("Finished"),
    "completed_at": _("Finished"),
    "submitted_at": _("Handed in"),
    "released_at": _("Released"),
    "reviewed_at": _("Marked as reviewed"),
    "opened_at": _("First opened"),
    "last_seen_at": _("Last read"),
    "applied_at": _("Applied"),
    "decided_at": _("Decided"),
    "issued_at": _("Issued"),
    "revoked_at": _("Revoked"),
    "granted_at": _("Granted"),
    "sent_at": _("Sent"),
    "used_at": _("Used"),
    "expires_at": _("Expires"),
    "requested_at": _("Requested"),
    "confirmed_at": _("Confirmed"),
    "attempt_time": _("When"),
    "timestamp": _("When"),
    "changed_at": _("Changed"),
    "starts_at": _("Evening"),
    "module_title": _("Module"),
    "briefing_session_cohort_name": _("Group"),
}


class Nested(list):
    """Records inside a record (the versions of a homework, a sitting's
    answers): the summary shows them indented."""

    nested = True


def readable(record) -> list:
    """[(label, value)] of a record's labelled fields, nested records as
    lists of the same; empty values left out."""
    out = []
    for key, value in record.items():
        label = LABELS.get(key)
        if label is None or value in (None, "", [], {}):
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = Nested(readable(item) for item in value)
        elif isinstance(value, dict):
            value = Nested([readable(value)])
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.append((label, value))
    return out


# --- Requests: copies and erasures ---------------------------------------------

EXPORT_FILE_NAME = "my-data-{date}.zip"


def request_export(*, user, by) -> DataExport:
    """Ask for a copy of `user`'s data (by herself, or by staff for her):
    made in the background once this commits (lms.events)."""
    from lms import events

    with transaction.atomic():
        export = DataExport.objects.create(user=user, requested_by=by)
        events.data_export_requested.send(sender=DataExport, export=export)
    return export


def make_export(export_id: int) -> DataExport | None:
    """Write the zip of a requested copy to private storage; it can be
    downloaded until ``expires_at``. A failure is recorded, never raised
    into the queue (she is told and may ask again)."""
    from lms.conf import lms_settings

    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.ready_at or export.failed:
        return export
    try:
        with tempfile.TemporaryFile() as spool:
            write_export(export.user, spool)
            size = spool.tell()
            spool.seek(0)
            name = EXPORT_FILE_NAME.format(date=timezone.localdate().isoformat())
            export.file.save(name, File(spool), save=False)
    except Exception:
        logger.exception("Could not make the copy of data %s", export.pk)
        export.failed = True
        export.save(update_fields=["failed"])
        return export
    export.size = size
    export.ready_at = timezone.now()
    export.expires_at = export.ready_at + datetime.timedelta(
        days=lms_settings.LMS_DATA_EXPORT_DAYS
    )
    export.save(update_fields=["file", "size", "ready_at", "expires_at"])
    return export


def ask_erasure(*, user, include_diplomas: bool = False) -> ErasureRequest:
    """Her wish to be erased, waiting for her coordinator. Asking again
    while one waits updates it rather than making a second."""
    with transaction.atomic():
        waiting = (
            ErasureRequest.objects.select_for_update()
            .filter(user=user, confirmed_at__isnull=True, cancelled_at__isnull=True)
            .first()
        )
        if waiting is not None:
            if waiting.include_diplomas != include_diplomas:
                waiting.include_diplomas = include_diplomas
                waiting.save(update_fields=["include_diplomas"])
            return waiting
        return ErasureRequest.objects.create(
            user=user, requested_by=user, include_diplomas=include_diplomas
        )


def cancel_erasure(*, erasure_request: ErasureRequest) -> ErasureRequest:
    with transaction.atomic():
        locked = ErasureRequest.objects.select_for_update().get(pk=erasure_request.pk)
        if locked.is_open:
            locked.cancelled_at = timezone.now()
            locked.save(update_fields=["cancelled_at"])
        return locked


class ErasureClosed(Exception):
    """The request was already carried out or withdrawn."""


def confirm_erasure(*, erasure_request: ErasureRequest, by) -> ErasureRecord:
    """Her coordinator confirms: erase now, and record that it was done
    (numbers only). A request confirmed twice at once erases once."""
    with transaction.atomic():
        locked = ErasureRequest.objects.select_for_update().get(pk=erasure_request.pk)
        if not locked.is_open:
            raise ErasureClosed
        result = erase(locked.user, include_diplomas=locked.include_diplomas, by=by)
        locked.confirmed_at = timezone.now()
        locked.confirmed_by = by
        locked.save(update_fields=["confirmed_at", "confirmed_by"])
        return ErasureRecord.objects.create(
            erased_by=by,
            included_diplomas=locked.include_diplomas,
            counts=result["records"],
            files_removed=result["files"],
        )
