"""Her language is a profile setting: chosen once, followed on every device."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lms import accounts
from lms.models import Profile
from tests.factories.lms import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def amina(cohort_with_sessions):
    return cohort_with_sessions.enrollments[0]


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def test_settings_name_each_language_in_its_own_name(client, amina):
    client.force_login(amina.user)
    body = client.get(url("lms:settings")).content.decode()
    assert re.search(r'value="ar">\s*<span lang="ar" dir="rtl">العربيّة</span>', body)
    assert re.search(
        r'value="nb">\s*<span lang="nb" dir="ltr">norsk \(bokmål\)</span>', body
    )
    assert '<span lang="so" dir="ltr">Soomaali</span>' in body
    # Nothing saved yet: the language she reads in is the one chosen.
    assert 'value="en" checked' in body


def test_saving_a_language_moves_her_pages_into_it(client, amina):
    client.force_login(amina.user)
    response = client.post(
        url("lms:settings"), {"language": "ar", "show_side_by_side": "on"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/ar/my/settings/"
    body = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert 'value="ar" checked' in body
    profile = Profile.objects.get(user=amina.user)
    assert (profile.language, profile.show_side_by_side) == ("ar", True)


def test_a_bad_choice_is_refused_with_a_message_and_loses_nothing(client, amina):
    accounts.set_language(user=amina.user, language="nb")
    client.force_login(amina.user)
    response = client.post(
        url("lms:settings"), {"language": "klingon", "show_side_by_side": "on"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body
    assert "Choose one of the languages in the list." in body
    assert 'name="show_side_by_side" checked' in body  # her other choice is kept
    assert Profile.objects.get(user=amina.user).language == "nb"


def test_settings_need_a_signed_in_user(client, home):
    response = client.get(url("lms:settings"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_her_language_follows_her_to_another_device(amina):
    amina.user.set_password("s3cret-pass")
    amina.user.save()
    phone = Client()
    phone.force_login(amina.user)
    phone.post(url("lms:settings", "nb"), {"language": "ar"})

    laptop = Client()
    response = laptop.post(
        "/nb/login/", {"username": "amina", "password": "s3cret-pass"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/ar/my/"
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


# --- the language switcher ---------------------------------------------------


def test_signed_in_switcher_saves_the_choice(client, cohort_with_sessions, amina):
    module = cohort_with_sessions.modules[0]
    client.force_login(amina.user)
    body = client.get(module.url).content.decode()
    assert f'action="{url("lms:set_language", "nb")}"' in body
    assert re.search(
        r'<button type="submit" name="language" value="ar" lang="ar"', body
    )
    response = client.post(
        url("lms:set_language", "nb"),
        {"language": "ar", "next_ar": "/ar/" + module.url[4:]},
    )
    assert response["Location"] == "/ar/" + module.url[4:]
    assert Profile.objects.get(user=amina.user).language == "ar"


def test_switcher_without_a_page_address_goes_to_the_same_view(client, amina):
    client.force_login(amina.user)
    response = client.post(
        url("lms:set_language"), {"language": "ar", "next": "/nb/my/settings/"}
    )
    assert response["Location"] == "/ar/my/settings/"


def test_anonymous_switcher_is_plain_links_and_saves_nothing(
    client, cohort_with_sessions
):
    module = cohort_with_sessions.modules[0]
    body = client.get(module.url).content.decode()
    assert 'name="language"' not in body
    assert 'hreflang="ar"' in body
    response = client.post(url("lms:set_language"), {"language": "ar", "next": "/nb/"})
    assert response["Location"] == "/ar/"
    assert not Profile.objects.exists()


def test_switcher_refuses_unknown_languages_and_foreign_addresses(client, amina):
    client.force_login(amina.user)
    response = client.post(
        url("lms:set_language"), {"language": "xx"}, HTTP_REFERER="/nb/my/"
    )
    assert response["Location"] == "/nb/my/"
    assert not Profile.objects.filter(user=amina.user).exclude(language="").exists()
    response = client.post(
        url("lms:set_language"),
        {"language": "ar", "next_ar": "https://evil.example/"},
    )
    assert response["Location"] == "/ar/my/"


def test_switching_from_norwegian_to_arabic_keeps_her_progress(
    client, cohort_with_sessions, amina, translate
):
    w = cohort_with_sessions
    translate(w.modules[0], "ar", title="الطفل واللغة")
    client.force_login(amina.user)
    accounts.set_language(user=amina.user, language="nb")
    client.post(
        reverse("lms:module_reviewed", args=[w.modules[0].translation_key]),
        {"next": w.modules[0].url},
    )
    nb_page = client.get("/nb/my/").content.decode()
    assert 'max="4" value="1"' in nb_page

    client.post(url("lms:set_language", "nb"), {"language": "ar", "next": "/nb/my/"})
    response = client.get("/nb/my/", follow=True)
    assert response.redirect_chain[-1][0] == "/ar/my/"
    ar_page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in ar_page
    assert 'max="4" value="1"' in ar_page
    assert "الطفل واللغة" in ar_page


def test_another_trainees_choice_is_not_hers(client, amina):
    other = UserFactory(username="hawa")
    accounts.set_language(user=other, language="so")
    client.force_login(amina.user)
    assert client.get("/nb/my/").status_code == 200  # no redirect to Somali


def test_signing_in_from_a_link_in_another_language_lands_in_hers(
    client, cohort_with_sessions, amina
):
    accounts.set_language(user=amina.user, language="ar")
    journal = url("lms:journal", "nb")
    response = client.post(
        f"{url('lms:login', 'nb')}?next={journal}",
        {"username": amina.user.username, "password": "pw", "next": journal},
    )
    assert response["Location"] == url("lms:journal", "ar")
    # A course page keeps its address (its copy may live elsewhere in Arabic).
    client.logout()
    module = cohort_with_sessions.modules[0].url
    response = client.post(
        url("lms:login", "nb"),
        {"username": amina.user.username, "password": "pw", "next": module},
    )
    assert response["Location"] == module


@pytest.mark.parametrize(
    "language,admin_lang", [("ar", "ar"), ("tr", "tr"), ("da", "nb"), ("so", "nb")]
)
def test_the_wagtail_admin_speaks_her_language_where_it_can(
    cohort_with_sessions, language, admin_lang
):
    """Her profile language becomes her admin language; Danish gets the
    Norwegian admin (Wagtail has no Danish), Somali the site's default."""
    from django.contrib.auth.models import Group

    from lms.accounts import set_language

    coordinator = cohort_with_sessions.coordinator
    coordinator.groups.add(Group.objects.get(name="Coordinator"))
    set_language(user=coordinator, language=language)
    client = Client()
    client.force_login(coordinator)
    page = client.get("/admin/")
    assert page.status_code == 200
    assert f'<html lang="{admin_lang}"' in page.content.decode()
