"""The site's URLs plus one bare view, for the benchmark's gunicorn only
(cms.demo.bench_settings); the product's cms.urls never has it.

``/bench/bare/`` returns the bytes of a module page (BENCH_PAGE_FILE) through
the site's whole middleware, without a template, a session or a query: what
Django itself costs, between WhiteNoise serving the same bytes as a static
file and the real module page.
"""

import functools
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import path

from cms import urls as site_urls

handler400 = site_urls.handler400


@functools.cache
def page_bytes() -> bytes:
    return Path(settings.BENCH_PAGE_FILE).read_bytes()


def bare_page(request):
    if not getattr(settings, "BENCH_PAGE_FILE", ""):
        raise Http404
    return HttpResponse(page_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare_page, name="bench_bare"),
    *site_urls.urlpatterns,
]
