"""A person's own choices and the one-time links that let her in."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    """What a person chose for herself, kept across devices."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lms_profile"
    )
    language = models.CharField(
        _("my language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    show_side_by_side = models.BooleanField(
        _("show Norwegian beside my language"), default=False
    )
    # For sending her a sign-in link by SMS; many trainees have no email.
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class OneTimeLinkQuerySet(models.QuerySet):
    def usable(self, token):
        """The links `token` opens that are unused and unexpired."""
        return self.filter(
            token_hash=hash_token(token or ""),
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class OneTimeLink(models.Model):
    """A link that works once and expires. Only a hash of its token is kept;
    the link itself is given out once (printed, texted or mailed)."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = OneTimeLinkQuerySet.as_manager()

    class Meta:
        abstract = True

    def spend(self):
        """Use it up: it opens nothing again."""
        self.used_at = timezone.now()
        self.save(update_fields=["used_at"])


class SignInLink(OneTimeLink):
    """A one-time sign-in link for someone without email (print or SMS it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("sign-in link")
        verbose_name_plural = _("sign-in links")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
