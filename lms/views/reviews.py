"""Homework review, the supervisors' side: the queue and the review page.

- ``lms:review_queue`` lists the handed-in homework of her cohorts, oldest
  first, filterable by cohort, module, state and age, with counts per state;
- ``lms:review`` shows one submission's thread (every version with the
  feedback it got) and, to the cohort's supervisors, the review form: decide,
  write and/or record feedback, save a draft, release it, or release and open
  the next homework waiting.

The rules live in :mod:`lms.permissions` and the writing in
:mod:`lms.reviews`; this module only reads requests and renders. Both pages
make a fixed number of queries whatever the number of submissions, versions
or reviews.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lms import curriculum, files, permissions, reviews
from lms.choices import ReviewDecision
from lms.homework import assignments_by_key
from lms.models import Review, Submission
from lms.ui.quizzes import essays_waiting
from lms.views._http import int_or_none

# --- helpers -----------------------------------------------------------------


def _url(name: str, pk) -> str:
    """The address of a view another part of the site provides, or ""."""
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        return ""


def _first_name(user) -> str:
    return user.first_name or user.get_username()


# --- the queue -----------------------------------------------------------------

STATE_LABELS = {
    "": gettext_lazy("To review"),
    "waiting": gettext_lazy("Waiting for review"),
    "draft": gettext_lazy("Review draft saved"),
    "needs_revision": gettext_lazy("Needs revision"),
    "approved": gettext_lazy("Approved"),
}
AGE_CHOICES = (3, 7, 14, 30)
MAX_AGE_DAYS = 3650
FILTER_KEYS = ("cohort", "module", "state", "age")


@dataclass
class Filters:
    cohort_id: int | None = None
    module_key: str = ""
    state: str = ""
    age: int | None = None

    def params(self, **changes) -> dict:
        values = {
            "cohort": self.cohort_id or "",
            "module": self.module_key,
            "state": self.state,
            "age": self.age or "",
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value}

    def query(self, **changes) -> str:
        return urlencode(self.params(**changes))


def _uuid(value) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (TypeError, ValueError, AttributeError):
        return ""


def read_filters(data, *, cohort_ids=None, module_keys=None) -> Filters:
    """The queue filters in `data` (a QueryDict); unknown values are ignored."""
    cohort_id = int_or_none(data.get("cohort"), low=1)
    if cohort_ids is not None and cohort_id not in cohort_ids:
        cohort_id = None
    module_key = _uuid(data.get("module"))
    if module_keys is not None and module_key not in module_keys:
        module_key = ""
    state = data.get("state", "")
    if state not in reviews.QUEUE_STATES:
        state = ""
    return Filters(
        cohort_id=cohort_id,
        module_key=module_key,
        state=state,
        age=int_or_none(data.get("age"), low=1, high=MAX_AGE_DAYS),
    )


@require_GET
@login_required
def review_queue(request):
    """Her cohorts' homework waiting for a decision, oldest first."""
    user = request.user
    cohorts = list(
        permissions.supervised_cohorts(user)
        .select_related("chapter")
        .order_by("name", "pk")
    )
    if not cohorts:
        raise PermissionDenied
    language = get_language()
    module_keys = {
        str(key)
        for key in permissions.reviewable_submissions(user)
        .order_by()
        .values_list("module_key", flat=True)
        .distinct()
    }
    pages = {
        str(key): page
        for key, page in curriculum.pages_in_language(module_keys, language).items()
    }
    modules = sorted(
        ((key, page.title, page.path) for key, page in pages.items()),
        key=lambda item: (item[2], item[1]),
    )
    filters = read_filters(
        request.GET,
        cohort_ids={cohort.pk for cohort in cohorts},
        module_keys=module_keys,
    )
    queue = reviews.review_queue(
        user,
        cohort_id=filters.cohort_id,
        module_key=filters.module_key or None,
        state=filters.state,
        older_than_days=filters.age,
    )
    assignments = assignments_by_key(
        [s.assignment_key for s in queue.submissions], language
    )
    review_query = filters.query()
    rows = []
    for submission in queue.submissions:
        assignment = assignments.get(submission.assignment_key)
        page = pages.get(str(submission.module_key))
        rows.append(
            {
                "submission": submission,
                "trainee": _first_name(submission.enrollment.user),
                "assignment": assignment.title if assignment else _("Homework"),
                "module": page.title if page else _("A module no longer online"),
                "cohort": submission.enrollment.cohort,
                "version": submission.latest_version,
                "draft": submission.has_draft_review,
                "url": reverse("lms:review", kwargs={"pk": submission.pk})
                + (f"?{review_query}" if review_query else ""),
            }
        )
    to_review = queue.counts["waiting"] + queue.counts["draft"]
    state_links = [
        {
            "state": state,
            "label": STATE_LABELS[state],
            "count": to_review if state == "" else queue.counts[state],
            "url": "?" + filters.query(state=state),
            "current": state == filters.state,
        }
        for state in ("", *reviews.QUEUE_STATES)
    ]
    return render(
        request,
        "lms/review/queue.html",
        {
            "rows": rows,
            "queue": queue,
            "filters": filters,
            "cohorts": cohorts,
            "modules": modules,
            "state_links": state_links,
            "state_label": STATE_LABELS[filters.state],
            "state_choices": list(STATE_LABELS.items()),
            "age_choices": AGE_CHOICES,
            "shown": len(rows),
            "filtered": any(
                filters.params().get(k) for k in ("cohort", "module", "age")
            ),
            # Written quiz answers join the queue (lms.ui.quizzes).
            "quiz_essays": essays_waiting(user, language),
        },
    )


