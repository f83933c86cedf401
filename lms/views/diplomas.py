"""Completion and diplomas in the browser.

- ``lms:verify_diploma`` (public, never behind a login): what a diploma
  prints and whether it stands, by its code; ``lms:verify_diploma_form``
  to type a code. An unknown code is a plain 404.
- ``lms:checklist``: her checklist (what she has done, what remains, the
  exceptions granted), for her and the staff of her cohort;
  ``lms:my_completion`` leads her to hers.
- ``lms:cohort_completion``: the coordinator's view of the whole cohort (who
  has completed, who is on track, who is at risk and why), with issuing for
  one or all, exceptions and revoking.
- ``lms:diploma_pdf``: the PDF, for its holder and her chapter's staff only
  (her Open Badges credential downloads are in lms.views.badges).
"""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lms import completion, files, permissions
from lms.choices import EnrollmentStatus, ExceptionKind, Requirement
from lms.diplomas import codes
from lms.diplomas.issue import NotEligible, issue_diploma, issue_for_cohort, revoke
from lms.models import Cohort, CompletionException, Diploma, Enrollment

REASON_MAX = 2000

# --- forms --------------------------------------------------------------------


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Verification code"),
        max_length=200,
        help_text=gettext_lazy("The code printed under the QR code on the diploma."),
    )

    def clean_code(self):
        try:
            return codes.normalise_code(self.cleaned_data["code"])
        except codes.InvalidCode:
            raise forms.ValidationError(
                _(
                    "This is not a verification code. Check what you typed: "
                    "a code has 28 letters and digits."
                )
            ) from None


class ExceptionForm(forms.Form):
    enrollment = forms.TypedChoiceField(label=gettext_lazy("Trainee"), coerce=int)
    kind = forms.ChoiceField(
        label=gettext_lazy("What to grant"),
        choices=ExceptionKind.choices,
        widget=forms.RadioSelect,
    )
    session = forms.TypedChoiceField(
        label=gettext_lazy("Session (for an excused absence)"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    requirement = forms.ChoiceField(
        label=gettext_lazy("Requirement (for a waiver)"),
        choices=[("", "—"), *Requirement.choices],
        required=False,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX,
        help_text=gettext_lazy("Shown on her checklist, with your name and the date."),
    )

    def __init__(self, *args, trainees=(), sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrollment"].choices = [("", "—"), *trainees]
        self.fields["session"].choices = [("", "—"), *sessions]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == ExceptionKind.EXCUSED_ABSENCE and not data.get("session"):
            self.add_error("session", _("Choose the session she was absent from."))
        if kind == ExceptionKind.WAIVER and not data.get("requirement"):
            self.add_error("requirement", _("Choose the requirement to waive."))
        return data


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is the diploma revoked?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=REASON_MAX,
    )


# --- helpers ------------------------------------------------------------------


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _cohort_for(user, cohort_id, rule):
    cohort = get_object_or_404(
        Cohort.objects.select_related("chapter", "course"), pk=cohort_id
    )
    if not rule(user, cohort):
        raise PermissionDenied
    return cohort


def _diplomas_of(enrollment_ids) -> dict:
    return {
        d.enrollment_id: d
        for d in Diploma.objects.filter(enrollment_id__in=enrollment_ids)
    }


# --- the public verification page ---------------------------------------------


def _claims_context(diploma: Diploma) -> dict:
    claims = diploma.claims or {}
    dates = {}
    for name in ("period_start", "period_end", "issued_on"):
        try:
            dates[name] = datetime.date.fromisoformat(claims.get(name, ""))
        except (TypeError, ValueError):
            dates[name] = None
    return {
        "diploma": diploma,
        "claims": claims,
        "dates": dates,
        "modules": [m[0] for m in claims.get("modules", [])],
    }


@never_cache
def verify_diploma(request, code):
    """What the diploma with `code` prints and whether it stands. Public."""
    try:
        canonical = codes.normalise_code(code)
    except codes.InvalidCode:
        raise Http404 from None
    if canonical != code:
        return redirect("lms:verify_diploma", code=canonical)
    diploma = Diploma.objects.filter(code=canonical).first()
    if diploma is None:
        raise Http404
    context = _claims_context(diploma)
    context["form"] = CodeForm()
    # Her signed credential is hers (and her chapter's staff's) to hand out.
    context["can_download"] = permissions.user_can_download_diploma(
        request.user, diploma
    )
    return render(request, "lms/diplomas/verify.html", context)


def verify_diploma_form(request):
    """Type the code of a paper diploma. Public."""
    form = CodeForm(request.GET or None)
    status = 200
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["code"]
        if Diploma.objects.filter(code=code).exists():
            return redirect("lms:verify_diploma", code=code)
        form.add_error(
            "code",
            _("No diploma has this code. Check what you typed, or ask the issuer."),
        )
        status = 404
    elif form.is_bound:
        status = 400
    return render(request, "lms/diplomas/verify.html", {"form": form}, status=status)


# --- her checklist ------------------------------------------------------------


@login_required
def my_completion(request):
    """Her checklists: straight to it when she is in one cohort."""
    enrollments = list(
        Enrollment.objects.filter(
            user=request.user,
            status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED],
        ).select_related("cohort__course", "cohort__chapter", "diploma")
    )
    if len(enrollments) == 1:
        return redirect("lms:checklist", enrollment_id=enrollments[0].pk)
    return render(
        request, "lms/diplomas/my_completion.html", {"enrollments": enrollments}
    )


@login_required
def checklist(request, enrollment_id):
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("user", "cohort__course", "cohort__chapter"),
        pk=enrollment_id,
    )
    if not permissions.user_can_view_checklist(request.user, enrollment):
        raise PermissionDenied
    result = completion.evaluate(enrollment)
    diploma = Diploma.objects.filter(enrollment=enrollment).first()
    return render(
        request,
        "lms/diplomas/checklist.html",
        {
            "enrollment": enrollment,
            "cohort": enrollment.cohort,
            "result": result,
            "diploma": diploma,
            "is_hers": enrollment.user_id == request.user.pk,
            "trainee_name": _name(enrollment.user),
        },
    )


