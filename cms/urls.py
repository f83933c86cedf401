from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # media/private/ holds trainees' files: only permission-checked views
    # hand those out, so the development server never serves them directly.
    urlpatterns += [
        re_path(
            r"^media/(?!private/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Every page a learner sees carries its language in the address (/nb/, /ar/).
urlpatterns += i18n_patterns(
    path("", include("lms.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
