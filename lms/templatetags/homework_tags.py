"""The homework a module page shows where an assignment block stands.

`{% homework_block assignment %}` inside the assignment block's template:
title and instructions for everyone; a sign-in link for visitors; a short
note for people not enrolled; "opens after the session" while the module is
closed to her; otherwise its due date, her status and the draft form (or a
link to her homework page once handed in). Her submissions on the page are
read once per request, whatever the number of blocks.
"""

from urllib.parse import quote

from django import template
from django.urls import reverse
from wagtail.models import Page

from lms import homework
from lms.ui.homework import form_context, homework_on_page

register = template.Library()
_MISSING = object()


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