# --- the coordinator's cohort page --------------------------------------------


def _cohort_context(request, cohort, *, exception_form=None):
    results = completion.evaluate_cohort(cohort)
    diplomas = _diplomas_of([r.enrollment.pk for r in results])
    sessions = list(
        cohort.sessions.filter(cancelled=False)
        .select_related("module")
        .order_by("starts_at")
    )
    rows = []
    for result in results:
        diploma = diplomas.get(result.enrollment.pk)
        if diploma is not None and not diploma.is_revoked:
            standing = "diploma"
        elif result.met:
            standing = "complete"
        elif result.at_risk:
            standing = "at_risk"
        else:
            standing = "on_track"
        rows.append(
            {
                "result": result,
                "name": _name(result.enrollment.user),
                "diploma": diploma,
                "standing": standing,
            }
        )
    can_manage = permissions.user_can_issue_diplomas(request.user, cohort)
    if exception_form is None and can_manage:
        exception_form = _exception_form(None, results, sessions)
    counts = {
        key: sum(1 for row in rows if row["standing"] == key)
        for key in ("diploma", "complete", "on_track", "at_risk")
    }
    return {
        "cohort": cohort,
        "rows": rows,
        "rules": results[0].rules if results else completion.rules_for(cohort),
        "counts": counts,
        "can_manage": can_manage,
        "exception_form": exception_form,
        "revoke_form": RevokeForm(),
    }


def _exception_form(data, results, sessions):
    trainees = [(r.enrollment.pk, _name(r.enrollment.user)) for r in results]
    session_choices = [
        (
            s.pk,
            f"{s.starts_at:%d.%m.%Y} – {s.module.title}",
        )
        for s in sessions
    ]
    return ExceptionForm(data, trainees=trainees, sessions=session_choices)


@login_required
def cohort_completion(request, cohort_id):
    cohort = _cohort_for(
        request.user, cohort_id, permissions.user_can_view_cohort_completion
    )
    return render(
        request,
        "lms/diplomas/cohort_completion.html",
        _cohort_context(request, cohort),
    )


@require_POST
@login_required
def grant_exception(request, cohort_id):
    cohort = _cohort_for(request.user, cohort_id, permissions.user_can_issue_diplomas)
    results = completion.evaluate_cohort(cohort)
    sessions = list(cohort.sessions.filter(cancelled=False).select_related("module"))
    form = _exception_form(request.POST, results, sessions)
    if form.is_valid():
        enrollment = next(
            r.enrollment
            for r in results
            if r.enrollment.pk == form.cleaned_data["enrollment"]
        )
        if not permissions.user_can_grant_exception(request.user, enrollment):
            raise PermissionDenied
        kind = form.cleaned_data["kind"]
        CompletionException.objects.create(
            enrollment=enrollment,
            kind=kind,
            session_id=(
                form.cleaned_data["session"]
                if kind == ExceptionKind.EXCUSED_ABSENCE
                else None
            ),
            requirement=(
                form.cleaned_data["requirement"] if kind == ExceptionKind.WAIVER else ""
            ),
            reason=form.cleaned_data["reason"].strip(),
            granted_by=request.user,
        )
        messages.success(
            request,
            _("Exception granted to %(name)s.") % {"name": _name(enrollment.user)},
        )
        return redirect("lms:cohort_completion", cohort_id=cohort.pk)
    return render(
        request,
        "lms/diplomas/cohort_completion.html",
        _cohort_context(request, cohort, exception_form=form),
        status=400,
    )


