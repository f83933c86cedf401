"""The interactive exercise (H5P) snippet's admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.models import H5PActivity


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "pick"
    menu_label = _("Interactive exercises")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "main_library", "locale"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("grading_method"),
        FieldPanel("required"),
    ]
