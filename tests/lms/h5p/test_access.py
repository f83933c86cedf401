"""Who reaches an exercise: its player, its files and its statement and
state endpoints. Trainees of the course and its staff play it; only the
trainees are recorded; everyone else gets 403/404, as if it did not exist."""

import json
import re

import pytest
from django.urls import reverse

from lms import permissions
from lms.choices import MaterialKind, MaterialVisibility
from lms.h5p import player
from lms.models import Material, XAPIStatement
from tests.factories.lms import UserFactory
from tests.lms.h5p.conftest import client_for, make_activity

pytestmark = pytest.mark.django_db


def player_url(activity):
    return reverse("lms:h5p_player", kwargs={"pk": activity.pk})


def file_url(token, member):
    return reverse("lms:h5p_file", kwargs={"token": token, "member": member})


def statement_for(activity, verb="answered", raw=1, top=1):
    from lms.h5p.xapi import activity_iri

    return {
        "statement": {
            "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
            "object": {"id": activity_iri(activity), "objectType": "Activity"},
            "result": {
                "score": {"raw": raw, "max": top, "min": 0, "scaled": raw / top},
                "success": raw == top,
                "completion": True,
            },
        }
    }


def post_json(client, url, data):
    return client.post(
        url,
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
    )


def options_of(response):
    text = response.content.decode()
    found = re.search(
        r'<script id="h5p-options" type="application/json">(.*?)</script>', text
    )
    return json.loads(found.group(1))


# --- the rules ----------------------------------------------------------------


def test_who_may_play_and_who_is_recorded(h5p_world):
    w = h5p_world
    activity = w.activity
    for user in (w.amina, w.hodan):
        assert permissions.user_can_play_h5p(user, activity)
        assert permissions.user_can_track_h5p(user, activity)
    for staff in (w.supervisor, w.coordinator, w.lecturer):
        assert permissions.user_can_play_h5p(staff, activity), staff
        assert not permissions.user_can_track_h5p(staff, activity), staff
    for outsider in (w.other_trainee, w.other_coordinator, w.outsider, None):
        assert not permissions.user_can_play_h5p(outsider, activity)
        assert not permissions.user_can_track_h5p(outsider, activity)


def test_an_exercise_in_no_module_is_nobodys(h5p_world):
    lonely = make_activity("multichoice.h5p")
    assert not permissions.user_can_play_h5p(h5p_world.amina, lonely)


def test_an_exercise_in_a_draft_only_does_not_count(h5p_world):
    w = h5p_world
    draft_only = make_activity("multichoice.h5p")
    module = w.modules[1]
    module.body = [*module.body.raw_data, {"type": "h5p", "value": draft_only.pk}]
    module.save_revision()  # not published
    assert not permissions.user_can_play_h5p(w.amina, draft_only)


def test_a_withdrawn_trainee_no_longer_plays(h5p_world):
    w = h5p_world
    w.enrollments[0].status = "withdrawn"
    w.enrollments[0].save()
    assert not permissions.user_can_play_h5p(w.amina, w.activity)


def test_an_exercise_as_material_reaches_the_cohort_once_released(h5p_world):
    w = h5p_world
    exercise = make_activity("multichoice.h5p")
    session = w.sessions[3]  # not held yet
    Material.objects.create(
        session=session,
        kind=MaterialKind.H5P,
        title="Blackcurrant",
        activity=exercise,
        visibility=MaterialVisibility.AFTER_SESSION,
        added_by=w.lecturer,
    )
    assert not permissions.user_can_play_h5p(w.amina, exercise)
    assert permissions.user_can_play_h5p(w.coordinator, exercise)
    session.lecturers.add(UserFactory(username="guest-lecturer"))
    guest = session.lecturers.get(username="guest-lecturer")
    assert permissions.user_can_play_h5p(guest, exercise)
    assert not permissions.user_can_track_h5p(guest, exercise)
    Material.objects.filter(activity=exercise).update(
        visibility=MaterialVisibility.IMMEDIATELY
    )
    assert permissions.user_can_play_h5p(w.amina, exercise)
    assert permissions.user_can_track_h5p(w.amina, exercise)
    assert not permissions.user_can_play_h5p(w.other_trainee, exercise)


def count_queries(check):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        check()
    return len(queries)


def test_the_rule_reads_in_a_fixed_number_of_queries(h5p_world):
    from django.contrib.auth import get_user_model

    w = h5p_world

    def fresh(user):  # no permission cache from an earlier check
        return get_user_model().objects.get(pk=user.pk)

    def check():
        assert permissions.user_can_play_h5p(fresh(w.amina), w.activity)
        assert not permissions.user_can_play_h5p(fresh(w.outsider), w.activity)

    fresh_amina, fresh_outsider = fresh(w.amina), fresh(w.outsider)
    once = count_queries(
        lambda: (
            permissions.user_can_play_h5p(fresh_amina, w.activity),
            permissions.user_can_play_h5p(fresh_outsider, w.activity),
        )
    )
    for module in w.modules[1:]:  # the same exercise in every module
        module.body = [*module.body.raw_data, {"type": "h5p", "value": w.activity.pk}]
        module.save_revision().publish()
    fresh_amina, fresh_outsider = fresh(w.amina), fresh(w.outsider)
    everywhere = count_queries(
        lambda: (
            permissions.user_can_play_h5p(fresh_amina, w.activity),
            permissions.user_can_play_h5p(fresh_outsider, w.activity),
        )
    )
    assert everywhere == once
    check()


