import posixpath
from urllib.parse import unquote

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import Http404, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.documents import urls as wagtaildocs_urls

from cms import routing
from lms.admin import translation as translation_admin

# The product's own, translated 400 page (a file name too long to upload...).
handler400 = "lms.views._http.bad_request"


def favicon(request):
    """Browsers ask for /favicon.ico by themselves: send them to the icon in
    the static files (its address may carry a hash, so not a permanent
    redirect). Pages name cms/favicon.svg in a <link rel="icon">."""
    response = HttpResponseRedirect(static("cms/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


urlpatterns = [
    path("favicon.ico", favicon),
    # Before the admin's own: wagtail-localize checks only its site-wide
    # permission here; these check the page or snippet too.
    path(
        "admin/localize/submit/page/<int:page_id>/",
        translation_admin.submit_page_translation,
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        translation_admin.update_translations,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]


def serve_public_media(request, path):
    """The development server's media, except media/private/: trainees'
    files leave only through permission-checked views. The path is
    normalised first, so "//private/" or "./private/" do not slip past."""
    clean = posixpath.normpath(unquote(path)).lstrip("/")
    if clean in ("private", ".") or clean.startswith(("private/", "..")):
        raise Http404
    return serve(request, clean, document_root=settings.MEDIA_ROOT)


if settings.DEBUG:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_public_media)]

# Every page a learner sees carries its language in the address (/nb/, /ar/).
urlpatterns += i18n_patterns(
    path("", include("lms.urls")),
    # Pages, found through the remembered route (Wagtail's own serve after).
    re_path(
        r"^((?:[\w\-]+/)*)$" if WAGTAIL_APPEND_SLASH else r"^([\w\-/]*)$",
        routing.serve,
        # Wagtail's name, so reverse() and translate_url() find pages here.
        name="wagtail_serve",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
