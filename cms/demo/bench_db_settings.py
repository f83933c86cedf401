"""The settings `manage.py bench` and `manage.py load_test` run with on
another database server (--postgres, --database-url): the settings the
command was started with (BENCH_BASE_SETTINGS, default cms.settings.dev),
with the database BENCH_DB_SERVER_URL names. The commands migrate a test
database next to it and drop it afterwards; the named one is never written.

Set before Django starts (cms.demo.harness.run_on_database_server), because
apps configure themselves for the database vendor when they start.
"""

import importlib
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_url = os.environ.get("BENCH_DB_SERVER_URL", "")
if not _url:
    raise ImproperlyConfigured("BENCH_DB_SERVER_URL is not set (cms.demo.harness).")
_base = importlib.import_module(
    os.environ.get("BENCH_BASE_SETTINGS") or "cms.settings.dev"
)
globals().update({k: v for k, v in vars(_base).items() if k.isupper()})
DATABASES = {"default": dj_database_url.parse(_url)}
