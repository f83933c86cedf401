"""Material a lecturer brings to a session: files and links for the cohort's
trainees, and copying a session's material to another cohort.

Services here are the only code that writes ``Material`` rows. They check the
input (a title, a known language, a file whose *content* is an accepted type
and not too large, a link that is really a web address) and raise
:class:`MaterialError` with a translated message she can act on; who may add,
see or remove material is decided in :mod:`lms.permissions` and checked by the
views. Files go through Django's storage API (private storage), never a local
path, so any worker or an S3 bucket serves them alike.

How a kind is shown lives in one place, :data:`KINDS`: an "interactive
exercise" kind (the H5P issue) adds a choice, its field on ``Material`` and an
entry there; lists, permissions and copying stay as they are.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from lms import files, permissions
from lms.choices import MaterialKind, MaterialVisibility
from lms.conf import lms_settings
from lms.h5p.activities import apply_package
from lms.h5p.packages import PackageRefused, check_package
from lms.models import H5PActivity, Material, Session

TITLE_MAX_CHARS = 200
DESCRIPTION_MAX_CHARS = 1000
URL_MAX_CHARS = 1000
LINK_SCHEMES = ("http", "https")


def max_bytes() -> int:
    return lms_settings.LMS_MATERIAL_MAX_BYTES


class MaterialError(Exception):
    """Input a lecturer can fix; ``message`` is translated and shown to her."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- kinds: how each is shown --------------------------------------------------


def file_type_of(material: Material) -> files.FileType | None:
    return files.BY_CONTENT_TYPE.get(material.content_type)


def link_host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _file_url(material: Material) -> str:
    return reverse("lms:material_file", kwargs={"pk": material.pk})


def _file_facts(material: Material) -> str:
    """ "PDF, 350 KB": what she will download, before she taps."""
    file_type = file_type_of(material)
    label = file_type.label if file_type else _("File")
    if material.size:
        return f"{label}, {files.human_size(material.size)}"
    return label


def _file_icon(material: Material) -> str:
    file_type = file_type_of(material)
    if file_type is not None:
        if file_type.video:
            return "🎬"
        if file_type.audio:
            return "🎧"
        if file_type.image:
            return "🖼"
    return "📄"


def _nothing(material: Material) -> str:
    return ""


def _exercise_url(material: Material) -> str:
    return reverse("lms:h5p_exercise", kwargs={"pk": material.activity_id})


@dataclass(frozen=True)
class Kind:
    """How lists show one kind of material, and where tapping it leads."""

    template: str  # one item's "open" link and facts
    label: object  # lazily translated, for people
    open_url: Callable[[Material], str] = _nothing
    facts: Callable[[Material], str] = _nothing  # "PDF, 350 KB", a host...
    icon: Callable[[Material], str] = lambda material: "•"  # aria-hidden


# Every kind-specific decision is here: the H5P issue adds its entry.
KINDS: dict[str, Kind] = {
    MaterialKind.FILE: Kind(
        "lms/materials/kinds/file.html",
        gettext_lazy("Document"),
        open_url=_file_url,
        facts=_file_facts,
        icon=_file_icon,
    ),
    MaterialKind.LINK: Kind(
        "lms/materials/kinds/link.html",
        gettext_lazy("Link"),
        open_url=lambda material: material.url,
        facts=lambda material: link_host(material.url),
        icon=lambda material: "🔗",
    ),
    MaterialKind.H5P: Kind(
        "lms/materials/kinds/h5p.html",
        gettext_lazy("Interactive exercise"),
        open_url=_exercise_url,
        facts=lambda material: _("Interactive exercise (H5P)"),
        icon=lambda material: "🧩",
    ),
}
UNKNOWN_KIND = Kind("lms/materials/kinds/unknown.html", gettext_lazy("Material"))


def kind_of(material: Material) -> Kind:
    return KINDS.get(material.kind, UNKNOWN_KIND)


def icon_of(material: Material) -> str:
    return kind_of(material).icon(material)


def type_label(material: Material) -> str:
    """ "PDF, 350 KB" for a file; the link's host for a link."""
    return kind_of(material).facts(material)


def open_url(material: Material) -> str:
    """Where tapping a material leads (a permission-checked view, a link)."""
    return kind_of(material).open_url(material)


def language_name(code: str) -> str:
    """The name of a material's language, as the site lists it ("" if none)."""
    return str(dict(settings.LANGUAGES).get(code, code or ""))


