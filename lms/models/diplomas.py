"""Diplomas: issued to a completed enrollment, verifiable by a public code.

The row keeps what the diploma says (holder, course, chapter, period, hours,
modules) as it was issued, so the public verification page and the signed
Open Badges credential read the same claims years later, and a minimal
record survives her erasure (unless she asks for that too, which revokes
it). Revoking and re-issuing keep the code, so the public address stays.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models.cohorts import Enrollment
from lms.models.storage import private_storage


def diploma_pdf_path(instance, filename):
    return f"diplomas/{uuid.uuid4().hex}.pdf"


class Diploma(models.Model):
    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="diploma",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="diplomas",
    )
    code = models.CharField(_("verification code"), max_length=40, unique=True)
    holder_name = models.CharField(_("holder's name"), max_length=300)
    course_title = models.CharField(_("course"), max_length=255)
    course_key = models.UUIDField(_("course"), null=True, blank=True)
    chapter_name = models.CharField(_("chapter"), max_length=100, blank=True)
    # Everything printed, as issued (lms.diplomas.data.DiplomaData as JSON).
    claims = models.JSONField(_("what the diploma says"), default=dict)
    credential_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status_index = models.PositiveIntegerField(unique=True)
    salt = models.CharField(max_length=64, blank=True)
    pdf = models.FileField(
        _("PDF"), storage=private_storage, upload_to=diploma_pdf_path, blank=True
    )
    pdf_made_at = models.DateTimeField(null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("diploma")
        verbose_name_plural = _("diplomas")

    def __str__(self):
        return f"{self.holder_name} – {self.course_title}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_certificate(self) -> bool:
        """A continuing-education track's certificate (lms.diplomas.data.Award),
        not a base-training diploma."""
        return (self.claims or {}).get("award") == "certificate"
