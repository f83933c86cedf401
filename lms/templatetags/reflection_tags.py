"""The reflection form a module page shows under each reflection prompt.

`{% reflection_form id value %}` inside a prompt block's template: nothing for
a block preview without a page, a sign-in link for visitors, the form for a
trainee enrolled in the module's course.
"""

from urllib.parse import quote

from django import template
from django.urls import reverse
from wagtail.models import Page

from lms.ui.reflections import form_context, reflections_on_page

register = template.Library()
_MISSING = object()


@register.inclusion_tag("lms/reflections/prompt_form.html", takes_context=True)
def reflection_form(context, block_id, value):
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk or not block_id:
        return {"show": False}
    user = request.user
    page_url = page.get_url(request) or request.path
    if not user.is_authenticated:
        back = quote(f"{page_url}#reflection-{block_id}", safe="/")
        return {"show": True, "login_url": f"{reverse('lms:login')}?next={back}"}
    # The module page has usually found her enrollment and whether the
    # material is open to her (lms.progress.ModuleReview) already.
    review = context.get("module_review", context.get("review", _MISSING))
    if review is None or hasattr(review, "is_open"):
        if review is not None and not review.is_open:
            return {"show": False}
        state = reflections_on_page(
            request, page, enrollment=getattr(review, "enrollment", None)
        )
    else:
        state = reflections_on_page(request, page)
    if state.enrollment is None:
        return {"show": True, "not_enrolled": True}
    # A page showing the same block twice (side by side) gets one form.
    if block_id in state.rendered:
        return {"show": False}
    first = not state.rendered
    state.rendered.add(block_id)
    reflection = state.by_prompt.get(block_id)
    return {
        "show": True,
        "request": request,  # the form's recorder marks it (Permissions-Policy)
        "csrf_token": context.get("csrf_token"),
        "include_assets": first,
        **form_context(
            user=user,
            page=page,
            prompt_key=block_id,
            reflection=reflection,
            next_url=f"{page_url}#reflection-{block_id}",
        ),
    }