# --- checking what she typed ---------------------------------------------------


def clean_text(
    *, title, description, language, visibility
) -> tuple[str, str, str, str]:
    title = " ".join(str(title or "").split())
    description = str(description or "").strip()
    language = str(language or "").strip()
    visibility = str(visibility or "").strip()
    if not title:
        raise MaterialError(_("Please give the material a title."))
    if len(title) > TITLE_MAX_CHARS:
        raise MaterialError(
            _("The title is too long: at most %(max)s characters, please.")
            % {"max": TITLE_MAX_CHARS}
        )
    if len(description) > DESCRIPTION_MAX_CHARS:
        raise MaterialError(
            _("The description is too long: at most %(max)s characters, please.")
            % {"max": DESCRIPTION_MAX_CHARS}
        )
    if language and language not in dict(settings.LANGUAGES):
        raise MaterialError(_("Please choose a language from the list."))
    if visibility not in MaterialVisibility.values:
        raise MaterialError(_("Please choose when trainees see the material."))
    return title, description, language, visibility


def clean_url(url) -> str:
    """A web address (http or https, with a host), or MaterialError.

    Anything else is refused, however it is dressed: ``javascript:``,
    ``data:``, ``vbscript:``, relative addresses, and scheme tricks with
    spaces, tabs, newlines or other invisible characters inside.
    """
    refused = MaterialError(
        _(
            "This is not a web address we can link to. Please paste an address "
            "that begins with https:// (or http://)."
        )
    )
    url = str(url or "").strip()
    if not url:
        raise MaterialError(_("Please paste the address of the page."))
    if len(url) > URL_MAX_CHARS:
        raise MaterialError(
            _("The address is too long: at most %(max)s characters.")
            % {"max": URL_MAX_CHARS}
        )
    # No whitespace, control or format characters anywhere: browsers drop
    # some of them ("java\tscript:"), so what we check must be what they see.
    if any(
        ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
        for ch in url
    ):
        raise refused
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise refused from error
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        raise refused
    if "\\" in url:
        raise refused
    try:
        URLValidator(schemes=list(LINK_SCHEMES))(url)
    except ValidationError as error:
        raise refused from error
    return url


# --- writing -------------------------------------------------------------------


def _save_file(material: Material, upload, file_type: files.FileType) -> None:
    """Store `upload` in private storage and save the row; no orphan file is
    left behind if the row cannot be saved."""
    upload.seek(0)
    stored = files.store(material.file, f"material.{file_type.extension}", File(upload))
    storage = material.file.storage
    try:
        material.save()
    except Exception:
        storage.delete(stored)
        raise
    # Rolled back later (the caller's transaction)? Then nobody points at it;
    # a stray file in private storage harms no one, a missing one would.


@transaction.atomic
def add_file(
    *,
    session: Session,
    upload,
    title,
    description="",
    language="",
    visibility=MaterialVisibility.AFTER_SESSION,
    by,
) -> Material:
    """A file for a session's trainees, checked from its content."""
    title, description, language, visibility = clean_text(
        title=title,
        description=description,
        language=language,
        visibility=visibility,
    )
    if upload is None:
        raise MaterialError(_("Please choose a file."))
    try:
        file_type = files.check_upload(
            upload,
            allowed=files.MATERIAL,
            max_bytes=max_bytes(),
            sniffer=files.sniff_material,
        )
    except files.FileRefused as refused:
        raise MaterialError(refused.message) from refused
    name = files.safe_filename(getattr(upload, "name", ""), file_type)
    material = Material(
        session=session,
        kind=MaterialKind.FILE,
        title=title,
        description=description,
        language=language,
        visibility=visibility,
        file_name=name[:150],
        content_type=file_type.content_type,
        size=upload.size,
        added_by=by,
    )
    _save_file(material, upload, file_type)
    return material


@transaction.atomic
def add_link(
    *,
    session: Session,
    url,
    title,
    description="",
    language="",
    visibility=MaterialVisibility.AFTER_SESSION,
    by,
) -> Material:
    """A link to a web page or video for a session's trainees."""
    title, description, language, visibility = clean_text(
        title=title,
        description=description,
        language=language,
        visibility=visibility,
    )
    url = clean_url(url)
    return Material.objects.create(
        session=session,
        kind=MaterialKind.LINK,
        title=title,
        description=description,
        language=language,
        visibility=visibility,
        url=url,
        added_by=by,
    )


