"""A trainee without email signs in with a one-time link from her coordinator."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from lms import enrolment
from lms.models import SignInLink
from tests.factories.lms import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainee(home):
    return enrolment.create_trainee_account(first_name="Amina", phone="+47 912 34 567")


def test_opening_the_link_only_asks_to_confirm(client, trainee):
    token = enrolment.create_sign_in_link(user=trainee).token
    response = client.get(f"/nb/signin/{token}/")
    assert response.status_code == 200
    assert b'method="post"' in response.content
    # A link preview fetching the address uses nothing up and signs nobody in.
    assert "_auth_user_id" not in client.session
    assert SignInLink.objects.get(user=trainee).used_at is None
    assert response["Cache-Control"].startswith("max-age=0")
    assert response["Referrer-Policy"] == "same-origin"


def test_confirming_signs_her_in_and_takes_her_to_her_page(client, trainee):
    token = enrolment.create_sign_in_link(user=trainee).token
    response = client.post(f"/nb/signin/{token}/")
    assert response.status_code == 302
    assert response["Location"] == "/nb/my/"
    assert client.session["_auth_user_id"] == str(trainee.pk)
    assert "Amina" in client.get("/nb/my/").content.decode()


def test_the_link_works_only_once(client, trainee):
    token = enrolment.create_sign_in_link(user=trainee).token
    client.post(f"/nb/signin/{token}/")
    client.logout()

    again = client.get(f"/en/signin/{token}/")
    assert again.status_code == 410
    assert "Ask your coordinator for a new link" in again.content.decode()
    response = client.post(f"/nb/signin/{token}/")
    assert response.status_code == 410
    assert "_auth_user_id" not in client.session


def test_an_expired_or_made_up_link_is_refused_with_a_translated_message(
    client, trainee
):
    token = enrolment.create_sign_in_link(user=trainee).token
    SignInLink.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    for address in (f"/ar/signin/{token}/", "/ar/signin/made-up-token/"):
        response = client.post(address)
        assert response.status_code == 410
        assert 'dir="rtl"' in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_a_new_link_stops_the_old_one(client, trainee):
    old = enrolment.create_sign_in_link(user=trainee).token
    new = enrolment.create_sign_in_link(user=trainee).token
    assert client.post(f"/nb/signin/{old}/").status_code == 410
    assert client.post(f"/nb/signin/{new}/").status_code == 302


def test_a_deactivated_account_cannot_sign_in(client, trainee):
    token = enrolment.create_sign_in_link(user=trainee).token
    get_user_model().objects.filter(pk=trainee.pk).update(is_active=False)
    assert client.get(f"/nb/signin/{token}/").status_code == 410
    assert client.post(f"/nb/signin/{token}/").status_code == 410


def test_signing_in_by_link_replaces_whoever_was_signed_in(client, trainee):
    other = UserFactory(username="someone")
    client.force_login(other)
    token = enrolment.create_sign_in_link(user=trainee).token
    client.post(f"/nb/signin/{token}/")
    assert client.session["_auth_user_id"] == str(trainee.pk)


def test_a_trainee_account_has_no_usable_password(trainee):
    assert not trainee.has_usable_password()
    assert trainee.first_name == "Amina"
    assert trainee.lms_profile.phone == "+47 912 34 567"


# --- nobody can mint a way into someone else's account -------------------------


def _editor():
    """A Wagtail editor: the admin and publishing, through a group."""
    from django.contrib.auth.models import Group

    from tests.factories.lms import UserFactory

    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    return user


def _with_own_permission():
    from django.contrib.auth.models import Permission

    from tests.factories.lms import UserFactory

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.mark.parametrize(
    "kind",
    ["superuser", "staff", "coordinator", "supervisor", "editor", "own permission"],
)
def test_no_sign_in_link_for_privileged_accounts(cohort_with_sessions, kind):
    from lms.enrolment import SignInLinkRefused, create_sign_in_link
    from tests.factories.lms import UserFactory

    w = cohort_with_sessions
    user = {
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
        "staff": lambda: UserFactory(is_staff=True),
        "coordinator": lambda: w.coordinator,
        "supervisor": lambda: w.supervisor,
        "editor": _editor,
        "own permission": _with_own_permission,
    }[kind]()
    with pytest.raises(SignInLinkRefused):
        create_sign_in_link(user=user)


def test_no_new_link_once_she_has_signed_in(cohort_with_sessions, client):
    """Otherwise a coordinator could sign in as her and read her journal."""
    from lms.enrolment import SignInLinkRefused, create_sign_in_link

    trainee = cohort_with_sessions.enrollments[0].user
    token = create_sign_in_link(user=trainee).token
    client.force_login(trainee)  # she signs in (sets last_login)
    trainee.refresh_from_db()
    with pytest.raises(SignInLinkRefused):
        create_sign_in_link(user=trainee)
    # And a link made before she signed in another way stops working.
    from lms.enrolment import redeem_sign_in_link

    assert redeem_sign_in_link(token=token) is None


def test_enrollment_form_offers_only_trainee_accounts(cohort_with_sessions):
    from lms.admin.forms import EnrollmentAdminForm
    from tests.factories.lms import UserFactory

    w = cohort_with_sessions
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    from lms.models import Enrollment

    class Form(EnrollmentAdminForm):
        class Meta:
            model = Enrollment
            fields = ["cohort", "user", "status"]

    form = Form(for_user=w.coordinator)
    offered = set(form.fields["user"].queryset)
    assert w.enrollments[0].user in offered
    for privileged in (root, w.coordinator, w.supervisor, w.lecturer):
        assert privileged not in offered
