"""The H5P block on a module page: what each reader sees, the page staying
light until she scrolls to an exercise, and a fixed number of queries
however many exercises the lesson holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.h5p import xapi
from tests.lms.h5p.conftest import client_for, make_activity, place

pytestmark = pytest.mark.django_db


def module_html(w, user):
    response = client_for(user).get(w.module.url)
    assert response.status_code == 200
    return response.content.decode()


def test_her_block_is_a_placeholder_the_script_fills_when_she_scrolls(h5p_world):
    w = h5p_world
    body = module_html(w, w.amina)
    assert "Er dette usant?" in body
    assert f'data-h5p-player="/nb/h5p/{w.activity.pk}/player/"' in body
    assert f'data-h5p-statements="/nb/h5p/{w.activity.pk}/statements/"' in body
    assert "lms/h5p/block.js" in body
    # The page stays light: no player, no frame, no package until then.
    assert "<iframe" not in body
    assert "h5p-standalone" not in body
    assert w.activity.package_hash not in body


def test_her_result_shows_once_she_has_done_it(h5p_world):
    w = h5p_world
    xapi.record_statement(
        user=w.amina,
        activity=w.activity,
        data={
            "verb": {"id": xapi.ADL + "answered"},
            "object": {"id": xapi.activity_iri(w.activity)},
            "result": {"score": {"raw": 1, "max": 1}, "success": True},
        },
        object_iri=xapi.activity_iri(w.activity),
    )
    body = module_html(w, w.amina)
    assert 'class="h5p-result"' in body
    assert 'class="h5p-result"' not in module_html(w, w.hodan)


def test_staff_may_try_it_without_being_recorded(h5p_world):
    w = h5p_world
    body = module_html(w, w.supervisor)
    assert f'data-h5p-player="/nb/h5p/{w.activity.pk}/player/"' in body
    assert "data-h5p-statements" not in body


def test_a_visitor_is_asked_to_sign_in(h5p_world):
    body = module_html(h5p_world, None)
    assert "Er dette usant?" in body
    assert "data-h5p-player" not in body
    assert "/nb/login/?next=" in body


@pytest.mark.parametrize("who", ["outsider", "other_trainee", "other_coordinator"])
def test_people_outside_the_course_see_only_its_title(h5p_world, who):
    body = module_html(h5p_world, getattr(h5p_world, who))
    assert "Er dette usant?" in body
    assert "data-h5p-player" not in body


def test_the_exercise_reads_in_its_own_language_and_direction(h5p_world):
    w = h5p_world
    w.activity.content_language = "ar"
    w.activity.save()
    body = module_html(w, w.amina)
    assert f'id="h5p-{w.activity.translation_key}-title" lang="ar" dir="rtl"' in body
    assert 'data-h5p-dir="rtl"' in body


def test_the_module_page_costs_the_same_with_one_or_ten_exercises(h5p_world):
    w = h5p_world
    client = client_for(w.amina)
    client.get(w.module.url)  # warm the tree cache

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(w.module.url).status_code == 200
        return len(captured)

    one = queries()
    more = [make_activity(title=f"Øvelse {n}") for n in range(9)]
    place(w.module, *more)
    client.get(w.module.url)
    ten = queries()
    body = client.get(w.module.url).content.decode()
    assert body.count("data-h5p-player=") == 10
    assert body.count("lms/h5p/block.js") == 1
    assert ten == one
