"""Template tags shared by the site chrome: page language and the language switcher.

They work on any Wagtail page (through `locale` and `translation_key`) and on
plain views, so host sites can use them in their own base template.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

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


@register.inclusion_tag("lms/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language in its own name, linking to this page in that language.

    One query for all translations of a page, whatever the number of languages.
    """
    request = context["request"]
    page = context.get("page")
    urls = {}
    if isinstance(page, Page):
        for translation in (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
        ):
            urls[translation.locale.language_code] = translation.get_url(request)
    current = _language_code(page)
    path = request.get_full_path()
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
    }
