"""Wagtail admin for running the programme, grouped under "Programme".

Chapters, cohorts, their staff, enrollments and sessions. Every listing, form
and object page is narrowed to what the signed-in person manages
(lms.permissions.managed_cohorts): a coordinator sees only her chapters' rows,
can pick only her own chapters and cohorts, and another chapter's edit page is
a 404. Superusers see everything.

Beyond plain editing: planning a cohort's weekly sessions, adding a trainee
without email (she gets a one-time sign-in link), moving and withdrawing
enrollments, and links to the front-end attendance registers and overview.
"""

import datetime
import secrets

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton

from lms import accounts, curriculum, enrolment, permissions, planning
from lms.choices import EnrollmentStatus
from lms.forms import (
    AddTraineeForm,
    ChapterAdminForm,
    CohortAdminForm,
    CohortStaffAdminForm,
    EnrollmentAdminForm,
    MoveEnrollmentForm,
    ProposalForm,
    SessionAdminForm,
    SessionRowFormSet,
)
from lms.models import Chapter, Cohort, CohortStaff, Enrollment, Session
from lms.views._http import int_or_none

# Where a sign-in token waits, in the coordinator's session, until the
# printable sheet shows it once (lms.views.staff.sign_in_sheet).
SIGN_IN_TOKENS_SESSION_KEY = "lms_sign_in_tokens"
ADD_TRAINEE_TOKENS_SESSION_KEY = "lms_add_trainee_forms"


def front_end_url(user, viewname, *args):
    """A learner-site address in her own language: the admin runs without a
    language prefix, so a plain reverse() would use the admin's language."""
    profile = accounts.profile_or_none(user)
    language = (profile and profile.language) or settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse(viewname, args=args)


def tell_replaced_links(request, new_link):
    """Say so when a new sign-in link stopped one someone else had made."""
    for made_by, made_at in new_link.replaced:
        messages.warning(
            request,
            gettext(
                "This replaced an unused sign-in link that %(name)s made on "
                "%(date)s. That link no longer works."
            )
            % {
                "name": (made_by.get_full_name() or made_by.get_username())
                if made_by
                else gettext("an administrator"),
                "date": date_format(timezone.localtime(made_at), "SHORT_DATE_FORMAT"),
            },
        )


def remember_sign_in_token(request, enrollment, token):
    tokens = request.session.get(SIGN_IN_TOKENS_SESSION_KEY, {})
    tokens[str(enrollment.pk)] = token
    request.session[SIGN_IN_TOKENS_SESSION_KEY] = tokens


# --- scoping every view to what the user manages -----------------------------


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


# --- chapters ------------------------------------------------------------------


class ChapterFilterSet(WagtailFilterSet):
    name = django_filters.CharFilter(label=_("Name"), lookup_expr="icontains")

    class Meta:
        model = Chapter
        fields = ["name"]


def coordinator_names(chapter):
    return ", ".join(
        person.get_full_name() or person.get_username()
        for person in chapter.coordinators.all()
    )


class ChapterViewSet(ScopedModelViewSet):
    """Superusers edit chapters; coordinators look at their own."""

    model = Chapter
    icon = "site"
    menu_order = 100
    inspect_view_enabled = True
    list_display = [
        "name",
        "slug",
        Column("coordinators", label=_("Coordinators"), accessor=coordinator_names),
    ]
    filterset_class = ChapterFilterSet
    list_export = ["name", "slug"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("coordinators")],
        base_form_class=ChapterAdminForm,
    )

    def get_scoped_queryset(self, user):
        if user.is_superuser:
            chapters = Chapter.objects.all()
        else:
            chapters = Chapter.objects.filter(
                pk__in=permissions.managed_cohorts(user).values("chapter_id")
            ) | permissions.managed_chapters(user)
        return chapters.distinct().prefetch_related("coordinators")


# --- cohorts -------------------------------------------------------------------


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


class CohortLinksColumn(Column):
    """Where a coordinator runs the cohort day to day (front-end pages)."""

    cell_template_name = "lms/admin/cohort_links_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["links"] = cohort_links(instance, parent_context["request"].user)
        return context


def cohort_links(cohort, user):
    return [
        {
            "url": front_end_url(user, "lms:cohort_sessions", cohort.pk),
            "label": gettext("Sessions and attendance"),
        },
        {
            "url": front_end_url(user, "lms:cohort_overview", cohort.pk),
            "label": gettext("Overview"),
        },
    ]


class CohortCreateView(generic.CreateView):
    def get_success_url(self):
        # A new cohort goes straight on to planning its evenings.
        return reverse("lms_cohort:plan_sessions", args=[self.object.pk])


