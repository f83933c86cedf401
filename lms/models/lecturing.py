"""Lecturers: their invitation, the briefing before their evening, and the
material they bring.

A briefing belongs to one session and is read by that session's lecturers and
the cohort's coordinators only; every change to it is kept (who, when, what).
Material belongs to one session and reaches that cohort's trainees, right away
or once the session is held. Files live in private storage and are handed out
by a permission-checked view.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.choices import MaterialKind, MaterialVisibility
from lms.models.accounts import OneTimeLink
from lms.models.cohorts import Session
from lms.models.storage import private_storage


class LecturerInvitation(OneTimeLink):
    """A single-use, expiring link sent to a lecturer's email address: it goes
    to her mailbox and is never shown to the coordinator who invited her."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lecturer"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    email = models.EmailField(_("email address"))
    sessions = models.ManyToManyField(
        Session, verbose_name=_("sessions"), related_name="+", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lecturer invitation")
        verbose_name_plural = _("lecturer invitations")

    def __str__(self):
        return f"{self.email} ({self.created_at:%Y-%m-%d})"


class Briefing(models.Model):
    """What the coordinator and the lecturer agreed before the evening."""

    session = models.OneToOneField(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="briefing",
    )
    pre_meeting_at = models.DateTimeField(
        _("pre-meeting (formøte)"), null=True, blank=True
    )
    participants = models.TextField(_("who took part"), blank=True)
    group_needs = models.TextField(
        _("the group's needs and challenges"),
        blank=True,
        help_text=_("About the group as a whole. Never name a trainee."),
    )
    agreed_coverage = models.TextField(_("what the lecturer will cover"), blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    interpreter = models.CharField(_("interpreter"), max_length=200, blank=True)
    practical_notes = models.TextField(
        _("practical notes"),
        blank=True,
        help_text=_("Time, equipment, group size and languages..."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # The fields a change record keeps, in the order they are shown.
    TRACKED = (
        "pre_meeting_at",
        "participants",
        "group_needs",
        "agreed_coverage",
        "room",
        "interpreter",
        "practical_notes",
    )

    class Meta:
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")

    def __str__(self):
        return str(self.session)


class BriefingNote(models.Model):
    """A lecturer's (or coordinator's) own note on a briefing."""

    briefing = models.ForeignKey(
        Briefing,
        verbose_name=_("briefing"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("briefing note")
        verbose_name_plural = _("briefing notes")

    def __str__(self):
        return self.text[:40]


class BriefingChange(models.Model):
    """One change to a briefing: who, when, and the values it set."""

    briefing = models.ForeignKey(
        Briefing,
        verbose_name=_("briefing"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    # {field: [old, new]} for every field the change touched; a note added is
    # {"note": [null, text]}.
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("briefing change")
        verbose_name_plural = _("briefing changes")

    def __str__(self):
        return f"{self.briefing} @ {self.changed_at:%Y-%m-%d %H:%M}"


def material_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"materials/{instance.session_id}/{uuid.uuid4().hex}.{extension}"


class Material(models.Model):
    """Something a lecturer brings to a session for the cohort's trainees.

    ``kind`` says how it is stored and shown: a file in private storage, a
    link, or an interactive exercise (an H5PActivity). Lists and permissions
    are the same for every kind.
    """

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="materials",
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=MaterialKind.choices,
        default=MaterialKind.FILE,
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("short description"), blank=True, max_length=1000)
    language = models.CharField(_("language"), max_length=10, blank=True)
    visibility = models.CharField(
        _("trainees see it"),
        max_length=20,
        choices=MaterialVisibility.choices,
        default=MaterialVisibility.AFTER_SESSION,
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=material_path, blank=True
    )
    file_name = models.CharField(_("file name"), max_length=150, blank=True)
    content_type = models.CharField(max_length=150, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    activity = models.ForeignKey(
        "lms.H5PActivity",
        verbose_name=_("interactive exercise"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="materials",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "created_at", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind=MaterialKind.FILE, url="")
                    | models.Q(kind=MaterialKind.LINK, file="")
                    | ~models.Q(kind__in=[MaterialKind.FILE, MaterialKind.LINK])
                ),
                name="lms_material_file_or_link",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=MaterialKind.H5P)
                | models.Q(activity__isnull=False, file="", url=""),
                name="lms_material_h5p_has_activity",
            ),
        ]

    def __str__(self):
        return self.title
