"""Homework: what an assignment asks for, what a trainee hands in, and the
supervisors' reviews of it.

A review is a thread. Every submitted version is kept and never changes; every
review is kept; a released review is never edited (a new review is a new entry
of the thread). A review saved as a draft is seen by supervisors only.

Submissions point at the assignment and the module by their wagtail-localize
``translation_key`` (``assignment_key``, ``module_key``): a trainee who
switches from Norwegian to Arabic keeps her homework.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin

from lms.choices import (
    ReportFieldKind,
    ReviewDecision,
    SubmissionFileKind,
    SubmissionStatus,
)
from lms.models.cohorts import Enrollment
from lms.models.storage import private_storage

INSTRUCTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ReportFieldBlock(blocks.StructBlock):
    """One named field of a report entry ("Which method did you use?").

    The block's id, kept by wagtail-localize across translations, is the key
    her answer is stored under.
    """

    label = blocks.CharBlock(label=_("Question"), max_length=200)
    help_text = blocks.TextBlock(required=False, label=_("Help text"))
    kind = blocks.ChoiceBlock(
        choices=ReportFieldKind.choices,
        default=ReportFieldKind.LONG,
        label=_("Answered as"),
    )
    choices = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        required=False,
        label=_("Choices"),
        help_text=_("Only for “Choose one”."),
    )
    required = blocks.BooleanBlock(required=False, default=True, label=_("Required"))

    class Meta:
        icon = "form"
        label = _("Field")


class ReportFieldsBlock(blocks.StreamBlock):
    field = ReportFieldBlock()


class Assignment(TranslatableMixin, models.Model):
    """Homework, defined by editors and placed in a module by a block."""

    title = models.CharField(_("title"), max_length=200)
    instructions = RichTextField(
        _("instructions"), features=INSTRUCTION_FEATURES, blank=True
    )
    pass_criteria = models.TextField(
        _("what counts as a pass"),
        blank=True,
        help_text=_("Shown to trainees and to supervisors on the review page."),
    )
    accepts_text = models.BooleanField(_("written answer"), default=True)
    accepts_files = models.BooleanField(_("files"), default=True)
    accepts_audio = models.BooleanField(_("voice recording"), default=True)
    max_files = models.PositiveSmallIntegerField(_("most files per hand-in"), default=5)
    due_days_after_session = models.PositiveSmallIntegerField(
        _("due, days after the session"),
        default=7,
        help_text=_("The due date is this many days after the module's session."),
    )
    report_entry_label = models.CharField(
        _("name of one report entry"),
        max_length=100,
        blank=True,
        help_text=_("For example “Conversation”. Leave empty for no report form."),
    )
    report_min_entries = models.PositiveSmallIntegerField(
        _("fewest entries"), default=0
    )
    report_max_entries = models.PositiveSmallIntegerField(_("most entries"), default=0)
    report_fields = StreamField(
        ReportFieldsBlock(),
        blank=True,
        verbose_name=_("fields of each entry"),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return self.title

    @property
    def has_report(self) -> bool:
        return bool(self.report_entry_label and self.report_fields)

    def clean(self):
        errors = {}
        if not (self.accepts_text or self.accepts_files or self.accepts_audio):
            if not (self.report_entry_label and self.report_fields):
                errors["accepts_text"] = _(
                    "Homework must take something: a written answer, files, a "
                    "voice recording or a report."
                )
        if self.report_max_entries and self.report_min_entries > (
            self.report_max_entries
        ):
            errors["report_max_entries"] = _(
                "The most entries cannot be fewer than the fewest entries."
            )
        if self.report_entry_label and not self.report_fields:
            errors["report_fields"] = _("Add the fields of a report entry.")
        if self.report_fields and not self.report_entry_label:
            errors["report_entry_label"] = _(
                "Name one report entry, for example “Conversation”."
            )
        if self.report_entry_label and self.report_min_entries == 0:
            errors["report_min_entries"] = _("A report needs at least one entry.")
        if errors:
            raise ValidationError(errors)


class Submission(models.Model):
    """One trainee's homework for one assignment: her draft and its versions."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    assignment_key = models.UUIDField(_("assignment"), db_index=True)
    module_key = models.UUIDField(_("module"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
        db_index=True,
    )
    # What she is writing now; frozen into a SubmissionVersion on submit.
    draft_text = models.TextField(_("draft"), blank=True)
    draft_report = models.JSONField(_("draft report"), default=list, blank=True)
    # Bumped on every draft save: a stale second tab cannot overwrite newer
    # work, and a double-clicked submit of the same draft makes one version.
    draft_revision = models.PositiveIntegerField(default=0)
    draft_saved_at = models.DateTimeField(null=True, blank=True)
    # When the latest version was handed in: the review queue's "waiting since".
    submitted_at = models.DateTimeField(
        _("handed in"), null=True, blank=True, db_index=True
    )
    # Bumped on every review saved or released: a supervisor's form names the
    # state it was loaded in, so a second supervisor cannot decide unseen.
    review_state = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "assignment_key"],
                name="lms_unique_submission_per_assignment",
            )
        ]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="lms_queue_idx"),
        ]

    def __str__(self):
        return f"{self.enrollment}: {self.assignment_key}"


