"""Lecturers: invitations by email, the briefing before their evening.

A lecturer is invited to one or more sessions by her email address. The
single-use, expiring link that lets her set a password goes to her mailbox
only: it is never shown to the coordinator who invited her (who could
otherwise invite a colleague's address and take the account). Only accounts
with no power beyond lecturing ("lecturer-only") ever get such a link; anyone
else is added to the sessions and told by a plain notice to sign in as usual.

The briefing of a session is written by the cohort's coordinators; lecturers
add notes. Every change (and every note) is kept as a ``BriefingChange`` with
who and when.

Functions take keyword-only arguments and run in a transaction.
"""

import datetime
import re
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from lms import enrolment, mail, permissions
from lms.choices import RoleGroup
from lms.models import (
    Briefing,
    BriefingChange,
    BriefingNote,
    LecturerInvitation,
    Session,
)
from lms.models.accounts import hash_token

INVITATION_LIFETIME = datetime.timedelta(days=14)
# A lecturer may ask for this many fresh links a day (coordinators' invitations
# do not count).
FRESH_LINKS_PER_DAY = 3
# Spent and expired invitations are kept this long (for the daily limit), then
# removed.
KEEP_OLD_INVITATIONS = datetime.timedelta(days=30)


# --- who is who -----------------------------------------------------------------


def normalise_email(email: str) -> str:
    return (email or "").strip()


def user_by_email(email: str):
    """The account with this address (any case), or None.

    Should two accounts share it, one that already lectures is preferred,
    then the oldest.
    """
    email = normalise_email(email)
    if not email:
        return None
    users = list(
        get_user_model().objects.filter(email__iexact=email).order_by("pk")[:10]
    )
    if not users:
        return None
    lecturing = set(
        Session.lecturers.through.objects.filter(
            user_id__in=[u.pk for u in users]
        ).values_list("user_id", flat=True)
    )
    return next((u for u in users if u.pk in lecturing), users[0])


# --- invitations ----------------------------------------------------------------


@dataclass
class InvitationResult:
    user: object
    created: bool  # a new account was made for her
    token: str | None  # None: she is told to sign in as usual (no link)


def _unique_username(email: str) -> str:
    user_model = get_user_model()
    base = re.sub(r"[^\w.@+-]", "", email.lower())[:140] or "lecturer"
    username = base
    while user_model.objects.filter(username__iexact=username).exists():
        username = f"{base[:130]}-{secrets.token_hex(3)}"
    return username


def _new_invitation(*, user, sessions=(), by=None) -> str:
    """A fresh token for `user`; her earlier unused links stop working."""
    now = timezone.now()
    # Earlier unused links are spent (kept, expired, for the daily limit);
    # long-dead ones are removed.
    LecturerInvitation.objects.filter(
        user=user, used_at__isnull=True, expires_at__gt=now
    ).update(expires_at=now)
    LecturerInvitation.objects.filter(
        user=user, created_at__lt=now - KEEP_OLD_INVITATIONS
    ).delete()
    token = secrets.token_urlsafe(32)
    invitation = LecturerInvitation.objects.create(
        user=user,
        email=user.email,
        token_hash=hash_token(token),
        created_by=by,
        expires_at=now + INVITATION_LIFETIME,
    )
    if sessions:
        invitation.sessions.set(sessions)
    return token


class CannotInvite(ValueError):
    """The address belongs to an account with other tasks elsewhere: only an
    administrator adds it to sessions (a coordinator must not be able to pull
    a trainee or a colleague of another chapter into her group)."""


@transaction.atomic
def invite_lecturer(*, email: str, sessions, by, first_name: str = ""):
    """Add the person with `email` to `sessions` as a lecturer.

    An existing account with that address (any case) is re-used; otherwise a
    lecturer account is made (username from the address, no usable password).
    A lecturer-only account gets a token for a set-password link (to be
    mailed to her, never shown); any other account gets none.
    """
    email = normalise_email(email)
    if not email:
        raise ValueError("An email address is needed")
    sessions = list(sessions)
    user = user_by_email(email)
    created = user is None
    if not created and not permissions.may_be_added_by(user, by):
        raise CannotInvite(email)
    if created:
        user = get_user_model().objects.create_user(
            username=_unique_username(email),
            email=email,
            first_name=(first_name or "").strip()[:150],
        )
    elif first_name and not user.first_name and permissions.is_lecturer_only(user):
        user.first_name = first_name.strip()[:150]
        user.save(update_fields=["first_name"])
    for session in sessions:
        session.lecturers.add(user)
    if created or permissions.is_lecturer_only(user):
        enrolment.add_to_role(user=user, role=RoleGroup.LECTURER)
        token = _new_invitation(user=user, sessions=sessions, by=by)
    else:
        token = None
    return InvitationResult(user=user, created=created, token=token)


def usable_invitation(token: str):
    """The invitation a token opens, if it is unused, unexpired and its
    account may still get one. Read-only: uses nothing up."""
    invitation = LecturerInvitation.objects.usable(token).select_related("user").first()
    if invitation is None or not permissions.is_lecturer_only(invitation.user):
        return None
    if not _sent_to_her(invitation, invitation.user):
        return None
    return invitation


def _sent_to_her(invitation, user) -> bool:
    """A link works only while her address is the one it was mailed to."""
    return (invitation.email or "").lower() == (user.email or "").lower()


class InvitationUnusable(ValueError):
    """The link was used, has expired, or its account may no longer use it."""


