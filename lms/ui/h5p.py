"""Interactive exercises as pages show them: the block on a module page, the
exercise's own page and the staff's table of results.

What a module page knows of her exercises (who she is to this course, her
results in every exercise on the page) is read once per request, whatever
the number of H5P blocks: :func:`h5p_on_page`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from lms import curriculum, permissions, progress
from lms.choices import H5PGrading
from lms.h5p import player, xapi
from lms.h5p.activities import activities_in_modules, content_language
from lms.models import Enrollment, H5PActivity

_MISSING = object()
_CACHE = "_lms_h5p_pages"


def language_and_direction(activity: H5PActivity) -> tuple[str, str]:
    """The exercise's language and writing direction, for lang/dir."""
    code = content_language(activity)
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        base = code.split("-", 1)[0].lower()
        bidi = base in {"ar", "fa", "he", "ur", "ps", "ku", "yi", "dv", "sd", "ug"}
    return code, "rtl" if bidi else "ltr"


@dataclass
class H5POnPage:
    """Who she is to the page's exercises, read once per request."""

    review: object  # lms.progress.ModuleReview or None
    can_play: bool
    track: bool
    results: dict | None = None
    rendered: set = field(default_factory=set)


def _page_activity_keys(page) -> set:
    """The exercises the page's lesson places (one query for all blocks)."""
    keys = set()
    for child in getattr(page.specific, "body", None) or ():
        value = getattr(child, "value", None)
        if isinstance(value, H5PActivity):
            keys.add(value.translation_key)
    return keys


def h5p_on_page(request, page, review=_MISSING) -> H5POnPage:
    """What the module page `page` knows of her and its exercises."""
    cache = getattr(request, _CACHE, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE, cache)
    if page.pk in cache:
        return cache[page.pk]
    user = request.user
    if review is _MISSING or (review is not None and not hasattr(review, "is_open")):
        review = progress.module_review_by_key(user, page.translation_key)
    if review is not None:
        state = H5POnPage(review=review, can_play=bool(review.is_open), track=True)
    else:
        course = curriculum.course_of(page)
        can_play = course is not None and permissions.user_can_play_h5p_in_course(
            user, course.translation_key
        )
        state = H5POnPage(review=None, can_play=can_play, track=False)
    cache[page.pk] = state
    return state


def results_on_page(request, page, state: H5POnPage) -> dict:
    if state.results is None:
        state.results = (
            xapi.best_results(request.user, _page_activity_keys(page))
            if state.track
            else {}
        )
    return state.results


def player_urls(activity: H5PActivity) -> dict:
    return {
        "player_url": reverse("lms:h5p_player", kwargs={"pk": activity.pk}),
        "statements_url": reverse("lms:h5p_statements", kwargs={"pk": activity.pk}),
        "state_url": reverse("lms:h5p_state", kwargs={"pk": activity.pk}),
    }


def block_context(context, activity: H5PActivity) -> dict:
    """The H5P block's template context (lms/h5p/block.html)."""
    if activity is None:
        return {"show": False}
    language, direction = language_and_direction(activity)
    base = {
        "show": True,
        "activity": activity,
        "anchor": f"h5p-{activity.translation_key}",
        "language": language,
        "direction": direction,
        "stored": bool(activity.package_hash),
    }
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return base  # a preview: the title only
    user = request.user
    if not user.is_authenticated:
        back = quote(f"{page.get_url(request) or request.path}#{base['anchor']}")
        return {**base, "login_url": f"{reverse('lms:login')}?next={back}"}
    state = h5p_on_page(request, page, context.get("module_review", _MISSING))
    if not state.can_play:
        if state.review is not None:
            return {**base, "closed": True}
        return {**base, "not_enrolled": True}
    first = not state.rendered
    state.rendered.add(activity.pk)
    result = None
    if state.track:
        result = results_on_page(request, page, state).get(activity.translation_key)
    return {
        **base,
        **player_urls(activity),
        "playable": base["stored"],
        "track": state.track,
        "result": result,
        "result_text": result_sentence(result),
        "include_assets": first,
        "csrf_token": context.get("csrf_token"),
    }


