"""The demo's interactive exercises (issue 13): a true/false and a
multiple-choice exercise from the real packages in tests/fixtures/h5p/,
placed in a held module of the Alna cohort's course, with results by some
of its trainees (through lms.h5p.xapi, as the player would have sent them).

Call ``build_h5p_demo(module=..., enrollments=..., log=...)`` from the Alna
cohort's build once its sessions are planned (``module``: a module whose
session is held; ``enrollments``: {username: Enrollment}). Idempotent: the
exercises have stable translation keys, a module keeps one block per
exercise, and a trainee who has an attempt already is left alone.

A YAML lesson can also place them: a body block ``{type: h5p, h5p: solbaer}``
whose value is :func:`activity_pk` (after :func:`ensure_activities`).
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files import File
from wagtail.models import Locale, Page

from lms.choices import H5PGrading
from lms.h5p import xapi
from lms.h5p.activities import apply_package
from lms.models import H5PActivity, H5PAttempt

ID_NAMESPACE = uuid.UUID("1b7c3f8e-2d54-4a8b-9c61-5e0f4a2b7d93")
PACKAGES = Path(settings.BASE_DIR) / "tests" / "fixtures" / "h5p"

#: slug: (package file, title in Norwegian, grading method)
ACTIVITIES = {
    "sant-eller-usant": ("truefalse.h5p", "Sant eller usant?", H5PGrading.HIGHEST),
    "solbaer": ("multichoice.h5p", "Hvilken farge har solbær?", H5PGrading.HIGHEST),
}

#: username: {slug: [scores of her finished attempts, out of 1]}. `trainee`
#: herself has none: she tries them in the demo.
RESULTS = {
    "trainee2": {"sant-eller-usant": [0, 1], "solbaer": [1]},
    "trainee3": {"sant-eller-usant": [1], "solbaer": [0]},
    "trainee4": {"solbaer": [1]},
}


def translation_key(slug: str) -> uuid.UUID:
    return uuid.uuid5(ID_NAMESPACE, f"h5p/{slug}")


def ensure_activities(*, log=print) -> dict:
    """{slug: H5PActivity} in the programme language, uploaded once."""
    locale = Locale.get_default()
    found = {}
    for slug, (package, title, grading) in ACTIVITIES.items():
        activity = H5PActivity.objects.filter(
            translation_key=translation_key(slug), locale=locale
        ).first()
        if activity is None:
            activity = H5PActivity(
                translation_key=translation_key(slug),
                locale=locale,
                title=title,
                grading_method=grading,
            )
            with (PACKAGES / package).open("rb") as handle:
                apply_package(activity, File(handle, name=package))
            activity.save()
            log(f"  uploaded interactive exercise {title!r} ({package})")
        found[slug] = activity
    return found


def activity_pk(slug: str, language: str | None = None) -> int:
    """The pk an ``h5p`` block of a demo lesson chooses (every language's
    copy of the lesson plays the Norwegian exercise)."""
    return ensure_activities(log=lambda message: None)[slug].pk


def place_in_module(module: Page, activities, *, log=print) -> None:
    """Add an H5P block per exercise to every live copy of `module` that
    does not have it yet, and publish."""
    for copy in Page.objects.filter(translation_key=module.translation_key).live():
        page = copy.specific
        raw = list(page.body.raw_data)
        there = {b.get("value") for b in raw if b.get("type") == "h5p"}
        missing = [a for a in activities if a.pk not in there]
        if not missing:
            continue
        page.body = raw + [
            {
                "type": "h5p",
                "value": activity.pk,
                "id": str(uuid.uuid5(ID_NAMESPACE, f"block/{activity.pk}")),
            }
            for activity in missing
        ]
        page.save_revision().publish()
        log(f"  placed {len(missing)} interactive exercise(s) in {page.title!r}")


def _answer(user, activity, score):
    iri = xapi.activity_iri(activity)
    for verb, result in (
        ("attempted", None),
        ("answered", {"score": {"raw": score, "max": 1, "min": 0}}),
    ):
        data = {"verb": {"id": xapi.ADL + verb}, "object": {"id": iri}}
        if result is not None:
            data["result"] = {**result, "success": score == 1, "completion": True}
        xapi.record_statement(user=user, activity=activity, data=data, object_iri=iri)


def record_results(activities: dict, enrollments: dict, *, log=print) -> None:
    for username, by_slug in RESULTS.items():
        enrollment = enrollments.get(username)
        if enrollment is None:
            continue
        user = enrollment.user
        for slug, scores in by_slug.items():
            activity = activities[slug]
            if H5PAttempt.objects.filter(
                user=user, activity_key=activity.translation_key
            ).exists():
                continue
            for score in scores:
                _answer(user, activity, score)
            log(f"  {username} did {activity.title!r} {len(scores)} time(s)")


def build_h5p_demo(*, module: Page, enrollments: dict, log=print) -> dict:
    activities = ensure_activities(log=log)
    place_in_module(module, list(activities.values()), log=log)
    record_results(activities, enrollments, log=log)
    return activities


def measure_upload(path: Path | None = None) -> dict:
    """Seconds to check and to extract the largest fixture (for the bench):
    the same calls an upload makes, into a throwaway folder."""
    import tempfile
    import time

    from django.core.files.storage import FileSystemStorage

    from lms.h5p.packages import check_package, store_package

    path = path or PACKAGES / "interactive-video.h5p"
    with tempfile.TemporaryDirectory() as folder, path.open("rb") as handle:
        upload = File(handle, name=path.name)
        started = time.perf_counter()
        info = check_package(upload)
        checked = time.perf_counter()
        store_package(upload, storage=FileSystemStorage(location=folder), info=info)
        stored = time.perf_counter()
    return {
        "package": path.name,
        "bytes": info.size,
        "files": len(info.members),
        "check_seconds": checked - started,
        "store_seconds": stored - checked,
    }