@transaction.atomic
def redeem_invitation(*, token: str, password: str):
    """Set her password with a valid link and spend it. Returns the user.

    The row is locked so two tabs cannot both use one link.
    """
    invitation = LecturerInvitation.objects.usable(token).select_for_update().first()
    if invitation is None:
        raise InvitationUnusable(token)
    user = get_user_model().objects.select_for_update().get(pk=invitation.user_id)
    if not permissions.is_lecturer_only(user) or not _sent_to_her(invitation, user):
        raise InvitationUnusable(token)
    invitation.spend()
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


@transaction.atomic
def request_fresh_link(*, email: str):
    """A new link for a lecturer-only account that lectures, or None.

    None as well when she asked for FRESH_LINKS_PER_DAY links in the last day.
    The caller answers the same either way (no account enumeration).
    """
    user = user_by_email(email)
    if user is None or not permissions.is_lecturer_only(user):
        return None
    if not permissions.lectured_sessions(user).exists():
        return None
    recent = LecturerInvitation.objects.filter(
        user=user,
        created_by__isnull=True,
        created_at__gte=timezone.now() - datetime.timedelta(days=1),
    ).count()
    if recent >= FRESH_LINKS_PER_DAY:
        return None
    return user, _new_invitation(user=user)


# --- mail -----------------------------------------------------------------------


def send_lecturer_mail(*, user, token=None, sessions=(), by=None, language=None):
    """The invitation (with its link) or, without a token, a plain notice.

    Sent in her language, else `language` (the inviter's current one).
    """
    language = mail.language_of(user, fallback=language or translation.get_language())
    with translation.override(language):
        if token:
            link = mail.site_url("lms:lecturer_invitation", kwargs={"token": token})
            template = "lecturer_invitation"
        else:
            link = mail.site_url("lms:my_sessions")
            template = "lecturer_notice"
        context = {
            "user": user,
            "name": user.first_name,
            "link": link,
            "login": mail.site_url("lms:login"),
            "fresh_link": mail.site_url("lms:lecturer_fresh_link"),
            "sessions": list(sessions),
            "inviter": (by.get_full_name() or by.get_username()) if by else "",
            "days": INVITATION_LIFETIME.days,
        }
    mail.send(user=user, template=template, context=context, language=language)


# --- briefings ------------------------------------------------------------------


class BriefingConflict(Exception):
    """Someone saved the briefing after the editor loaded it."""

    def __init__(self, current):
        super().__init__("briefing changed meanwhile")
        self.current = current


def _json_value(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def briefing_stamp(briefing) -> str:
    """What the edit form carries to notice a concurrent save."""
    if briefing is None or briefing.pk is None or briefing.updated_at is None:
        return ""
    return briefing.updated_at.isoformat()


@transaction.atomic
def update_briefing(*, session, data: dict, by, stamp: str | None = None):
    """Set the briefing fields in `data` (names from ``Briefing.TRACKED``).

    Records a BriefingChange with the fields that really changed, or nothing
    if none did. With `stamp` (from ``briefing_stamp`` when the form was
    shown), refuses with BriefingConflict if someone saved since.
    """
    Briefing.objects.get_or_create(session=session)
    briefing = Briefing.objects.select_for_update().get(session=session)
    # A briefing nobody has written yet (stamp "") may have been created
    # meanwhile by a note: only a save of its fields is a conflict.
    if (
        stamp is not None
        and stamp != briefing_stamp(briefing)
        and (stamp or briefing.updated_by_id is not None)
    ):
        raise BriefingConflict(briefing)
    changes = {}
    for name in Briefing.TRACKED:
        if name not in data:
            continue
        old, new = getattr(briefing, name), data[name]
        if isinstance(new, str):
            new = new.strip()
        if old != new and not (old in (None, "") and new in (None, "")):
            changes[name] = [_json_value(old), _json_value(new)]
            setattr(briefing, name, new)
    if not changes:
        return briefing, None
    briefing.updated_by = by
    briefing.save()
    change = BriefingChange.objects.create(
        briefing=briefing, changed_by=by, changes=changes
    )
    return briefing, change


@transaction.atomic
def add_briefing_note(*, session, text: str, by) -> BriefingNote:
    text = (text or "").strip()
    if not text:
        raise ValueError("A note needs text")
    briefing, _created = Briefing.objects.get_or_create(session=session)
    note = BriefingNote.objects.create(briefing=briefing, author=by, text=text)
    BriefingChange.objects.create(
        briefing=briefing, changed_by=by, changes={"note": [None, text]}
    )
    return note


COPIED_FIELDS = ("agreed_coverage", "practical_notes", "room", "interpreter")


def copy_targets(*, from_session, user):
    """Sessions of the same module in other cohorts `user` manages."""
    return (
        Session.objects.filter(
            module__translation_key=from_session.module.translation_key,
            cohort__in=permissions.managed_cohorts(user),
        )
        .exclude(cohort_id=from_session.cohort_id)
        .select_related("cohort", "module")
        .order_by("starts_at")
    )


@transaction.atomic
def copy_briefing(*, from_session, to_session, by):
    """Copy what was agreed and the practical side (not dates, participants or
    the group's needs) to a session of the same module in another cohort.

    Records a BriefingChange on the target (only fields that changed).
    """
    if from_session.module.translation_key != to_session.module.translation_key:
        raise ValueError("Sessions of different modules")
    if from_session.pk == to_session.pk:
        raise ValueError("The same session")
    source = Briefing.objects.filter(session=from_session).first()
    data = {name: getattr(source, name, "") if source else "" for name in COPIED_FIELDS}
    return update_briefing(session=to_session, data=data, by=by)
