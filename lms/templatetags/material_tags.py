"""The material list on a module page.

`{% module_materials %}` shows an enrolled trainee the material of her
cohort's session(s) of this module that she may see (lms.permissions): right
away, or once the session is held. Visitors and people not learning in a
cohort of the course see nothing. One query for the list, whatever its
length; her enrollment comes from the page's ``module_review`` when the page
has found it already.
"""

from django import template
from wagtail.models import Page

from lms import materials, progress
from lms.ui.materials import material_row

register = template.Library()
_MISSING = object()


def _enrollment(context, request, page):
    review = context.get("module_review", _MISSING)
    if review is _MISSING:
        review = progress.module_review_by_key(request.user, page.translation_key)
    if review is None or not hasattr(review, "enrollment"):
        return None
    return review.enrollment


@register.inclusion_tag("lms/materials/module_list.html", takes_context=True)
def module_materials(context):
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return {"rows": []}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"rows": []}
    enrollment = _enrollment(context, request, page)
    if enrollment is None:
        return {"rows": []}
    found = materials.materials_for_module(
        user, cohort_id=enrollment.cohort_id, module_key=page.translation_key
    )
    return {"rows": [material_row(m) for m in found]}
