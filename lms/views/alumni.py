"""Alumni and continuing-education tracks in the browser.

- ``lms:apply_track`` (POST): she applies to a track, from her dashboard or
  the track's course page; back where she came from with what happened.
- ``lms:my_applications``: her applications and where they stand;
  ``lms:withdraw_application`` (POST) takes one back.
- ``lms:track_applications``: the coordinator's page, per track: new
  applications, the waiting list in the order they applied, her cohorts of
  the track with their free places; ``lms:decide_application`` (POST:
  accept into a cohort, waitlist, decline) and ``lms:fill_places`` (POST:
  give a cohort's free places to its waiting list).

Every rule is lms.permissions.alumni; the work is lms.alumni.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from lms import alumni, permissions
from lms.choices import ApplicationStatus
from lms.models import Cohort
from lms.permissions import alumni as rules
from lms.ui import alumni as alumni_ui
from lms.views._http import int_or_none, next_url


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


# --- hers --------------------------------------------------------------------------


@require_POST
@login_required
def apply_track(request, course_id):
    page = get_object_or_404(Page.objects.live(), pk=course_id)
    back = next_url(request, reverse("lms:my_applications"))
    if not rules.may_apply(request.user):
        raise PermissionDenied
    try:
        alumni.apply(request.user, page, request.POST.get("message", ""))
    except alumni.CannotApply as refused:
        messages.error(request, str(refused))
        return redirect(back)
    messages.success(
        request,
        _(
            "Your application to “%(course)s” has been sent. The coordinator "
            "will let you know."
        )
        % {"course": page.title},
    )
    return redirect(back)


@login_required
def my_applications(request):
    return render(
        request,
        "lms/alumni/my_applications.html",
        {"rows": alumni_ui.my_applications(request.user, request=request)},
    )


@require_POST
@login_required
def withdraw_application(request, application_id):
    application = get_object_or_404(
        rules.own_applications(request.user), pk=application_id
    )
    try:
        alumni.withdraw(application, request.user)
    except alumni.CannotApply as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("lms:my_applications")


# --- the coordinator's -------------------------------------------------------------


@login_required
def track_applications(request):
    if not rules.may_see_applications(request.user):
        raise PermissionDenied
    return render(
        request,
        "lms/alumni/applications.html",
        alumni_ui.applications_page(request.user),
    )


def _decided_message(application, name):
    if application.status == ApplicationStatus.DECLINED:
        return _("The application of %(name)s is declined.") % {"name": name}
    if application.status == ApplicationStatus.ACCEPTED:
        return _("%(name)s is enrolled in the group “%(group)s”.") % {
            "name": name,
            "group": application.cohort.name,
        }
    if application.cohort is not None and application.enrollment_id:
        return _("The group “%(group)s” is full: %(name)s is on its waiting list.") % {
            "name": name,
            "group": application.cohort.name,
        }
    return _("%(name)s is on the waiting list.") % {"name": name}


@require_POST
@login_required
def decide_application(request, application_id):
    # Someone who cannot see it learns nothing, not even that it exists.
    application = get_object_or_404(
        rules.applications_visible_to(request.user).select_related("user", "course"),
        pk=application_id,
    )
    if not rules.may_decide_application(request.user, application):
        raise PermissionDenied
    back = reverse("lms:track_applications")
    action = request.POST.get("action", "")
    cohort = None
    cohort_id = int_or_none(request.POST.get("cohort"))
    if cohort_id is not None:
        cohort = Cohort.objects.select_related("course").filter(pk=cohort_id).first()
        if cohort is None or not rules.may_place_in_cohort(
            request.user, application, cohort
        ):
            messages.error(request, _("Choose one of your groups of this course."))
            return redirect(back)
    try:
        if action == "accept":
            if cohort is None:
                messages.error(request, _("Choose the group to accept her into."))
                return redirect(back)
            done = alumni.accept(application, cohort, by=request.user)
        elif action == "waitlist":
            done = alumni.waitlist(application, by=request.user, cohort=cohort)
        elif action == "decline":
            done = alumni.decline(application, by=request.user)
        else:
            messages.error(request, _("Choose what to do with the application."))
            return redirect(back)
    except alumni.CannotDecide as refused:
        messages.error(request, str(refused))
        return redirect(back)
    messages.success(request, _decided_message(done, _name(application.user)))
    return redirect(back)


@require_POST
@login_required
def fill_places(request, cohort_id):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    if not permissions.user_can_manage_cohort(request.user, cohort):
        raise Http404
    accepted = alumni.fill_free_places(cohort, by=request.user)
    if accepted:
        messages.success(
            request,
            _("Enrolled from the waiting list: %(names)s.")
            % {"names": ", ".join(_name(a.user) for a in accepted)},
        )
    else:
        messages.info(request, _("Nobody could be enrolled from the waiting list."))
    return redirect("lms:track_applications")


urlpatterns = [
    path("tracks/<int:course_id>/apply/", apply_track, name="apply_track"),
    path("my/applications/", my_applications, name="my_applications"),
    path(
        "my/applications/<int:application_id>/withdraw/",
        withdraw_application,
        name="withdraw_application",
    ),
    path("staff/applications/", track_applications, name="track_applications"),
    path(
        "staff/applications/<int:application_id>/decide/",
        decide_application,
        name="decide_application",
    ),
    path(
        "staff/applications/cohorts/<int:cohort_id>/fill/",
        fill_places,
        name="fill_places",
    ),
]
