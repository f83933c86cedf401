"""Statements become attempts, and the grading method picks the one that
counts: every attempt is kept, sub-questions never close one, only
completed attempts count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.choices import H5PGrading
from lms.h5p import xapi
from lms.models import H5PAttempt, XAPIStatement
from tests.factories.lms import UserFactory
from tests.lms.h5p.conftest import make_activity

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def activity(db):
    return make_activity()


@pytest.fixture
def amina(db):
    return UserFactory(username="amina", email="amina@example.org")


def statement(activity, verb, *, raw=None, top=None, sub=None, parent=False, **extra):
    iri = xapi.activity_iri(activity)
    data = {
        "actor": {"account": {"name": "random-uuid", "homePage": "http://x"}},
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {"id": iri + (f"?subContentId={sub}" if sub else "")},
    }
    if parent:
        data["context"] = {"contextActivities": {"parent": [{"id": iri}]}}
    if raw is not None:
        data["result"] = {
            "score": {"raw": raw, "max": top, "min": 0, "scaled": raw / top},
            "success": raw == top,
            "completion": True,
        }
    data.update(extra)
    return data


def record(user, activity, data):
    return xapi.record_statement(
        user=user, activity=activity, data=data, object_iri=xapi.activity_iri(activity)
    )


def play(user, activity, score, top=1):
    """One attempt as the true/false exercise sends it."""
    record(user, activity, statement(activity, "attempted"))
    record(user, activity, statement(activity, "interacted"))
    return record(user, activity, statement(activity, "answered", raw=score, top=top))


def test_an_attempt_collects_its_statements_and_closes_on_the_answer(amina, activity):
    answered = play(amina, activity, 1)
    attempt = H5PAttempt.objects.get()
    assert attempt.completed_at is not None
    assert (attempt.score_raw, attempt.score_max, attempt.success) == (1, 1, True)
    assert attempt.statements.count() == 3
    assert answered.attempt == attempt
    assert answered.top_level


def test_the_server_is_the_actor_whatever_the_browser_said(amina, activity):
    stored = record(amina, activity, statement(activity, "attempted"))
    assert stored.statement["actor"] == xapi.server_actor(amina)
    assert "random-uuid" not in str(stored.statement)
    assert stored.statement["id"] != ""


def test_every_attempt_is_kept(amina, activity):
    play(amina, activity, 0)
    play(amina, activity, 1)
    record(amina, activity, statement(activity, "attempted"))  # a third, unfinished
    attempts = list(H5PAttempt.objects.order_by("pk"))
    assert [a.score_raw for a in attempts] == [0, 1, None]
    assert [a.completed_at is not None for a in attempts] == [True, True, False]
    assert XAPIStatement.objects.count() == 7


def test_opening_it_again_without_answering_does_not_start_new_attempts(
    amina, activity
):
    for _ in range(3):
        record(amina, activity, statement(activity, "attempted"))
    assert H5PAttempt.objects.count() == 1


def test_sub_questions_belong_to_the_attempt_and_never_close_it(amina, activity):
    record(amina, activity, statement(activity, "attempted"))
    for number in range(3):
        sub = record(
            amina,
            activity,
            statement(
                activity, "answered", raw=1, top=1, sub=f"q{number}", parent=True
            ),
        )
        assert not sub.top_level
    attempt = H5PAttempt.objects.get()
    assert attempt.completed_at is None
    record(amina, activity, statement(activity, "completed", raw=2, top=3))
    attempt.refresh_from_db()
    assert (attempt.score_raw, attempt.score_max) == (2, 3)
    assert attempt.statements.filter(top_level=False).count() == 3


def test_a_statement_with_a_parent_is_not_top_level(amina, activity):
    child = record(
        amina, activity, statement(activity, "answered", raw=1, top=1, parent=True)
    )
    assert not child.top_level
    assert H5PAttempt.objects.get().completed_at is None


def test_replacing_the_package_starts_a_new_attempt_and_keeps_the_old(amina, activity):
    record(amina, activity, statement(activity, "attempted"))
    activity.package_hash = "f" * 64
    activity.save()
    play(amina, activity, 1)
    first, second = H5PAttempt.objects.order_by("pk")
    assert first.completed_at is None and second.completed_at is not None
    assert second.package_hash == "f" * 64


# --- checking statements ---------------------------------------------------------


def refused(user, activity, data):
    with pytest.raises(xapi.StatementRefused) as caught:
        record(user, activity, data)
    assert caught.value.message
    return caught.value.code


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"verb": {"id": "http://example.org/verbs/hacked"}}, "verb"),
        ({"verb": "answered"}, "verb"),
        ({"object": {"id": "http://evil.example/xapi"}}, "object"),
        ({"object": None}, "object"),
        ({"result": {"score": {"raw": 5, "max": 1}}}, "score"),
        ({"result": {"score": {"raw": -3, "max": 1, "min": 0}}}, "score"),
        ({"result": {"score": {"raw": 1, "max": 10**9}}}, "score"),
        ({"result": {"score": {"raw": 1}}}, "score"),
        ({"result": {"score": {"scaled": 2}}}, "score"),
        ({"result": {"score": {"raw": "1", "max": 1}}}, "result"),
        ({"result": {"score": {"raw": True, "max": 1}}}, "result"),
        ({"result": {"score": {"raw": float("nan"), "max": 1}}}, "result"),
        ({"result": {"success": "yes"}}, "result"),
        ({"result": "great"}, "result"),
        ({"context": "x"}, "result"),
    ],
)
def test_bad_statements_are_refused_and_nothing_is_stored(
    amina, activity, change, code
):
    data = statement(activity, "answered", raw=1, top=1)
    data.update(change)
    assert refused(amina, activity, data) == code
    assert not XAPIStatement.objects.exists()
    assert not H5PAttempt.objects.exists()


def test_a_statement_that_is_not_an_object_is_refused(amina, activity):
    assert refused(amina, activity, ["answered"]) == "not_json"
    assert refused(amina, activity, None) == "not_json"


def test_a_statement_too_large_is_refused(amina, activity):
    data = statement(activity, "answered", raw=1, top=1)
    data["result"]["response"] = "x" * xapi.MAX_STATEMENT_BYTES
    assert refused(amina, activity, data) == "too_large"


def test_a_statement_naming_another_user_is_refused(amina, activity):
    hodan = UserFactory(username="hodan", email="hodan@example.org")
    by_account = statement(activity, "answered", raw=1, top=1)
    by_account["actor"] = {
        "account": {"homePage": xapi.site_root(), "name": str(hodan.pk)}
    }
    assert refused(amina, activity, by_account) == "other_user"
    by_mail = statement(activity, "answered", raw=1, top=1)
    by_mail["actor"] = {"mbox": "mailto:Hodan@example.org"}
    assert refused(amina, activity, by_mail) == "other_user"
    her_own = statement(activity, "answered", raw=1, top=1)
    her_own["actor"] = {"mbox": "mailto:amina@example.org"}
    assert record(amina, activity, her_own).user == amina


# --- grading ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "raw", "top", "success"),
    [
        (H5PGrading.HIGHEST, 3, 4, False),
        (H5PGrading.FIRST, 1, 4, False),
        (H5PGrading.LAST, 2, 4, False),
    ],
)
def test_the_grading_method_picks_the_attempt(
    amina, activity, method, raw, top, success
):
    activity.grading_method = method
    activity.save()
    for score in (1, 3, 2):
        play(amina, activity, score, top=4)
    result = xapi.best_results(amina, [activity.translation_key])[
        activity.translation_key
    ]
    assert result.completed and result.attempts == 3
    assert (result.score_raw, result.score_max, result.success) == (raw, top, success)


def test_average_and_none(amina, activity):
    for score in (1, 3, 2):
        play(amina, activity, score, top=4)
    activity.grading_method = H5PGrading.AVERAGE
    activity.save()
    result = xapi.best_results(amina, [activity.translation_key])[
        activity.translation_key
    ]
    assert result.percent == 50
    activity.grading_method = H5PGrading.NONE
    activity.save()
    result = xapi.best_results(amina, [activity.translation_key])[
        activity.translation_key
    ]
    assert result.completed and result.score_raw is None and result.percent is None


def test_only_completed_attempts_count(amina, activity):
    record(amina, activity, statement(activity, "attempted"))
    result = xapi.best_results(amina, [activity.translation_key])[
        activity.translation_key
    ]
    assert not result.completed and result.attempts == 0


def test_results_stay_when_the_package_is_replaced(amina, activity):
    play(amina, activity, 1)
    activity.package_hash = "e" * 64
    activity.save()
    result = xapi.best_results(amina, [activity.translation_key])[
        activity.translation_key
    ]
    assert result.completed and result.score_raw == 1


def test_best_results_read_in_two_queries_for_any_number_of_exercises(amina):
    activities = [make_activity(title=f"Øvelse {n}") for n in range(10)]
    for activity in activities:
        play(amina, activity, 1)
        play(amina, activity, 0)
    keys = [a.translation_key for a in activities]
    with CaptureQueriesContext(connection) as queries:
        results = xapi.best_results(amina, keys)
    assert len(queries) == 2
    assert all(results[key].score_raw == 1 for key in keys)
    assert xapi.best_results(None, keys) == {}


def test_results_for_many_trainees_in_two_queries(activity):
    trainees = [UserFactory(username=f"t{n}") for n in range(8)]
    for number, trainee in enumerate(trainees):
        play(trainee, activity, number % 2)
    with CaptureQueriesContext(connection) as queries:
        results = xapi.results_for([t.pk for t in trainees], [activity.translation_key])
    assert len(queries) == 2
    assert [results[(t.pk, activity.translation_key)].score_raw for t in trainees] == [
        0,
        1,
    ] * 4


# --- saved state ------------------------------------------------------------


def test_state_is_saved_replaced_and_forgotten(amina, activity):
    xapi.save_state(user=amina, activity=activity, state='{"a": 1}')
    xapi.save_state(user=amina, activity=activity, state='{"a": 2}')
    assert xapi.saved_states(amina, activity.translation_key) == {
        "0": {"state": '{"a": 2}'}
    }
    xapi.save_state(user=amina, activity=activity, state=None)
    assert xapi.saved_states(amina, activity.translation_key) == {}


def test_states_per_exercise_are_capped(amina, activity):
    for number in range(xapi.MAX_STATES_PER_ACTIVITY):
        xapi.save_state(
            user=amina, activity=activity, state="{}", sub_content_id=f"s{number}"
        )
    with pytest.raises(xapi.StatementRefused) as caught:
        xapi.save_state(
            user=amina, activity=activity, state="{}", sub_content_id="one-more"
        )
    assert caught.value.code == "too_many_states"
