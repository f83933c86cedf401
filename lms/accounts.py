"""A person's own choices, kept in her profile and so on every device."""

from django.db import transaction

from lms.models import Profile


def profile_or_none(user):
    """Her saved choices, without creating a row just by reading."""
    if user is None or not user.is_authenticated:
        return None
    return Profile.objects.filter(user=user).first()


def profile_for(user) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


# Where Wagtail's administration has no translation of her language, the
# nearest one it has (a Dane reads Norwegian more easily than English).
ADMIN_LANGUAGE_FALLBACK = {"da": "nb"}


def admin_language_for(language: str) -> str:
    """The Wagtail admin language for `language`, or "" where it has none
    (then the admin shows the site's default)."""
    from wagtail.admin.localization import get_available_admin_languages

    available = dict(get_available_admin_languages())
    for candidate in (language, ADMIN_LANGUAGE_FALLBACK.get(language, "")):
        if candidate and candidate in available:
            return candidate
    return ""


@transaction.atomic
def set_language(*, user, language: str) -> Profile:
    """Her language for the site, and for the Wagtail admin where it has it."""
    from wagtail.users.models import UserProfile

    profile = profile_for(user)
    profile.language = language
    profile.save(update_fields=["language"])
    admin = UserProfile.get_for_user(user)
    wanted = admin_language_for(language)
    if admin.preferred_language != wanted:
        admin.preferred_language = wanted
        admin.save(update_fields=["preferred_language"])
    return profile


@transaction.atomic
def set_side_by_side(*, user, show: bool) -> Profile:
    """Remember whether she reads a module beside its Norwegian original."""
    profile = profile_for(user)
    if profile.show_side_by_side != show:
        profile.show_side_by_side = show
        profile.save(update_fields=["show_side_by_side"])
    return profile
