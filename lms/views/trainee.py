"""The trainee's own pages: dashboard, settings, language, "I have reviewed it"."""

import datetime
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, path, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lms import accounts, permissions, progress
from lms.permissions import alumni as alumni_rules
from lms.ui import alumni as alumni_ui
from lms.ui import dashboard as dashboard_ui
from lms.views._http import safe_next, wants_json

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _translated(url, language):
    """`url` (of any language) in `language`; translate_url resolves an address
    only in the language its prefix names."""
    with translation.override(translation.get_language_from_path(url)):
        return translate_url(url, language)


def _follow_saved_language(request, profile):
    """Redirect to this address in her saved language, if she is elsewhere."""
    language = profile.language if profile else ""
    if language and language != translation.get_language():
        target = translate_url(request.get_full_path(), language)
        if target != request.get_full_path():
            return redirect(target)
    return None


# --- signing in --------------------------------------------------------------


def _is_content_page(url) -> bool:
    path = urlsplit(url).path
    with translation.override(translation.get_language_from_path(path)):
        try:
            return resolve(path).url_name == "wagtail_serve"
        except Resolver404:
            return True


class LoginView(auth_views.LoginView):
    """Sign in, then go on in her saved language (wherever the link came from)."""

    template_name = "lms/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        url = super().get_success_url()
        profile = accounts.profile_or_none(self.request.user)
        if not (profile and profile.language) or _is_content_page(url):
            # A page of the course keeps its address: not every page has a
            # copy at the same path in every language.
            return url
        return _translated(url, profile.language)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer when one username failed too often from one
    address (AXES_LOCKOUT_CALLABLE): what happened and what to do, in her
    language; others at the same place are not affected."""
    cool_off = getattr(settings, "AXES_COOLOFF_TIME", None)
    minutes = (
        max(1, round(cool_off.total_seconds() / 60))
        if isinstance(cool_off, datetime.timedelta)
        else 60
    )
    return render(request, "lms/login_locked.html", {"minutes": minutes}, status=429)


@csrf_exempt  # a beacon on the way out; signing out is all it can do
@require_POST
def leave_quickly(request):
    """ "Leave quickly" signs her out on the server as the page goes away, so
    Back from the neutral site opens nothing of hers."""
    logout(request)
    return HttpResponse(status=204)


# --- dashboard ---------------------------------------------------------------


@login_required
def dashboard(request):
    """A signed-in user's home: her groups, next evening, progress, to-dos."""
    profile = accounts.profile_or_none(request.user)
    if response := _follow_saved_language(request, profile):
        return response
    staff_cohorts = dashboard_ui.staff_cohorts(request.user)
    # Someone who only lectures has one home: her sessions.
    if permissions.is_lecturer_home_user(request.user, staff_cohorts):
        return redirect("lms:my_sessions")
    data = dashboard_ui.dashboard(
        request.user, language=translation.get_language(), request=request
    )
    return render(
        request,
        "lms/dashboard.html",
        {
            "dashboard": data,
            "staff_cohorts": staff_cohorts,
            "alumna": alumni_ui.dashboard_section(request.user, data, request=request),
            "sees_applications": alumni_rules.may_see_applications(
                request.user, staff_cohorts
            ),
        },
    )


# --- settings and language ---------------------------------------------------


class SettingsForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("My language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose a language."),
            "invalid_choice": gettext_lazy("Choose one of the languages in the list."),
        },
    )
    show_side_by_side = forms.BooleanField(
        label=gettext_lazy("Show Norwegian beside my language in the modules"),
        required=False,
    )


def _languages_in_own_names():
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "bidi": get_language_info(code)["bidi"],
        }
        for code in LANGUAGE_CODES
    ]


@login_required
def settings_view(request):
    """Her choices, kept in her profile and so on every device she uses."""
    profile = accounts.profile_for(request.user)
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            language = form.cleaned_data["language"]
            accounts.set_language(user=request.user, language=language)
            accounts.set_side_by_side(
                user=request.user, show=form.cleaned_data["show_side_by_side"]
            )
            with translation.override(language):
                messages.success(request, _("Your settings are saved."))
                return redirect(reverse("lms:settings"))
    else:
        if response := _follow_saved_language(request, profile):
            return response
        form = SettingsForm(
            initial={
                "language": profile.language or translation.get_language(),
                "show_side_by_side": profile.show_side_by_side,
            }
        )
    return render(
        request,
        "lms/settings.html",
        {"form": form, "languages": _languages_in_own_names()},
    )


@require_POST
def set_language(request):
    """The language switcher: go to this page in another language, and, when
    she is signed in, remember the choice in her profile."""
    language = request.POST.get("language", "")
    if language not in LANGUAGE_CODES:
        messages.error(request, _("Choose one of the languages in the list."))
        return redirect(safe_next(request, request.headers.get("referer"), "/"))
    if request.user.is_authenticated:
        accounts.set_language(user=request.user, language=language)
    target = request.POST.get(f"next_{language}") or _translated(
        request.POST.get("next", ""), language
    )
    with translation.override(language):
        return redirect(safe_next(request, target, reverse("lms:dashboard")))


# --- module review -----------------------------------------------------------


@login_required
@require_POST
def module_reviewed(request, module_key):
    """The "I have reviewed this module" button, or reading to the end."""
    as_json = wants_json(request)
    review = progress.module_review_by_key(request.user, module_key)
    if review is None:
        raise PermissionDenied
    back = safe_next(request, request.POST.get("next"), reverse("lms:dashboard"))
    if not review.is_open:
        message = _("This module opens for review after its session.")
        if as_json:
            return JsonResponse({"reviewed": False, "message": message}, status=409)
        messages.error(request, message)
        return redirect(back)
    progress.mark_module_reviewed(enrollment=review.enrollment, module_key=module_key)
    message = _("Well done! This module is marked as reviewed.")
    if as_json:
        return JsonResponse({"reviewed": True, "message": message})
    messages.success(request, message)
    return redirect(back)


urlpatterns = [
    path("my/", dashboard, name="dashboard"),
    path("leave/", leave_quickly, name="leave"),
    path("my/settings/", settings_view, name="settings"),
    path("my/language/", set_language, name="set_language"),
    path(
        "my/modules/<uuid:module_key>/reviewed/",
        module_reviewed,
        name="module_reviewed",
    ),
]