# --- the review page ------------------------------------------------------------


def _load(request, pk) -> tuple[Submission, bool]:
    """The submission and whether she may review it (else she only reads it).

    Trainees (even her own homework: she reads it on her own pages),
    lecturers and staff of other cohorts are told nothing exists.
    """
    submission = get_object_or_404(
        Submission.objects.select_related(
            "enrollment__user", "enrollment__cohort__chapter"
        ),
        pk=pk,
    )
    user = request.user
    if permissions.user_owns_submission(user, submission):
        raise Http404
    if permissions.user_can_review_submission(user, submission):
        return submission, True
    if permissions.user_can_read_submission(user, submission):
        return submission, False
    raise Http404


def _report_entries(version, fields) -> list[list[tuple[str, str]]]:
    """Her report as [[(label, answer), ...] per entry] in the assignment's
    field order; answers to fields since removed keep a generic label."""
    entries = []
    for entry in version.report or []:
        if not isinstance(entry, dict):
            continue
        known = [
            (value["label"], entry.get(field_id, "")) for field_id, value in fields
        ]
        extra = [
            (_("Answer"), text)
            for key, text in entry.items()
            if key not in {field_id for field_id, _value in fields}
        ]
        lines = [
            (label, str(text)) for label, text in known + extra if str(text).strip()
        ]
        if lines:
            entries.append(lines)
    return entries


def _describe(versions, assignment) -> None:
    """Attach what the templates show to each version, file and review."""
    fields = (
        [(child.id, child.value) for child in assignment.report_fields]
        if assignment is not None
        else []
    )
    for version in versions:
        version.entries = _report_entries(version, fields)
        for attached in version.thread_files:
            file_type = files.BY_CONTENT_TYPE.get(attached.content_type)
            attached.type_label = file_type.label if file_type else _("File")
            attached.is_audio = bool(file_type and file_type.audio)
            attached.human_size = files.human_size(attached.size)
            attached.url = _url("lms:submission_file", attached.pk)
        for review in version.thread_reviews:
            review.reviewer_name = (
                _first_name(review.reviewer) if review.reviewer else _("A supervisor")
            )
            review.audio_url = (
                _url("lms:review_audio", review.pk) if review.audio else ""
            )


def _render_page(request, submission, *, can_review, form=None, error=None, status=200):
    language = get_language()
    assignment = assignments_by_key([submission.assignment_key], language).get(
        submission.assignment_key
    )
    page = curriculum.pages_in_language([submission.module_key], language).get(
        submission.module_key
    )
    versions = reviews.thread(submission, with_drafts=can_review)
    _describe(versions, assignment)
    latest = versions[-1] if versions else None
    draft = None
    if can_review and latest is not None:
        draft = next((r for r in latest.thread_reviews if not r.is_released), None)
    if form is None:
        form = {
            "decision": draft.decision if draft else "",
            "feedback": draft.feedback if draft else "",
        }
    filters = read_filters(request.GET)
    query = filters.query()
    return render(
        request,
        "lms/review/review.html",
        {
            "submission": submission,
            "trainee": _first_name(submission.enrollment.user),
            "cohort": submission.enrollment.cohort,
            "assignment": assignment,
            "module_title": page.title if page else _("A module no longer online"),
            "module_language": curriculum.content_language(page) if page else "",
            "latest": latest,
            "earlier": list(reversed(versions[:-1])),
            "can_review": can_review,
            "draft": draft,
            "form": form,
            "error": error,
            "decisions": ReviewDecision.choices,
            "query": query,
            "queue_url": reverse("lms:review_queue") + (f"?{query}" if query else ""),
            "audio_max_mb": round(reviews.audio_max_bytes() / 1024 / 1024),
            "feedback_max": reviews.FEEDBACK_MAX_CHARS,
        },
        status=status,
    )


