"""The homework a module page shows where an assignment block stands.

`{% homework_block assignment %}` inside the assignment block's template:
title and instructions for everyone; a sign-in link for visitors; a short
note for people not enrolled; "opens after the session" while the module is
closed to her; otherwise its due date, her status and the draft form (or a
link to her homework page once handed in). Her submissions on the page are
read once per request, whatever the number of blocks.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

from django import template
from django.urls import reverse
from wagtail.models import Page

from lms import homework, progress
from lms.models import Submission, SubmissionFile
from lms.views.homework import form_context

register = template.Library()
_MISSING = object()


@dataclass
class ModuleHomework:
    """What one request knows about her homework on one module page."""

    review: object = None
    submissions: dict = field(default_factory=dict)
    draft_files: dict = field(default_factory=dict)
    rendered: set = field(default_factory=set)


def homework_on_page(request, page, review=_MISSING) -> ModuleHomework:
    """Her enrollment, submissions and draft files for a module page, read
    once per request (two queries, or none for someone not enrolled)."""
    cache = request.__dict__.setdefault("_lms_homework", {})
    if page.pk in cache:
        return cache[page.pk]
    if review is _MISSING:
        review = progress.module_review_by_key(request.user, page.translation_key)
    state = ModuleHomework(review=review)
    if review is not None:
        submissions = list(
            Submission.objects.filter(
                enrollment=review.enrollment, module_key=page.translation_key
            ).select_related("enrollment")
        )
        state.submissions = {s.assignment_key: s for s in submissions}
        for submission in submissions:
            state.draft_files[submission.pk] = []
        if submissions:
            for attached in SubmissionFile.objects.filter(
                submission__in=submissions, in_draft=True
            ).order_by("uploaded_at", "pk"):
                state.draft_files[attached.submission_id].append(attached)
    cache[page.pk] = state
    return state


@register.inclusion_tag("lms/homework/block.html", takes_context=True)
def homework_block(context, assignment):
    if assignment is None:
        return {"show": False}
    base = {
        "show": True,
        "assignment": assignment,
        "anchor": f"homework-{assignment.translation_key}",
    }
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return base  # a preview: the assignment as editors wrote it
    user = request.user
    page_url = page.get_url(request) or request.path
    if not user.is_authenticated:
        back = quote(f"{page_url}#{base['anchor']}", safe="/")
        return {**base, "login_url": f"{reverse('lms:login')}?next={back}"}
    # The module page has usually found her enrollment and whether the
    # material is open to her (lms.progress.ModuleReview) already.
    review = context.get("module_review", context.get("review", _MISSING))
    if review is not _MISSING and review is not None:
        if not hasattr(review, "is_open"):
            review = _MISSING
    state = homework_on_page(request, page, review)
    review = state.review
    if review is None:
        return {**base, "not_enrolled": True}
    if not review.is_open:
        return {**base, "closed": True, "session": review.session}
    key = assignment.translation_key
    submission = state.submissions.get(key)
    if key in state.rendered:
        return {"show": False}  # the same assignment twice: one form
    first = not state.rendered
    state.rendered.add(key)
    hw = homework.Homework(
        assignment=assignment,
        enrollment=review.enrollment,
        module_key=page.translation_key,
        session=review.session,
        submission=submission,
    )
    return {
        **base,
        "enrolled": True,
        "request": request,  # the form's recorder marks it (Permissions-Policy)
        "csrf_token": context.get("csrf_token"),
        "include_assets": first,
        "due_on": hw.due_on,
        "overdue": hw.is_overdue,
        **form_context(
            user=user,
            assignment=assignment,
            submission=submission,
            module_key=page.translation_key,
            page_id=page.pk,
            next_url=f"{page_url}#{base['anchor']}",
            draft_files=state.draft_files.get(submission.pk, []) if submission else [],
        ),
    }