@require_POST
@login_required
def issue(request, cohort_id):
    """Issue to one trainee (``enrollment``) or to all who completed."""
    cohort = _cohort_for(request.user, cohort_id, permissions.user_can_issue_diplomas)
    back = reverse("lms:cohort_completion", kwargs={"cohort_id": cohort.pk})
    one = request.POST.get("enrollment", "")
    if one:
        enrollment = Enrollment.objects.filter(
            cohort=cohort, pk=one if one.isdigit() else None
        ).first()
        if enrollment is None:
            messages.error(request, _("This trainee is not in the cohort."))
            return redirect(back)
        try:
            diploma = issue_diploma(enrollment, by=request.user)
        except NotEligible as refused:
            messages.error(
                request,
                _("No diploma for %(name)s yet: %(reasons)s")
                % {
                    "name": _name(enrollment.user),
                    "reasons": " ".join(refused.reasons),
                },
            )
        else:
            messages.success(
                request,
                _("Diploma issued to %(name)s (code %(code)s).")
                % {"name": diploma.holder_name, "code": diploma.code},
            )
        return redirect(back)
    outcome = issue_for_cohort(cohort, by=request.user)
    messages.success(
        request,
        _(
            "%(issued)s diplomas issued; %(existing)s already had one; "
            "%(refused)s have not completed yet."
        )
        % {
            "issued": len(outcome.issued),
            "existing": len(outcome.existing),
            "refused": len(outcome.refused),
        },
    )
    return redirect(back)


@require_POST
@login_required
def revoke_diploma(request, diploma_id):
    diploma = get_object_or_404(
        Diploma.objects.select_related("enrollment__cohort"), pk=diploma_id
    )
    if not permissions.user_can_revoke_diploma(request.user, diploma):
        raise PermissionDenied
    form = RevokeForm(request.POST)
    back = (
        reverse(
            "lms:cohort_completion", kwargs={"cohort_id": diploma.enrollment.cohort_id}
        )
        if diploma.enrollment
        else reverse("lms:verify_diploma", kwargs={"code": diploma.code})
    )
    if not form.is_valid():
        messages.error(request, _("Write why the diploma is revoked."))
        return redirect(back)
    revoke(diploma, request.user, form.cleaned_data["reason"])
    messages.success(
        request,
        _("The diploma of %(name)s is revoked.") % {"name": diploma.holder_name},
    )
    return redirect(back)


# --- the PDF ------------------------------------------------------------------


def downloadable_diploma(request, diploma_id) -> Diploma:
    """The diploma `diploma_id` if the signed-in user may download it (her
    own, or her chapter's staff: `permissions.user_can_download_diploma`);
    404 otherwise, the same whether the id exists or not: nothing to guess.
    Used by the PDF and by the Open Badges downloads (lms.views.badges)."""
    diploma = (
        Diploma.objects.filter(pk=diploma_id)
        .select_related("enrollment__cohort", "user")
        .filter(Q(user__isnull=False) | Q(enrollment__isnull=False))
        .first()
    )
    if diploma is None or not permissions.user_can_download_diploma(
        request.user, diploma
    ):
        raise Http404
    return diploma


@never_cache
@login_required
def diploma_pdf(request, diploma_id):
    diploma = downloadable_diploma(request, diploma_id)
    if not diploma.pdf:
        return render(
            request,
            "lms/diplomas/pdf_pending.html",
            {"diploma": diploma},
            status=503,
        )
    return files.private_file_response(
        diploma.pdf,
        content_type="application/pdf",
        filename=f"diploma-{diploma.code}.pdf",
    )


urlpatterns = [
    path("diplomas/", verify_diploma_form, name="verify_diploma_form"),
    path("diplomas/<int:diploma_id>/pdf/", diploma_pdf, name="diploma_pdf"),
    path("diplomas/<int:diploma_id>/revoke/", revoke_diploma, name="revoke_diploma"),
    path("diplomas/<str:code>/", verify_diploma, name="verify_diploma"),
    path("my/completion/", my_completion, name="my_completion"),
    path("my/completion/<int:enrollment_id>/", checklist, name="checklist"),
    path(
        "staff/cohorts/<int:cohort_id>/completion/",
        cohort_completion,
        name="cohort_completion",
    ),
    path(
        "staff/cohorts/<int:cohort_id>/completion/exception/",
        grant_exception,
        name="grant_exception",
    ),
    path(
        "staff/cohorts/<int:cohort_id>/completion/issue/",
        issue,
        name="issue_diplomas",
    ),
]
