"""The interactive exercise (H5P) snippet's admin: upload a package, check
it, store it, and replace it later (her results stay with the exercise)."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.h5p.activities import apply_package
from lms.h5p.packages import PackageRefused, check_package
from lms.models import H5PActivity


class H5PActivityForm(WagtailAdminModelForm):
    """The exercise with its package: checked when chosen (a refused package
    says why and nothing is stored), stored when the form is saved."""

    package = forms.FileField(
        label=gettext_lazy("H5P package (.h5p file)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        self._package_info = None
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Leave empty to use the title written in the package."
        )
        instance = self.instance
        if instance.pk and instance.package_hash:
            self.fields["package"].help_text = _(
                "Now: %(name)s (%(kind)s). Choose another file only to replace "
                "it; trainees' results are kept."
            ) % {
                "name": instance.package_name or _("a package"),
                "kind": instance.main_library or _("unknown kind"),
            }
        else:
            self.fields["package"].help_text = _(
                "Export the exercise from H5P as a .h5p file with its libraries."
            )

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if not upload:
            if not self.instance.package_hash:
                raise forms.ValidationError(_("Please choose an .h5p file."))
            return None
        try:
            self._package_info = check_package(upload)
        except PackageRefused as refused:
            raise forms.ValidationError(refused.message, code=refused.code) from None
        return upload

    def clean(self):
        cleaned = super().clean()
        title = (cleaned.get("title") or "").strip()
        if not title and self._package_info is not None:
            cleaned["title"] = self._package_info.title[:255]
        elif not title and not self.instance.title:
            self.add_error("title", _("Please give the exercise a title."))
        return cleaned

    def save(self, commit=True):
        activity = super().save(commit=False)
        upload = self.cleaned_data.get("package")
        if upload:
            apply_package(activity, upload, info=self._package_info)
            if self.user is not None and self.user.is_authenticated:
                activity.uploaded_by = self.user
        if commit:
            activity.save()
            self.save_m2m()
        return activity


def _try_link(activity):
    if not activity.package_hash:
        return ""
    return format_html(
        '<a href="{}">{}</a>',
        reverse("lms:h5p_exercise", kwargs={"pk": activity.pk}),
        _("Try it"),
    )


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "pick"
    menu_label = gettext_lazy("Interactive exercises")
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        "title",
        "main_library",
        "locale",
        Column("try", label=gettext_lazy("Try it"), accessor=_try_link),
    ]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("package"),
            FieldPanel("title"),
            FieldPanel("grading_method"),
            FieldPanel("required"),
        ],
        base_form_class=H5PActivityForm,
    )
