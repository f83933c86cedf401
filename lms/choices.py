"""Choices shared by the learning engine and the content that uses it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class EnrollmentStatus(models.TextChoices):
    """Where a person stands in a cohort."""

    APPLICANT = "applicant", _("Applicant")
    WAITLISTED = "waitlisted", _("On the waiting list")
    ACTIVE = "active", _("Active")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")


class StaffRole(models.TextChoices):
    """What a staff member does for a cohort."""

    COORDINATOR = "coordinator", _("Coordinator")
    SUPERVISOR = "supervisor", _("Supervisor")


class AttendanceStatus(models.TextChoices):
    """A trainee's attendance at one evening."""

    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent with notice")
    ABSENT = "absent", _("Absent")


class RoleGroup(models.TextChoices):
    """The Django groups that carry the programme's roles (scope comes from data)."""

    TRAINEE = "Trainee", _("Trainee")
    # A context of its own: templates use "Lecturer" with a plural, and a
    # plural catalogue entry does not answer a singular lookup.
    LECTURER = "Lecturer", pgettext_lazy("role", "Lecturer")
    SUPERVISOR = "Supervisor", _("Supervisor")
    COORDINATOR = "Coordinator", _("Coordinator")


class SubmissionStatus(models.TextChoices):
    """Where a trainee's homework stands."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    NEEDS_REVISION = "needs_revision", _("Needs revision")
    APPROVED = "approved", _("Approved")


class ReviewDecision(models.TextChoices):
    """A supervisor's decision on one version of a trainee's homework."""

    APPROVED = "approved", _("Approved")
    NEEDS_REVISION = "needs_revision", _("Needs revision")


class ReportFieldKind(models.TextChoices):
    """How a field of a homework report form is answered."""

    SHORT = "short", _("Short answer")
    LONG = "long", _("Longer text")
    CHOICE = "choice", _("Choose one")


class SubmissionFileKind(models.TextChoices):
    """An attachment to homework: a file she chose or a recording she made."""

    FILE = "file", _("File")
    AUDIO = "audio", _("Voice recording")


class MaterialKind(models.TextChoices):
    """What a lecturer's material is."""

    FILE = "file", _("File")
    LINK = "link", _("Link")
    H5P = "h5p", _("Interactive exercise")


class MaterialVisibility(models.TextChoices):
    """When trainees of the cohort see a material."""

    IMMEDIATELY = "immediately", _("Right away")
    AFTER_SESSION = "after_session", _("After the session")


class QuestionKind(models.TextChoices):
    """How a quiz question is answered."""

    CHOICE = "choice", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    ESSAY = "essay", _("Written answer (marked by a supervisor)")


class H5PGrading(models.TextChoices):
    """Which of her attempts at an interactive exercise counts (as in
    Moodle's mod_h5pactivity)."""

    HIGHEST = "highest", _("Highest attempt")
    AVERAGE = "average", _("Average of the attempts")
    FIRST = "first", _("First attempt")
    LAST = "last", _("Last attempt")
    NONE = "none", _("No grade (taking part is enough)")


class ExceptionKind(models.TextChoices):
    """What a coordinator granted one trainee towards completion."""

    EXCUSED_ABSENCE = "excused_absence", _("Absence excused")
    WAIVER = "waiver", _("Requirement waived")


class Requirement(models.TextChoices):
    """The parts of a course's completion rule."""

    ATTENDANCE = "attendance", _("Attendance")
    HOMEWORK = "homework", _("Homework approved")
    QUIZZES = "quizzes", _("Quizzes passed")
    H5P = "h5p", _("Interactive exercises completed")
    MODULES = "modules", _("Modules reviewed at home")


class ApplicationStatus(models.TextChoices):
    """Where an alumna's application to a continuing-education track stands."""

    APPLIED = "applied", _("Applied")
    WAITLISTED = "waitlisted", _("On the waiting list")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
