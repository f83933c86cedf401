"""Template tags for the h5p block (filled in by the h5p work)."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def h5p_block(context, value):
    """Until the h5p views land: the block's title only."""
    if value is None:
        return ""
    return format_html('<section class="block-h5p"><h2>{}</h2></section>', value)
