"""The README's demo tour: every demo login opens the pages the README points
it to, in Norwegian and in Arabic, without an error.

The demo is loaded once for the module (as in test_load_demo_cohort.py).
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from lms.models import Cohort, Material, Submission
from tests.conftest import demo_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with demo_loaded(django_db_blocker):
        yield


def user(username):
    return get_user_model().objects.get(username=username)


def pages(username):
    """(name, url) of what the README sends `username` to."""
    cohort = Cohort.objects.get(chapter__name="Alna")
    module_14 = next(m for m in cohort.course.specific.modules() if m.number == 14)
    mine = Submission.objects.filter(enrollment__user__username="trainee").first()
    held = Material.objects.first().session
    found = {
        "trainee": [
            ("dashboard", reverse("lms:dashboard")),
            ("journal", reverse("lms:journal")),
            ("my homework", reverse("lms:my_homework")),
            ("homework thread", reverse("lms:homework", kwargs={"pk": mine.pk})),
            ("module 2 with material", held.module.url),
            ("module 14", module_14.url),
        ],
        "supervisor": [
            ("queue", reverse("lms:review_queue")),
            ("review", reverse("lms:review", kwargs={"pk": mine.pk})),
            ("overview", reverse("lms:cohort_overview", args=[cohort.pk])),
            ("shared reflections", reverse("lms:shared_reflections")),
        ],
        "coordinator": [
            ("overview", reverse("lms:cohort_overview", args=[cohort.pk])),
            ("sessions", reverse("lms:cohort_sessions", args=[cohort.pk])),
            ("briefing", reverse("lms:briefing", args=[held.pk])),
            ("invite", reverse("lms:invite_lecturer", args=[cohort.pk])),
        ],
        "lecturer": [
            ("my sessions", reverse("lms:my_sessions")),
            ("briefing", reverse("lms:briefing", args=[held.pk])),
            ("material", reverse("lms:session_materials", kwargs={"pk": held.pk})),
        ],
    }
    return found[username]


@pytest.mark.parametrize("language", ["nb", "ar"])
@pytest.mark.parametrize(
    "username", ["trainee", "supervisor", "coordinator", "lecturer"]
)
def test_each_demo_login_opens_its_pages(loaded, client, username, language):
    client.force_login(user(username))
    with translation.override(language):
        for name, url in pages(username):
            if language != "nb" and url.startswith("/nb/"):
                url = f"/{language}/" + url.removeprefix("/nb/")
            response = client.get(url, follow=True)
            assert response.status_code == 200, (username, name, url)


def test_the_lecturers_first_page_is_her_sessions(loaded, client):
    client.force_login(user("lecturer"))
    response = client.get("/nb/my/")
    assert response.status_code == 302
    assert response["Location"] == "/nb/lecturer/sessions/"


def test_trainee_finds_the_lecturers_slides_and_link_on_module_2(loaded, client):
    client.force_login(user("trainee"))
    held = Material.objects.first().session
    body = client.get(held.module.url).content.decode()
    for material in Material.objects.filter(session=held):
        assert material.title in body
    slides = Material.objects.get(session=held, kind="file")
    download = client.get(reverse("lms:material_file", kwargs={"pk": slides.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
