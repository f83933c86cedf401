"""A coordinator invites a lecturer by email; the link goes to her mailbox only.

Text is checked on English pages.
"""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from lms import accounts, lecturers, permissions
from lms.choices import RoleGroup
from lms.models import LecturerInvitation
from tests.factories.lms import EnrollmentFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Kveldsmøte-2025!"
LINK = re.compile(r"https?://[^\s]*/lecturer/invitation/([^/\s]+)/")


@pytest.fixture
def w(cohort_with_sessions):
    return cohort_with_sessions


def url(name, *args, **kwargs):
    with translation.override("en"):
        return reverse(name, args=args or None, kwargs=kwargs or None)


def invite(client, w, email, sessions=None, first_name="Kari"):
    client.force_login(w.coordinator)
    sessions = sessions or w.sessions[1:3]
    return client.post(
        url("lms:invite_lecturer", w.cohort.pk),
        {
            "email": email,
            "first_name": first_name,
            "sessions": [s.pk for s in sessions],
        },
        follow=True,
    )


def token_in(mail):
    match = LINK.search(mail.body)
    assert match, mail.body
    return match.group(1)


def set_password(client, token, password=PASSWORD):
    return client.post(
        url("lms:lecturer_invitation", token=token),
        {"new_password1": password, "new_password2": password},
    )


def test_a_new_address_gets_an_account_the_sessions_and_one_mail(client, w, mailoutbox):
    users_before = get_user_model().objects.count()
    response = invite(client, w, "Kari.Nordmann@Example.no")
    assert response.status_code == 200
    assert get_user_model().objects.count() == users_before + 1
    kari = get_user_model().objects.get(email__iexact="kari.nordmann@example.no")
    assert kari.first_name == "Kari"
    assert not kari.has_usable_password()
    assert kari.groups.filter(name=RoleGroup.LECTURER).exists()
    assert set(kari.lectured_sessions.all()) == set(w.sessions[1:3])
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["Kari.Nordmann@example.no"]
    token = token_in(mail)
    # The coordinator never sees the link: not in the page she lands on.
    html = response.content.decode()
    assert token not in html
    assert "invitation with a personal link was sent" in html
    assert LecturerInvitation.objects.get(user=kari).token_hash != token

    client.logout()
    page = client.get(url("lms:lecturer_invitation", token=token))
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "same-origin"
    assert page["Cache-Control"].startswith("max-age=0")
    assert kari.get_username() in page.content.decode()
    # Opening it (a link preview too) uses nothing up.
    assert LecturerInvitation.objects.get(user=kari).used_at is None

    response = set_password(client, token)
    assert response.status_code == 302
    assert response["Location"] == url("lms:my_sessions")
    assert client.session["_auth_user_id"] == str(kari.pk)
    kari.refresh_from_db()
    assert kari.check_password(PASSWORD)

    # It works once.
    client.logout()
    again = client.get(url("lms:lecturer_invitation", token=token))
    assert again.status_code == 410
    assert "This link no longer works" in again.content.decode()
    assert set_password(client, token, "Annet-passord-99").status_code == 410
    kari.refresh_from_db()
    assert kari.check_password(PASSWORD)
    assert "_auth_user_id" not in client.session