def exercise_context(request, activity: H5PActivity) -> dict:
    """The exercise's own page (a material, an editor's check)."""
    language, direction = language_and_direction(activity)
    track = permissions.user_can_track_h5p(request.user, activity)
    result = None
    if track:
        result = xapi.best_results(request.user, [activity.translation_key]).get(
            activity.translation_key
        )
    return {
        "show": True,
        "activity": activity,
        "anchor": f"h5p-{activity.translation_key}",
        "language": language,
        "direction": direction,
        "stored": bool(activity.package_hash),
        "playable": bool(activity.package_hash),
        "track": track,
        "result": result,
        "result_text": result_sentence(result),
        "include_assets": True,
        **player_urls(activity),
    }


def player_page_context(request, activity: H5PActivity, *, track: bool) -> dict:
    """The sandboxed player page's context: its options for h5p-standalone."""
    user = request.user
    token = player.content_token(user.pk, activity.package_hash)
    files_url = request.build_absolute_uri(
        reverse("lms:h5p_file", kwargs={"token": token, "member": "h5p.json"})
    ).removesuffix("/h5p.json")
    assets = {
        name: request.build_absolute_uri(url)
        for name, url in player.player_assets().items()
    }
    language, direction = language_and_direction(activity)
    options = player.player_options(
        content_id=f"lms-{activity.pk}",
        files_url=files_url,
        object_iri=xapi.activity_iri(activity),
        assets=assets,
        language=language,
        direction=direction,
        parent_origin=f"{request.scheme}://{request.get_host()}",
        states=xapi.saved_states(user, activity.translation_key) if track else {},
        track=track,
    )
    return {
        "activity": activity,
        "language": language,
        "direction": direction,
        "options": options,
        "main_js": assets["main"],
        "frame_css": assets["frame_css"],
        "player_js": request.build_absolute_uri(static("lms/h5p/player.js")),
        "sandbox_js": request.build_absolute_uri(static("lms/h5p/sandbox.js")),
        "player_css": request.build_absolute_uri(static("lms/h5p/player.css")),
    }


# --- staff: results per trainee ----------------------------------------------


def cohort_results(cohort) -> dict:
    """Every exercise of the cohort's course (module by module) and each
    learning trainee's counted result. A fixed number of queries."""
    modules = curriculum.modules_of_courses([cohort.course]).get(cohort.course.pk, [])
    by_module = activities_in_modules([m.translation_key for m in modules])
    titles = curriculum.titles_in_language([m.translation_key for m in modules])
    columns = []
    seen = set()
    for module in modules:
        for activity in by_module.get(module.translation_key, []):
            if activity.translation_key in seen:
                continue
            seen.add(activity.translation_key)
            columns.append(
                {
                    "activity": activity,
                    "module_title": titles.get(module.translation_key, module.title),
                }
            )
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort, status__in=permissions.LEARNING)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    )
    results = xapi.results_for(
        [e.user_id for e in enrollments],
        [c["activity"].translation_key for c in columns],
    )
    rows = [
        {
            "enrollment": enrollment,
            "trainee": enrollment.user,
            "cells": [
                results.get((enrollment.user_id, c["activity"].translation_key))
                for c in columns
            ],
        }
        for enrollment in enrollments
    ]
    return {"columns": columns, "rows": rows}


# --- words ------------------------------------------------------------------------


def _points(value: float) -> str:
    value = round(value, 1)
    return number_format(int(value) if float(value).is_integer() else value)


def result_sentence(result) -> str:
    """Her counted result in words ("Done. Your best result: 3 of 4 points.")."""
    if result is None or not result.completed:
        return ""
    done = ngettext(
        "Done (%(count)s attempt).", "Done (%(count)s attempts).", result.attempts
    ) % {"count": result.attempts}
    if result.grading_method == H5PGrading.NONE or result.scaled is None:
        return done
    if result.grading_method == H5PGrading.AVERAGE:
        return "{} {}".format(
            done,
            _("Your average result: %(percent)s %%.") % {"percent": result.percent},
        )
    wording = {
        H5PGrading.FIRST: _("Your first result: %(score)s of %(max)s points."),
        H5PGrading.LAST: _("Your latest result: %(score)s of %(max)s points."),
    }.get(
        result.grading_method,
        _("Your best result: %(score)s of %(max)s points."),
    )
    score = wording % {
        "score": _points(result.score_raw),
        "max": _points(result.score_max),
    }
    return f"{done} {score}"