# --- the player page ---------------------------------------------------------------


def test_her_player_is_sandboxed_framed_only_by_the_site_and_not_kept(h5p_world):
    w = h5p_world
    response = client_for(w.amina).get(player_url(w.activity))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert policy.startswith("sandbox allow-scripts;")
    assert "allow-same-origin" not in policy
    assert "frame-ancestors 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "<script>" not in body  # no inline script, only JSON data
    options = options_of(response)
    assert options["track"] is True
    assert options["options"]["embedType"] == "div"
    assert options["options"]["h5pJsonPath"].startswith("http://testserver/")
    assert options["parentOrigin"] == "http://testserver"


def test_staff_play_untracked(h5p_world):
    response = client_for(h5p_world.supervisor).get(player_url(h5p_world.activity))
    assert response.status_code == 200
    options = options_of(response)
    assert options["track"] is False
    assert "saveFreq" not in options["options"]


@pytest.mark.parametrize(
    "who", ["other_trainee", "other_coordinator", "outsider", None]
)
def test_no_player_for_anyone_else(h5p_world, who):
    user = getattr(h5p_world, who) if who else None
    response = client_for(user).get(player_url(h5p_world.activity))
    assert response.status_code == 404


def test_the_exercise_page_is_hers_and_not_an_outsiders(h5p_world):
    w = h5p_world
    url = reverse("lms:h5p_exercise", kwargs={"pk": w.activity.pk})
    mine = client_for(w.amina).get(url)
    assert mine.status_code == 200
    assert f'data-h5p-player="{player_url(w.activity)}"' in mine.content.decode()
    assert client_for(w.outsider).get(url).status_code == 404
    assert client_for().get(url).status_code == 302  # to the sign-in page


# --- content files ------------------------------------------------------------------


def her_token(w):
    return player.content_token(w.amina.pk, w.activity.package_hash)


def test_her_files_are_served_sandboxed_and_cached_long(h5p_world):
    w = h5p_world
    response = client_for().get(file_url(her_token(w), "h5p.json"))
    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"] == (
        "H5P.TrueFalse"
    )
    assert response["Content-Type"] == "application/json"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in response["Cache-Control"]
    assert "max-age=31536000" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"

    script = client_for().get(file_url(her_token(w), "H5P.TrueFalse-1.6/library.json"))
    assert script.status_code == 200


def test_the_token_is_the_same_all_day_and_expires(h5p_world):
    import datetime

    from django.utils import timezone

    w = h5p_world
    now = timezone.now()
    token = player.content_token(w.amina.pk, w.activity.package_hash, now=now)
    assert token == player.content_token(w.amina.pk, w.activity.package_hash, now=now)
    assert player.read_content_token(token, now=now + datetime.timedelta(days=1))
    assert (
        player.read_content_token(token, now=now + datetime.timedelta(days=3)) is None
    )


@pytest.mark.parametrize(
    "member",
    [
        "../../../../etc/passwd",
        "content/../../h5p.json",
        "/etc/passwd",
        ".complete",
        ".extracting",
        "H5P_CONTENT_HERE.txt",  # in the archive, never stored
        "content/nothing-here.png",
        "content\\content.json",
    ],
)
def test_nothing_outside_the_package_is_served(h5p_world, member):
    response = client_for().get(file_url(her_token(h5p_world), member))
    assert response.status_code == 404


def test_the_traversal_is_refused_even_url_encoded(h5p_world):
    token = her_token(h5p_world)
    url = reverse("lms:h5p_file", kwargs={"token": token, "member": "h5p.json"})
    for evil in ("..%2F..%2Fsettings.py", "%2e%2e/%2e%2e/h5p.json"):
        assert client_for().get(url.replace("h5p.json", evil)).status_code == 404


@pytest.mark.parametrize(
    "token",
    ["", "nonsense", "WyJhYmMiLDEsOTk5OTk5OV0:forged", "a" * 400],
)
def test_no_file_without_a_real_token(h5p_world, token):
    url = f"/nb/h5p/files/{token}/h5p.json"
    assert client_for().get(url).status_code == 404


def test_another_signed_in_user_cannot_use_her_token(h5p_world):
    w = h5p_world
    url = file_url(her_token(w), "h5p.json")
    assert client_for(w.outsider).get(url).status_code == 404
    assert client_for(w.amina).get(url).status_code == 200


def test_a_token_for_one_package_opens_no_other(h5p_world):
    w = h5p_world
    other = make_activity("multichoice.h5p")
    theirs = player.content_token(w.amina.pk, other.package_hash)
    member = "H5P.MultiChoice-1.16/library.json"
    assert client_for().get(file_url(theirs, member)).status_code == 200
    assert client_for().get(file_url(her_token(w), member)).status_code == 404


