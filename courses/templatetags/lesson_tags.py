"""A lesson's blocks, rendered once per version of the tree.

Text, pictures, films, sound, documents, callouts and discussion questions
look the same to everyone reading a page in one language: their HTML is
remembered (lms.treecache, under the tree's version, so publishing the page
shows the new text at once). Blocks that show her own state (reflection
prompts, homework, quizzes, interactive exercises) are rendered for her on
every request.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lms import treecache

register = template.Library()

SHARED_BLOCKS = frozenset(
    {
        "text",
        "image",
        "video",
        "audio",
        "document",
        "callout",
        "discussion_questions",
    }
)


@register.simple_tag(takes_context=True)
def lesson_block(context, block, page=None):
    """``{% include_block block %}``, remembered for blocks everyone sees alike."""
    request = context.get("request")
    if (
        block.block_type not in SHARED_BLOCKS
        or page is None
        or not block.id
        or getattr(request, "is_preview", False)  # a draft being edited
    ):
        return block.render_as_block(context.flatten())
    key = ("lesson-block", page.pk, page.live_revision_id, block.id, get_language())
    # The block's own rendering, escaped as it was the first time.
    return mark_safe(  # noqa: S308
        treecache.remembered(key, lambda: str(block.render_as_block(context.flatten())))
    )
