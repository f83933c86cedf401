"""Interactive exercises: uploaded H5P packages and what trainees do in them.

An H5PActivity is a translatable snippet (a module's block places it; a
lecturer's material may carry one). Its package is stored once per content
hash (lms.h5p.packages); replacing it keeps every result, since attempts,
statements and saved states point at the activity by ``translation_key``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from lms.choices import H5PGrading


class H5PActivity(TranslatableMixin, models.Model):
    """An uploaded, checked and extracted .h5p package."""

    title = models.CharField(_("title"), max_length=255)
    package_hash = models.CharField(_("package"), max_length=64, editable=False)
    package_name = models.CharField(_("file name"), max_length=255, blank=True)
    main_library = models.CharField(_("kind of exercise"), max_length=100, blank=True)
    content_language = models.CharField(
        _("language of the exercise"), max_length=10, blank=True
    )
    grading_method = models.CharField(
        _("which attempt counts"),
        max_length=20,
        choices=H5PGrading.choices,
        default=H5PGrading.HIGHEST,
    )
    required = models.BooleanField(
        _("needed to complete the course"),
        default=True,
        help_text=_("Trainees must complete it (once) to complete the course."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("interactive exercise")
        verbose_name_plural = _("interactive exercises")

    def __str__(self):
        return self.title


class H5PAttempt(models.Model):
    """One try at an exercise: it starts with her first statement and counts
    once its top-level result (completed/answered) arrives."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="h5p_attempts",
    )
    activity_key = models.UUIDField(_("exercise"), db_index=True)
    package_hash = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    score_raw = models.FloatField(_("score"), null=True, blank=True)
    score_max = models.FloatField(_("highest score"), null=True, blank=True)
    success = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        indexes = [
            models.Index(fields=["user", "activity_key"], name="lms_h5p_attempt_idx")
        ]

    def __str__(self):
        return f"{self.user} – {self.activity_key}"

    @property
    def scaled(self) -> float | None:
        if self.score_raw is None or not self.score_max:
            return None
        return self.score_raw / self.score_max


class XAPIStatement(models.Model):
    """An xAPI statement the player sent, as the server stored it: the actor
    is always the signed-in user, whatever the browser claimed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="xapi_statements",
    )
    activity_key = models.UUIDField(_("exercise"), db_index=True)
    attempt = models.ForeignKey(
        H5PAttempt,
        verbose_name=_("attempt"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="statements",
    )
    verb = models.CharField(_("verb"), max_length=255)
    object_id = models.CharField(_("object"), max_length=1000, blank=True)
    top_level = models.BooleanField(_("the whole exercise"), default=True)
    score_raw = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    success = models.BooleanField(null=True, blank=True)
    completion = models.BooleanField(null=True, blank=True)
    statement = models.JSONField(_("statement"))
    stored_at = models.DateTimeField(_("stored"), auto_now_add=True)

    class Meta:
        ordering = ["stored_at", "pk"]
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")

    def __str__(self):
        return f"{self.user} {self.verb.rsplit('/', 1)[-1]} {self.activity_key}"


class H5PUserState(models.Model):
    """The player's saved state for her ("continue where you left off", on
    any device)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="h5p_states",
    )
    activity_key = models.UUIDField(db_index=True)
    data_type = models.CharField(max_length=50)
    sub_content_id = models.CharField(max_length=50, default="0")
    state = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("saved exercise state")
        verbose_name_plural = _("saved exercise states")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "activity_key", "data_type", "sub_content_id"],
                name="lms_one_h5p_state",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.activity_key} ({self.data_type})"
