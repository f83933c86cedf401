"""The quiz a module page shows where a quiz block stands.

``{% quiz_block value %}`` inside the block's template: title and
description for everyone; a sign-in link for visitors; a short note for
people not enrolled; for a trainee of the course her state (not started,
continue, or her best result with percent and pass) and a start/continue
button (a plain form post, no script needed). A draft quiz shows nothing to
trainees. The module page has already found her enrollment
(``module_review``); each block then reads her sittings of its quiz in one
query.
"""

from urllib.parse import quote

from django import template
from django.urls import reverse
from wagtail.models import Page

from lms import permissions, progress
from lms.ui import quizzes as ui

register = template.Library()
_MISSING = object()


@register.inclusion_tag("lms/quizzes/block.html", takes_context=True)
def quiz_block(context, quiz):
    if quiz is None:
        return {"show": False}
    request = context.get("request")
    page = context.get("page")
    # Blocks render in contexts of their own: the request remembers that
    # the stylesheet is linked once.
    linked = getattr(request, "_lms_quiz_assets", False)
    if request is not None:
        request._lms_quiz_assets = True
    base = {
        "show": True,
        "quiz": quiz,
        "anchor": f"quiz-{quiz.translation_key}",
        "include_assets": not linked,
    }
    if request is None or not isinstance(page, Page) or not page.pk:
        return {**base, "preview": True}  # as editors wrote it
    if quiz.draft:
        return {"show": False}
    user = request.user
    page_url = page.get_url(request) or request.path
    if not user.is_authenticated:
        back = quote(f"{page_url}#{base['anchor']}", safe="/")
        return {**base, "login_url": f"{reverse('lms:login')}?next={back}"}
    review = context.get("module_review", _MISSING)
    if review is _MISSING or (review is not None and not hasattr(review, "is_open")):
        review = progress.module_review_by_key(user, page.translation_key)
    if review is None:
        return {**base, "not_enrolled": True}
    state = ui.block_state(user, quiz.translation_key)
    may_start = permissions.may_take_quiz(user, quiz, review)
    open_sitting = state.open_sitting
    best = state.best
    return {
        **base,
        "enrolled": True,
        "csrf_token": context.get("csrf_token"),
        "page_id": page.pk,
        "open_sitting": open_sitting,
        "answered": state.answered,
        "best": best,
        "verdict": ui.verdict(best) if best else "",
        "result_url": ui.result_url(best) if best else "",
        "continue_url": ui.sitting_url(open_sitting) if open_sitting else "",
        "may_start": may_start and open_sitting is None,
        "once_only": quiz.single_attempt,
        "retake": may_start
        and open_sitting is None
        and best is not None
        and not quiz.single_attempt,
        "taken_once": quiz.single_attempt and state.taken and open_sitting is None,
        "closed": not review.is_open,
    }
