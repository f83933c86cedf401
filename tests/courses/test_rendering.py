"""Every page type renders in Norwegian and Arabic with the right lang and dir,
and what is meant for lecturers never reaches trainees."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.models import LocaleSynchronization

pytestmark = pytest.mark.django_db


def html_attrs(response):
    match = re.search(
        r"<html lang=\"([\w-]+)\" dir=\"(\w+)\">", response.content.decode()
    )
    assert match, "no <html lang dir> element"
    return match.groups()


@pytest.fixture
def tree(build_course, translate, home):
    course, modules = build_course(modules=3)
    ar_module = translate(modules[0], "ar", title="الطفل واللغة")
    return {
        "home": home,
        "course": course,
        "module": modules[0],
        "ar_home": home.get_translation(ar_module.locale),
        "ar_course": course.get_translation(ar_module.locale),
        "ar_module": ar_module,
    }


@pytest.mark.parametrize("name", ["home", "course", "module"])
def test_norwegian_page_is_left_to_right(client, tree, name):
    response = client.get(tree[name].url)
    assert response.status_code == 200
    assert tree[name].url.startswith("/nb/")
    assert html_attrs(response) == ("nb", "ltr")


@pytest.mark.parametrize("name", ["ar_home", "ar_course", "ar_module"])
def test_arabic_page_is_right_to_left(client, tree, name):
    page = tree[name]
    assert page.url.startswith("/ar/")
    response = client.get(page.url)
    assert response.status_code == 200
    assert html_attrs(response) == ("ar", "rtl")


def test_arabic_module_shows_translated_title_and_arabic_chrome(client, tree):
    response = client.get(tree["ar_module"].url)
    body = response.content.decode()
    assert "الطفل واللغة" in body
    # the switcher names each language in its own name
    assert ">norsk (bokmål)</bdi></a>" in body
    assert "العربيّة" in body


def test_language_switcher_links_to_the_same_module_in_norwegian(client, tree):
    response = client.get(tree["ar_module"].url)
    body = response.content.decode()
    assert f'href="{tree["module"].url}" lang="nb"' in body


def test_untranslated_module_is_marked_as_norwegian_inside_arabic_chrome(
    client, tree, locales
):
    # With Arabic synchronised from Norwegian (as in the demo), a module that
    # has no Arabic translation yet exists in Arabic as an alias of the
    # original: the chrome is Arabic and right-to-left, the lesson is marked
    # as Norwegian and left-to-right, and a note says so.
    LocaleSynchronization.objects.create(locale=locales["ar"], sync_from=locales["nb"])
    module_2 = tree["course"].get_children().specific()[1]
    alias = module_2.get_translation(locales["ar"])
    assert alias.alias_of_id == module_2.pk
    response = client.get(alias.url)
    assert response.status_code == 200
    assert html_attrs(response) == ("ar", "rtl")
    body = response.content.decode()
    assert '<article class="module" lang="nb" dir="ltr">' in body
    assert "untranslated-note" in body
    # ...and the Arabic course page lists every module, marking the untranslated
    course = client.get(tree["ar_course"].url).content.decode()
    assert alias.url in course and tree["ar_module"].url in course
    assert course.count('class="badge"') == 2


def test_lecturer_guide_never_reaches_anonymous_visitors(client, tree):
    for page in (tree["module"], tree["ar_module"], tree["course"], tree["home"]):
        body = client.get(page.url).content.decode()
        assert "HEMMELIG-FORELESERVEILEDNING" not in body


def test_lecturer_guide_never_reaches_a_signed_in_trainee(client, tree):
    trainee = get_user_model().objects.create_user("amina", password="x")
    client.force_login(trainee)
    body = client.get(tree["module"].url).content.decode()
    assert "Barn lærer språk i lek." in body  # the lesson itself is there
    assert "HEMMELIG-FORELESERVEILEDNING" not in body


def test_module_page_shows_lesson_blocks(client, tree):
    body = client.get(tree["module"].url).content.decode()
    assert "Ring 116 111." in body
    assert "Hva tenker du?" in body
    assert "Hva tar du med deg?" in body
    assert "Du kan forklare språkutvikling." in body
    assert "Modul 1 av 3" in body or "Module 1 of 3" in body


def test_drafts_are_not_counted_as_modules(client, build_course, home):
    course, modules = build_course(modules=4, title="Grunnopplæring")
    modules[-1].unpublish()
    index_html = client.get(home.url).content.decode()
    assert "3 moduler" in index_html
    module_html = client.get(modules[0].url).content.decode()
    assert "Modul 1 av 3" in module_html


def test_module_duration_reads_in_whole_hours_or_minutes(client, build_course):
    _course, (two_hours, ninety) = build_course(modules=2)
    two_hours.duration_minutes = 120
    two_hours.save_revision().publish()
    ninety.duration_minutes = 90
    ninety.save_revision().publish()
    assert "2 timer" in client.get(two_hours.url).content.decode()
    assert "90 minutter" in client.get(ninety.url).content.decode()
