"""Groups and their evenings: chapters, cohorts, staff, enrollments,
sessions and attendance."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.choices import AttendanceStatus, EnrollmentStatus, StaffRole


class Chapter(models.Model):
    """A local association or district (Alna, Grorud, Stovner...).

    Coordinators are scoped to the chapters they are listed on.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        related_name="coordinated_chapters",
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return self.name


class Cohort(models.Model):
    """One group taking one course in one chapter."""

    chapter = models.ForeignKey(
        Chapter,
        verbose_name=_("chapter"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    # The course in the programme's source language; every translation shares
    # its translation_key.
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=150)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    language = models.CharField(
        _("language of instruction"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="nb",
    )
    # The completion rule: empty means "as the course says".
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Leave empty to use the course's rule."),
    )
    require_all_homework = models.BooleanField(
        _("all homework must be approved"), null=True, blank=True
    )
    require_all_quizzes = models.BooleanField(
        _("all quizzes must be passed"), null=True, blank=True
    )
    require_all_h5p = models.BooleanField(
        _("all interactive exercises must be completed"), null=True, blank=True
    )
    require_modules_reviewed = models.BooleanField(
        _("every module must be reviewed at home"), null=True, blank=True
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "How many women the group takes. Leave empty for no limit; when "
            "it is full, accepted applicants go on the waiting list."
        ),
    )
    open_all_material = models.BooleanField(
        _("open all material at once"),
        default=False,
        help_text=_(
            "Otherwise trainees can review a module at home once its session "
            "has been held."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self):
        return self.name

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("A cohort cannot end before it starts.")}
            )


class CohortStaff(models.Model):
    """A coordinator or supervisor of one cohort."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="staff"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="cohort_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=StaffRole.choices)

    class Meta:
        verbose_name = _("cohort staff member")
        verbose_name_plural = _("cohort staff")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user", "role"], name="lms_unique_cohort_staff_role"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.cohort})"


class Enrollment(models.Model):
    """A person in a cohort, from application to completion."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="enrollments",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.ACTIVE,
    )
    # Sessions before this date do not count for or against her attendance.
    enrolled_on = models.DateField(_("enrolled on"), default=timezone.localdate)
    screening_notes = models.TextField(
        _("screening notes"),
        blank=True,
        help_text=_("Seen by coordinators only."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cohort", "user__first_name", "user__username"]
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"], name="lms_unique_enrollment"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.cohort}"


class Session(models.Model):
    """One evening of a cohort: a module taught at a time and place."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    # The module page in the source language (translations share its key).
    module = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    lecturers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lecturers"),
        related_name="lectured_sessions",
        blank=True,
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.cohort}: {self.module.title}"

    @property
    def is_held(self):
        return not self.cancelled and self.starts_at <= timezone.now()

    def clean(self):
        errors = {}
        if self.starts_at and self.cohort_id:
            if timezone.localdate(self.starts_at) < self.cohort.starts_on:
                errors["starts_at"] = _(
                    "This date is before the cohort starts (%(date)s)."
                ) % {"date": self.cohort.starts_on}
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A session must end after it starts.")
        if errors:
            raise ValidationError(errors)


class Attendance(models.Model):
    """Whether a trainee came to one evening."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    status = models.CharField(
        _("attendance"), max_length=20, choices=AttendanceStatus.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "session"], name="lms_unique_attendance"
            )
        ]

    def __str__(self):
        return f"{self.enrollment.user} @ {self.session}: {self.status}"
