"""Every programme admin view sees only what the signed-in person manages
(lms.permissions): rows outside her scope do not exist for it (404)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from lms import permissions


class ScopedViewMixin:
    """Rows outside ``scope(user)`` do not exist for this view (404)."""

    scope = None

    def scoped_queryset(self):
        return self.scope(self.request.user)


class ScopedIndexView(ScopedViewMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped_queryset()


class ScopedObjectMixin(ScopedViewMixin):
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.scoped_queryset().filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, generic.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, generic.UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet whose every view sees only ``get_scoped_queryset(user)``."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    add_to_admin_menu = False

    def get_scoped_queryset(self, user):
        raise NotImplementedError

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(scope=self.get_scoped_queryset, **kwargs)

    def check_model_permission(self, request, action):
        if not permissions.user_may_use_admin_action(
            self.permission_policy, request.user, action
        ):
            raise PermissionDenied


def managed_cohort_choices(request):
    return permissions.managed_cohorts(request.user)