def _next_waiting(request, after: Submission) -> Submission | None:
    """The oldest other homework waiting, within her queue's filters."""
    filters = read_filters(request.GET)
    queue = reviews.review_queue(
        request.user,
        cohort_id=filters.cohort_id,
        module_key=filters.module_key or None,
        state="waiting",
        older_than_days=filters.age,
        limit=2,
    )
    return next((s for s in queue.submissions if s.pk != after.pk), None)


def _review_url(pk, query: str) -> str:
    return reverse("lms:review", kwargs={"pk": pk}) + (f"?{query}" if query else "")


ACTIONS = ("draft", "release", "release_next", "discard")


def _post(request, submission):
    data = request.POST
    action = data.get("action", "draft")
    form = {
        "decision": data.get("decision", ""),
        "feedback": data.get("feedback", ""),
    }
    expected_state = int_or_none(data.get("expected_state"), low=0)
    version_number = int_or_none(data.get("version_number"), low=1)
    audio = request.FILES.get("audio")

    def again(message, status, *, keep_form=True):
        if audio is not None:
            message = _(
                "%(problem)s Your recording was not saved: choose it again."
            ) % {"problem": message}
        fresh = Submission.objects.select_related(
            "enrollment__user", "enrollment__cohort__chapter"
        ).get(pk=submission.pk)
        return _render_page(
            request,
            fresh,
            can_review=True,
            form=form if keep_form else None,
            error=message,
            status=status,
        )

    if (
        action not in ACTIONS
        or expected_state is None
        or (action != "discard" and version_number is None)
    ):
        return again(
            _("This form could not be read. Reload the page and try again."), 400
        )
    query = read_filters(request.GET).query()
    if action == "discard":
        draft = (
            Review.objects.filter(submission=submission, released_at__isnull=True)
            .order_by("-number")
            .first()
        )
        if draft is None:
            return again(
                _(
                    "There is no review draft to discard: it was released or "
                    "discarded in the meantime."
                ),
                409,
                keep_form=False,
            )
        try:
            reviews.discard_draft_review(review=draft, expected_state=expected_state)
        except reviews.ReviewConflict as conflict:
            return again(conflict.message, 409, keep_form=False)
        except reviews.ReviewError as problem:
            return again(problem.message, 400, keep_form=False)
        messages.success(request, _("The review draft is discarded."))
        return redirect(_review_url(submission.pk, query))

    release = action != "draft"
    try:
        reviews.save_review(
            submission=submission,
            version_number=version_number,
            reviewer=request.user,
            decision=form["decision"],
            feedback=form["feedback"],
            audio=audio,
            release=release,
            expected_state=expected_state,
        )
    except (reviews.ReviewConflict, reviews.NotLatestVersion) as conflict:
        return again(conflict.message, 409)
    except reviews.ReviewError as problem:
        return again(problem.message, 400)
    if not release:
        messages.success(
            request,
            _(
                "Your review is saved as a draft. The trainee sees it once you "
                "release it."
            ),
        )
        return redirect(_review_url(submission.pk, query))
    messages.success(request, _("Your review is released to the trainee."))
    if action == "release_next":
        following = _next_waiting(request, submission)
        if following is not None:
            return redirect(_review_url(following.pk, query))
        messages.info(request, _("No other homework is waiting for review."))
        return redirect(reverse("lms:review_queue") + (f"?{query}" if query else ""))
    return redirect(_review_url(submission.pk, query))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def review(request, pk):
    """One submission's thread; the review form for the cohort's supervisors."""
    submission, can_review = _load(request, pk)
    if request.method == "POST":
        if not can_review:
            raise PermissionDenied
        return _post(request, submission)
    return _render_page(request, submission, can_review=can_review)


urlpatterns = [
    path("supervise/homework/", review_queue, name="review_queue"),
    path("supervise/homework/<int:pk>/", review, name="review"),
]
