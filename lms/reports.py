"""The numbers of a cohort: who came, who reviewed, who reflected, whose
homework stands where. The cohort overview, its CSV and completion read
them here.

Every report reads in a fixed number of queries, whatever the size of the
group or the course; reflections are known only as a fact (author, module),
their text is never read.
"""

import csv
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from lms import curriculum, homework, permissions
from lms.attendance import session_counts_for
from lms.choices import AttendanceStatus, SubmissionStatus
from lms.models import Attendance, Enrollment, ModuleProgress, Reflection, Submission

# A submission's status as the overview shows it; a draft she has not handed
# in counts as not handed in (staff never read her drafts).
SHOWN_STATUSES = (
    SubmissionStatus.APPROVED,
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.NEEDS_REVISION,
    "",
)


def learning_enrollments(cohort):
    """The cohort's trainees who are learning (active or completed), by name."""
    return (
        cohort.enrollments.filter(status__in=permissions.LEARNING)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    )


def named(enrollments, query: str):
    """Those of `enrollments` whose name or username contains `query`."""
    return enrollments.filter(
        Q(user__first_name__icontains=query)
        | Q(user__last_name__icontains=query)
        | Q(user__username__icontains=query)
    )


def learning_count(cohort) -> int:
    return cohort.enrollments.filter(status__in=permissions.LEARNING).count()


@dataclass
class Cell:
    attendance: str = ""  # an AttendanceStatus, or "" when nothing is recorded
    held: bool = False  # the module's session has taken place
    counts: bool = True  # the session is on/after her enrollment date
    reviewed: bool = False
    reflected: bool = False

    # (symbols, words) shown in the page; set by lms.ui.overview.
    display: tuple = ("", "")


@dataclass
class TraineeRow:
    enrollment: Enrollment
    cells: list = field(default_factory=list)
    present: int = 0
    counted: int = 0
    reviewed: int = 0
    reflected: int = 0
    homework: list = field(default_factory=list)  # HomeworkCell per column
    homework_approved: int = 0

    @property
    def attendance_percent(self):
        if not self.counted:
            return None
        return round(100 * self.present / self.counted)


@dataclass
class ModuleColumn:
    page: Page
    number: int
    title: str
    sessions: list = field(default_factory=list)
    present: int = 0
    reviewed: int = 0
    reflected: int = 0


# --- homework ---------------------------------------------------------------


def homework_label(status) -> str:
    if status == SubmissionStatus.SUBMITTED:
        return _("Waiting for review")
    if status in (SubmissionStatus.APPROVED, SubmissionStatus.NEEDS_REVISION):
        return str(SubmissionStatus(status).label)
    return _("Not handed in")


@dataclass
class HomeworkCell:
    status: str = ""  # a SubmissionStatus other than draft, or "" (not handed in)
    display: tuple = ("", "")


@dataclass
class HomeworkColumn:
    key: object  # the assignment's translation_key
    module_number: int
    title: str
    approved: int = 0
    waiting: int = 0
    needs_revision: int = 0
    missing: int = 0


def cohort_homework(cohort, columns, rows, *, page_of=None) -> list:
    """Homework columns: each assignment of the course's modules, in module
    order, with each trainee's status in ``row.homework`` and totals.

    A fixed number of queries whatever the size of the group or the course:
    where assignments are (reference index), their titles in the page's
    language, and the cohort's submissions' statuses.
    """
    placed = homework.assignments_in_modules([c.page.translation_key for c in columns])
    ordered = [
        (column.number, assignment)
        for column in columns
        for assignment in placed.get(column.page.translation_key, [])
    ]
    keys = [assignment.translation_key for _number, assignment in ordered]
    titles = homework.assignments_by_key(keys, translation.get_language())
    homework_columns = []
    seen = set()
    for number, assignment in ordered:
        if assignment.translation_key in seen:
            continue
        seen.add(assignment.translation_key)
        shown = titles.get(assignment.translation_key, assignment)
        homework_columns.append(
            HomeworkColumn(assignment.translation_key, number, shown.title)
        )
    submissions = Submission.objects.filter(
        enrollment__cohort=cohort, assignment_key__in=seen
    )
    if page_of is not None:
        submissions = submissions.filter(enrollment__in=[r.enrollment for r in rows])
    statuses = {
        (enrollment_id, key): status
        for enrollment_id, key, status in submissions.values_list(
            "enrollment_id", "assignment_key", "status"
        )
    }
    for row in rows:
        row.homework = []
        row.homework_approved = 0
        for column in homework_columns:
            status = statuses.get((row.enrollment.pk, column.key), "")
            if status not in SHOWN_STATUSES:  # her own draft
                status = ""
            row.homework.append(HomeworkCell(status))
            if status == SubmissionStatus.APPROVED:
                column.approved += 1
                row.homework_approved += 1
            elif status == SubmissionStatus.SUBMITTED:
                column.waiting += 1
            elif status == SubmissionStatus.NEEDS_REVISION:
                column.needs_revision += 1
            else:
                column.missing += 1
    if page_of is not None:
        _whole_cohort_homework_totals(cohort, homework_columns, page_of)
    return homework_columns


