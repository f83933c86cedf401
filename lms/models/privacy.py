"""Privacy: a person's copies of her data, and erasures of it.

A ``DataExport`` is one zip of everything the registry (lms.privacy) holds
about a person, made in the background, kept in private storage until it
expires. An ``ErasureRequest`` is her wish to be forgotten, confirmed by a
coordinator of her chapter before it is carried out; its ``ErasureRecord``
says that it was done and how many records each part touched, and names
nobody (the erased account is anonymised, so its key tells nothing).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models.storage import private_storage


def export_path(instance, filename):
    return f"private/exports/{instance.user_id}/{filename}"


class DataExport(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("person"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=export_path, blank=True
    )
    size = models.PositiveBigIntegerField(_("size"), default=0)
    failed = models.BooleanField(_("failed"), default=False)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("copy of personal data")
        verbose_name_plural = _("copies of personal data")

    def __str__(self):
        return f"export {self.pk}"


class ErasureRequest(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="erasure_requests",
        verbose_name=_("person"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    include_diplomas = models.BooleanField(
        _("erase and revoke diplomas too"), default=False
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(
                    confirmed_at__isnull=True, cancelled_at__isnull=True
                ),
                name="lms_one_open_erasure_request",
            )
        ]

    def __str__(self):
        return f"erasure request {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.confirmed_at is None and self.cancelled_at is None


class ErasureRecord(models.Model):
    """That an erasure was carried out: when, by whom, how much, never whose
    data (``counts`` holds numbers per part of the registry)."""

    erased_at = models.DateTimeField(_("erased"), auto_now_add=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("erased by"),
    )
    included_diplomas = models.BooleanField(_("diplomas erased too"), default=False)
    counts = models.JSONField(_("records touched"), default=dict)
    files_removed = models.PositiveIntegerField(_("files removed"), default=0)

    class Meta:
        ordering = ["-erased_at"]
        verbose_name = _("erasure carried out")
        verbose_name_plural = _("erasures carried out")

    def __str__(self):
        return f"erasure {self.pk}"
