"""wagtail-localize's "Translate" and "Sync translations" views, behind
`permissions.user_may_translate` (cms/urls.py routes their addresses here
before the admin's own)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from lms import permissions

_submit_page = SubmitPageTranslationView.as_view()
_update = UpdateTranslationsView.as_view()


@require_admin_access
def submit_page_translation(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not permissions.user_may_translate(request.user, page):
        raise PermissionDenied
    return _submit_page(request, page_id=page_id)


@require_admin_access
def update_translations(request, translation_source_id):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    instance = source.get_source_instance()
    if instance is None or not permissions.user_may_translate(request.user, instance):
        raise PermissionDenied
    return _update(request, translation_source_id=translation_source_id)