def _whole_cohort_homework_totals(cohort, homework_columns, trainees: int) -> None:
    """The totals row of a page of trainees counts the whole cohort: one
    query, counted in the database."""
    counts = {
        (key, status): n
        for key, status, n in Submission.objects.filter(
            enrollment__cohort=cohort,
            enrollment__status__in=permissions.LEARNING,
            assignment_key__in=[column.key for column in homework_columns],
            status__in=SHOWN_STATUSES,
        )
        .values_list("assignment_key", "status")
        .annotate(n=Count("id"))
        .order_by()
    }
    for column in homework_columns:
        column.approved = counts.get((column.key, SubmissionStatus.APPROVED), 0)
        column.waiting = counts.get((column.key, SubmissionStatus.SUBMITTED), 0)
        column.needs_revision = counts.get(
            (column.key, SubmissionStatus.NEEDS_REVISION), 0
        )
        column.missing = max(
            trainees - column.approved - column.waiting - column.needs_revision, 0
        )


def cohort_matrix(cohort, enrollments=None):
    """Trainees x modules: attended, reviewed at home, reflection written.

    A fixed number of queries whatever the size of the group or the course:
    every fact is fetched for the whole cohort at once and joined here.
    Reflections are known only as a fact (author, module): their text is
    never read. ``enrollments`` (a page of the cohort's trainees) limits the
    rows to them, and the column totals are then counted for the whole
    cohort in the database.
    """
    paged = enrollments is not None
    now = timezone.now()
    modules = list(
        curriculum.course_modules(cohort.course).only(
            "id", "title", "translation_key", "path"
        )
    )
    titles = curriculum.titles_in_language([m.translation_key for m in modules])
    columns = [
        ModuleColumn(m, n, titles.get(m.translation_key, m.title))
        for n, m in enumerate(modules, start=1)
    ]
    by_module = {c.page.pk: c for c in columns}
    for session in cohort.sessions.filter(cancelled=False).only(
        "id", "cohort_id", "module_id", "starts_at", "cancelled"
    ):
        if session.module_id in by_module:
            by_module[session.module_id].sessions.append(session)

    enrollments = list(learning_enrollments(cohort) if not paged else enrollments)
    attendance = Attendance.objects.filter(
        session__cohort=cohort, enrollment__cohort=cohort
    )
    progress = ModuleProgress.objects.filter(
        enrollment__cohort=cohort, reviewed_at__isnull=False
    )
    keys = [m.translation_key for m in modules]
    reflections = (
        Reflection.objects.filter(
            author__enrollments__cohort=cohort, module_key__in=keys
        )
        .exclude(text="", audio="")
        .order_by()
    )
    if paged:
        attendance = attendance.filter(enrollment__in=enrollments)
        progress = progress.filter(enrollment__in=enrollments)
        reflections = reflections.filter(author__in=[e.user_id for e in enrollments])
    marks = {
        (enrollment_id, session_id): status
        for enrollment_id, session_id, status in attendance.values_list(
            "enrollment_id", "session_id", "status"
        )
    }
    reviewed = set(progress.values_list("enrollment_id", "module_key"))
    reflected = set(reflections.values_list("author_id", "module_key").distinct())
    # Homework: see cohort_homework, which the overview and its CSV add.

    rows = []
    for enrollment in enrollments:
        row = TraineeRow(enrollment)
        for column in columns:
            cell = Cell(
                reviewed=(enrollment.pk, column.page.translation_key) in reviewed,
                reflected=(enrollment.user_id, column.page.translation_key)
                in reflected,
            )
            for session in column.sessions:
                held = session.starts_at <= now
                counts = session_counts_for(enrollment, session)
                status = marks.get((enrollment.pk, session.pk), "")
                cell.held = cell.held or held
                cell.counts = counts
                if status and cell.attendance != AttendanceStatus.PRESENT:
                    cell.attendance = status
                if held and counts:
                    row.counted += 1
                    if status == AttendanceStatus.PRESENT:
                        row.present += 1
            if cell.attendance == AttendanceStatus.PRESENT:
                column.present += 1
            row.reviewed += cell.reviewed
            row.reflected += cell.reflected
            column.reviewed += cell.reviewed
            column.reflected += cell.reflected
            row.cells.append(cell)
        rows.append(row)
    if paged:
        _whole_cohort_module_totals(cohort, columns)
    return columns, rows


