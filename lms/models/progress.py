"""What a trainee did with a module: opened it, reviewed it at home."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models.cohorts import Enrollment

# Migrations 0001, 0003 and 0004 name these by their first home.
from lms.models.reflections import reflection_audio_path  # noqa: F401
from lms.models.storage import private_storage  # noqa: F401


class ModuleProgress(models.Model):
    """An enrollment's way through one module (any language's copy)."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    opened_at = models.DateTimeField(_("first opened"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"), auto_now=True)
    reviewed_at = models.DateTimeField(_("reviewed at home"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "module_key"], name="lms_unique_module_progress"
            )
        ]

    def __str__(self):
        return f"{self.enrollment}: {self.module_key}"