class CohortIndexView(ScopedIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    _("Plan sessions"),
                    url=reverse("lms_cohort:plan_sessions", args=[instance.pk]),
                    icon_name="date",
                    priority=40,
                )
            )
        for priority, link in enumerate(
            cohort_links(instance, self.request.user), start=41
        ):
            buttons.append(
                MenuItem(
                    link["label"], url=link["url"], icon_name="tasks", priority=priority
                )
            )
        buttons.append(
            MenuItem(
                _("Enrollments"),
                url=reverse("lms_enrollment:index")
                + "?"
                + urlencode({"cohort": instance.pk}),
                icon_name="group",
                priority=45,
            )
        )
        buttons.append(
            MenuItem(
                _("Add trainee"),
                url=reverse("lms_enrollment:add_trainee")
                + "?"
                + urlencode({"cohort": instance.pk}),
                icon_name="user",
                priority=46,
            )
        )
        return buttons


class PlanSessionsView(generic.WagtailAdminTemplateMixin, TemplateView):
    """One proposed weekly evening per module of the course, edited, then saved."""

    template_name = "lms/admin/plan_sessions.html"
    page_title = _("Plan sessions")
    header_icon = "date"
    viewset = None

    def dispatch(self, request, pk):
        self.viewset.check_model_permission(request, "change")
        if not permissions.user_can_plan_sessions(request.user):
            raise PermissionDenied
        self.cohort = get_object_or_404(
            permissions.managed_cohorts(request.user).select_related("course"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.cohort)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("lms_cohort:index"), "label": _("Cohorts")},
            {
                "url": reverse("lms_cohort:edit", args=[self.cohort.pk]),
                "label": self.cohort,
            },
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def planned_module_ids(self):
        return set(self.cohort.sessions.values_list("module_id", flat=True))

    @cached_property
    def modules(self):
        """The course's modules not yet planned for this cohort."""
        return [
            module
            for module in curriculum.course_modules(self.cohort.course)
            if module.pk not in self.planned_module_ids
        ]

    def proposal_defaults(self):
        """Weekly from the cohort's start, or from the week after the last one."""
        last = self.cohort.sessions.order_by("-starts_at").first()
        if last is None:
            return {
                "first_date": self.cohort.starts_on,
                "start_time": datetime.time(18, 0),
                "end_time": datetime.time(20, 30),
                "place": "",
            }
        starts = timezone.localtime(last.starts_at)
        ends = timezone.localtime(last.ends_at) if last.ends_at else None
        return {
            "first_date": starts.date() + datetime.timedelta(weeks=1),
            "start_time": _minutes(starts.time()),
            "end_time": _minutes(ends.time()) if ends else datetime.time(20, 30),
            "place": last.place,
        }

    def proposal_form(self):
        if "first_date" in self.request.GET:
            return ProposalForm(self.request.GET)
        return ProposalForm(initial=self.proposal_defaults())

    def proposed_rows(self, proposal):
        if proposal.is_bound and proposal.is_valid():
            values = proposal.cleaned_data
        else:
            values = self.proposal_defaults()
        day = values["first_date"]
        first = timezone.make_aware(
            datetime.datetime.combine(day, values["start_time"])
        )
        duration = datetime.datetime.combine(
            day, values["end_time"]
        ) - datetime.datetime.combine(day, values["start_time"])
        if duration <= datetime.timedelta(0):
            duration = datetime.timedelta(hours=2, minutes=30)
        sessions = planning.propose_sessions(
            cohort=self.cohort,
            modules=self.modules,
            first_starts_at=first,
            duration=duration,
            place=values.get("place") or "",
        )
        return [
            {
                "module": session.module.pk,
                "include": True,
                "date": timezone.localdate(session.starts_at),
                "start_time": _minutes(timezone.localtime(session.starts_at).time()),
                "end_time": _minutes(timezone.localtime(session.ends_at).time()),
                "place": session.place,
            }
            for session in sessions
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cohort"] = self.cohort
        context["planned_count"] = len(self.planned_module_ids)
        modules = {module.pk: module for module in self.modules}
        context["rows"] = [
            (
                modules.get(
                    form.initial.get("module") or int_or_none(form["module"].value())
                ),
                form,
            )
            for form in context["formset"]
        ]
        return context

    def get(self, request, pk):
        proposal = self.proposal_form()
        formset = SessionRowFormSet(initial=self.proposed_rows(proposal), prefix="rows")
        return self.render_to_response(
            self.get_context_data(proposal=proposal, formset=formset)
        )

    def post(self, request, pk):
        formset = SessionRowFormSet(request.POST, prefix="rows")
        modules = {module.pk: module for module in self.modules}
        sessions = []
        if formset.is_valid():
            for form in formset:
                if not form.cleaned_data.get("include"):
                    continue
                module = modules.get(form.cleaned_data["module"])
                if module is None:
                    # Planned meanwhile (a second click, another tab): skip it.
                    continue
                session = Session(
                    cohort=self.cohort,
                    module=module,
                    starts_at=form.starts_at(),
                    ends_at=form.ends_at(),
                    place=form.cleaned_data["place"],
                )
                try:
                    session.full_clean()
                except ValidationError as error:
                    for field, field_errors in error.message_dict.items():
                        target = {"starts_at": "date", "ends_at": "end_time"}.get(
                            field, "place" if field == "place" else None
                        )
                        for message in field_errors:
                            form.add_error(target, message)
                sessions.append(session)
        if formset.is_valid() and not any(form.errors for form in formset):
            created = planning.create_sessions(sessions=sessions)
            messages.success(
                request,
                gettext("%(count)s sessions planned for %(cohort)s.")
                % {"count": len(created), "cohort": self.cohort},
            )
            return redirect(
                reverse("lms_session:index")
                + "?"
                + urlencode({"cohort": self.cohort.pk})
            )
        messages.error(
            request, gettext("Nothing was saved. Please correct the marked rows.")
        )
        return self.render_to_response(
            self.get_context_data(proposal=self.proposal_form(), formset=formset)
        )


def _minutes(time):
    return time.replace(second=0, microsecond=0)


class CohortViewSet(ScopedModelViewSet):
    model = Cohort
    icon = "group"
    menu_order = 200
    index_view_class = CohortIndexView
    add_view_class = CohortCreateView
    list_display = [
        "name",
        "chapter",
        Column("course", label=_("Course"), accessor="course.title"),
        "starts_on",
        "language",
        CohortLinksColumn("links", label=_("Run the cohort")),
    ]
    filterset_class = CohortFilterSet
    list_export = ["name", "chapter.name", "course.title", "starts_on", "ends_on"]
    export_headings = {
        "chapter.name": _("Chapter"),
        "course.title": _("Course"),
    }
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("chapter"),
            FieldPanel("course"),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("language"),
            FieldPanel("open_all_material"),
        ],
        base_form_class=CohortAdminForm,
    )

    def get_scoped_queryset(self, user):
        return permissions.managed_cohorts(user).select_related("chapter", "course")

    @cached_property
    def plan_sessions_view(self):
        return PlanSessionsView.as_view(viewset=self)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/plan/", self.plan_sessions_view, name="plan_sessions"),
        ]


