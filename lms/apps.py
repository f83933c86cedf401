from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """The learning engine: cohorts, progress, assessment, diplomas, access."""

    name = "lms"
    label = "lms"
    verbose_name = _("Learning engine")
    default_auto_field = "django.db.models.BigAutoField"
