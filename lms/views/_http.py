"""Small HTTP helpers every lms view shares: who wants JSON, a safe place to
go next, a number from the query string, and the product's own error answers
(translated, JSON for the page's scripts, HTML for a plain form)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def wants_json(request) -> bool:
    """The page's own scripts ask for JSON; a plain form post does not."""
    return "application/json" in request.headers.get("Accept", "")


def safe_next(request, url, fallback):
    """`url` if it stays on this site, else `fallback`."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


def next_url(request, fallback) -> str:
    """The form's or the address's ``next``, if it stays on this site."""
    return safe_next(
        request, request.POST.get("next") or request.GET.get("next"), fallback
    )


def int_or_none(value, *, low=None, high=None):
    """`value` as a whole number within [low, high], else None."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def login_required_or_401(view):
    """Like login_required, but a script gets 401 JSON instead of a redirect
    (a fetch would follow the redirect and think the login page a success)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated and wants_json(request):
            return JsonResponse(
                {
                    "status": "signed_out",
                    "error": _("You are signed out. Sign in again to save."),
                    "login_url": reverse("lms:login"),
                },
                status=401,
            )
        if not request.user.is_authenticated:
            # Back to the page she came from, not to this POST-only address.
            return redirect_to_login(next_url(request, fallback=request.path))
        return view(request, *args, **kwargs)

    return wrapper


def error_response(request, message, *, status, retry_after=None, title=""):
    """An answer a person can act on: JSON ``{"error": ...}`` for scripts
    (which keep her draft and show the message), a translated page
    otherwise. With ``retry_after`` (an outage) the page is a plain one that
    reads nothing from the database."""
    if wants_json(request):
        response = JsonResponse(
            {"error": str(message), "retry": retry_after is not None},
            status=status,
        )
    else:
        response = render(
            request,
            "lms/error.html" if retry_after is None else "lms/unavailable.html",
            {"message": message, "title": title, "status": status},
            status=status,
        )
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def bad_request(request, exception=None):
    """The site's 400 page (``handler400``), translated, in JSON for scripts.

    Django refuses a form whose part headers are too long before any view
    runs: in practice a file with a very long name. Say so, rather than a
    bare "Bad Request", so she can rename the file; her typed text was saved
    by the page's script before the upload (with JavaScript on).
    """
    if isinstance(exception, MultiPartParserError) and "header size" in str(exception):
        message = _(
            "The name of the file is too long. Give the file a shorter name "
            "(at most 100 letters) and choose it again."
        )
        title = _("The file name is too long")
    else:
        message = _("The site could not read what was sent. Go back and try again.")
        title = ""
    return error_response(request, message, status=400, title=title)
