"""Choices shared by the learning engine and the content that uses it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseKind(models.TextChoices):
    """Whether a course is the base training or a continuing-education track."""

    BASE = "base", _("Base training")
    CONTINUING = "continuing", _("Continuing education")


class CalloutKind(models.TextChoices):
    """How a callout box in a module is marked."""

    INFO = "info", _("Good to know")
    TIP = "tip", _("Tip")
    IMPORTANT = "important", _("Important")
    HELP = "help", _("Where to get help")
