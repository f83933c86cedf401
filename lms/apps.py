from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """The learning engine: cohorts, progress, assessment, diplomas, access."""

    name = "lms"
    label = "lms"
    verbose_name = _("Learning engine")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import tasks  # noqa: F401 (connects its event receivers)
        from lms.signals import ensure_role_groups

        post_migrate.connect(ensure_role_groups, sender=self)
        self.connect_tree_version()

    @staticmethod
    def connect_tree_version():
        """Any change to pages, locales, sites or view restrictions gives the
        page tree a new version (see lms.treecache)."""
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import page_unpublished, post_page_move

        from lms import treecache

        # Pictures and documents too: lessons' rendered blocks show them.
        tree_models = (
            Page,
            Locale,
            Site,
            PageViewRestriction,
            get_image_model(),
            get_document_model(),
        )

        def changed(sender, instance=None, raw=False, **kwargs):
            if not raw and isinstance(instance, tree_models):
                treecache.bump()
                # Again once committed: what other handlers write after this
                # one (Wagtail's reference index) is then in place.
                transaction.on_commit(treecache.bump)

        post_save.connect(changed, dispatch_uid="lms.treecache.saved", weak=False)
        post_delete.connect(changed, dispatch_uid="lms.treecache.deleted", weak=False)
        post_page_move.connect(treecache.bump, dispatch_uid="lms.treecache.moved")
        page_unpublished.connect(
            treecache.bump, dispatch_uid="lms.treecache.unpublished"
        )
