"""Staff pages outside the Wagtail admin, made for a phone.

- a cohort's sessions, each linking to its attendance register;
- the attendance register of one session (a plain form; attendance.js saves
  each mark as it is chosen, without reloading the page);
- the cohort overview, trainees x modules, and its CSV export;
- the printable sign-in sheet that hands a new trainee her one-time link.

Coordinators of the cohort's chapter (and superusers) run registers and
sheets; the cohort's supervisors may also read the overview.
"""

import csv
from dataclasses import dataclass, field

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from lms import curriculum, enrolment, homework, permissions
from lms.attendance import record_attendance, session_counts_for
from lms.choices import AttendanceStatus, SubmissionStatus
from lms.forms import AttendanceMarkForm
from lms.models import (
    Attendance,
    Cohort,
    Enrollment,
    ModuleProgress,
    Reflection,
    Session,
    Submission,
)
from lms.viewsets import (
    SIGN_IN_TOKENS_SESSION_KEY,
    remember_sign_in_token,
    tell_replaced_links,
)


def _cohort_for(user, cohort_id, *, rule):
    cohort = get_object_or_404(
        Cohort.objects.select_related("chapter", "course"), pk=cohort_id
    )
    if not rule(user, cohort):
        raise PermissionDenied
    return cohort


def _learning_enrollments(cohort):
    return (
        cohort.enrollments.filter(status__in=permissions.LEARNING)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


# --- a cohort's sessions --------------------------------------------------------


@login_required
def cohort_sessions(request, cohort_id):
    cohort = _cohort_for(
        request.user, cohort_id, rule=permissions.user_can_manage_cohort
    )
    sessions = (
        cohort.sessions.select_related("module")
        .prefetch_related("lecturers")
        .annotate(
            recorded=Count("attendances"),
            present=Count(
                "attendances",
                filter=Q(attendances__status=AttendanceStatus.PRESENT),
            ),
        )
        .order_by("starts_at")
    )
    return render(
        request,
        "lms/staff/cohort_sessions.html",
        {
            "cohort": cohort,
            "sessions": sessions,
            "trainee_count": cohort.enrollments.filter(
                status__in=permissions.LEARNING
            ).count(),
            "now": timezone.now(),
        },
    )


# --- the attendance register ------------------------------------------------------


@dataclass
class RegisterRow:
    enrollment: Enrollment
    status: str
    counts: bool


@login_required
def attendance(request, session_id):
    session = get_object_or_404(
        Session.objects.select_related("cohort", "module"), pk=session_id
    )
    if not permissions.user_can_take_attendance(request.user, session):
        raise PermissionDenied
    enrollments = list(_learning_enrollments(session.cohort))
    if request.method == "POST":
        if _wants_json(request):
            return _save_one_mark(request, session, enrollments)
        return _save_register(request, session, enrollments)
    recorded = dict(
        Attendance.objects.filter(session=session).values_list(
            "enrollment_id", "status"
        )
    )
    rows = [
        RegisterRow(e, recorded.get(e.pk, ""), session_counts_for(e, session))
        for e in enrollments
    ]
    siblings = list(session.cohort.sessions.order_by("starts_at").values_list("pk"))
    index = siblings.index((session.pk,))
    return render(
        request,
        "lms/staff/attendance.html",
        {
            "session": session,
            "cohort": session.cohort,
            "rows": rows,
            "statuses": AttendanceStatus.choices,
            "recorded_count": sum(1 for row in rows if row.status),
            "previous_id": siblings[index - 1][0] if index > 0 else None,
            "next_id": siblings[index + 1][0] if index + 1 < len(siblings) else None,
            "not_started": session.starts_at > timezone.now(),
            "texts": {
                "saving": _("Saving…"),
                "saved": _("Saved"),
                "error": _("Not saved. Check the connection and try again."),
                "retry": _("Try again"),
            },
        },
    )


def _record(request, session, enrollment, status):
    try:
        record_attendance(
            session=session, enrollment=enrollment, status=status, by=request.user
        )
    except IntegrityError:  # two taps raced; the second one wins on retry
        record_attendance(
            session=session, enrollment=enrollment, status=status, by=request.user
        )


def _save_one_mark(request, session, enrollments):
    """One trainee's mark, sent by attendance.js as soon as it is chosen."""
    form = AttendanceMarkForm(request.POST)
    by_id = {e.pk: e for e in enrollments}
    if not form.is_valid():
        return JsonResponse(
            {"ok": False, "error": _("Choose present, absent with notice or absent.")},
            status=400,
        )
    enrollment = by_id.get(form.cleaned_data["enrollment"])
    if enrollment is None:
        return JsonResponse(
            {"ok": False, "error": _("This trainee is not in the group.")}, status=400
        )
    if not session_counts_for(enrollment, session):
        return JsonResponse(
            {"ok": False, "error": _("She joined after this session.")}, status=400
        )
    status = form.cleaned_data["status"]
    _record(request, session, enrollment, status)
    return JsonResponse(
        {"ok": True, "status": status, "label": str(AttendanceStatus(status).label)}
    )


def _save_register(request, session, enrollments):
    """The whole register at once: the form as sent without JavaScript."""
    recorded = dict(
        Attendance.objects.filter(session=session).values_list(
            "enrollment_id", "status"
        )
    )
    saved = 0
    for enrollment in enrollments:
        status = request.POST.get(f"status-{enrollment.pk}", "")
        if not status or status == recorded.get(enrollment.pk):
            continue
        if status not in AttendanceStatus.values or not session_counts_for(
            enrollment, session
        ):
            continue
        _record(request, session, enrollment, status)
        saved += 1
    messages.success(
        request,
        _("The register is saved.") if saved else _("Nothing had changed."),
    )
    return redirect("lms:attendance", session.pk)


# --- the cohort overview ------------------------------------------------------------


@dataclass
class Cell:
    attendance: str = ""  # an AttendanceStatus, or "" when nothing is recorded
    held: bool = False  # the module's session has taken place
    counts: bool = True  # the session is on/after her enrollment date
    reviewed: bool = False
    reflected: bool = False

    # (symbols, words) shown in the page; set by cohort_matrix.
    display: tuple = ("", "")


ATTENDANCE_SYMBOLS = {
    AttendanceStatus.PRESENT: "●",
    AttendanceStatus.EXCUSED: "◐",
    AttendanceStatus.ABSENT: "○",
}


def _cell_display(attendance, counts, reviewed, reflected):
    """Coloured symbols for the eye, words for screen readers."""
    symbols, words = [], []
    if attendance:
        symbols.append(
            format_html(
                '<b class="mark--{}">{}</b>', attendance, ATTENDANCE_SYMBOLS[attendance]
            )
        )
        words.append(str(AttendanceStatus(attendance).label))
    elif not counts:
        words.append(_("Joined later"))
    if reviewed:
        symbols.append(format_html('<b class="mark--{}">{}</b>', "reviewed", "✓"))
        words.append(_("Reviewed at home"))
    if reflected:
        symbols.append(format_html('<b class="mark--{}">{}</b>', "reflected", "✎"))
        words.append(_("Reflection written"))
    return format_html_join("", "{}", ((symbol,) for symbol in symbols)), ", ".join(
        words
    )


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


# --- homework in the overview -------------------------------------------------------

# A submission's status as the overview shows it; a draft she has not handed
# in counts as not handed in (staff never read her drafts).
HOMEWORK_STATES = {
    SubmissionStatus.APPROVED: ("★", "approved"),
    SubmissionStatus.SUBMITTED: ("⧗", "waiting"),
    SubmissionStatus.NEEDS_REVISION: ("↺", "revision"),
    "": ("–", "missing"),
}


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


def _homework_display(status):
    symbol, css = HOMEWORK_STATES[status]
    return (
        format_html('<b class="mark--hw-{}">{}</b>', css, symbol),
        homework_label(status),
    )


def cohort_homework(cohort, columns, rows) -> list:
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
    statuses = {
        (enrollment_id, key): status
        for enrollment_id, key, status in Submission.objects.filter(
            enrollment__cohort=cohort, assignment_key__in=seen
        ).values_list("enrollment_id", "assignment_key", "status")
    }
    displays = {status: _homework_display(status) for status in HOMEWORK_STATES}
    for row in rows:
        row.homework = []
        row.homework_approved = 0
        for column in homework_columns:
            status = statuses.get((row.enrollment.pk, column.key), "")
            if status not in HOMEWORK_STATES:  # her own draft
                status = ""
            row.homework.append(HomeworkCell(status, displays[status]))
            if status == SubmissionStatus.APPROVED:
                column.approved += 1
                row.homework_approved += 1
            elif status == SubmissionStatus.SUBMITTED:
                column.waiting += 1
            elif status == SubmissionStatus.NEEDS_REVISION:
                column.needs_revision += 1
            else:
                column.missing += 1
    return homework_columns


def cohort_matrix(cohort):
    """Trainees x modules: attended, reviewed at home, reflection written.

    A fixed number of queries whatever the size of the group or the course:
    every fact is fetched for the whole cohort at once and joined here.
    Reflections are known only as a fact (author, module): their text is
    never read.
    """
    now = timezone.now()
    modules = list(
        curriculum.course_modules(cohort.course).only(
            "id", "title", "translation_key", "path"
        )
    )
    titles = dict(
        Page.objects.filter(
            translation_key__in=[m.translation_key for m in modules],
            locale__language_code=translation.get_language(),
        )
        .live()
        .values_list("translation_key", "title")
    )
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

    enrollments = list(_learning_enrollments(cohort))
    marks = {
        (enrollment_id, session_id): status
        for enrollment_id, session_id, status in Attendance.objects.filter(
            session__cohort=cohort, enrollment__cohort=cohort
        ).values_list("enrollment_id", "session_id", "status")
    }
    keys = [m.translation_key for m in modules]
    reviewed = set(
        ModuleProgress.objects.filter(
            enrollment__cohort=cohort, reviewed_at__isnull=False
        ).values_list("enrollment_id", "module_key")
    )
    reflected = set(
        Reflection.objects.filter(
            author__enrollments__cohort=cohort, module_key__in=keys
        )
        .exclude(text="", audio="")
        .order_by()
        .values_list("author_id", "module_key")
        .distinct()
    )
    # Homework: see cohort_homework, which the overview and its CSV add.

    rows, displays = [], {}
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
            # The same few combinations recur: build each display once.
            key = (cell.attendance, cell.counts, cell.reviewed, cell.reflected)
            if key not in displays:
                displays[key] = _cell_display(*key)
            cell.display = displays[key]
            row.reviewed += cell.reviewed
            row.reflected += cell.reflected
            column.reviewed += cell.reviewed
            column.reflected += cell.reflected
            row.cells.append(cell)
        rows.append(row)
    return columns, rows


@login_required
def cohort_overview(request, cohort_id):
    cohort = _cohort_for(
        request.user, cohort_id, rule=permissions.user_can_follow_cohort
    )
    columns, rows = cohort_matrix(cohort)
    homework_columns = cohort_homework(cohort, columns, rows)
    return render(
        request,
        "lms/staff/cohort_overview.html",
        {
            "cohort": cohort,
            "columns": columns,
            "rows": rows,
            "homework_columns": homework_columns,
            "can_manage": permissions.user_can_manage_cohort(request.user, cohort),
            "min_attendance": curriculum.rules_of(cohort.course).min_attendance_percent,
        },
    )


def _csv_safe(value):
    """Keep spreadsheet programs from running a cell as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


@login_required
def cohort_overview_csv(request, cohort_id):
    cohort = _cohort_for(
        request.user, cohort_id, rule=permissions.user_can_follow_cohort
    )
    columns, rows = cohort_matrix(cohort)
    homework_columns = cohort_homework(cohort, columns, rows)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{slugify(cohort.name) or 'cohort'}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read it as UTF-8
    writer = csv.writer(response)
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
    writer.writerow([_csv_safe(h) for h in header])
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
        writer.writerow([_csv_safe(value) for value in line])
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
    writer.writerow([_csv_safe(value) for value in totals])
    return response


# --- the sign-in sheet --------------------------------------------------------------


def _sign_in_language(enrollment):
    profile = getattr(enrollment.user, "lms_profile", None)
    return (profile and profile.language) or enrollment.cohort.language


@never_cache
@login_required
def sign_in_sheet(request, enrollment_id):
    """A new trainee's one-time sign-in link, shown once, to print or text her.

    Only a hash of the token is stored: the link itself waits in the
    coordinator's session until this page shows it, then it is gone. A new
    link (which stops the old one) is one button away.
    """
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("user__lms_profile", "cohort"),
        pk=enrollment_id,
    )
    if not permissions.user_can_manage_cohort(request.user, enrollment.cohort):
        raise PermissionDenied
    if request.method == "POST":
        if not permissions.may_get_sign_in_link(enrollment.user):
            messages.error(
                request,
                _(
                    "A sign-in link is only for a trainee's first sign-in. She has "
                    "signed in before (or has a staff role), so no new link was "
                    "made: ask an administrator to help her reset her password."
                ),
            )
            return redirect("lms:sign_in_sheet", enrollment.pk)
        try:
            new_link = enrolment.create_sign_in_link(
                user=enrollment.user, created_by=request.user
            )
        except enrolment.SignInLinkRefused:
            messages.error(
                request,
                _(
                    "She is not in a group of yours right now, so you cannot make "
                    "her a sign-in link. Her current coordinator can."
                ),
            )
        else:
            tell_replaced_links(request, new_link)
            remember_sign_in_token(request, enrollment, new_link.token)
        return redirect("lms:sign_in_sheet", enrollment.pk)

    tokens = request.session.get(SIGN_IN_TOKENS_SESSION_KEY, {})
    token = tokens.pop(str(enrollment.pk), None)
    request.session[SIGN_IN_TOKENS_SESSION_KEY] = tokens
    language = _sign_in_language(enrollment)
    context = {
        "enrollment": enrollment,
        "trainee": enrollment.user,
        "language": translation.get_language_info(language),
        "phone": getattr(getattr(enrollment.user, "lms_profile", None), "phone", ""),
    }
    if token:
        with translation.override(language):
            url = request.build_absolute_uri(reverse("lms:sign_in", args=[token]))
        context["url"] = url
        context["expires_on"] = timezone.localdate() + enrolment.SIGN_IN_LINK_LIFETIME
        context["qr_svg"] = segno.make(url, error="m").svg_inline(
            scale=6, title=_("Sign-in link")
        )
    return render(request, "lms/staff/sign_in_sheet.html", context)


urlpatterns = [
    path(
        "staff/cohorts/<int:cohort_id>/sessions/",
        cohort_sessions,
        name="cohort_sessions",
    ),
    path(
        "staff/cohorts/<int:cohort_id>/overview/",
        cohort_overview,
        name="cohort_overview",
    ),
    path(
        "staff/cohorts/<int:cohort_id>/overview.csv",
        cohort_overview_csv,
        name="cohort_overview_csv",
    ),
    path("staff/sessions/<int:session_id>/attendance/", attendance, name="attendance"),
    path(
        "staff/enrollments/<int:enrollment_id>/sign-in-link/",
        sign_in_sheet,
        name="sign_in_sheet",
    ),
]
