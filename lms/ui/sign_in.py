"""The coordinator's side of a trainee's first sign-in link: where the
token waits until the printable sheet shows it once, what she is told
when a new link replaced another's, and learner-site addresses in her own
language (the admin runs without a language prefix)."""

from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from lms import accounts

# Where a sign-in token waits, in the coordinator's session, until the
# printable sheet shows it once (lms.views.staff.sign_in_sheet).
SIGN_IN_TOKENS_SESSION_KEY = "lms_sign_in_tokens"


def front_end_url(user, viewname, *args):
    """A learner-site address in her own language: the admin runs without a
    language prefix, so a plain reverse() would use the admin's language."""
    profile = accounts.profile_or_none(user)
    language = (profile and profile.language) or settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse(viewname, args=args)


def tell_replaced_links(request, new_link):
    """Say so when a new sign-in link stopped one someone else had made."""
    for made_by, made_at in new_link.replaced:
        messages.warning(
            request,
            gettext(
                "This replaced an unused sign-in link that %(name)s made on "
                "%(date)s. That link no longer works."
            )
            % {
                "name": (made_by.get_full_name() or made_by.get_username())
                if made_by
                else gettext("an administrator"),
                "date": date_format(timezone.localtime(made_at), "SHORT_DATE_FORMAT"),
            },
        )


def remember_sign_in_token(request, enrollment, token):
    tokens = request.session.get(SIGN_IN_TOKENS_SESSION_KEY, {})
    tokens[str(enrollment.pk)] = token
    request.session[SIGN_IN_TOKENS_SESSION_KEY] = tokens
