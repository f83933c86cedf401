"""Forms of the programme admin. Each narrows every choice to what the
person filling it in manages (lms.permissions), so a coordinator can only
pick her own chapters, cohorts and people, and a cohort's course and a
session's module only from the curriculum that fits; the narrowed choices
are also what a save is checked against."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page

from lms import curriculum, permissions
from lms.choices import EnrollmentStatus
from lms.models import Cohort


class ModuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_admin_display_title()


class ScopedAdminForm(WagtailAdminModelForm):
    """An admin form that knows who fills it in (Wagtail passes ``for_user``)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        self.narrow_choices()

    def narrow_choices(self):
        pass

    def _with_current(self, queryset, field_name):
        """Keep the value already saved selectable, even if it left the scope."""
        current = getattr(self.instance, f"{field_name}_id", None)
        if current:
            return queryset | queryset.model.objects.filter(pk=current)
        return queryset


class ChapterAdminForm(ScopedAdminForm):
    pass


class CohortAdminForm(ScopedAdminForm):
    course = forms.ModelChoiceField(
        label=_("course"),
        queryset=Page.objects.none(),
        help_text=_("Published courses in the programme language."),
    )

    def narrow_choices(self):
        self.fields["chapter"].queryset = self._with_current(
            permissions.managed_chapters(self.user), "chapter"
        )
        self.fields["course"].queryset = self._with_current(
            curriculum.course_choices(), "course"
        ).order_by("title")


class CohortScopedAdminForm(ScopedAdminForm):
    """A form with a ``cohort`` field, limited to cohorts the user manages."""

    def narrow_choices(self):
        self.fields["cohort"].queryset = self._with_current(
            permissions.managed_cohorts(self.user), "cohort"
        )


class CohortStaffAdminForm(CohortScopedAdminForm):
    def narrow_choices(self):
        super().narrow_choices()
        # Staff are chosen among the staff of her own chapters; superusers are
        # never offered.
        self.fields["user"].queryset = self._with_current(
            permissions.pickable_staff(self.user), "user"
        )


class EnrollmentAdminForm(CohortScopedAdminForm):
    def narrow_choices(self):
        super().narrow_choices()
        # Only trainee-only accounts already in her cohorts: enrolling a
        # colleague, a superuser or another chapter's trainee and then
        # printing her a sign-in link would be a way into her account.
        self.fields["user"].queryset = self._with_current(
            permissions.enrollable_users(self.user), "user"
        )


class SessionAdminForm(CohortScopedAdminForm):
    module = ModuleChoiceField(
        label=_("module"),
        queryset=Page.objects.none(),
        help_text=_("A module of the cohort's course."),
    )

    def narrow_choices(self):
        super().narrow_choices()
        self.narrow_lecturers()
        cohort = self.instance.cohort if self.instance.cohort_id else None
        if cohort is None and self.initial.get("cohort"):
            cohort = (
                self.fields["cohort"].queryset.filter(pk=self.initial["cohort"]).first()
            )
        if cohort is not None:
            modules = curriculum.course_modules(cohort.course)
        else:
            # Modules of every course the user runs a cohort of; clean() checks
            # that the module belongs to the chosen cohort's course.
            modules = curriculum.modules_of_courses_query(
                Page.objects.filter(
                    pk__in=self.fields["cohort"].queryset.values("course_id")
                )
            )
        self.fields["module"].queryset = self._with_current(modules, "module").order_by(
            "path"
        )

    def narrow_lecturers(self):
        """Only lecturers invited to her chapter (and those already on the
        session). The field's queryset is also what a save is checked
        against, so a forged id is refused, not just hidden."""
        field = self.fields["lecturers"]
        queryset = permissions.pickable_lecturers(self.user)
        if self.instance.pk:
            queryset = queryset | get_user_model().objects.filter(
                pk__in=self.instance.lecturers.values("pk")
            )
        field.queryset = queryset.distinct().order_by("first_name", "username")
        field.help_text = _(
            "Lecturers invited to your chapter. To add someone new, use "
            '"Invite a lecturer" on the cohort\'s sessions page.'
        )

    def clean(self):
        cleaned = super().clean()
        cohort, module = cleaned.get("cohort"), cleaned.get("module")
        if cohort and module and not curriculum.is_module_of(module, cohort.course):
            self.add_error(
                "module", _("This module is not part of the cohort's course.")
            )
        return cleaned