def _whole_cohort_module_totals(cohort, columns) -> None:
    """Per module: trainees present at its session, who reviewed it, who
    wrote a reflection on it; three queries, counted in the database."""
    learning = {"status__in": permissions.LEARNING}
    present = dict(
        Attendance.objects.filter(
            session__cohort=cohort,
            session__cancelled=False,
            status=AttendanceStatus.PRESENT,
            enrollment__cohort=cohort,
            **{f"enrollment__{k}": v for k, v in learning.items()},
        )
        .values_list("session__module_id")
        .annotate(n=Count("enrollment", distinct=True))
        .order_by()
    )
    keys = [column.page.translation_key for column in columns]
    reviewed = dict(
        ModuleProgress.objects.filter(
            enrollment__cohort=cohort,
            reviewed_at__isnull=False,
            module_key__in=keys,
            **{f"enrollment__{k}": v for k, v in learning.items()},
        )
        .values_list("module_key")
        .annotate(n=Count("enrollment", distinct=True))
        .order_by()
    )
    authors = cohort.enrollments.filter(**learning).values("user_id")
    reflected = dict(
        Reflection.objects.filter(author__in=authors, module_key__in=keys)
        .exclude(text="", audio="")
        .values_list("module_key")
        .annotate(n=Count("author", distinct=True))
        .order_by()
    )
    for column in columns:
        column.present = present.get(column.page.pk, 0)
        column.reviewed = reviewed.get(column.page.translation_key, 0)
        column.reflected = reflected.get(column.page.translation_key, 0)


# --- the CSV export -----------------------------------------------------------


def _csv_safe(value):
    """Keep spreadsheet programs from running a cell as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() returns what it was given."""

    def write(self, value):
        return value


# Languages whose spreadsheet programs (Excel's regional settings) separate
# a list with a semicolon, since their decimal mark is a comma: a comma
# there would put a whole row in one cell.
SEMICOLON_LANGUAGES = {"nb", "da", "tr"}


def csv_separator(language: str | None = None) -> str:
    """The list separator a spreadsheet expects in `language` (default: the
    active one)."""
    language = (language or translation.get_language() or "").split("-")[0]
    return ";" if language in SEMICOLON_LANGUAGES else ","


def overview_csv_lines(cohort):
    """The cohort overview as CSV text, line by line (for a streaming answer):
    every trainee, every module and every assignment, with totals."""
    columns, rows = cohort_matrix(cohort)
    homework_columns = cohort_homework(cohort, columns, rows)
    writer = csv.writer(_Echo(), delimiter=csv_separator())
    yield "\ufeff"  # so spreadsheet programs read it as UTF-8
    header = [_("Trainee"), _("Enrolled on"), _("Attendance (%)"), _("Attended")]
    header += [_("Sessions counted"), _("Reviewed at home"), _("Reflections")]
    for column in columns:
        header += [
            _("%(number)s %(title)s: attendance")
            % {"number": column.number, "title": column.title},
            _("%(number)s: reviewed") % {"number": column.number},
            _("%(number)s: reflection") % {"number": column.number},
        ]
    for column in homework_columns:
        header.append(
            _("%(number)s: homework “%(title)s”")
            % {"number": column.module_number, "title": column.title}
        )
    if homework_columns:
        header.append(_("Homework approved"))
    yield writer.writerow([_csv_safe(h) for h in header])
    yes = _("yes")
    for row in rows:
        user = row.enrollment.user
        line = [
            user.get_full_name() or user.get_username(),
            row.enrollment.enrolled_on.isoformat(),
            row.attendance_percent if row.attendance_percent is not None else "",
            row.present,
            row.counted,
            row.reviewed,
            row.reflected,
        ]
        for cell in row.cells:
            mark = AttendanceStatus(cell.attendance).label if cell.attendance else ""
            line += [mark, yes if cell.reviewed else "", yes if cell.reflected else ""]
        line += [homework_label(cell.status) for cell in row.homework]
        if homework_columns:
            line.append(f"{row.homework_approved}/{len(homework_columns)}")
        yield writer.writerow([_csv_safe(value) for value in line])
    totals = [_("Total"), "", "", "", "", "", ""]
    for column in columns:
        totals += [column.present, column.reviewed, column.reflected]
    for column in homework_columns:
        totals.append(
            _(
                "%(approved)s approved, %(waiting)s waiting, %(revision)s to revise, "
                "%(missing)s not handed in"
            )
            % {
                "approved": column.approved,
                "waiting": column.waiting,
                "revision": column.needs_revision,
                "missing": column.missing,
            }
        )
    if homework_columns:
        totals.append(sum(row.homework_approved for row in rows))
    yield writer.writerow([_csv_safe(value) for value in totals])
