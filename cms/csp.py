"""The site's Content-Security-Policy, with one policy for the learner site
and one for the Wagtail admin.

The learner site allows no inline script or style at all. The admin keeps
'unsafe-inline' for scripts and styles because Wagtail's own date/time
widgets and inline panels still write inline scripts; everything else is
held to this origin there too (no outside scripts, frames or plugins).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts
