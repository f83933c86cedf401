from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """The learning engine: cohorts, progress, assessment, diplomas, access."""

    name = "lms"
    label = "lms"
    verbose_name = _("Learning engine")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import tasks  # noqa: F401 (connects its event receivers)
        from lms.signals import ensure_role_groups

        post_migrate.connect(ensure_role_groups, sender=self)