def submission_file_path(instance, filename):
    # The stored name is random; the (cleaned) name she chose is kept in `name`.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"homework/{instance.submission_id}/{uuid.uuid4().hex}.{extension}"


class SubmissionFile(models.Model):
    """A file or recording attached to a submission.

    While ``in_draft`` it is part of what she is preparing; submitting links the
    draft's files to the new version (which keeps them for good) and leaves
    them in the draft, so a resubmission starts from what she handed in.
    """

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=submission_file_path
    )
    name = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    kind = models.CharField(
        max_length=10,
        choices=SubmissionFileKind.choices,
        default=SubmissionFileKind.FILE,
    )
    in_draft = models.BooleanField(default=True, db_index=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self):
        return self.name


class SubmissionVersion(models.Model):
    """What she handed in at one moment. Never changes once written."""

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("written answer"), blank=True)
    report = models.JSONField(_("report"), default=list, blank=True)
    files = models.ManyToManyField(
        SubmissionFile,
        verbose_name=_("files"),
        related_name="versions",
        blank=True,
    )
    # The draft revision it was made from: the same draft submitted twice
    # (a double click, two tabs) is refused by the database.
    draft_revision = models.PositiveIntegerField()
    submitted_at = models.DateTimeField(_("handed in"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed in by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["submission", "number"]
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="lms_unique_version_number"
            ),
            models.UniqueConstraint(
                fields=["submission", "draft_revision"],
                name="lms_one_version_per_draft",
            ),
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"


def review_audio_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"reviews/{instance.submission_id}/{uuid.uuid4().hex}.{extension}"


class Review(models.Model):
    """A supervisor's decision and feedback on one version.

    A draft (``released_at`` empty) is seen by supervisors only and may be
    edited; once released it is part of the thread for good.
    """

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    version = models.ForeignKey(
        SubmissionVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    # Place in the submission's thread; unique, so two supervisors saving at
    # once cannot both add the same entry.
    number = models.PositiveSmallIntegerField(_("number"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="homework_reviews",
    )
    decision = models.CharField(
        _("decision"), max_length=20, choices=ReviewDecision.choices
    )
    feedback = models.TextField(_("feedback"), blank=True)
    audio = models.FileField(
        _("voice feedback"),
        storage=private_storage,
        upload_to=review_audio_path,
        blank=True,
    )
    audio_content_type = models.CharField(max_length=100, blank=True)
    released_at = models.DateTimeField(_("released"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["submission", "number"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="lms_unique_review_number"
            ),
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(released_at__isnull=True),
                name="lms_one_draft_review_per_version",
            ),
        ]

    def __str__(self):
        return f"{self.version}: {self.get_decision_display()}"

    @property
    def is_released(self) -> bool:
        return self.released_at is not None
