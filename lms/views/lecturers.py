"""Lecturers' pages, outside the Wagtail admin and made for a phone.

- the invitation link from her mailbox: set a password, land on her sessions
  (and a form for a fresh link when it no longer works);
- 'My sessions': the evenings she lectures, nothing else;
- a session's briefing beside the module's lecturer guide, with notes and the
  history of changes; coordinators edit it and copy it to another cohort;
- the coordinator's form that invites a lecturer to a cohort's sessions.

Who may see what is decided in lms.permissions; the work is done in
lms.lecturers. A lecturer only ever learns that another session exists by a
404, and a trainee never reaches a briefing.
"""

import logging
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from lms import curriculum, lecturers, permissions
from lms.choices import EnrollmentStatus
from lms.models import Briefing, Cohort, Enrollment, Session

logger = logging.getLogger(__name__)

BACKEND = "django.contrib.auth.backends.ModelBackend"
VALID_EMAIL = gettext_lazy("Enter a valid email address, like name@example.no.")


# --- forms ------------------------------------------------------------------------


class FreshLinkForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Enter your email address."),
            "invalid": VALID_EMAIL,
        },
    )


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        when = timezone.localtime(obj.starts_at)
        label = _("%(module)s – %(date)s") % {
            "module": obj.module.title,
            "date": f"{when:%d.%m.%Y %H:%M}",
        }
        names = [u.get_full_name() or u.get_username() for u in obj.lecturers.all()]
        if names:
            lecturers_text = _("lecturers: %(names)s") % {"names": ", ".join(names)}
            label += f" ({lecturers_text})"
        return label


class InviteLecturerForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Her email address"),
        max_length=254,
        help_text=gettext_lazy(
            "The invitation link goes to this address only. You will not see it."
        ),
        error_messages={
            "required": gettext_lazy("Enter the lecturer's email address."),
            "invalid": VALID_EMAIL,
        },
    )
    first_name = forms.CharField(
        label=gettext_lazy("First name"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("Optional. Used to greet her."),
    )
    sessions = SessionChoiceField(
        label=gettext_lazy("Sessions she lectures"),
        queryset=Session.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Choose at least one session."),
            "invalid_choice": gettext_lazy("Choose sessions of this cohort only."),
            "invalid_pk_value": gettext_lazy("Choose sessions of this cohort only."),
        },
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = (
            cohort.sessions.filter(cancelled=False)
            .select_related("module")
            .prefetch_related("lecturers")
            .order_by("starts_at")
        )


class BriefingForm(forms.ModelForm):
    # When the form was shown (the briefing's updated_at): a save by someone
    # else since then is a conflict, not an overwrite.
    stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Briefing
        fields = list(Briefing.TRACKED)
        widgets = {
            "pre_meeting_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "participants": forms.Textarea(attrs={"rows": 2}),
            "group_needs": forms.Textarea(attrs={"rows": 5}),
            "agreed_coverage": forms.Textarea(attrs={"rows": 5}),
            "practical_notes": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "pre_meeting_at": {
                "invalid": gettext_lazy("Enter a date and time, like 2025-03-04 18:00.")
            },
        }


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Write something before you add the note."),
            "max_length": gettext_lazy(
                "A note can be at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )


class CopyBriefingForm(forms.Form):
    target = forms.ModelChoiceField(
        label=gettext_lazy("Copy to"),
        queryset=Session.objects.none(),
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Choose a session to copy to."),
            "invalid_choice": gettext_lazy(
                "Choose a session of the same module in another cohort you run."
            ),
        },
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda s: (
            f"{s.cohort.name} – {timezone.localtime(s.starts_at):%d.%m.%Y}"
        )


# --- helpers ----------------------------------------------------------------------


def _link_headers(response):
    """The address holds a token: never pass it on, never index it."""
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _briefing_session(user, pk):
    """The session whose briefing `user` may read; 404 for everyone else."""
    session = get_object_or_404(
        Session.objects.select_related("cohort", "cohort__chapter", "module"), pk=pk
    )
    if not permissions.user_can_read_briefing(user, session):
        raise Http404
    return session


def _briefing_of(session):
    return Briefing.objects.filter(session=session).select_related("updated_by").first()


def _materials_url(session):
    try:
        return reverse("lms:session_materials", kwargs={"pk": session.pk})
    except NoReverseMatch:  # the materials pages are not there (yet)
        return None


def _person(user) -> str:
    if user is None:
        return _("(removed account)")
    return user.get_full_name() or user.get_username()


# --- the invitation link ----------------------------------------------------------


@never_cache
@csrf_protect
def lecturer_invitation(request, token):
    invitation = lecturers.usable_invitation(token)
    if invitation is None:
        return _invalid_link(request)
    invitee = invitation.user
    if request.user.is_authenticated and request.user.pk != invitee.pk:
        # Someone else is signed in on this device: neither log her out nor
        # spend the link; the invitee opens it once that person logs out.
        response = render(
            request,
            "lms/lecturers/invitation_other_user.html",
            {"signed_in_as": _person(request.user)},
            status=403,
        )
        return _link_headers(response)
    form = SetPasswordForm(invitee, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = lecturers.redeem_invitation(
                token=token, password=form.cleaned_data["new_password1"]
            )
        except lecturers.InvitationUnusable:
            return _invalid_link(request)
        login(request, user, backend=BACKEND)
        messages.success(request, _("Your password is set. Welcome!"))
        return redirect("lms:my_sessions")
    response = render(
        request,
        "lms/lecturers/invitation.html",
        {"form": form, "invitee": invitee},
        status=400 if form.is_bound else 200,
    )
    return _link_headers(response)


def _invalid_link(request):
    response = render(
        request,
        "lms/lecturers/invitation_invalid.html",
        {"form": FreshLinkForm()},
        status=410,
    )
    return _link_headers(response)


@never_cache
@csrf_protect
def lecturer_fresh_link(request):
    """Ask for a new link by email. The answer is the same whoever asks."""
    form = FreshLinkForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            result = lecturers.request_fresh_link(email=form.cleaned_data["email"])
            if result is not None:
                user, token = result
                try:
                    lecturers.send_lecturer_mail(user=user, token=token)
                except Exception:  # the answer must not tell; the log does
                    logger.exception("Could not send a fresh lecturer link")
            messages.success(
                request,
                _(
                    "If this address belongs to a lecturer, a new link is on "
                    "its way to it. Check your inbox (and the spam folder)."
                ),
            )
            return redirect("lms:lecturer_fresh_link")
        status = 400
    else:
        status = 200
    return _link_headers(
        render(request, "lms/lecturers/fresh_link.html", {"form": form}, status=status)
    )


# --- my sessions ------------------------------------------------------------------


@dataclass
class SessionRow:
    session: Session
    title: str
    briefing: Briefing | None
    held: bool
    first_names: list = field(default_factory=list)
    trainee_count: int = 0


@login_required
def my_sessions(request):
    """The evenings she lectures: upcoming first, then those held.

    A fixed number of queries however many sessions she has.
    """
    now = timezone.now()
    sessions = list(
        permissions.lectured_sessions(request.user)
        .select_related("cohort", "cohort__chapter", "module", "briefing")
        .order_by("starts_at", "pk")
    )
    titles = curriculum.titles_in_language({s.module.translation_key for s in sessions})
    names: dict[int, list] = {}
    for cohort_id, first_name in (
        Enrollment.objects.filter(
            cohort_id__in={s.cohort_id for s in sessions},
            status=EnrollmentStatus.ACTIVE,
        )
        .order_by("user__first_name")
        .values_list("cohort_id", "user__first_name")
    ):
        names.setdefault(cohort_id, []).append(first_name)
    rows = []
    for session in sessions:
        cohort_names = names.get(session.cohort_id, [])
        rows.append(
            SessionRow(
                session=session,
                title=titles.get(session.module.translation_key, session.module.title),
                briefing=getattr(session, "briefing", None),
                held=session.starts_at <= now,
                first_names=[n for n in cohort_names if n],
                trainee_count=len(cohort_names),
            )
        )
    upcoming = [row for row in rows if not row.held]
    held = [row for row in reversed(rows) if row.held]
    return render(
        request,
        "lms/lecturers/my_sessions.html",
        {"upcoming": upcoming, "held": held},
    )


# --- the briefing -----------------------------------------------------------------


def _change_rows(briefing):
    if briefing is None:
        return []
    labels = {
        name: Briefing._meta.get_field(name).verbose_name for name in Briefing.TRACKED
    }
    rows = []
    for change in briefing.changes.select_related("changed_by"):
        fields = [
            str(labels[name]) if name in labels else _("a note")
            for name in change.changes
        ]
        rows.append(
            {
                "who": _person(change.changed_by),
                "when": change.changed_at,
                "fields": fields,
                "note_only": list(change.changes) == ["note"],
            }
        )
    return rows


def _render_briefing(request, session, *, note_form=None, status=200):
    user = request.user
    briefing = _briefing_of(session)
    can_edit = permissions.user_can_edit_briefing(user, session)
    copy_form = None
    if can_edit:
        targets = lecturers.copy_targets(from_session=session, user=user)
        copy_form = CopyBriefingForm(targets=targets)
        copy_form.has_targets = targets.exists()
    notes = list(briefing.notes.select_related("author")) if briefing else []
    titles = curriculum.titles_in_language([session.module.translation_key])
    return render(
        request,
        "lms/lecturers/briefing.html",
        {
            "session": session,
            "cohort": session.cohort,
            "title": titles.get(session.module.translation_key, session.module.title),
            "briefing": briefing,
            "fields": _briefing_fields(briefing),
            "guide": curriculum.lecturer_guide(session.module),
            "lecturers": [_person(u) for u in session.lecturers.all()],
            "notes": [{"who": _person(n.author), "note": n} for n in notes],
            "changes": _change_rows(briefing),
            "note_form": note_form or NoteForm(),
            "can_edit": can_edit,
            "copy_form": copy_form,
            "materials_url": _materials_url(session),
            "trainee_count": Enrollment.objects.filter(
                cohort_id=session.cohort_id, status=EnrollmentStatus.ACTIVE
            ).count(),
        },
        status=status,
    )


def _briefing_fields(briefing):
    """(label, value, kind) of each briefing field, for reading."""
    rows = []
    for name in Briefing.TRACKED:
        model_field = Briefing._meta.get_field(name)
        value = getattr(briefing, name, None) if briefing else None
        rows.append(
            {
                "name": name,
                "label": model_field.verbose_name,
                "value": value,
                "is_date": name == "pre_meeting_at",
            }
        )
    return rows


@login_required
def briefing(request, pk):
    session = _briefing_session(request.user, pk)
    return _render_briefing(request, session)


@login_required
@require_POST
def briefing_note(request, pk):
    session = _briefing_session(request.user, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note was not added. See below."))
        return _render_briefing(request, session, note_form=form, status=400)
    lecturers.add_briefing_note(
        session=session, text=form.cleaned_data["text"], by=request.user
    )
    messages.success(request, _("Your note is added."))
    return redirect(reverse("lms:briefing", args=[session.pk]) + "#notes")


@login_required
def briefing_edit(request, pk):
    session = _briefing_session(request.user, pk)
    if not permissions.user_can_edit_briefing(request.user, session):
        raise PermissionDenied
    current = _briefing_of(session)
    status = 200
    conflict = None
    if request.method == "POST":
        form = BriefingForm(request.POST, instance=Briefing(session=session))
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in Briefing.TRACKED}
            try:
                lecturers.update_briefing(
                    session=session,
                    data=data,
                    by=request.user,
                    stamp=form.cleaned_data["stamp"],
                )
            except lecturers.BriefingConflict as exc:
                conflict = exc.current
                # Her input stays; the next save is knowingly over the new one.
                form.data = form.data.copy()
                form.data["stamp"] = lecturers.briefing_stamp(conflict)
                messages.error(
                    request,
                    _(
                        "Someone else saved this briefing after you opened it. "
                        "Your text is kept below; compare it with the saved "
                        "version and save again."
                    ),
                )
                status = 409
            else:
                messages.success(request, _("The briefing is saved."))
                return redirect("lms:briefing", session.pk)
        else:
            messages.error(request, _("The briefing was not saved. See below."))
            status = 400
    else:
        form = BriefingForm(
            instance=current or Briefing(session=session),
            initial={"stamp": lecturers.briefing_stamp(current)},
        )
    return render(
        request,
        "lms/lecturers/briefing_edit.html",
        {
            "session": session,
            "cohort": session.cohort,
            "title": curriculum.titles_in_language(
                [session.module.translation_key]
            ).get(session.module.translation_key, session.module.title),
            "form": form,
            "conflict_fields": _briefing_fields(conflict) if conflict else None,
        },
        status=status,
    )


@login_required
@require_POST
def copy_briefing(request, pk):
    session = _briefing_session(request.user, pk)
    if not permissions.user_can_edit_briefing(request.user, session):
        raise PermissionDenied
    form = CopyBriefingForm(
        request.POST,
        targets=lecturers.copy_targets(from_session=session, user=request.user),
    )
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("target", [])))
        return redirect("lms:briefing", session.pk)
    target = form.cleaned_data["target"]
    _briefing, change = lecturers.copy_briefing(
        from_session=session, to_session=target, by=request.user
    )
    if change is None:
        messages.info(request, _("That briefing already had the same text."))
    else:
        messages.success(
            request,
            _("The briefing is copied to %(cohort)s.") % {"cohort": target.cohort.name},
        )
    return redirect("lms:briefing", target.pk)


# --- the coordinator invites ------------------------------------------------------


@login_required
def invite_lecturer(request, pk):
    cohort = get_object_or_404(Cohort.objects.select_related("chapter"), pk=pk)
    if not permissions.user_can_manage_cohort(request.user, cohort):
        raise PermissionDenied
    form = InviteLecturerForm(request.POST or None, cohort=cohort)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            sessions = list(form.cleaned_data["sessions"])
            email = form.cleaned_data["email"]
            try:
                result = lecturers.invite_lecturer(
                    email=email,
                    sessions=sessions,
                    by=request.user,
                    first_name=form.cleaned_data["first_name"],
                )
            except lecturers.CannotInvite:
                form.add_error(
                    "email",
                    _(
                        "This address belongs to an account with other tasks. "
                        "Only an administrator can add it to your sessions."
                    ),
                )
                return render(
                    request,
                    "lms/lecturers/invite.html",
                    {"cohort": cohort, "form": form},
                    status=400,
                )
            count = len(sessions)
            try:
                lecturers.send_lecturer_mail(
                    user=result.user,
                    token=result.token,
                    sessions=sessions,
                    by=request.user,
                    language=translation.get_language(),
                )
            except Exception:
                logger.exception("Could not send a lecturer invitation")
                messages.error(
                    request,
                    _(
                        "She is added to the sessions, but the email to %(email)s "
                        "could not be sent. Try inviting her again later."
                    )
                    % {"email": email},
                )
                return redirect("lms:cohort_sessions", cohort.pk)
            if result.token:
                text = ngettext(
                    "She is added to %(count)d session. An invitation with a "
                    "personal link was sent to %(email)s.",
                    "She is added to %(count)d sessions. An invitation with a "
                    "personal link was sent to %(email)s.",
                    count,
                )
            else:
                text = ngettext(
                    "She is added to %(count)d session. %(email)s already has an "
                    "account with other tasks: she was told by email and signs "
                    "in as usual.",
                    "She is added to %(count)d sessions. %(email)s already has an "
                    "account with other tasks: she was told by email and signs "
                    "in as usual.",
                    count,
                )
            messages.success(request, text % {"count": count, "email": email})
            return redirect("lms:cohort_sessions", cohort.pk)
        status = 400
    return render(
        request,
        "lms/lecturers/invite.html",
        {"cohort": cohort, "form": form},
        status=status,
    )


urlpatterns = [
    path(
        "lecturer/invitation/<str:token>/",
        lecturer_invitation,
        name="lecturer_invitation",
    ),
    path("lecturer/new-link/", lecturer_fresh_link, name="lecturer_fresh_link"),
    path("lecturer/sessions/", my_sessions, name="my_sessions"),
    path("lecturer/sessions/<int:pk>/briefing/", briefing, name="briefing"),
    path(
        "lecturer/sessions/<int:pk>/briefing/edit/",
        briefing_edit,
        name="briefing_edit",
    ),
    path(
        "lecturer/sessions/<int:pk>/briefing/notes/",
        briefing_note,
        name="briefing_note",
    ),
    path(
        "lecturer/sessions/<int:pk>/briefing/copy/",
        copy_briefing,
        name="copy_briefing",
    ),
    path(
        "staff/cohorts/<int:pk>/invite-lecturer/",
        invite_lecturer,
        name="invite_lecturer",
    ),
]
