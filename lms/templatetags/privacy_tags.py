"""The link to the erasure requests on a coordinator's dashboard:
``{% erasure_requests_link staff_cohorts %}`` (nothing for anyone who runs
no cohort, at no query)."""

from django import template

from lms.ui import privacy as privacy_ui

register = template.Library()


@register.inclusion_tag("lms/privacy/_dashboard_link.html", takes_context=True)
def erasure_requests_link(context, staff_cohorts):
    user = context.get("user")
    return {"link": privacy_ui.dashboard_link(user, staff_cohorts) if user else None}
