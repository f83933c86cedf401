"""Translating quizzes in the admin: a coordinator starts and updates a
quiz's translation with wagtail-localize's Translate action; the same
permission does not let her translate (or re-sync) the course pages."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from lms.choices import RoleGroup
from lms.models import Quiz
from tests.factories.lms import UserFactory
from tests.lms.quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(locales):
    user = UserFactory(username="koordinator")
    user.groups.add(Group.objects.get(name=RoleGroup.COORDINATOR))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def submit_quiz(quiz):
    return reverse(
        "wagtail_localize:submit_snippet_translation", args=["lms", "quiz", quiz.pk]
    )


def turned_away(response):
    """Wagtail answers a refused admin view by sending her to the dashboard
    with "Sorry, you do not have permission" (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_the_quiz_listing_offers_her_translate(coordinator):
    quiz = make_quiz()

    listing = coordinator.get(reverse("wagtailsnippets_lms_quiz:list"))

    assert submit_quiz(quiz) in listing.content.decode()


def test_she_translates_a_quiz_into_arabic(coordinator):
    quiz = make_quiz()
    arabic = Locale.objects.get(language_code="ar")

    response = coordinator.post(submit_quiz(quiz), {"locales": [arabic.pk]})

    assert response.status_code == 302
    assert Quiz.objects.filter(
        translation_key=quiz.translation_key, locale=arabic
    ).exists()


def test_she_cannot_translate_or_resync_a_course_page(coordinator, build_course):
    course, modules = build_course(modules=1)
    arabic = Locale.objects.get(language_code="ar")
    page_url = reverse("wagtail_localize:submit_page_translation", args=[modules[0].pk])

    assert turned_away(coordinator.get(page_url))
    assert turned_away(coordinator.post(page_url, {"locales": [arabic.pk]}))
    assert not modules[0].get_translations().filter(locale=arabic).exists()

    source, _ = TranslationSource.update_or_create_from_instance(modules[0])
    update_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert turned_away(coordinator.get(update_url))


def test_an_editor_still_translates_course_pages(build_course, locales):
    course, modules = build_course(modules=1)
    editor = UserFactory(username="redaktor", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(editor)
    arabic = Locale.objects.get(language_code="ar")
    page_url = reverse("wagtail_localize:submit_page_translation", args=[modules[0].pk])

    response = client.post(page_url, {"locales": [arabic.pk]})

    assert response.status_code == 302
    assert modules[0].get_translations().filter(locale=arabic).exists()
