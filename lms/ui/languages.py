"""Language names as a page shows them: in the page's own language.

Django's ``get_language_info(code)["name"]`` is English, and its
``name_translated`` translates that English name ("Norwegian Bokmal", no
å), which no catalogue knows: an Arabic page said "(Norwegian Bokmal)". The
site's LANGUAGES names are translated in its catalogues, so they are used;
a language the site does not list is called by its own name (name_local).
"""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language_info


def _name_in_active_language(code: str) -> str:
    name = dict(settings.LANGUAGES).get(code)
    if name:
        return str(name)
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


# Lazy: a name taken now is shown in whatever language the page renders in.
language_name = lazy(_name_in_active_language, str)


def language_info(code: str) -> dict:
    """Django's facts about language `code` (code, bidi, name_local...), with
    ``name_translated`` the name in the active language. A copy: Django's
    own dictionary is shared."""
    info = dict(get_language_info(code))
    info["name_translated"] = language_name(code)
    return info
