"""Signing in and reaching one's own page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_dashboard_asks_anonymous_visitors_to_log_in(client, home):
    with translation.override("nb"):
        url = reverse("lms:dashboard")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/nb/login/?next=/nb/my/")


def test_trainee_logs_in_and_lands_on_her_page(client, home):
    get_user_model().objects.create_user(
        "amina", password="s3cret-pass", first_name="Amina"
    )
    response = client.post(
        "/nb/login/", {"username": "amina", "password": "s3cret-pass"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/nb/my/"
    assert "Amina" in response.content.decode()


def test_wrong_password_is_refused_with_a_message(client, home):
    get_user_model().objects.create_user("amina", password="s3cret-pass")
    response = client.post("/nb/login/", {"username": "amina", "password": "nope"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session