# --- cohort staff --------------------------------------------------------------


class CohortStaffFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"), queryset=managed_cohort_choices
    )

    class Meta:
        model = CohortStaff
        fields = ["cohort", "role"]


class CohortStaffViewSet(ScopedModelViewSet):
    model = CohortStaff
    icon = "user"
    menu_order = 300
    list_display = [
        "user",
        Column("name", label=_("Name"), accessor="user.get_full_name"),
        "cohort",
        "role",
    ]
    filterset_class = CohortStaffFilterSet
    list_export = ["user.get_full_name", "user.username", "cohort.name", "role"]
    export_headings = {
        "user.get_full_name": _("Name"),
        "user.username": _("Username"),
        "cohort.name": _("Cohort"),
    }
    edit_handler = ObjectList(
        [FieldPanel("cohort"), FieldPanel("user"), FieldPanel("role")],
        base_form_class=CohortStaffAdminForm,
    )

    def get_scoped_queryset(self, user):
        return CohortStaff.objects.filter(
            cohort__in=permissions.managed_cohorts(user)
        ).select_related("user", "cohort")


# --- enrollments ---------------------------------------------------------------


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


class EnrollmentIndexView(ScopedIndexView):
    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if self.user_has_permission("add"):
            cohort = self.request.GET.get("cohort", "")
            url = reverse("lms_enrollment:add_trainee")
            if cohort.isdigit():
                url += "?" + urlencode({"cohort": cohort})
            buttons.append(HeaderButton(_("Add trainee"), url=url, icon_name="user"))
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.user_has_permission("change"):
            return buttons
        buttons.append(
            MenuItem(
                _("Sign-in link"),
                url=front_end_url(self.request.user, "lms:sign_in_sheet", instance.pk),
                icon_name="key",
                priority=40,
            )
        )
        buttons.append(
            MenuItem(
                _("Move to another cohort"),
                url=reverse("lms_enrollment:move", args=[instance.pk]),
                icon_name="arrow-right",
                priority=41,
            )
        )
        if instance.status != EnrollmentStatus.WITHDRAWN:
            buttons.append(
                MenuItem(
                    _("Withdraw"),
                    url=reverse("lms_enrollment:withdraw", args=[instance.pk]),
                    icon_name="logout",
                    priority=42,
                )
            )
        return buttons


