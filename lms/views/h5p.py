"""Interactive exercises (H5P): the exercise's page, the sandboxed player,
its content files, the statements and saved state the player sends, and the
staff's results per cohort.

Who may do what is in :mod:`lms.permissions.h5p`; statements and state are
checked and stored by :mod:`lms.h5p.xapi`; how the player is sandboxed is
explained in :mod:`lms.h5p.player`. Anyone who may not see an exercise gets
404, as if it did not exist.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST, require_safe

from lms import permissions
from lms.h5p import player, xapi
from lms.models import Cohort, H5PActivity
from lms.models.storage import private_storage
from lms.ui import h5p as ui

# Long enough for the largest statement or state, with the JSON around it.
_ENVELOPE = 4 * 1024


def _activity_to_play(user, pk) -> H5PActivity:
    activity = H5PActivity.objects.select_related("locale").filter(pk=pk).first()
    if activity is None or not permissions.user_can_play_h5p(user, activity):
        raise Http404
    return activity


def _refused(message, status, **extra):
    return JsonResponse({"error": str(message), **extra}, status=status)


@require_GET
@never_cache
@login_required
def exercise(request, pk):
    """An exercise on a page of its own (a lecturer's material, an editor
    checking an upload)."""
    activity = _activity_to_play(request.user, pk)
    return render(
        request, "lms/h5p/exercise.html", ui.exercise_context(request, activity)
    )


@require_GET
@xframe_options_sameorigin
def player_page(request, pk):
    """The player, framed by a page of the site and sandboxed (its CSP)."""
    if not request.user.is_authenticated:
        raise Http404
    activity = _activity_to_play(request.user, pk)
    if not player.is_stored(activity.package_hash):
        raise Http404
    track = permissions.user_can_track_h5p(request.user, activity)
    response = render(
        request,
        "lms/h5p/player.html",
        ui.player_page_context(request, activity, track=track),
    )
    origin = f"{request.scheme}://{request.get_host()}"
    response["Content-Security-Policy"] = player.player_security_policy(
        origin, _media_sources()
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _media_sources():
    """Other origins the site's media come from (an S3 bucket's host)."""
    return list(getattr(settings, "CSP_MEDIA_SOURCES", None) or [])


@require_safe
@xframe_options_sameorigin
def content_file(request, token, member):
    """One file of a stored package, to the holder of a valid token.

    The token (made by the permission-checked player page) names the user
    and the package; a signed-in visitor with someone else's token, a wrong
    or expired token, or a file the package does not hold all get 404.
    """
    opened = player.read_content_token(token)
    if opened is None:
        raise Http404
    package_hash, user_pk = opened
    if request.user.is_authenticated and request.user.pk != user_pk:
        raise Http404
    name = player.member_name(package_hash, member)
    if name is None:
        raise Http404
    try:
        handle = private_storage().open(name, "rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, content_type=player.content_type(member))
    response["Cache-Control"] = "private, max-age=31536000, immutable"
    response["Content-Security-Policy"] = player.CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    # The sandboxed player has an opaque origin: it may read these files
    # (h5p.json, content.json, fonts), which hold nothing of hers.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _json_body(request, limit):
    """The request's JSON object, or a refusal (a JsonResponse)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        return None, _refused(
            _("The exercise sent too much at once to store."), status=413
        )
    raw = request.read(limit + 1)
    if len(raw) > limit:
        return None, _refused(
            _("The exercise sent too much at once to store."), status=413
        )
    try:
        data = json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError):
        return None, _refused(
            _("The exercise sent something the site cannot read."), status=400
        )
    if not isinstance(data, dict):
        return None, _refused(
            _("The exercise sent something the site cannot read."), status=400
        )
    return data, None


def _tracked_activity(request, pk):
    """The exercise she posts to, or a refusal (a JsonResponse)."""
    if not request.user.is_authenticated:
        return None, JsonResponse(
            {
                "status": "signed_out",
                "error": _(
                    "You are signed out. Sign in again so your answers are saved."
                ),
                "login_url": reverse("lms:login"),
            },
            status=403,
        )
    activity = H5PActivity.objects.filter(pk=pk).first()
    if activity is None or not permissions.user_can_play_h5p(request.user, activity):
        return None, _refused(_("There is no such exercise."), status=404)
    if not permissions.user_can_track_h5p(request.user, activity):
        return None, _refused(
            _("Only trainees of the course have their answers saved."), status=403
        )
    return activity, None


@require_POST
def statements(request, pk):
    """Store one xAPI statement the player sent (CSRF-checked, as her)."""
    activity, refusal = _tracked_activity(request, pk)
    if refusal:
        return refusal
    data, refusal = _json_body(request, xapi.MAX_STATEMENT_BYTES + _ENVELOPE)
    if refusal:
        return refusal
    try:
        stored = xapi.record_statement(
            user=request.user,
            activity=activity,
            data=data.get("statement"),
            object_iri=xapi.activity_iri(activity),
        )
    except xapi.StatementRefused as refused:
        return _refused(refused.message, status=refused.status, code=refused.code)
    attempt = stored.attempt
    answer = {"stored": stored.pk, "attempt": attempt.pk if attempt else None}
    if attempt is not None and attempt.completed_at and stored.top_level:
        result = xapi.best_results(request.user, [activity.translation_key])[
            activity.translation_key
        ]
        answer["completed"] = True
        answer["message"] = ui.result_sentence(result)
    return JsonResponse(answer, status=201)


@require_POST
def state(request, pk):
    """Keep (or forget) the player's state for her."""
    activity, refusal = _tracked_activity(request, pk)
    if refusal:
        return refusal
    data, refusal = _json_body(request, xapi.MAX_STATE_BYTES + _ENVELOPE)
    if refusal:
        return refusal
    try:
        xapi.save_state(
            user=request.user,
            activity=activity,
            state=data.get("state"),
            data_type=data.get("dataType") or "state",
            sub_content_id=data.get("subContentId", "0"),
        )
    except xapi.StatementRefused as refused:
        return _refused(refused.message, status=refused.status, code=refused.code)
    return JsonResponse({"saved": True})


@require_GET
@never_cache
@login_required
def cohort_results(request, cohort_id):
    """Each trainee's counted result per exercise, for the cohort's staff."""
    cohort = get_object_or_404(
        Cohort.objects.select_related("course", "chapter"), pk=cohort_id
    )
    if not permissions.user_can_follow_cohort(request.user, cohort):
        raise Http404
    return render(
        request,
        "lms/h5p/results.html",
        {"cohort": cohort, **ui.cohort_results(cohort)},
    )


urlpatterns = [
    path("h5p/<int:pk>/", exercise, name="h5p_exercise"),
    path("h5p/<int:pk>/player/", player_page, name="h5p_player"),
    path("h5p/<int:pk>/statements/", statements, name="h5p_statements"),
    path("h5p/<int:pk>/state/", state, name="h5p_state"),
    path("h5p/files/<str:token>/<path:member>", content_file, name="h5p_file"),
    path(
        "staff/cohorts/<int:cohort_id>/exercises/",
        cohort_results,
        name="h5p_results",
    ),
]
