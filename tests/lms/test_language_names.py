"""Language names in the page's language, never Django's English ones, and
the supervisor's way to the reflections shared with her (issue 9, point 15).
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lms.ui.languages import language_info, language_name

pytestmark = pytest.mark.django_db

ENGLISH_NAMES = ["Norwegian Bokmal", "Norwegian Bokmål", "Norwegian", "Bokmal"]


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("ar", "النرويجية (بوكمول)"),
        ("so", "Noorweeji (Bokmål)"),
        ("nb", "Norsk bokmål"),
    ],
)
def test_norwegian_is_named_in_the_page_language(language, name):
    info = language_info("nb")
    with translation.override(language):
        assert str(info["name_translated"]) == name
        assert str(language_name("nb")) == name
    assert info["name_local"] == "norsk (bokmål)"


def test_a_language_the_site_does_not_list_is_called_by_its_own_name():
    with translation.override("ar"):
        assert str(language_name("de")) == "Deutsch"


def test_arabic_module_offers_the_norwegian_beside_it_in_arabic(
    client, build_course, translate
):
    _course, modules = build_course(modules=2)
    arabic = translate(modules[0], "ar", title="الطفل واللغة")
    body = client.get(arabic.url).content.decode()
    toggle = body.split('class="side-toggle"', 1)[1].split("</p>", 1)[0]
    assert "النرويجية (بوكمول)" in toggle
    for english in ENGLISH_NAMES:
        assert english not in body, english


def test_untranslated_module_names_its_original_language_in_the_page_language(
    client, build_course, locales, django_capture_on_commit_callbacks
):
    """Arabic synchronised from Norwegian: the module is an alias there."""
    from wagtail_localize.models import LocaleSynchronization

    _course, modules = build_course(modules=1)
    with django_capture_on_commit_callbacks(execute=True):
        LocaleSynchronization.objects.create(
            locale=locales["ar"], sync_from=locales["nb"]
        )
    body = client.get("/ar/" + modules[0].url.removeprefix("/nb/")).content.decode()
    note = body.split("untranslated-note", 1)[1].split("</p>", 1)[0]
    assert "النرويجية (بوكمول)" in note
    for english in ENGLISH_NAMES:
        assert english not in body, english


# --- the supervisor's shared reflections -------------------------------------------


def test_supervisor_finds_the_shared_reflections_from_her_page(cohort_with_sessions):
    client = Client()
    client.force_login(cohort_with_sessions.supervisor)
    body = client.get(reverse("lms:dashboard")).content.decode()
    assert f'href="{reverse("lms:shared_reflections")}"' in body
    assert client.get(reverse("lms:shared_reflections")).status_code == 200


def test_others_get_no_link_to_shared_reflections(cohort_with_sessions):
    w = cohort_with_sessions
    for user in (w.coordinator, w.enrollments[0].user):
        client = Client()
        client.force_login(user)
        body = client.get(reverse("lms:dashboard")).content.decode()
        assert reverse("lms:shared_reflections") not in body
