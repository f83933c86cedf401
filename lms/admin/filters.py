"""Filters of the programme admin's listings, each offering only choices
within the person's scope."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from lms import permissions
from lms.admin.scoping import managed_cohort_choices
from lms.choices import EnrollmentStatus
from lms.models import Chapter, Cohort, CohortStaff, Enrollment, Session


class ChapterFilterSet(WagtailFilterSet):
    name = django_filters.CharFilter(label=_("Name"), lookup_expr="icontains")

    class Meta:
        model = Chapter
        fields = ["name"]


class CohortFilterSet(WagtailFilterSet):
    chapter = django_filters.ModelChoiceFilter(
        label=_("Chapter"),
        queryset=lambda request: Chapter.objects.filter(
            pk__in=permissions.managed_cohorts(request.user).values("chapter_id")
        ),
    )
    starts_on = django_filters.DateFromToRangeFilter(
        label=_("Starts on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Cohort
        fields = ["chapter", "language", "starts_on"]


class CohortStaffFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=managed_cohort_choices
    )

    class Meta:
        model = CohortStaff
        fields = ["cohort", "role"]


class EnrollmentFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=managed_cohort_choices
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=EnrollmentStatus.choices
    )

    class Meta:
        model = Enrollment
        fields = ["cohort", "status"]


class SessionFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=managed_cohort_choices
    )
    starts_at = django_filters.DateFromToRangeFilter(
        label=_("Date"), field_name="starts_at__date", widget=DateRangePickerWidget
    )

    class Meta:
        model = Session
        fields = ["cohort", "cancelled"]
