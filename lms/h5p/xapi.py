"""What trainees do in an exercise: xAPI statements, attempts, results, state.

The player (through the module page's script) posts each xAPI statement H5P
emits. :func:`record_statement` checks it (:func:`clean_statement`): a known
verb, an object that is this exercise or a part of it, sane scores, nothing
bigger than :data:`MAX_STATEMENT_BYTES`; the actor is always the signed-in
user, whatever the browser sent (a statement that names another of the
site's users is refused). Every statement is stored.

Attempts follow Moodle's mod_h5pactivity: an attempt starts with her first
statement and collects the ones after it (sub-questions of a set included);
the *top-level* result (``answered``/``completed``/``passed``/``failed`` of
the whole exercise, never of a sub-question) closes it with its score. Every
attempt is kept; the exercise's grading method decides which one counts
(:func:`best_results`): the highest (default), the average, the first, the
last, or none (done or not, no score).

The player's saved state ("continue where you left off") is kept per user
and exercise, up to :data:`MAX_STATE_BYTES`.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.choices import H5PGrading
from lms.models import H5PActivity, H5PAttempt, H5PUserState, XAPIStatement

#: Largest statement (its JSON) the site stores.
MAX_STATEMENT_BYTES = 64 * 1024
#: Largest saved state of one exercise.
MAX_STATE_BYTES = 256 * 1024
#: Saved states (data types x sub-contents) one user keeps per exercise.
MAX_STATES_PER_ACTIVITY = 20
#: A score's maximum may be at most this (no exercise has more points).
MAX_SCORE = 100_000

ADL = "http://adlnet.gov/expapi/verbs/"
#: The verbs H5P core emits (``H5P.XAPIEvent.allowedXAPIVerbs``).
VERBS = frozenset(
    ADL + verb
    for verb in (
        "answered asked attempted attended commented completed exited experienced "
        "failed imported initialized interacted launched mastered passed "
        "preferred progressed registered responded resumed scored shared "
        "suspended terminated voided downloaded copied accessed-reuse "
        "accessed-embed accessed-copyright"
    ).split()
)
#: Top-level verbs whose result closes an attempt.
RESULT_VERBS = frozenset(
    ADL + verb for verb in ("answered", "completed", "passed", "failed", "mastered")
)
_STATE_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,50}$")


class StatementRefused(Exception):
    """A statement (or state) the site does not store. ``code`` is stable;
    ``message`` is translated."""

    def __init__(self, code: str, message: str, *, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def _refuse(code: str, status: int = 400) -> StatementRefused:
    messages = {
        "not_json": _("The exercise sent something that is not a statement."),
        "too_large": _("The exercise sent a statement that is too large to store."),
        "verb": _("The exercise sent a statement with an unknown verb."),
        "object": _("The statement is about another exercise than this one."),
        "score": _(
            "The statement's score is not possible (below its minimum or above "
            "its maximum)."
        ),
        "result": _("The statement's result is not in a form the site can read."),
        "other_user": _("A statement can only be sent for yourself."),
        "state_invalid": _("The exercise's saved state is not in a form it can use."),
        "state_too_large": _(
            "The exercise's saved state is too large to keep; your answers are "
            "still counted."
        ),
        "too_many_states": _("The exercise tried to save too many states."),
    }
    return StatementRefused(code, messages[code], status=status)


# --- the activity's address --------------------------------------------------


def site_root() -> str:
    """The site's address, as the server's actor names it (homePage)."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://localhost"
    return base.rstrip("/") + "/"


def activity_iri(activity: H5PActivity) -> str:
    """The exercise's xAPI object id: the same in every language and for
    every package it has had, so her results stay one exercise's."""
    return f"{site_root()}xapi/activities/h5p/{activity.translation_key}"


def server_actor(user) -> dict:
    """The actor every stored statement carries: the signed-in user, named by
    her account on this site (no e-mail address is stored)."""
    return {
        "objectType": "Agent",
        "name": user.get_full_name() or user.get_username(),
        "account": {"homePage": site_root(), "name": str(user.pk)},
    }


