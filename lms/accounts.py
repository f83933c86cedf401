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


@transaction.atomic
def set_language(*, user, language: str) -> Profile:
    profile = profile_for(user)
    profile.language = language
    profile.save(update_fields=["language"])
    return profile


@transaction.atomic
def set_side_by_side(*, user, show: bool) -> Profile:
    """Remember whether she reads a module beside its Norwegian original."""
    profile = profile_for(user)
    if profile.show_side_by_side != show:
        profile.show_side_by_side = show
        profile.save(update_fields=["show_side_by_side"])
    return profile
