"""The cohort's staff navigation (lms/staff/_cohort_nav.html): which of its
pages the signed-in user may open, by the rules in lms.permissions."""

from django import template

from lms import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def cohort_nav_access(context, cohort) -> dict:
    """{page: whether she may open it} for the nav's links that not every
    reader of the nav may follow."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None or cohort is None:
        return {"completion": False, "h5p_results": False}
    return {
        "completion": permissions.user_can_view_cohort_completion(user, cohort),
        "h5p_results": permissions.user_can_follow_cohort(user, cohort),
    }
