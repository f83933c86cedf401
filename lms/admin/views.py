"""The programme admin's own views beyond plain editing: listings with the
buttons a coordinator needs, planning a cohort's weekly sessions, adding
a trainee without email (she gets a one-time sign-in link), moving and
withdrawing enrollments, and inviting a lecturer from a session."""

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from lms import curriculum, enrolment, permissions, planning
from lms.admin.forms import (
    AddTraineeForm,
    MoveEnrollmentForm,
    ProposalForm,
    SessionRowFormSet,
)
from lms.admin.scoping import ScopedEditView, ScopedIndexView
from lms.choices import EnrollmentStatus
from lms.models import Enrollment, Session
from lms.ui.sign_in import front_end_url, remember_sign_in_token, tell_replaced_links
from lms.views._http import int_or_none

ADD_TRAINEE_TOKENS_SESSION_KEY = "lms_add_trainee_forms"


def coordinator_names(chapter):
    return ", ".join(
        person.get_full_name() or person.get_username()
        for person in chapter.coordinators.all()
    )


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
        return planning.proposal_defaults(self.cohort)

    def proposal_form(self):
        if "first_date" in self.request.GET:
            return ProposalForm(self.request.GET)
        return ProposalForm(initial=self.proposal_defaults())

    def proposed_rows(self, proposal):
        if proposal.is_bound and proposal.is_valid():
            values = proposal.cleaned_data
        else:
            values = self.proposal_defaults()
        return planning.proposed_rows(self.cohort, self.modules, values)

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