TIME_INPUT = forms.TimeInput(format="%H:%M", attrs={"type": "time"})


class ProposalForm(forms.Form):
    """When and where the first evening is; the rest follow weekly."""

    first_date = forms.DateField(label=_("First evening"), widget=AdminDateInput)
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME_INPUT)
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME_INPUT)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("A session must end after it starts."))
        return cleaned


class SessionRowForm(forms.Form):
    """One proposed evening for one module, editable before saving."""

    module = forms.IntegerField(widget=forms.HiddenInput)
    include = forms.BooleanField(label=_("Plan"), required=False, initial=True)
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME_INPUT)
    end_time = forms.TimeField(
        label=_("Ends at"),
        required=False,
        widget=TIME_INPUT,
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def starts_at(self):
        return timezone.make_aware(
            datetime.datetime.combine(
                self.cleaned_data["date"], self.cleaned_data["start_time"]
            )
        )

    def ends_at(self):
        if not self.cleaned_data.get("end_time"):
            return None
        return timezone.make_aware(
            datetime.datetime.combine(
                self.cleaned_data["date"], self.cleaned_data["end_time"]
            )
        )


class BaseSessionRowFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["use_required_attribute"] = False
        return kwargs


SessionRowFormSet = forms.formset_factory(
    SessionRowForm, formset=BaseSessionRowFormSet, extra=0
)


class AddTraineeForm(forms.Form):
    """A new trainee: an account without email, and her place in a cohort."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=32,
        required=False,
        help_text=_("Optional. Used to send her the sign-in link by SMS."),
    )
    language = forms.ChoiceField(
        label=_("Her language"),
        choices=[("", "---------"), *settings.LANGUAGES],
        required=False,
    )
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none())
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (EnrollmentStatus.ACTIVE, EnrollmentStatus.ACTIVE.label),
            (EnrollmentStatus.WAITLISTED, EnrollmentStatus.WAITLISTED.label),
            (EnrollmentStatus.APPLICANT, EnrollmentStatus.APPLICANT.label),
        ],
        initial=EnrollmentStatus.ACTIVE,
    )
    enrolled_on = forms.DateField(
        label=_("Enrolled on"),
        initial=timezone.localdate,
        widget=AdminDateInput,
        help_text=_("Sessions before this date do not count for her attendance."),
    )
    screening_notes = forms.CharField(
        label=_("Screening notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by coordinators only."),
    )
    # A random value in each rendered form: a second submit of the same form
    # (a double click) finds the trainee made by the first and adds no other.
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = permissions.managed_cohorts(user)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        allowed = set("+0123456789 -()")
        if phone and (not set(phone) <= allowed or sum(c.isdigit() for c in phone) < 5):
            raise ValidationError(
                _("Enter a phone number with digits only, e.g. +47 912 34 567.")
            )
        return phone


class MoveEnrollmentForm(forms.Form):
    to_cohort = forms.ModelChoiceField(
        label=_("Move to cohort"), queryset=Cohort.objects.none()
    )

    def __init__(self, *args, enrollment, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrollment = enrollment
        self.fields["to_cohort"].queryset = (
            permissions.managed_cohorts(user)
            .filter(course_id=enrollment.cohort.course_id)
            .exclude(pk=enrollment.cohort_id)
            .select_related("chapter")
        )

    def clean_to_cohort(self):
        cohort = self.cleaned_data["to_cohort"]
        if cohort.enrollments.filter(user_id=self.enrollment.user_id).exists():
            raise ValidationError(_("She is already in that cohort."))
        return cohort