def test_the_invitee_lands_on_her_sessions_and_sees_nothing_else(client, w, mailoutbox):
    invite(client, w, "kari@example.no")
    client.logout()
    set_password(client, token_in(mailoutbox[0]))
    page = client.get(url("lms:my_sessions")).content.decode()
    for session in w.sessions[1:3]:
        assert url("lms:briefing", session.pk) in page
    assert url("lms:briefing", w.sessions[0].pk) not in page
    # Her home page is her sessions.
    response = client.get(url("lms:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == url("lms:my_sessions")


def test_a_weak_password_is_refused_and_the_link_still_works(client, w, mailoutbox):
    invite(client, w, "kari@example.no")
    client.logout()
    token = token_in(mailoutbox[0])
    response = client.post(
        url("lms:lecturer_invitation", token=token),
        {"new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert LecturerInvitation.objects.get().used_at is None
    assert set_password(client, token).status_code == 302


def test_an_expired_link_is_refused_and_offers_a_new_one(client, w, mailoutbox):
    invite(client, w, "kari@example.no")
    client.logout()
    token = token_in(mailoutbox[0])
    LecturerInvitation.objects.update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page = client.get(url("lms:lecturer_invitation", token=token))
    assert page.status_code == 410
    assert url("lms:lecturer_fresh_link") in page.content.decode()
    assert set_password(client, token).status_code == 410
    assert "_auth_user_id" not in client.session
    assert (
        client.get(url("lms:lecturer_invitation", token="made-up")).status_code == 410
    )


def test_the_link_lasts_fourteen_days():
    assert lecturers.INVITATION_LIFETIME == datetime.timedelta(days=14)


def test_an_existing_lecturer_is_reused_whatever_the_case_of_her_address(
    client, w, mailoutbox
):
    kari = UserFactory(username="kari", email="kari@example.no", first_name="Kari")
    w.sessions[0].lecturers.add(kari)
    users_before = get_user_model().objects.count()
    invite(client, w, "KARI@Example.NO", sessions=[w.sessions[3]])
    assert get_user_model().objects.count() == users_before
    assert set(kari.lectured_sessions.all()) == {w.sessions[0], w.sessions[3]}
    assert len(mailoutbox) == 1
    # A new invitation stops the earlier one.
    first = token_in(mailoutbox[0])
    invite(client, w, "kari@example.no", sessions=[w.sessions[3]])
    second = token_in(mailoutbox[1])
    client.logout()
    assert set_password(client, first).status_code == 410
    assert set_password(client, second).status_code == 302


def test_a_colleague_in_her_own_chapter_gets_a_notice_without_a_link(
    client, w, mailoutbox
):
    other = UserFactory(username="other", email="boss@example.no")
    w.cohort.chapter.coordinators.add(other)
    password_before = get_user_model().objects.get(pk=other.pk).password
    response = invite(client, w, "Boss@example.no", sessions=[w.sessions[2]])
    assert other.lectured_sessions.filter(pk=w.sessions[2].pk).exists()
    assert not LecturerInvitation.objects.exists()
    assert len(mailoutbox) == 1
    assert "/lecturer/invitation/" not in mailoutbox[0].body
    assert "usual" in mailoutbox[0].body
    assert "signs in as usual" in response.content.decode()
    assert get_user_model().objects.get(pk=other.pk).password == password_before


@pytest.mark.parametrize(
    "kind", ["superuser", "staff", "trainee", "other chapter's trainee", "editor"]
)
def test_an_account_with_other_tasks_elsewhere_cannot_be_pulled_in(
    client, w, mailoutbox, kind
):
    """A coordinator must not make a trainee, a colleague elsewhere or an
    administrator a lecturer of her group (they would read its briefings),
    nor learn their names."""
    from django.contrib.auth.models import Group

    from tests.factories.lms import CohortFactory

    other = UserFactory(
        username="other",
        email="boss@example.no",
        first_name="Fatima",
        last_name="Skjult",
    )
    if kind == "superuser":
        other.is_superuser = other.is_staff = True
        other.save()
    elif kind == "staff":
        other.is_staff = True
        other.save()
    elif kind == "trainee":
        EnrollmentFactory(cohort=w.cohort, user=other)
    elif kind == "editor":
        other.groups.add(Group.objects.get_or_create(name="Editors")[0])
    else:
        EnrollmentFactory(cohort=CohortFactory(course=w.course), user=other)
    password_before = get_user_model().objects.get(pk=other.pk).password
    response = invite(client, w, "Boss@example.no", sessions=[w.sessions[2]])
    assert response.status_code == 400
    body = response.content.decode()
    assert "Only an administrator can add it" in body
    assert "Skjult" not in body and "Fatima" not in body
    assert not other.lectured_sessions.exists()
    assert not LecturerInvitation.objects.exists()
    assert mailoutbox == []
    assert get_user_model().objects.get(pk=other.pk).password == password_before
    assert (
        client.get(url("lms:invite_lecturer", w.cohort.pk))
        .content.decode()
        .count("Skjult")
        == 0
    )


def test_a_link_stops_working_when_her_address_changes(client, w, mailoutbox):
    invite(client, w, "kari@example.no")
    token = token_in(mailoutbox[0])
    kari = get_user_model().objects.get(email="kari@example.no")
    kari.email = "kari.new@example.no"
    kari.save()
    client.logout()
    assert set_password(client, token).status_code == 410
    assert not get_user_model().objects.get(pk=kari.pk).has_usable_password()


def test_someone_else_signed_in_cannot_use_the_link(client, w, mailoutbox):
    invite(client, w, "kari@example.no")
    token = token_in(mailoutbox[0])
    kari = get_user_model().objects.get(email="kari@example.no")
    intruder = w.enrollments[0].user
    client.force_login(intruder)
    page = client.get(url("lms:lecturer_invitation", token=token))
    assert page.status_code == 403
    assert "You are signed in as" in page.content.decode()
    response = set_password(client, token, "Overtatt-konto-1")
    assert response.status_code == 403
    assert client.session["_auth_user_id"] == str(intruder.pk)  # not logged out
    kari.refresh_from_db()
    assert not kari.has_usable_password()
    assert LecturerInvitation.objects.get(user=kari).used_at is None
    # The coordinator who sent it is someone else too.
    client.force_login(w.coordinator)
    assert set_password(client, token, "Overtatt-konto-1").status_code == 403
    kari.refresh_from_db()
    assert not kari.has_usable_password()


def test_the_mail_is_in_her_language_or_the_coordinators(client, w, mailoutbox):

    kari = UserFactory(username="kari", email="kari@example.no")
    accounts.set_language(user=kari, language="nb")
    invite(client, w, "kari@example.no")  # the coordinator works in English
    invite(client, w, "new@example.no")
    # (Catalogues may not have the new texts yet: the link's language shows it.)
    assert mailoutbox[1].subject == "Your sessions at Brobygger: set your password"
    assert "/nb/lecturer/invitation/" in mailoutbox[0].body
    assert "/en/lecturer/invitation/" in mailoutbox[1].body


def test_only_the_cohorts_coordinators_invite(client, w, mailoutbox):
    for user in (w.lecturer, w.supervisor, w.enrollments[0].user):
        client.force_login(user)
        assert client.get(url("lms:invite_lecturer", w.cohort.pk)).status_code == 403
        response = client.post(
            url("lms:invite_lecturer", w.cohort.pk),
            {"email": "x@example.no", "sessions": [w.sessions[0].pk]},
        )
        assert response.status_code == 403
    assert not mailoutbox


def test_bad_input_is_shown_again_with_a_message(client, w, mailoutbox):
    client.force_login(w.coordinator)
    page = client.get(url("lms:invite_lecturer", w.cohort.pk)).content.decode()
    assert w.sessions[0].module.title in page
    response = client.post(
        url("lms:invite_lecturer", w.cohort.pk),
        {"email": "not-an-address", "first_name": "Kari Nordmann", "sessions": []},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address" in html
    assert "Choose at least one session." in html
    assert 'value="Kari Nordmann"' in html
    assert not mailoutbox


def test_sessions_of_another_cohort_cannot_be_chosen(client, w, mailoutbox):
    from tests.factories.lms import CohortFactory, SessionFactory

    other = SessionFactory(cohort=CohortFactory(course=w.course), module=w.modules[0])
    client.force_login(w.coordinator)
    response = client.post(
        url("lms:invite_lecturer", w.cohort.pk),
        {"email": "kari@example.no", "sessions": [other.pk]},
    )
    assert response.status_code == 400
    assert not other.lecturers.exists()
    assert not mailoutbox


# --- a fresh link -------------------------------------------------------------


NEUTRAL = "If this address belongs to a lecturer, a new link is on its way"


def ask(client, email):
    return client.post(url("lms:lecturer_fresh_link"), {"email": email}, follow=True)


def test_a_fresh_link_answers_the_same_for_anyone(client, w, mailoutbox):
    w.lecturer.email = "lecturer1@example.no"
    w.lecturer.save()
    trainee = w.enrollments[0].user
    trainee.email = "amina@example.no"
    trainee.save()
    admin = UserFactory(username="root", email="root@example.no", is_superuser=True)
    w.sessions[1].lecturers.add(admin)
    for email in ("nobody@example.no", "amina@example.no", "root@example.no"):
        response = ask(client, email)
        assert response.status_code == 200
        assert NEUTRAL in response.content.decode()
    assert not mailoutbox

    response = ask(client, "Lecturer1@Example.no")
    assert NEUTRAL in response.content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["lecturer1@example.no"]
    token = token_in(mailoutbox[0])
    assert token not in response.content.decode()
    client.get("/en/")  # a fresh visitor
    assert set_password(client, token).status_code == 302
    assert client.session["_auth_user_id"] == str(w.lecturer.pk)


def test_fresh_links_are_limited_per_day(client, w, mailoutbox):
    w.lecturer.email = "lecturer1@example.no"
    w.lecturer.save()
    for _ in range(5):
        assert NEUTRAL in ask(client, "lecturer1@example.no").content.decode()
    assert len(mailoutbox) == lecturers.FRESH_LINKS_PER_DAY
    # Only the newest works.
    tokens = [token_in(mail) for mail in mailoutbox]
    assert set_password(client, tokens[0]).status_code == 410
    assert set_password(client, tokens[-1]).status_code == 302


def test_a_malformed_address_gets_a_message(client, w, mailoutbox):
    response = client.post(url("lms:lecturer_fresh_link"), {"email": "nope"})
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert not mailoutbox


def test_group_membership_alone_does_not_make_an_account_privileged(w):
    kari = UserFactory(username="kari")
    kari.groups.add(Group.objects.get_or_create(name=RoleGroup.LECTURER)[0])
    assert permissions.is_lecturer_only(kari)
    kari.groups.add(Group.objects.get_or_create(name=RoleGroup.SUPERVISOR)[0])
    assert not permissions.is_lecturer_only(kari)
