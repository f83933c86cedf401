"""Settings shared by every environment; safe for production by default.

DEBUG is off and SECRET_KEY has no default: dev.py and test.py set their own,
production.py reads it from the environment.
"""

import datetime
import json
import os
from pathlib import Path

import django.conf.locale
from django.utils.translation import gettext_lazy as _

# --- Environment -----------------------------------------------------------
# Every variable the site reads is read here, in one place (see .env.example).
ENV = os.environ
SECRET_KEY = ENV.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in ENV.get("ALLOWED_HOSTS", "").split(",") if h]
DATABASE_URL = ENV.get("DATABASE_URL", "")
WAGTAILADMIN_BASE_URL = ENV.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = ENV.get("DEFAULT_FROM_EMAIL", "brobygger@localhost")
# Behind a reverse proxy: how many proxies append to X-Forwarded-For (0 =
# none, use the connection's address). Used to find a client's address for
# login throttling; never trust the header beyond these proxies.
TRUSTED_PROXY_COUNT = int(ENV.get("TRUSTED_PROXY_COUNT", "0") or 0)
# Extra origins that serve media (an S3 bucket's host), for the CSP.
CSP_MEDIA_SOURCES = [
    o.strip() for o in ENV.get("CSP_MEDIA_SOURCES", "").split(",") if o.strip()
]
# The Ed25519 key that signs diplomas' Open Badges credentials (a PKCS#8 PEM
# or a private JWK; see lms/diplomas/keys.py). Production must set it; dev
# and test derive a demo key from SECRET_KEY when it is unset.
LMS_DIPLOMA_SIGNING_KEY = ENV.get("LMS_DIPLOMA_SIGNING_KEY", "")
# Earlier signing keys' public halves, kept published so the diplomas they
# signed still verify: a JSON list of public JWKs (or a JWK Set).
_PUBLISHED_KEYS = json.loads(ENV.get("LMS_DIPLOMA_PUBLISHED_KEYS", "") or "[]")
LMS_DIPLOMA_PUBLISHED_KEYS = (
    _PUBLISHED_KEYS.get("keys", [])
    if isinstance(_PUBLISHED_KEYS, dict)
    else _PUBLISHED_KEYS
)
# ---------------------------------------------------------------------------

DEBUG = False

CMS_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CMS_DIR.parent

INSTALLED_APPS = [
    "courses",
    "lms",
    "cms.demo",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before everything that writes the body, so it compresses last.
    "cms.compression.TextGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.csp.SiteCSPMiddleware",
    "lms.middleware.PrivatePagesMiddleware",
    "lms.middleware.CleanInputMiddleware",
    "lms.middleware.OutageMiddleware",
    "lms.middleware.AdminReachMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "lms:login"
LOGIN_REDIRECT_URL = "lms:dashboard"

# --- Languages -------------------------------------------------------------
# Somali and Tigrinya are unknown to Django: describe them, and ship a
# compiled catalogue for each in locale/, or LocaleMiddleware ignores them.
django.conf.locale.LANG_INFO.update(
    {
        "so": {
            "bidi": False,
            "code": "so",
            "name": "Somali",
            "name_local": "Soomaali",
        },
        "ti": {
            "bidi": False,
            "code": "ti",
            "name": "Tigrinya",
            "name_local": "ትግርኛ",
        },
    }
)

LANGUAGE_CODE = "nb"  # the programme language; translations fall back to it
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("da", _("Danish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("ur", _("Urdu")),
    ("ti", _("Tigrinya")),
    ("tr", _("Turkish")),
    ("fa", _("Persian (Dari)")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and time formats for the languages Django has none for (so, ti, ur)
# and the site's own choices for ar and en.
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# --- Static and media ------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "lms.h5p.finders.PlayerFinder",  # node_modules/h5p-standalone/dist (npm ci)
]
STATICFILES_DIRS = [CMS_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Trainees' recordings and homework files: never under MEDIA_URL, only handed
# out by permission-checked views.
PRIVATE_MEDIA_ROOT = BASE_DIR / "media" / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "lms_private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ---------------------------------------------------------------
WAGTAIL_SITE_NAME = "Brobygger"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "docx", "odt", "pptx", "odp", "xlsx", "ods", "txt",
    "mp3", "m4a", "ogg", "oga", "mp4", "webm",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# --- Security defaults that hold everywhere ---------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the draft autosave reads it (issue 3)
X_FRAME_OPTIONS = "DENY"  # Wagtail previews opt in to SAMEORIGIN themselves
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# The admin never sends staff e-mail hashes to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Content-Security-Policy (django-csp; cms.csp picks the admin's) --------
_CSP_COMMON = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:", *CSP_MEDIA_SOURCES],
    "media-src": ["'self'", "blob:", *CSP_MEDIA_SOURCES],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_COMMON}
CSP_ADMIN_PATH_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    **_CSP_COMMON,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-ancestors": ["'self'"],  # page previews
}
INSTALLED_APPS.append("csp")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a username tried from one address, not the address: ten typos at a
# community centre must not lock out every woman there. A short cool-off, and
# a page that says what to do.
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_CALLABLE = "lms.views.trainee.locked_out"
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")

# --- Reflections -------------------------------------------------------------
# Largest voice recording a trainee may upload (lms.reflections).
LMS_REFLECTION_AUDIO_MAX_BYTES = 10 * 1024 * 1024
