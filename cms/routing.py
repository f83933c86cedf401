"""Wagtail's page serving, with the route to a page remembered.

Wagtail finds the page for an address by walking the tree from the site's
root, one query per level and one more for each page's own type, and finds
the site by another. Both depend only on the tree, so they are remembered
under the tree's version (lms.treecache): a module page is found with no
query at all, and a page saved anywhere is seen on the next request.
Everything else (view restrictions, the hooks, the page's own serve) is
Wagtail's, unchanged.
"""

import copy

from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from lms import treecache


def _site(request):
    host, port = request._get_raw_host(), request.get_port()
    return treecache.remembered(
        ("site", host, port), lambda: Site._find_for_request(request)
    )


def _route(request, site, path):
    def find():
        if site is None:
            return None
        return Page.route_for_request(request, path)

    return treecache.remembered(("route", site.pk, get_language(), path), find)


def serve(request, path):
    """wagtail.views.serve, with the site and the route primed."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = _site(request)
    if not hasattr(request, "_wagtail_route_for_request"):
        route = _route(request, request._wagtail_site, path)
        if route is not None:
            page, args, kwargs = route
            # Each request gets its own page object to set attributes on.
            route = (copy.copy(page), list(args), dict(kwargs))
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
