"""Supervisors see each trainee's counted result per exercise; a lecturer
brings an exercise as material, checked like any upload."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from lms.choices import MaterialKind
from lms.h5p import xapi
from lms.h5p.packages import PackageRefused, check_package
from lms.models import H5PActivity, Material
from tests.factories.lms import EnrollmentFactory, UserFactory
from tests.lms.h5p.builder import FIXTURES
from tests.lms.h5p.conftest import client_for, make_activity, place

pytestmark = pytest.mark.django_db


def answer(user, activity, raw, top=1):
    xapi.record_statement(
        user=user,
        activity=activity,
        data={
            "verb": {"id": xapi.ADL + "answered"},
            "object": {"id": xapi.activity_iri(activity)},
            "result": {"score": {"raw": raw, "max": top}},
        },
        object_iri=xapi.activity_iri(activity),
    )


def results_url(w):
    # English pages: the assertions read the source strings.
    with translation.override("en"):
        return reverse("lms:h5p_results", kwargs={"cohort_id": w.cohort.pk})


def test_the_supervisor_sees_each_trainees_counted_result(h5p_world):
    w = h5p_world
    answer(w.amina, w.activity, 0)
    answer(w.amina, w.activity, 1)  # the highest counts
    response = client_for(w.supervisor).get(results_url(w))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er dette usant?" in html
    rows = re.findall(r"<tr>\s*<th scope=\"row\".*?</tr>", html, re.S)

    def row_of(user):
        name = user.get_full_name() or user.get_username()
        return next(row for row in rows if name in row)

    amina, hodan = row_of(w.amina), row_of(w.hodan)
    assert 'data-h5p-result="done"' in amina and "100 %" in amina
    assert "2 attempts" in amina
    assert 'data-h5p-result="open"' in hodan


@pytest.mark.parametrize("who", ["amina", "outsider", "other_coordinator", "lecturer"])
def test_nobody_else_sees_the_results(h5p_world, who):
    response = client_for(getattr(h5p_world, who)).get(results_url(h5p_world))
    assert response.status_code == 404


def test_the_results_page_costs_the_same_for_more_trainees_and_exercises(h5p_world):
    w = h5p_world
    client = client_for(w.coordinator)
    client.get(results_url(w))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(results_url(w)).status_code == 200
        return len(captured)

    few = queries()
    for number in range(5):
        EnrollmentFactory(cohort=w.cohort, user=UserFactory(username=f"t{number}"))
    for module in w.modules[1:]:
        place(module, make_activity(title=f"Øvelse {module.pk}"))
    client.get(results_url(w))
    assert queries() == few


# --- material ------------------------------------------------------------------------


def add_url(session):
    return reverse("lms:add_material", kwargs={"pk": session.pk})


def post_h5p(client, session, name, title="Solbær"):
    data = (FIXTURES / name).read_bytes()
    return client.post(
        add_url(session),
        {
            "kind": "h5p",
            "title": title,
            "description": "",
            "language": "",
            "visibility": "immediately",
            "url": "",
            "file": SimpleUploadedFile(name, data),
        },
    )


def test_the_lecturer_brings_an_exercise_and_her_trainees_play_it(h5p_world):
    w = h5p_world
    session = w.sessions[0]
    response = post_h5p(client_for(w.lecturer), session, "multichoice.h5p")
    assert response.status_code == 302
    material = Material.objects.get(kind=MaterialKind.H5P)
    assert material.activity.main_library == "H5P.MultiChoice 1.16"
    assert material.activity.uploaded_by == w.lecturer
    with translation.override("nb"):  # the module page's language
        exercise = reverse("lms:h5p_exercise", kwargs={"pk": material.activity_id})
    assert exercise in client_for(w.amina).get(w.module.url).content.decode()
    assert client_for(w.amina).get(exercise).status_code == 200
    assert client_for(w.other_trainee).get(exercise).status_code == 404


def test_a_refused_exercise_says_why_and_adds_nothing(h5p_world):
    w = h5p_world
    response = post_h5p(
        client_for(w.lecturer), w.sessions[0], "bad-broken-h5p-json.h5p"
    )
    assert response.status_code == 400
    with (
        translation.override("nb"),
        (FIXTURES / "bad-broken-h5p-json.h5p").open("rb") as handle,
    ):
        with pytest.raises(PackageRefused) as refused:
            check_package(handle)
    assert escape(refused.value.message) in response.content.decode()
    assert not Material.objects.exists()
    assert H5PActivity.objects.filter(uploaded_by=w.lecturer).count() == 0


def test_copying_the_session_material_keeps_the_exercise(h5p_world):
    from lms import materials

    w = h5p_world
    post_h5p(client_for(w.lecturer), w.sessions[0], "truefalse.h5p")
    other = w.other_cohort.sessions.create(
        module=w.module, starts_at=w.sessions[0].starts_at
    )
    w.other_cohort.course = w.course
    w.other_cohort.save()
    copies = materials.copy_materials(
        from_session=w.sessions[0], to_session=other, by=w.coordinator
    )
    assert [c.activity_id for c in copies] == [Material.objects.first().activity_id]
