"""The interactive exercise a module page shows where an H5P block stands.

`{% h5p_block activity %}` inside the block's template: the exercise's title
(in its own language and direction) for everyone; a sign-in link for
visitors; a short note for people not learning in the course; for her (and
the course's staff, who may try it untracked) a placeholder the page's
script fills with the sandboxed player once she scrolls to it, and her
counted result. Who she is to the course and her results in every exercise
on the page are read once per request (lms.ui.h5p.h5p_on_page).
"""

from django import template

from lms.ui.h5p import block_context

register = template.Library()


@register.inclusion_tag("lms/h5p/block.html", takes_context=True)
def h5p_block(context, activity):
    return block_context(context, activity)
