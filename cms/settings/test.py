"""Test settings: fast hashing, plain static storage, tasks run inline.

Set TEST_DATABASE_URL to run the suite on PostgreSQL (make test does both).
"""

import os
import tempfile

import dj_database_url

from lms.diplomas import keys as _diploma_keys

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
AXES_ENABLED = False
# Diplomas are signed with a key derived from SECRET_KEY unless one is set.
if not LMS_DIPLOMA_SIGNING_KEY:  # noqa: F405
    LMS_DIPLOMA_SIGNING_KEY = _diploma_keys.private_pem(
        _diploma_keys.demo_key(SECRET_KEY)
    )

if os.environ.get("TEST_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["TEST_DATABASE_URL"])}
else:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    }

# Uploads made by tests go to a throwaway folder, never into the checkout.
MEDIA_ROOT = tempfile.mkdtemp(prefix="brobygger-test-media-")
STORAGES = {
    **STORAGES,  # noqa: F405
    "lms_private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.path.join(MEDIA_ROOT, "private"), "base_url": None},
    },
}
