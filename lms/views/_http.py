"""Small HTTP helpers every lms view shares: who wants JSON, a safe place to
go next, a number from the query string, and the product's own error answers
(translated, JSON for the page's scripts, HTML for a plain form)."""

from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
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


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


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