class EnrollmentFormView(generic.WagtailAdminTemplateMixin, FormView):
    """A small admin form about enrollments (add a trainee, move, withdraw)."""

    template_name = "lms/admin/form.html"
    header_icon = "group"
    submit_button_label = _("Save")
    permission = "change"
    viewset = None

    def dispatch(self, request, *args, **kwargs):
        self.viewset.check_model_permission(request, self.permission)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("lms_enrollment:index"), "label": _("Enrollments")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.get_full_path()
        context["submit_button_label"] = self.submit_button_label
        context["submit_button_active_label"] = _("Saving…")
        return context


class AddTraineeView(EnrollmentFormView):
    page_title = _("Add trainee")
    header_icon = "user"
    form_class = AddTraineeForm
    permission = "add"
    submit_button_label = _("Add trainee and make a sign-in link")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_initial(self):
        initial = {"form_token": secrets.token_urlsafe(16)}
        if self.request.GET.get("cohort", "").isdigit():
            initial["cohort"] = int(self.request.GET["cohort"])
        return initial

    def form_valid(self, form):
        request = self.request
        done = request.session.get(ADD_TRAINEE_TOKENS_SESSION_KEY, {})
        form_token = form.cleaned_data["form_token"]
        if form_token and form_token in done:
            # The same form sent twice: show what the first one made.
            return redirect(
                front_end_url(request.user, "lms:sign_in_sheet", done[form_token])
            )
        data = form.cleaned_data
        with transaction.atomic():
            user = enrolment.create_trainee_account(
                first_name=data["first_name"],
                phone=data["phone"],
                language=data["language"],
            )
            enrollment = enrolment.enroll(
                cohort=data["cohort"],
                user=user,
                status=data["status"],
                enrolled_on=data["enrolled_on"],
                screening_notes=data["screening_notes"],
            )
            new_link = enrolment.create_sign_in_link(user=user, created_by=request.user)
        tell_replaced_links(request, new_link)
        remember_sign_in_token(request, enrollment, new_link.token)
        if form_token:
            done[form_token] = enrollment.pk
            request.session[ADD_TRAINEE_TOKENS_SESSION_KEY] = dict(
                list(done.items())[-20:]
            )
        messages.success(
            request,
            gettext("%(name)s was added to %(cohort)s.")
            % {"name": user.first_name, "cohort": enrollment.cohort},
        )
        return redirect(front_end_url(request.user, "lms:sign_in_sheet", enrollment.pk))


class EnrollmentActionView(EnrollmentFormView):
    """A form about one enrollment the user manages (others are a 404)."""

    def dispatch(self, request, pk):
        self.enrollment = get_object_or_404(
            Enrollment.objects.filter(
                cohort__in=permissions.managed_cohorts(request.user)
            ).select_related("user", "cohort"),
            pk=pk,
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.enrollment)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enrollment"] = self.enrollment
        return context

    def back_to_cohort(self, cohort_id):
        return redirect(
            reverse("lms_enrollment:index") + "?" + urlencode({"cohort": cohort_id})
        )


class MoveEnrollmentView(EnrollmentActionView):
    page_title = _("Move to another cohort")
    form_class = MoveEnrollmentForm
    submit_button_label = _("Move")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["enrollment"] = self.enrollment
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        moved = enrolment.move_enrollment(
            enrollment=self.enrollment, to_cohort=form.cleaned_data["to_cohort"]
        )
        messages.success(
            self.request,
            gettext("%(name)s was moved to %(cohort)s.")
            % {"name": moved.user.get_short_name(), "cohort": moved.cohort},
        )
        return self.back_to_cohort(moved.cohort_id)


class WithdrawEnrollmentView(EnrollmentActionView):
    page_title = _("Withdraw")
    template_name = "lms/admin/withdraw.html"
    form_class = forms.Form
    submit_button_label = _("Yes, withdraw her")

    def form_valid(self, form):
        enrolment.withdraw(enrollment=self.enrollment)
        messages.success(
            self.request,
            gettext("%(name)s was withdrawn from %(cohort)s.")
            % {
                "name": self.enrollment.user.get_short_name(),
                "cohort": self.enrollment.cohort,
            },
        )
        return self.back_to_cohort(self.enrollment.cohort_id)