# --- checking a statement ------------------------------------------------------


@dataclass(frozen=True)
class CleanStatement:
    statement: dict
    verb: str
    object_id: str
    top_level: bool
    score_raw: float | None
    score_max: float | None
    success: bool | None
    completion: bool | None

    @property
    def closes_attempt(self) -> bool:
        return (
            self.top_level
            and self.verb in RESULT_VERBS
            and (self.score_max is not None or self.completion is True)
        )


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _refuse("result")
    number = float(value)
    if not math.isfinite(number):
        raise _refuse("result")
    return number


def _flag(value) -> bool | None:
    if value is None:
        return None
    if not isinstance(value, bool):
        raise _refuse("result")
    return value


def _score(result: dict) -> tuple[float | None, float | None]:
    score = result.get("score")
    if score is None:
        return None, None
    if not isinstance(score, dict):
        raise _refuse("result")
    raw = _number(score["raw"]) if "raw" in score else None
    top = _number(score["max"]) if "max" in score else None
    low = _number(score["min"]) if "min" in score else 0.0
    scaled = _number(score["scaled"]) if "scaled" in score else None
    if scaled is not None and not -1.0 <= scaled <= 1.0:
        raise _refuse("score")
    if top is not None and not 0 <= top <= MAX_SCORE:
        raise _refuse("score")
    if raw is not None:
        if top is None or not min(low, 0.0) <= raw <= top:
            raise _refuse("score")  # above its maximum, or out of nothing
        return max(raw, 0.0), top  # H5P counts a negative total as nothing
    if scaled is not None:
        return max(scaled, 0.0), 1.0
    return None, None


def _names_another_user(actor, user) -> bool:
    """Whether the browser's actor says the statement is someone else's on
    this site (her own, a random H5P one or none are all fine)."""
    if not isinstance(actor, dict):
        return False
    account = actor.get("account")
    if isinstance(account, dict) and str(account.get("homePage", "")).rstrip(
        "/"
    ) == site_root().rstrip("/"):
        return str(account.get("name", "")) != str(user.pk)
    mbox = actor.get("mbox")
    if isinstance(mbox, str) and mbox.lower().startswith("mailto:"):
        email = mbox[len("mailto:") :].strip()
        if email and email.lower() != (user.email or "").lower():
            return (
                get_user_model()
                .objects.filter(email__iexact=email)
                .exclude(pk=user.pk)
                .exists()
            )
    return False


