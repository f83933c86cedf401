"""Her personal data in the browser (GDPR articles 15, 17 and 20).

- ``lms:my_data``: what the programme keeps about her, in her language, who
  can see it and how long it is kept, with how many records of hers each
  part holds; her copies; her erasure request.
- ``lms:request_my_export`` (POST): make a copy of her data (a zip, made in
  the background); ``lms:download_export`` hands a ready copy out, to her,
  or to the staff member who made it for her.
- ``lms:ask_erasure`` / ``lms:cancel_erasure`` (POST): her wish to be
  erased, waiting for her coordinator, and taking it back.
- ``lms:person_data``: one person's data for the coordinators of her
  chapter, with a copy for her (a subject access request,
  ``lms:request_person_export``) and her waiting erasure request, which
  ``lms:confirm_erasure`` (POST) carries out once the coordinator has ticked
  the box and typed her user name.
- ``lms:erasure_requests``: the waiting requests of the people in reach.

Someone who may not see a copy, a person or a request gets a 404: she
learns nothing, not even that it exists. Every rule is
lms.permissions.privacy; the work is lms.privacy.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from lms import files, permissions, privacy
from lms.ui import privacy as privacy_ui

MY_DATA = "lms/privacy/my_data.html"
PERSON_DATA = "lms/privacy/person_data.html"
# The forms' field ids, which the error summaries link to.
ERASE_ID = "erase-%s"
CONFIRM_ID = "confirm-%s"


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


# --- forms -------------------------------------------------------------------------


class AskErasureForm(forms.Form):
    include_diplomas = forms.BooleanField(required=False)
    confirm = forms.BooleanField(
        error_messages={
            "required": gettext_lazy(
                "Tick the box to show that you understand it cannot be undone."
            )
        }
    )


class ConfirmErasureForm(forms.Form):
    confirm = forms.BooleanField(
        error_messages={
            "required": gettext_lazy(
                "Tick the box to confirm that she asked for this herself."
            )
        }
    )
    username = forms.CharField(
        max_length=150,
        error_messages={"required": gettext_lazy("Type her user name.")},
    )

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_username(self):
        # Typed on a phone, the first letter often comes out capitalised.
        typed = self.cleaned_data["username"].strip()
        if typed.casefold() != self.person.get_username().casefold():
            raise forms.ValidationError(
                _(
                    "That is not her user name, so nothing has been erased. "
                    "Type “%(username)s”."
                )
                % {"username": self.person.get_username()}
            )
        return typed


def _state_now(export) -> str:
    """Where tasks run at once (a small site without a worker), the copy is
    made, or has failed, by the time the request has committed."""
    export.refresh_from_db()
    return privacy_ui.copy_state(export)


# --- hers --------------------------------------------------------------------------


def _my_data_page(request, *, erasure_form=None, status=200):
    context = privacy_ui.my_data(request.user)
    context["erasure_form"] = erasure_form or AskErasureForm(auto_id=ERASE_ID)
    return render(request, MY_DATA, context, status=status)


@never_cache
@login_required
def my_data(request):
    return _my_data_page(request)


@never_cache
@require_POST
@login_required
def request_my_export(request):
    if not permissions.user_can_export_for(request.user, request.user):
        raise PermissionDenied
    if privacy_ui.copy_under_way(request.user, request.user):
        messages.info(request, _("Your copy is already being prepared."))
    else:
        export = privacy.request_export(user=request.user, by=request.user)
        state = _state_now(export)
        if state == privacy_ui.READY:
            messages.success(request, _("Your copy is ready to download."))
        elif state == privacy_ui.FAILED:
            messages.error(request, _("Your copy could not be made."))
        else:
            messages.success(
                request,
                _(
                    "Your copy is being prepared. It usually takes a minute: "
                    "come back to this page to download it."
                ),
            )
    return redirect("lms:my_data")


@never_cache
@require_GET
@login_required
def download_export(request, export_id):
    export, state = privacy_ui.downloadable_export(request.user, export_id)
    if export is None:
        raise Http404
    if state != privacy_ui.READY:
        back = (
            reverse("lms:my_data")
            if export.user_id == request.user.pk
            else reverse("lms:person_data", kwargs={"user_id": export.user_id})
        )
        return render(
            request,
            "lms/privacy/copy_unavailable.html",
            {"state": state, "export": export, "back_url": back},
            status=410 if state == privacy_ui.EXPIRED else 404,
        )
    day = timezone.localdate(export.ready_at).isoformat()
    if export.user_id == request.user.pk:
        filename = f"my-data-{day}.zip"
    else:
        filename = f"data-{export.user.get_username()}-{day}.zip"
    response = files.private_file_response(
        export.file, content_type="application/zip", filename=filename
    )
    # A zip is downloaded, never opened in the page (nosniff and the
    # sandbox stay as private_file_response set them).
    response["Content-Type"] = "application/zip"
    return response


@never_cache
@require_POST
@login_required
def ask_erasure(request):
    if not permissions.user_can_ask_erasure(request.user):
        raise PermissionDenied
    form = AskErasureForm(request.POST, auto_id=ERASE_ID)
    if not form.is_valid():
        return _my_data_page(request, erasure_form=form, status=400)
    privacy.ask_erasure(
        user=request.user, include_diplomas=form.cleaned_data["include_diplomas"]
    )
    messages.success(
        request,
        _(
            "Your request is sent. Your coordinator will confirm it; until "
            "then you can take it back here."
        ),
    )
    return redirect("lms:my_data")


@never_cache
@require_POST
@login_required
def cancel_erasure(request):
    waiting = privacy_ui.open_erasure(request.user)
    if waiting is not None:
        privacy.cancel_erasure(erasure_request=waiting)
        messages.success(
            request, _("Your request is taken back. Nothing has been erased.")
        )
    else:
        messages.info(request, _("You have no request waiting."))
    return redirect("lms:my_data")


# --- the staff's -------------------------------------------------------------------


def _person_in_reach(request, user_id):
    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None or not permissions.user_handles_data_of(request.user, person):
        raise Http404
    return person


def _person_page(request, person, *, confirm_form=None, status=200):
    context = privacy_ui.person_data(request.user, person)
    context["confirm_form"] = confirm_form or ConfirmErasureForm(
        person=person, auto_id=CONFIRM_ID
    )
    return render(request, PERSON_DATA, context, status=status)


@never_cache
@login_required
def person_data(request, user_id):
    return _person_page(request, _person_in_reach(request, user_id))


@never_cache
@require_POST
@login_required
def request_person_export(request, user_id):
    person = _person_in_reach(request, user_id)
    if not permissions.user_can_export_for(request.user, person):
        raise Http404
    name = _name(person)
    if privacy_ui.copy_under_way(person, request.user):
        messages.info(
            request,
            _("The copy of the data of %(name)s is already being prepared.")
            % {"name": name},
        )
    else:
        export = privacy.request_export(user=person, by=request.user)
        state = _state_now(export)
        if state == privacy_ui.READY:
            messages.success(
                request,
                _("The copy of the data of %(name)s is ready to download.")
                % {"name": name},
            )
        elif state == privacy_ui.FAILED:
            messages.error(request, _("The copy could not be made."))
        else:
            messages.success(
                request,
                _(
                    "A copy of the data of %(name)s is being prepared. Come "
                    "back to this page in a minute to download it."
                )
                % {"name": name},
            )
    return redirect("lms:person_data", user_id=person.pk)


@never_cache
@require_POST
@login_required
def confirm_erasure(request, user_id):
    person = _person_in_reach(request, user_id)
    waiting = privacy_ui.open_erasure(person)
    if waiting is None or not permissions.user_can_confirm_erasure(
        request.user, waiting
    ):
        messages.error(
            request,
            _(
                "There is no erasure request of hers waiting: it was carried "
                "out or taken back already. Nothing has been erased."
            ),
        )
        return redirect("lms:person_data", user_id=person.pk)
    form = ConfirmErasureForm(request.POST, person=person, auto_id=CONFIRM_ID)
    if not form.is_valid():
        return _person_page(request, person, confirm_form=form, status=400)
    name = _name(person)
    try:
        privacy.confirm_erasure(erasure_request=waiting, by=request.user)
    except privacy.ErasureClosed:
        messages.error(
            request,
            _(
                "This request was carried out or taken back meanwhile. "
                "Nothing more has been erased."
            ),
        )
        return redirect("lms:person_data", user_id=person.pk)
    messages.success(
        request,
        _(
            "The account of %(name)s is erased. She has been signed out "
            "and can no longer sign in."
        )
        % {"name": name},
    )
    return redirect("lms:erasure_requests")


@never_cache
@login_required
def erasure_requests(request):
    if not (
        request.user.is_superuser or permissions.managed_cohorts(request.user).exists()
    ):
        # Only coordinators handle people's data.
        raise Http404
    return render(
        request,
        "lms/privacy/erasure_requests.html",
        {"rows": privacy_ui.erasure_requests(request.user)},
    )


urlpatterns = [
    path("my/data/", my_data, name="my_data"),
    path("my/data/copy/", request_my_export, name="request_my_export"),
    path("my/data/erase/", ask_erasure, name="ask_erasure"),
    path("my/data/erase/cancel/", cancel_erasure, name="cancel_erasure"),
    path("data/copies/<int:export_id>/", download_export, name="download_export"),
    path("staff/people/<int:user_id>/data/", person_data, name="person_data"),
    path(
        "staff/people/<int:user_id>/data/copy/",
        request_person_export,
        name="request_person_export",
    ),
    path(
        "staff/people/<int:user_id>/data/erase/",
        confirm_erasure,
        name="confirm_erasure",
    ),
    path("staff/privacy/requests/", erasure_requests, name="erasure_requests"),
]
