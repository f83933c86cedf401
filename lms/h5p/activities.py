"""Exercises made from uploads, and where the curriculum places them.

:func:`apply_package` is the one way an upload becomes (part of) an
``H5PActivity``: the admin's form, the ``import_h5p`` command and a
lecturer's material all call it, so they check and store alike. It checks the
package first (:func:`lms.h5p.packages.check_package`: nothing is written for
a refused one), stores its files once per content hash, and fills the
exercise's package fields. Replacing the package of an existing exercise
keeps every result: attempts point at the exercise's ``translation_key``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, ReferenceIndex

from lms.h5p.packages import (
    Limits,
    PackageInfo,
    PackageRefused,
    check_package,
    store_package,
)
from lms.models import H5PActivity
from lms.models.storage import private_storage

__all__ = [
    "PackageRefused",
    "activities_in_modules",
    "apply_package",
    "content_language",
    "create_activity",
]

_TITLE_MAX = H5PActivity._meta.get_field("title").max_length
_NAME_MAX = H5PActivity._meta.get_field("package_name").max_length
_LANGUAGE_MAX = H5PActivity._meta.get_field("content_language").max_length


@dataclass(frozen=True)
class Applied:
    """What :func:`apply_package` did."""

    info: PackageInfo
    #: False when the same package was stored already (nothing written).
    stored_now: bool


def _upload_name(upload) -> str:
    name = posixpath.basename(str(getattr(upload, "name", "") or "").replace("\\", "/"))
    return name[:_NAME_MAX]


def _language(info: PackageInfo) -> str:
    code = (info.language or "").strip()
    if not code or code.lower() == "und":
        return ""
    return code[:_LANGUAGE_MAX]


def _locale_code(activity: H5PActivity) -> str:
    try:
        locale = activity.locale
    except Locale.DoesNotExist:
        return ""
    return (locale.language_code if locale else "")[:_LANGUAGE_MAX]


def apply_package(
    activity: H5PActivity,
    upload,
    *,
    info: PackageInfo | None = None,
    limits: Limits | None = None,
    storage=None,
) -> Applied:
    """Check `upload` and store it as `activity`'s package (not saved).

    Raises :class:`PackageRefused` (translated ``message``) for a package the
    site does not take; nothing is stored then. An empty title takes the
    package's own. `info` is what :func:`check_package` said of this same
    upload, if the caller has checked it already.
    """
    if info is None:
        info = check_package(upload, limits=limits)
    stored = store_package(
        upload, storage=storage or private_storage(), info=info, limits=limits
    )
    activity.package_hash = info.sha256
    activity.package_name = _upload_name(upload)
    activity.main_library = str(info.main_library)[:100]
    # A package that does not say ("und") is in the language of the copy it
    # was uploaded for; a translation made later keeps that language until
    # a package of its own replaces it.
    activity.content_language = _language(info) or _locale_code(activity)
    if not (activity.title or "").strip():
        activity.title = info.title[:_TITLE_MAX]
    return Applied(info=info, stored_now=stored.created)


def create_activity(
    upload,
    *,
    title: str = "",
    locale: Locale | None = None,
    by=None,
    grading_method: str | None = None,
    required: bool | None = None,
) -> H5PActivity:
    """A new exercise from an upload, in `locale` (default: the programme's)."""
    activity = H5PActivity(
        title=(title or "").strip()[:_TITLE_MAX],
        locale=locale or Locale.get_default(),
        uploaded_by=by,
    )
    if grading_method:
        activity.grading_method = grading_method
    if required is not None:
        activity.required = required
    apply_package(activity, upload)
    with transaction.atomic():
        activity.save()
    return activity


def content_language(activity: H5PActivity) -> str:
    """The language the exercise's text is in: the package's own if it says,
    else its locale's."""
    if activity.content_language:
        return activity.content_language
    locale = getattr(activity, "locale", None)
    return locale.language_code if locale is not None else settings.LANGUAGE_CODE


def activities_in_modules(module_keys) -> dict:
    """{module key: [H5PActivity, ...]} placed in those modules' lessons.

    The programme language's copy of each module where there is one (else
    any copy), as Wagtail's reference index records what a page's blocks
    choose. Three queries for any number of modules.
    """
    keys = set(module_keys)
    if not keys:
        return {}
    pages = {
        str(pk): (key, code)
        for pk, key, code in Page.objects.live()
        .filter(translation_key__in=keys)
        .values_list("pk", "translation_key", "locale__language_code")
    }
    refs = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=list(pages),
        to_content_type=ContentType.objects.get_for_model(H5PActivity),
    ).values_list("object_id", "to_object_id")
    by_page: dict[str, list[str]] = {}
    for page_pk, activity_pk in refs:
        if activity_pk not in by_page.setdefault(page_pk, []):
            by_page[page_pk].append(activity_pk)
    wanted = {int(a) for ids in by_page.values() for a in ids if str(a).isdigit()}
    activities = {
        str(a.pk): a
        for a in H5PActivity.objects.filter(pk__in=wanted).select_related("locale")
    }
    source = settings.LANGUAGE_CODE
    chosen: dict = {}
    for page_pk, activity_pks in by_page.items():
        module_key, code = pages[page_pk]
        rank = 0 if code == source else 1
        found = [activities[a] for a in activity_pks if a in activities]
        current = chosen.get(module_key)
        if current is None or rank < current[0]:
            chosen[module_key] = (rank, found)
    return {key: found for key, (_rank, found) in chosen.items()}
