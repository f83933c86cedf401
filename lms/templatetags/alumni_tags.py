"""The apply box on a continuing-education track's course page:
``{% track_apply page %}`` (nothing for a course that is not a track)."""

from django import template

from lms.ui import alumni as alumni_ui

register = template.Library()


@register.inclusion_tag("lms/alumni/_course_page.html", takes_context=True)
def track_apply(context, page):
    request = context.get("request")
    return {
        "box": alumni_ui.course_page_box(request, page) if request else None,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