def test_the_svg_with_script_is_served_inert(h5p_world):
    xss = make_activity("bad-blanks-xss-svg.h5p")
    token = player.content_token(h5p_world.amina.pk, xss.package_hash)
    response = client_for().get(file_url(token, "content/images/xss.svg"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    policy = response["Content-Security-Policy"]
    assert "sandbox;" in policy and "allow-scripts" not in policy
    assert "script-src" not in policy and "default-src 'none'" in policy


# --- statements and state ------------------------------------------------------------


def statements_url(activity):
    return reverse("lms:h5p_statements", kwargs={"pk": activity.pk})


def state_url(activity):
    return reverse("lms:h5p_state", kwargs={"pk": activity.pk})


def test_her_statement_is_stored_as_hers(h5p_world):
    w = h5p_world
    response = post_json(
        client_for(w.amina), statements_url(w.activity), statement_for(w.activity)
    )
    assert response.status_code == 201
    assert response.json()["completed"] is True
    stored = XAPIStatement.objects.get()
    assert stored.user == w.amina
    assert stored.statement["actor"]["account"]["name"] == str(w.amina.pk)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("other_trainee", 404),
        ("other_coordinator", 404),
        ("outsider", 404),
        ("supervisor", 403),  # she may try it; nothing of hers is recorded
        (None, 403),
    ],
)
def test_nobody_else_posts_statements_or_state(h5p_world, who, status):
    user = getattr(h5p_world, who) if who else None
    client = client_for(user)
    activity = h5p_world.activity
    assert (
        post_json(client, statements_url(activity), statement_for(activity)).status_code
        == status
    )
    state = {"state": json.dumps({"answer": True})}
    assert post_json(client, state_url(activity), state).status_code == status
    assert not XAPIStatement.objects.exists()


def test_statements_are_csrf_checked(h5p_world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(h5p_world.amina)
    response = post_json(
        client, statements_url(h5p_world.activity), statement_for(h5p_world.activity)
    )
    assert response.status_code == 403
    assert not XAPIStatement.objects.exists()


def test_a_statement_for_another_user_is_refused(h5p_world):
    from lms.h5p.xapi import site_root

    w = h5p_world
    data = statement_for(w.activity)
    data["statement"]["actor"] = {
        "objectType": "Agent",
        "account": {"homePage": site_root(), "name": str(w.hodan.pk)},
    }
    response = post_json(client_for(w.amina), statements_url(w.activity), data)
    assert response.status_code == 403
    assert response.json()["code"] == "other_user"
    assert not XAPIStatement.objects.exists()


def test_a_score_above_its_maximum_is_refused(h5p_world):
    w = h5p_world
    data = statement_for(w.activity, raw=5, top=1)
    response = post_json(client_for(w.amina), statements_url(w.activity), data)
    assert response.status_code == 400
    assert response.json()["code"] == "score"
    assert response.json()["error"]
    assert not XAPIStatement.objects.exists()


def test_a_statement_about_another_exercise_is_refused(h5p_world):
    w = h5p_world
    other = make_activity("multichoice.h5p")
    response = post_json(
        client_for(w.amina), statements_url(w.activity), statement_for(other)
    )
    assert response.status_code == 400
    assert response.json()["code"] == "object"


def test_a_huge_or_broken_body_is_refused_without_a_server_error(h5p_world):
    w = h5p_world
    client = client_for(w.amina)
    big = statement_for(w.activity)
    big["statement"]["result"]["response"] = "x" * (100 * 1024)
    assert post_json(client, statements_url(w.activity), big).status_code == 413
    broken = client.post(
        statements_url(w.activity), b"{not json", content_type="application/json"
    )
    assert broken.status_code == 400
    assert "error" in broken.json()
    assert (
        post_json(client, statements_url(w.activity), ["a", "list"]).status_code == 400
    )
    assert (
        post_json(client, statements_url(w.activity), {"statement": "x"}).status_code
        == 400
    )
    assert not XAPIStatement.objects.exists()


def test_her_state_is_kept_and_comes_back_in_her_player(h5p_world):
    w = h5p_world
    saved = json.dumps({"answer": False, "score": 1})
    client = client_for(w.amina)
    assert post_json(client, state_url(w.activity), {"state": saved}).status_code == 200
    # on another device: a fresh session
    options = options_of(client_for(w.amina).get(player_url(w.activity)))
    assert options["options"]["contentUserData"] == {"0": {"state": saved}}
    assert post_json(client, state_url(w.activity), {"state": None}).status_code == 200
    options = options_of(client_for(w.amina).get(player_url(w.activity)))
    assert "contentUserData" not in options["options"]


def test_a_state_too_large_or_not_json_is_refused(h5p_world):
    w = h5p_world
    client = client_for(w.amina)
    big = json.dumps({"x": "y" * (300 * 1024)})
    assert post_json(client, state_url(w.activity), {"state": big}).status_code == 413
    response = post_json(client, state_url(w.activity), {"state": "{not json"})
    assert response.status_code == 400
    assert response.json()["code"] == "state_invalid"
    response = post_json(
        client, state_url(w.activity), {"state": "{}", "dataType": "../x"}
    )
    assert response.status_code == 400
