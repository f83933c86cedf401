"""Production settings for the gunicorn that `manage.py bench` and
`manage.py load_test` start on the loopback (cms.demo.harness): DEBUG off,
WhiteNoise with the manifest storage, PostgreSQL connections kept for 60 s,
the HTTPS hardening (clients send ``X-Forwarded-Proto: https`` as the
README's proxy does), axes, CSP - everything cms.settings.production sets.

What production reads from the environment is filled in here, so nothing
needs exporting by hand: the database is always the benchmark's throwaway one
(BENCH_DATABASE_URL, set by the harness; the site's DATABASE_URL is
overridden, never used), static files are collected into a throwaway
directory (BENCH_STATIC_ROOT). The only addition is the URL conf, which adds
one bare view for comparison (cms.demo.bench_urls). Never serve a site with it.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "")
if not _DATABASE_URL:
    raise ImproperlyConfigured(
        "BENCH_DATABASE_URL is not set: these settings are for the gunicorn "
        "that manage.py bench / load_test start (cms.demo.harness)."
    )
os.environ["DATABASE_URL"] = _DATABASE_URL
# The harness passes the key its sessions were signed with.
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from cms.settings.production import *  # noqa: E402, F403

ROOT_URLCONF = "cms.demo.bench_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT") or STATIC_ROOT  # noqa: F405
# The module page's HTML that the static file and the bare view serve.
BENCH_PAGE_FILE = os.environ.get("BENCH_PAGE_FILE", "")
