"""Staff pages outside the Wagtail admin, made for a phone.

- a cohort's sessions, each linking to its attendance register;
- the attendance register of one session (a plain form; attendance.js saves
  each mark as it is chosen, without reloading the page);
- the cohort overview, trainees x modules, and its CSV export;
- the printable sign-in sheet that hands a new trainee her one-time link.

Coordinators of the cohort's chapter (and superusers) run registers and
sheets; the cohort's supervisors may also read the overview.
"""

from dataclasses import dataclass

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Count, Q
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from lms import curriculum, enrolment, permissions, reports
from lms.attendance import (
    mark_unmarked_present,
    record_attendance,
    session_counts_for,
)
from lms.choices import AttendanceStatus
from lms.forms import AttendanceMarkForm
from lms.models import (
    Attendance,
    Cohort,
    Enrollment,
    Session,
)
from lms.ui import overview
from lms.ui.sign_in import (
    SIGN_IN_TOKENS_SESSION_KEY,
    remember_sign_in_token,
    tell_replaced_links,
)
from lms.views._http import wants_json


def _cohort_for(user, cohort_id, *, rule):
    cohort = get_object_or_404(
        Cohort.objects.select_related("chapter", "course"), pk=cohort_id
    )
    if not rule(user, cohort):
        raise PermissionDenied
    return cohort


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
    if request.method == "POST":
        enrollments = list(reports.learning_enrollments(session.cohort))
        if request.POST.get("everyone_present"):
            return _mark_everyone_present(request, session, enrollments)
        if wants_json(request):
            return _save_one_mark(request, session, enrollments)
        return _save_register(request, session, enrollments)
    query = request.GET.get("q", "").strip()[:100]
    trainees = reports.learning_enrollments(session.cohort)
    if query:
        trainees = reports.named(trainees, query)
    page = Paginator(trainees, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    marks = Attendance.objects.filter(
        session=session, enrollment__status__in=permissions.LEARNING
    )
    recorded = dict(
        marks.filter(enrollment__in=list(page)).values_list("enrollment_id", "status")
    )
    rows = [
        RegisterRow(e, recorded.get(e.pk, ""), session_counts_for(e, session))
        for e in page
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
            "page_obj": page,
            "query": query,
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


def _mark_everyone_present(request, session, enrollments):
    count = mark_unmarked_present(
        session=session, enrollments=enrollments, by=request.user
    )
    messages.success(
        request,
        ngettext(
            "%(count)s trainee marked present. Now mark who was not there.",
            "%(count)s trainees marked present. Now mark who was not there.",
            count,
        )
        % {"count": count}
        if count
        else _("Everyone already has a mark."),
    )
    return redirect(reverse("lms:attendance", args=[session.pk]))


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
    # Back to the page of the register she was on (?q=...&page=...).
    address = reverse("lms:attendance", args=[session.pk])
    if request.GET:
        address += "?" + request.GET.urlencode()
    return redirect(address)


# --- the cohort overview ------------------------------------------------------------


# Trainees per page of the overview: a big chapter's cohort stays one
# screenful to send and to read; the CSV holds everyone.
OVERVIEW_PAGE_SIZE = 50


@login_required
def cohort_overview(request, cohort_id):
    cohort = _cohort_for(
        request.user, cohort_id, rule=permissions.user_can_follow_cohort
    )
    trainees = reports.learning_enrollments(cohort)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        trainees = reports.named(trainees, query)
    page = Paginator(trainees, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    columns, rows = reports.cohort_matrix(cohort, enrollments=list(page))
    homework_columns = reports.cohort_homework(
        cohort, columns, rows, page_of=reports.learning_count(cohort)
    )
    overview.add_displays(rows)
    return render(
        request,
        "lms/staff/cohort_overview.html",
        {
            "cohort": cohort,
            "columns": columns,
            "rows": rows,
            "page_obj": page,
            "query": query,
            "homework_columns": homework_columns,
            "can_manage": permissions.user_can_manage_cohort(request.user, cohort),
            "min_attendance": curriculum.rules_of(cohort.course).min_attendance_percent,
        },
    )


@login_required
def cohort_overview_csv(request, cohort_id):
    cohort = _cohort_for(
        request.user, cohort_id, rule=permissions.user_can_follow_cohort
    )
    name = slugify(cohort.name, allow_unicode=True) or "cohort"
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.csv"
    response = StreamingHttpResponse(
        reports.overview_csv_lines(cohort), content_type="text/csv; charset=utf-8"
    )
    # filename* keeps æ, ø and å in the name (RFC 6266).
    response["Content-Disposition"] = content_disposition_header(True, filename)
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
