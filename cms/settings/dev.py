"""Local development: DEBUG on, SQLite file, email to the console."""

from lms.diplomas import keys as _diploma_keys

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

try:
    from .local import *  # noqa: F403
except ImportError:
    pass

# The demo signs diplomas with a key derived from SECRET_KEY (the same in
# every process); a real site sets LMS_DIPLOMA_SIGNING_KEY instead.
if not LMS_DIPLOMA_SIGNING_KEY:  # noqa: F405
    LMS_DIPLOMA_SIGNING_KEY = _diploma_keys.private_pem(
        _diploma_keys.demo_key(SECRET_KEY)
    )
