from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo content and the load_demo and bench commands (host site only)."""

    name = "cms.demo"
    label = "demo"
    verbose_name = _("Demo")
