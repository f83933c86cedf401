"""The homework a module page shows where an assignment block stands."""

from django import template

register = template.Library()


@register.inclusion_tag("lms/homework/block.html", takes_context=True)
def homework_block(context, assignment):
    return {"assignment": assignment, "request": context.get("request")}
