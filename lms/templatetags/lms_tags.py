"""Template tags shared by the site chrome: page language, the language
switcher, "leave quickly", and the side-by-side reading of a module.

They work on any Wagtail page (through `locale` and `translation_key`) and on
plain views, so host sites can use them in their own base template.
"""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from lms import treecache
from lms.conf import lms_settings
from lms.ui.browser import allow_microphone

register = template.Library()


def _language_code(page):
    if isinstance(page, Page):
        return page.locale.language_code
    return get_language() or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language and direction of the current page: {"code", "bidi"}.

    Taken from the page's locale (not from the address), because a page that
    has no copy in a language is served in its own language under any prefix.
    """
    info = get_language_info(_language_code(context.get("page")))
    return {"code": info["code"], "bidi": info["bidi"]}


def language_direction(code: str) -> str:
    """ "rtl" or "ltr" for language `code` (any code, known to Django or not)."""
    base = (code or "").split("-")[0]
    return "rtl" if base in settings.LANGUAGES_BIDI else "ltr"


@register.simple_tag
def lang_dir(code):
    """``lang="nb" dir="ltr"`` (with a leading space) for an element holding
    text in language `code`: a module title or an assignment shown in the
    programme language on an Arabic page is read in its own language and
    keeps its punctuation on its own side. Nothing for an empty code.

    ``<a href="..."{% lang_dir module.language %}>{{ module.title }}</a>``
    """
    if not code:
        return ""
    return format_html(' lang="{}" dir="{}"', code, language_direction(code))


@register.inclusion_tag("lms/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language in its own name, linking to this page in that language.

    One query for all translations of a page, whatever the number of languages.
    """
    request = context["request"]
    page = context.get("page")
    urls = {}
    if isinstance(page, Page):
        site = getattr(request, "_wagtail_site", None)
        urls = treecache.remembered(
            ("translation-urls", page.pk, site.pk if site else None),
            lambda: {
                translation.locale.language_code: translation.get_url(request)
                for translation in Page.objects.filter(
                    translation_key=page.translation_key
                )
                .live()
                .select_related("locale")
            },
        )
    current = _language_code(page)
    path = request.get_full_path()
    user = context.get("user")
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": urls.get(code) or translate_url(path, code),
                "current": code == current,
            }
        )
    return {
        "languages": languages,
        "current": get_language_info(current),
        # Signed in, a choice is saved in her profile (a POST), so the next
        # device she signs in on follows it too.
        "saves_choice": bool(user and user.is_authenticated),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def leave_quickly_url():
    """The neutral page "leave quickly" opens (LMS_LEAVE_QUICKLY_URL)."""
    return lms_settings.LMS_LEAVE_QUICKLY_URL


@register.simple_tag
def url_or_admin(name, *args):
    """`{% url name *args %}` if that view exists in this site, else the admin.

    Lets a page link to staff views that a site may not (yet) include.
    """
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return reverse("wagtailadmin_home")


@register.simple_tag
def side_by_side(stream, original_stream):
    """Pair each block of `stream` with the block of the same id in
    `original_stream` (translations keep block ids): [(block, original|None)]."""
    originals = {block.id: block for block in original_stream or []}
    return [(block, originals.get(block.id)) for block in stream]


@register.simple_tag(takes_context=True)
def voice_recorder_here(context):
    """Put in a template that shows a voice recorder: the page's
    Permissions-Policy then lets it use the microphone (lms.middleware).
    Inclusion tags get a fresh context, but keep its request."""
    request = getattr(context, "request", None) or context.get("request")
    if request is not None:
        allow_microphone(request)
    return ""
