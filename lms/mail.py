"""Render and send a message in the recipient's language.

Templates live in ``lms/templates/lms/email/<name>.txt`` with a one-line
``<name>_subject.txt``. Links are absolute, to the site's public address
(lms.conf.site_url), in the active language.
"""

import re

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from lms import conf


def language_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def language_of(user, fallback=None) -> str:
    """The language she chose for the site, else `fallback` (e.g. the
    sender's), else the programme language."""
    profile = getattr(user, "lms_profile", None)
    language = getattr(profile, "language", "") or ""
    codes = language_codes()
    if language in codes:
        return language
    if fallback in codes:
        return fallback
    return settings.LANGUAGE_CODE


def site_url(name: str, *, kwargs=None) -> str:
    """An absolute link in the active language (URLs carry a language prefix).

    Falls back to the dashboard if ``name`` is not (yet) a URL of the site.
    """
    try:
        path = reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        path = reverse("lms:dashboard")
    return conf.site_url() + path


def render(template: str, context: dict) -> tuple[str, str]:
    """(subject, body) of `template`, in the active language."""
    subject = render_to_string(f"lms/email/{template}_subject.txt", context)
    body = render_to_string(f"lms/email/{template}.txt", context)
    body = re.sub(r"\n{3,}", "\n\n", body.strip()) + "\n"
    return " ".join(subject.split()), body


def send(*, user, template: str, context, language: str | None = None) -> None:
    """Send `template` to `user` in `language` (default: hers).

    `context` is a dict, or a callable taking the language and returning
    one, called inside ``translation.override`` (so dates and names in it
    come out in her language)."""
    language = language or language_of(user)
    with translation.override(language):
        values = context(language) if callable(context) else context
        subject, body = render(template, values)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