def clean_statement(data, *, user, object_iri: str) -> CleanStatement:
    """Check one statement from the browser; raise :class:`StatementRefused`.

    `object_iri` is the exercise's own address (the player's
    ``xAPIObjectIRI``): the statement's object must be it, or a part of it
    (``<iri>?subContentId=...``).
    """
    if not isinstance(data, dict):
        raise _refuse("not_json")
    try:
        size = len(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except (TypeError, ValueError):
        raise _refuse("not_json") from None
    if size > MAX_STATEMENT_BYTES:
        raise _refuse("too_large", status=413)
    if _names_another_user(data.get("actor"), user):
        raise _refuse("other_user", status=403)

    verb = data.get("verb")
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    if verb_id not in VERBS:
        raise _refuse("verb")

    target = data.get("object")
    object_id = target.get("id") if isinstance(target, dict) else None
    if not isinstance(object_id, str) or len(object_id) > 1000:
        raise _refuse("object")
    if object_id == object_iri:
        part = False
    elif object_id.startswith(object_iri + "?subContentId="):
        part = True
    else:
        raise _refuse("object")

    context = data.get("context", {})
    if not isinstance(context, dict):
        raise _refuse("result")
    activities = context.get("contextActivities", {})
    parent = activities.get("parent") if isinstance(activities, dict) else None
    top_level = not part and not parent

    result = data.get("result", {})
    if result is None:
        result = {}
    if not isinstance(result, dict):
        raise _refuse("result")
    raw, top = _score(result)
    success = _flag(result.get("success"))
    completion = _flag(result.get("completion"))

    statement = dict(data)
    statement["actor"] = server_actor(user)
    statement["id"] = str(uuid.uuid4())
    statement["stored"] = timezone.now().isoformat()
    statement.pop("authority", None)
    return CleanStatement(
        statement=statement,
        verb=verb_id,
        object_id=object_id,
        top_level=top_level,
        score_raw=raw,
        score_max=top,
        success=success,
        completion=completion,
    )


# --- recording ------------------------------------------------------------------


def record_statement(
    *, user, activity: H5PActivity, data, object_iri: str
) -> XAPIStatement:
    """Check and store one statement of `user` in `activity`, building her
    attempts. The caller has checked she may be tracked in it."""
    clean = clean_statement(data, user=user, object_iri=object_iri)
    key = activity.translation_key
    with transaction.atomic():
        open_attempt = (
            H5PAttempt.objects.select_for_update()
            .filter(user=user, activity_key=key, completed_at__isnull=True)
            .order_by("-started_at", "-pk")
            .first()
        )
        if open_attempt is not None and open_attempt.package_hash not in (
            "",
            activity.package_hash,
        ):
            open_attempt = None  # the package was replaced: a new attempt
        if open_attempt is None:
            open_attempt = H5PAttempt.objects.create(
                user=user, activity_key=key, package_hash=activity.package_hash
            )
        stored = XAPIStatement.objects.create(
            user=user,
            activity_key=key,
            attempt=open_attempt,
            verb=clean.verb,
            object_id=clean.object_id,
            top_level=clean.top_level,
            score_raw=clean.score_raw,
            score_max=clean.score_max,
            success=clean.success,
            completion=clean.completion,
            statement=clean.statement,
        )
        if clean.closes_attempt:
            open_attempt.completed_at = timezone.now()
            open_attempt.score_raw = clean.score_raw
            open_attempt.score_max = clean.score_max
            open_attempt.success = clean.success
            open_attempt.save(
                update_fields=["completed_at", "score_raw", "score_max", "success"]
            )
    return stored


# --- results ----------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """How an exercise stands for one trainee, as its grading method counts."""

    activity_key: uuid.UUID
    grading_method: str
    #: Completed attempts (every one is kept).
    attempts: int = 0
    score_raw: float | None = None
    score_max: float | None = None
    success: bool | None = None

    @property
    def completed(self) -> bool:
        """She finished it at least once: what completion needs."""
        return self.attempts > 0

    @property
    def scaled(self) -> float | None:
        if self.score_raw is None or not self.score_max:
            return None
        return self.score_raw / self.score_max

    @property
    def percent(self) -> int | None:
        scaled = self.scaled
        return None if scaled is None else round(scaled * 100)


def grading_methods(activity_keys: Iterable) -> dict:
    """{activity key: grading method}, from the programme language's copy
    where there is one. One query."""
    chosen: dict = {}
    source = settings.LANGUAGE_CODE
    for key, method, code in H5PActivity.objects.filter(
        translation_key__in=set(activity_keys)
    ).values_list("translation_key", "grading_method", "locale__language_code"):
        rank = 0 if code == source else 1
        if key not in chosen or rank < chosen[key][0]:
            chosen[key] = (rank, method)
    return {key: method for key, (_rank, method) in chosen.items()}


def _counted(attempts: list[H5PAttempt], method: str, key) -> Result:
    if not attempts:
        return Result(activity_key=key, grading_method=method)
    base = {"activity_key": key, "grading_method": method, "attempts": len(attempts)}
    if method == H5PGrading.NONE:
        return Result(**base, success=any(a.success for a in attempts) or None)
    scored = [a for a in attempts if a.scaled is not None]
    if method == H5PGrading.AVERAGE:
        if not scored:
            return Result(**base)
        mean = sum(a.scaled for a in scored) / len(scored)
        return Result(**base, score_raw=mean, score_max=1.0)
    if method == H5PGrading.FIRST:
        chosen = attempts[0]
    elif method == H5PGrading.LAST:
        chosen = attempts[-1]
    else:  # highest, the default
        chosen = max(
            attempts,
            key=lambda a: (a.scaled if a.scaled is not None else -1, a.success is True),
        )
    return Result(
        **base,
        score_raw=chosen.score_raw,
        score_max=chosen.score_max,
        success=chosen.success,
    )


def results_for(user_ids: Iterable[int], activity_keys: Iterable) -> dict:
    """{(user id, activity key): Result} for every pair asked. Two queries,
    whatever the number of users, exercises or attempts."""
    user_ids = set(user_ids)
    keys = {uuid.UUID(str(key)) for key in activity_keys}
    if not user_ids or not keys:
        return {}
    methods = grading_methods(keys)
    by_pair: dict = {}
    for attempt in H5PAttempt.objects.filter(
        user_id__in=user_ids, activity_key__in=keys, completed_at__isnull=False
    ).order_by("completed_at", "pk"):
        by_pair.setdefault((attempt.user_id, attempt.activity_key), []).append(attempt)
    return {
        (user_id, key): _counted(
            by_pair.get((user_id, key), []),
            methods.get(key, H5PGrading.HIGHEST),
            key,
        )
        for user_id in user_ids
        for key in keys
    }


def best_results(user, activity_keys: Iterable) -> dict:
    """{activity key: Result} of `user`'s counted attempt in each exercise
    (for completion and progress). Two queries, for any number of exercises."""
    if user is None or not user.is_authenticated:
        return {}
    return {
        key: result
        for (_user, key), result in results_for([user.pk], activity_keys).items()
    }


# --- saved state --------------------------------------------------------------


def saved_states(user, activity_key) -> dict:
    """Her saved states as H5P core reads them from ``contentUserData``:
    ``{sub-content id: {data type: state JSON}}``. One query."""
    if user is None or not user.is_authenticated:
        return {}
    states: dict = {}
    for data_type, sub, state in H5PUserState.objects.filter(
        user=user, activity_key=activity_key
    ).values_list("data_type", "sub_content_id", "state"):
        states.setdefault(sub, {})[data_type] = state
    return states


def save_state(
    *, user, activity: H5PActivity, state, data_type="state", sub_content_id="0"
) -> H5PUserState | None:
    """Keep (or, with an empty `state`, forget) her state in `activity`."""
    data_type = str(data_type or "state")
    sub_content_id = str(sub_content_id if sub_content_id is not None else "0")
    if not _STATE_NAME.match(data_type) or not _STATE_NAME.match(sub_content_id):
        raise _refuse("state_invalid")
    key = activity.translation_key
    existing = H5PUserState.objects.filter(
        user=user, activity_key=key, data_type=data_type, sub_content_id=sub_content_id
    )
    if state in (None, "", "RESET"):
        existing.delete()
        return None
    if not isinstance(state, str):
        raise _refuse("state_invalid")
    if len(state.encode("utf-8")) > MAX_STATE_BYTES:
        raise _refuse("state_too_large", status=413)
    try:
        json.loads(state)
    except ValueError:
        raise _refuse("state_invalid") from None
    updated = existing.update(state=state, updated_at=timezone.now())
    if updated:
        return existing.first()
    count = H5PUserState.objects.filter(user=user, activity_key=key).count()
    if count >= MAX_STATES_PER_ACTIVITY:
        raise _refuse("too_many_states")
    try:
        with transaction.atomic():
            return H5PUserState.objects.create(
                user=user,
                activity_key=key,
                data_type=data_type,
                sub_content_id=sub_content_id,
                state=state,
            )
    except IntegrityError:  # another tab saved first
        existing.update(state=state, updated_at=timezone.now())
        return existing.first()
