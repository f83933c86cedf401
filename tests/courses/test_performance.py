"""Module pages stay cheap: constant queries, and light on a phone."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PAGE_WEIGHT_LIMIT = 60 * 1024
# What the heaviest trainee page (reflection + a three-entry homework report,
# with their scripts) may weigh: uncompressed, and as a phone receives it
# (HTML gzipped by the site, static files precompressed by WhiteNoise).
HEAVY_PAGE_RAW_LIMIT = 64 * 1024
HEAVY_PAGE_GZIP_LIMIT = 24 * 1024


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("which", ["module", "course"])
def test_queries_do_not_grow_with_the_number_of_modules(client, build_course, which):
    small, small_modules = build_course(modules=16)
    large, large_modules = build_course(modules=64)
    if which == "module":
        urls = (small_modules[4].url, large_modules[4].url)
    else:
        urls = (small.url, large.url)
    counts = [count_queries(client, url) for url in urls]
    assert counts[0] == counts[1], counts


def transferred_bytes(client, url, *, compressed=False):
    """Bytes of the HTML plus every stylesheet and script it loads (each
    gzipped, as sent, with `compressed`)."""

    def size(data):
        return len(gzip.compress(data, 6)) if compressed else len(data)

    html = client.get(url).content
    total = size(html)
    assets = re.findall(
        rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<script[^>]+src="([^"]+)"',
        html,
    )
    for groups in assets:
        src = (groups[0] or groups[1]).decode()
        assert src.startswith("/static/"), src
        path = finders.find(src.removeprefix("/static/"))
        assert path, f"{src} not found"
        with open(path, "rb") as fh:
            total += size(fh.read())
    return total, len(assets)


def test_module_page_weighs_less_than_60_kb(client, build_course):
    _, modules = build_course(modules=16)
    total, assets = transferred_bytes(client, modules[4].url)
    assert assets >= 1  # the stylesheet is counted
    assert total < PAGE_WEIGHT_LIMIT, f"{total} bytes"


def test_module_page_loads_no_javascript_framework(client, build_course):
    """A visitor's module page loads one small script of ours: the "leave
    quickly" exit, which must work before anything else has loaded."""
    _, modules = build_course(modules=2)
    html = client.get(modules[0].url).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script src="/static/lms/quick-exit.js">']
    with open(finders.find("lms/quick-exit.js"), "rb") as fh:
        assert len(fh.read()) < 3 * 1024