class EnrollmentViewSet(ScopedModelViewSet):
    model = Enrollment
    icon = "group"
    menu_order = 400
    index_view_class = EnrollmentIndexView
    list_display = [
        "user",
        Column("name", label=_("Name"), accessor="user.get_full_name"),
        "cohort",
        "status",
        "enrolled_on",
    ]
    filterset_class = EnrollmentFilterSet
    # Screening notes stay out of exports: they are for coordinators' eyes.
    list_export = [
        "user.first_name",
        "user.last_name",
        "user.username",
        "cohort.name",
        "get_status_display",
        "enrolled_on",
    ]
    export_headings = {
        "user.first_name": _("First name"),
        "user.last_name": _("Last name"),
        "user.username": _("Username"),
        "cohort.name": _("Cohort"),
        "get_status_display": _("Status"),
    }
    search_fields = ["user__first_name", "user__last_name", "user__username"]
    edit_handler = ObjectList(
        [
            FieldPanel("cohort"),
            FieldPanel("user"),
            FieldPanel("status"),
            FieldPanel("enrolled_on"),
            FieldPanel("screening_notes"),
        ],
        base_form_class=EnrollmentAdminForm,
    )

    def get_scoped_queryset(self, user):
        return Enrollment.objects.filter(
            cohort__in=permissions.managed_cohorts(user)
        ).select_related("user", "cohort")

    @cached_property
    def add_trainee_view(self):
        return AddTraineeView.as_view(viewset=self)

    @cached_property
    def move_view(self):
        return MoveEnrollmentView.as_view(viewset=self)

    @cached_property
    def withdraw_view(self):
        return WithdrawEnrollmentView.as_view(viewset=self)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("add-trainee/", self.add_trainee_view, name="add_trainee"),
            path("<int:pk>/move/", self.move_view, name="move"),
            path("<int:pk>/withdraw/", self.withdraw_view, name="withdraw"),
        ]


# --- sessions ------------------------------------------------------------------


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


class SessionIndexView(ScopedIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Attendance register"),
                url=front_end_url(self.request.user, "lms:attendance", instance.pk),
                icon_name="tasks",
                priority=40,
            )
        )
        return buttons


class InviteLecturerButtonMixin:
    """A way to someone new from the lecturer picker: the cohort's invite page."""

    def invite_cohort_id(self):
        raise NotImplementedError

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        cohort_id = self.invite_cohort_id()
        if cohort_id:
            buttons.append(
                HeaderButton(
                    _("Invite a lecturer"),
                    url=front_end_url(
                        self.request.user, "lms:invite_lecturer", cohort_id
                    ),
                    icon_name="mail",
                )
            )
        return buttons


class SessionCreateView(InviteLecturerButtonMixin, generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("cohort", "").isdigit():
            initial["cohort"] = int(self.request.GET["cohort"])
        return initial

    def invite_cohort_id(self):
        cohort = self.get_initial().get("cohort")
        if cohort and permissions.managed_cohorts(self.request.user).filter(pk=cohort):
            return cohort
        return None


class SessionEditView(InviteLecturerButtonMixin, ScopedEditView):
    def invite_cohort_id(self):
        return self.object.cohort_id


class SessionViewSet(ScopedModelViewSet):
    model = Session
    icon = "date"
    menu_order = 500
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    ordering = ["starts_at"]
    list_display = [
        "module",
        "cohort",
        "starts_at",
        "place",
        BooleanColumn("cancelled", label=_("Cancelled")),
    ]
    filterset_class = SessionFilterSet
    list_export = ["cohort.name", "module.title", "starts_at", "ends_at", "place"]
    export_headings = {"cohort.name": _("Cohort"), "module.title": _("Module")}
    edit_handler = ObjectList(
        [
            FieldPanel("cohort"),
            FieldPanel("module"),
            FieldPanel("starts_at"),
            FieldPanel("ends_at"),
            FieldPanel("place"),
            FieldPanel("lecturers"),
            FieldPanel("cancelled"),
        ],
        base_form_class=SessionAdminForm,
    )

    def get_scoped_queryset(self, user):
        return Session.objects.filter(
            cohort__in=permissions.managed_cohorts(user)
        ).select_related("cohort", "module")


# --- the group -------------------------------------------------------------------


class ProgrammeViewSetGroup(ModelViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 250
    items = (
        ChapterViewSet("lms_chapter", url_prefix="programme/chapters"),
        CohortViewSet("lms_cohort", url_prefix="programme/cohorts"),
        CohortStaffViewSet("lms_cohortstaff", url_prefix="programme/staff"),
        EnrollmentViewSet("lms_enrollment", url_prefix="programme/enrollments"),
        SessionViewSet("lms_session", url_prefix="programme/sessions"),
    )
