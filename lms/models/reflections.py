"""A trainee's answers to a module's reflection prompts."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models.cohorts import Enrollment
from lms.models.storage import private_storage

REFLECTION_MAX_CHARS = 10_000


def reflection_audio_path(instance, filename):
    # The name a browser sent is not kept: it may identify a person.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"reflections/{instance.author_id}/{uuid.uuid4().hex}.{extension}"


class Reflection(models.Model):
    """A trainee's answer to a reflection prompt, private unless she shares it."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="reflections",
    )
    # The cohort she wrote it in, so a shared one reaches that cohort's
    # supervisors.
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reflections",
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    # The StreamField block id of the prompt: stable across translations.
    prompt_key = models.CharField(_("prompt"), max_length=64)
    prompt_text = models.TextField(_("prompt as she saw it"), blank=True)
    text = models.TextField(_("reflection"), blank=True)
    audio = models.FileField(
        _("voice recording"),
        storage=private_storage,
        upload_to=reflection_audio_path,
        blank=True,
    )
    audio_content_type = models.CharField(max_length=100, blank=True)
    shared_at = models.DateTimeField(_("shared with supervisor"), null=True, blank=True)
    # Bumped on every save, so a stale second tab cannot overwrite newer text.
    revision = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["author", "module_key", "prompt_key"],
                name="lms_unique_reflection_per_prompt",
            )
        ]

    def __str__(self):
        return f"{self.author}: {self.prompt_text[:40]}"

    @property
    def is_shared(self):
        return self.shared_at is not None