@transaction.atomic
def add_h5p(
    *,
    session: Session,
    upload,
    title,
    description="",
    language="",
    visibility=MaterialVisibility.AFTER_SESSION,
    by,
) -> Material:
    """An interactive exercise (an .h5p package) for a session's trainees,
    checked and stored as the admin's exercises are (lms.h5p.activities)."""
    if upload is None:
        raise MaterialError(_("Please choose a file."))
    try:
        info = check_package(upload)
    except PackageRefused as refused:
        raise MaterialError(refused.message) from refused
    title, description, language, visibility = clean_text(
        title=(title or "").strip() or info.title,
        description=description,
        language=language,
        visibility=visibility,
    )
    activity = H5PActivity(title=title, locale=Locale.get_default(), uploaded_by=by)
    apply_package(activity, upload, info=info)
    activity.save()
    return Material.objects.create(
        session=session,
        kind=MaterialKind.H5P,
        title=title,
        description=description,
        language=language or activity.content_language[:10],
        visibility=visibility,
        activity=activity,
        added_by=by,
    )


@transaction.atomic
def remove(*, material: Material) -> None:
    """Delete a material; its file leaves storage once the deletion is committed."""
    name = material.file.name if material.file else ""
    storage = material.file.storage
    material.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _same_material(a: Material, b: Material) -> bool:
    return (
        a.kind,
        a.title,
        a.url,
        a.file_name,
        a.size,
        a.content_type,
        a.activity_id,
    ) == (
        b.kind,
        b.title,
        b.url,
        b.file_name,
        b.size,
        b.content_type,
        b.activity_id,
    )


@transaction.atomic
def copy_materials(
    *, from_session: Session, to_session: Session, by, materials=None
) -> list[Material]:
    """Copy a session's material to the same module in another session (for
    another cohort): new rows, and new files written through the storage API,
    so removing one copy never takes the other's file. Material the target
    already has (same kind, title, file or link) is not copied twice.
    ``materials`` limits the copy to some of the session's material.
    """
    if from_session.pk == to_session.pk:
        raise MaterialError(_("Choose another session to copy to."))
    if from_session.module.translation_key != to_session.module.translation_key:
        raise MaterialError(
            _("Material can only be copied to a session of the same module.")
        )
    source = Material.objects.filter(session=from_session).order_by("created_at", "pk")
    if materials is not None:
        source = source.filter(pk__in=[getattr(m, "pk", m) for m in materials])
    existing = list(Material.objects.filter(session=to_session))
    copies = []
    for original in source:
        if any(_same_material(original, there) for there in existing):
            continue
        copy = Material(
            session=to_session,
            kind=original.kind,
            title=original.title,
            description=original.description,
            language=original.language,
            visibility=original.visibility,
            file_name=original.file_name,
            content_type=original.content_type,
            size=original.size,
            url=original.url,
            activity_id=original.activity_id,
            added_by=by,
        )
        if original.kind == MaterialKind.FILE and original.file:
            extension = posixpath.splitext(original.file.name)[1] or ".bin"
            with original.file.storage.open(original.file.name, "rb") as handle:
                stored = files.store(copy.file, f"material{extension}", File(handle))
            storage = copy.file.storage
            try:
                copy.save()
            except Exception:
                storage.delete(stored)
                raise
        else:
            copy.save()
        copies.append(copy)
        existing.append(copy)
    return copies


# --- reading -------------------------------------------------------------------


def materials_for_module(user, *, cohort_id, module_key):
    """The material of a cohort's session(s) of one module that `user` may
    see, in the order of the sessions and of adding. One query."""
    return (
        permissions.visible_materials(user)
        .filter(
            session__cohort_id=cohort_id, session__module__translation_key=module_key
        )
        .order_by("session__starts_at", "created_at", "pk")
    )


def session_materials(session: Session):
    """Everything of one session, for its lecturers and coordinators."""
    return (
        Material.objects.filter(session=session)
        .select_related("added_by")
        .order_by("created_at", "pk")
    )


def copy_targets(user, session: Session):
    """Sessions of the same module in other cohorts `user` manages."""
    return (
        Session.objects.filter(
            module__translation_key=session.module.translation_key,
            cohort__in=permissions.managed_cohorts(user),
        )
        .exclude(cohort_id=session.cohort_id)
        .select_related("cohort", "cohort__chapter", "module")
        .order_by("cohort__name", "starts_at")
    )
