"""Middleware the engine asks its host site to install (see the README).

- :class:`PrivatePagesMiddleware`: pages shown to a signed-in person are
  ``Cache-Control: private, no-store`` (Back after "leave quickly", a shared
  phone, a proxy: none may show them from a cache), and every response says
  which powerful browser features it may use (the microphone only on pages
  that show a voice recorder, see :func:`lms.ui.browser.allow_microphone`).
- :class:`CleanInputMiddleware`: every form field and query parameter with a
  control character is refused with a clear, translated 400 before any view
  runs (PostgreSQL cannot store a NUL byte).
- :class:`OutageMiddleware`: a database that cannot be reached answers the
  page's scripts with JSON 503 and a retry hint, so they keep her text and
  try again, and a plain form with a page that says to try again; a file
  storage that cannot write answers 507 the same way.
- :class:`AdminReachMiddleware`: the admin's site-wide history report is for
  superusers only; it lists every chapter's changes.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from lms import permissions
from lms.files import UploadNotSaved
from lms.text import refuse_control_characters
from lms.ui.browser import records_voice
from lms.views._http import error_response

logger = logging.getLogger(__name__)

PERMISSIONS_POLICY = (
    "camera=(), geolocation=(), microphone={microphone}, payment=(), usb=()"
)


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            microphone = "(self)" if records_voice(request) else "()"
            response["Permissions-Policy"] = PERMISSIONS_POLICY.format(
                microphone=microphone
            )
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # A view that set its own caching (content on hashed addresses)
            # knows best; everything else she sees is hers alone.
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response


class CleanInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        fields = [request.GET]
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            fields.append(request.POST)
        try:
            for data in fields:
                for _name, values in data.lists():
                    for value in values:
                        refuse_control_characters(value)
        except ValidationError as error:
            return error_response(
                request,
                error.messages[0],
                status=400,
                title=_("This text cannot be saved"),
            )
        return None


class OutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UploadNotSaved):
            return error_response(request, exception.message, status=507)
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.exception("The database could not be reached", exc_info=exception)
        return error_response(
            request,
            _(
                "The site cannot save right now. Nothing you wrote is lost: "
                "it is kept on this page and saved as soon as the site is back."
            ),
            status=503,
            retry_after=10,
        )


class AdminReachMiddleware:
    """Wagtail's site history shows every log entry of every model a person
    may edit, across chapters; a coordinator's reach ends at her chapter
    (her cohorts' own history pages stay, scoped, in the programme admin)."""

    SUPERUSER_ONLY = {
        ("wagtailadmin_reports", "site_history"),
        ("wagtailadmin_reports", "site_history_results"),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and (match.namespace, match.url_name) in self.SUPERUSER_ONLY:
            if not permissions.user_may_see_site_history(request.user):
                raise PermissionDenied
        return None
