"""What was sent to whom, so nothing is sent twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationLog(models.Model):
    """A message sent once: a day's digest, a reminder, a feedback notice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(max_length=40)
    # What it was about: a date for a digest, a submission or review id...
    key = models.CharField(max_length=100)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notification sent")
        verbose_name_plural = _("notifications sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "key"], name="lms_notify_once"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.key} -> {self.user_id}"
