"""Every setting the engine reads, with its default. A host site overrides
any of them in its Django settings; they are read when used, so tests may
change them with ``settings`` too. The README lists them.

Read them as ``lms_settings.LMS_MATERIAL_MAX_BYTES`` (or ``setting(name)``);
no other module reads ``LMS_*`` from ``django.conf.settings`` itself.
"""

from django.conf import settings

MB = 1024 * 1024

DEFAULTS = {
    # The page model of a course (app_label.ModelName): cohorts take one.
    "LMS_COURSE_PAGE_MODEL": "courses.CoursePage",
    # The neutral page "leave quickly" opens: a weather forecast says
    # nothing about what she was reading.
    "LMS_LEAVE_QUICKLY_URL": "https://www.yr.no/",
    # The site's public address in mails (else WAGTAILADMIN_BASE_URL).
    "LMS_SITE_URL": "",
    # Largest voice recording of a reflection.
    "LMS_REFLECTION_AUDIO_MAX_BYTES": 10 * MB,
    # Largest file a trainee attaches to her homework.
    "LMS_HOMEWORK_FILE_MAX_BYTES": 20 * MB,
    # Largest recorded feedback of a supervisor.
    "LMS_REVIEW_AUDIO_MAX_BYTES": 20 * MB,
    # Largest file a lecturer uploads as material (match the proxy's limit).
    "LMS_MATERIAL_MAX_BYTES": 100 * MB,
    # Who issues the diplomas' Open Badges (empty: WAGTAIL_SITE_NAME), and
    # the address OB 2.0 requires of an issuer (empty: DEFAULT_FROM_EMAIL).
    "LMS_DIPLOMA_ISSUER_NAME": "",
    "LMS_DIPLOMA_ISSUER_EMAIL": "",
    # Public keys that signed diplomas before the current signing key
    # (LMS_DIPLOMA_SIGNING_KEY, read by lms.diplomas.keys): public JWKs (dicts
    # or JSON text) or public PEMs. They stay published so old diplomas
    # still verify; rotating the key adds the old one here.
    "LMS_DIPLOMA_PUBLISHED_KEYS": (),
    # Days a copy of someone's personal data ("My data") can be downloaded
    # before it is deleted (by purge_expired).
    "LMS_DATA_EXPORT_DAYS": 7,
    # How long things about a person are kept, in days (the daily
    # ``purge_expired`` command applies them). Screening notes of someone who
    # applied or waits for a place and never started, counted from the last
    # change to her enrollment (a trainee who started keeps hers).
    "LMS_RETAIN_APPLICANT_NOTES_DAYS": 365,
    # Sign-in links, counted from when they expired, used or not.
    "LMS_RETAIN_SIGN_IN_LINKS_DAYS": 30,
    # Which notices were mailed to whom (only those whose row cannot make
    # the notice go out again; see lms.retention).
    "LMS_RETAIN_NOTIFICATION_LOG_DAYS": 180,
    # Sign-in attempts and sign-in logs (django-axes).
    "LMS_RETAIN_LOGIN_ATTEMPTS_DAYS": 30,
}

# Where a mail's links point when neither LMS_SITE_URL nor
# WAGTAILADMIN_BASE_URL is set (the development server).
FALLBACK_SITE_URL = "http://127.0.0.1:8000"


def setting(name: str):
    """The host's value of an LMS_* setting, or its default."""
    return getattr(settings, name, DEFAULTS[name])


class _LmsSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return setting(name)


lms_settings = _LmsSettings()


def site_url() -> str:
    """The site's public base address for links in mails."""
    return (
        setting("LMS_SITE_URL")
        or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
        or FALLBACK_SITE_URL
    ).rstrip("/")
