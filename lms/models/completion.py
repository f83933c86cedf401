"""Exceptions a coordinator grants one trainee towards completing a course:
an absence excused, or a requirement waived, each with a written reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.choices import ExceptionKind, Requirement
from lms.models.cohorts import Enrollment, Session


class CompletionException(models.Model):
    """Logged with who granted it, when and why; shown on her checklist."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="completion_exceptions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ExceptionKind.choices)
    # An excused absence names its evening; a waiver its requirement (and,
    # optionally, the one item of it: an assignment, quiz or exercise key).
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    requirement = models.CharField(
        _("requirement"), max_length=20, choices=Requirement.choices, blank=True
    )
    item_key = models.UUIDField(_("item"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        ordering = ["granted_at", "pk"]
        verbose_name = _("completion exception")
        verbose_name_plural = _("completion exceptions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=ExceptionKind.EXCUSED_ABSENCE, session__isnull=False)
                    | (Q(kind=ExceptionKind.WAIVER) & ~Q(requirement=""))
                ),
                name="lms_exception_names_what",
            )
        ]

    def __str__(self):
        return f"{self.enrollment}: {self.get_kind_display()}"
