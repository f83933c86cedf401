"""Two requests at the same moment: a double-clicked start, a replayed
start of a one-attempt quiz, a double-clicked last answer. There is never a
second sitting or a second answer.

The two-connection tests need real row locks: they run in the PostgreSQL
run of `make test` (``.ci/with-postgres``) and are skipped on SQLite, whose
in-memory test database has one connection (the sequential replays are in
test_rules.py and run on both).
"""

import threading

import pytest

from lms import quizzes
from lms.models import Answer, Sitting
from tests.lms.quizzes.conftest import make_quiz, many_questions, place
from tests.lms.test_review_concurrency import (
    NEEDS_POSTGRES,
    ON_POSTGRES,
    _hold_lock_while_other_tries,
    in_thread,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not ON_POSTGRES, reason=NEEDS_POSTGRES),
]


@pytest.fixture
def exam(world):
    world.exam = make_quiz(
        title="Eksamen", questions=many_questions(2), single_attempt=True
    )
    place(world.module, world.exam)
    return world


def begin(w):
    return quizzes.start_or_resume(
        user=w.amina,
        enrollment=w.enrollments[0],
        quiz=w.exam,
        module_key=w.module.translation_key,
    )[0].pk


def test_two_starts_at_once_make_one_sitting(exam):
    first, second = _hold_lock_while_other_tries(
        lambda: begin(exam), lambda: begin(exam)
    )
    assert "error" not in first and "error" not in second, (first, second)
    assert first["value"] == second["value"]
    assert Sitting.objects.filter(user=exam.amina).count() == 1


def test_a_start_replayed_while_she_finishes_never_opens_a_second_sitting(exam):
    sitting = Sitting.objects.get(pk=begin(exam))
    by_key = {str(q.translation_key): q for q in exam.exam.questions.all()}
    first_key, last_key = sitting.question_keys
    right = {
        k: str(q.choices.get(correct=True).translation_key) for k, q in by_key.items()
    }
    quizzes.answer_by_key(
        sitting=sitting,
        user=exam.amina,
        question_key=first_key,
        choice_keys=[right[first_key]],
    )
    gate = threading.Barrier(2)

    def finish_it():
        gate.wait(10)
        return quizzes.answer_by_key(
            sitting=sitting,
            user=exam.amina,
            question_key=last_key,
            choice_keys=[right[last_key]],
        ).sitting.pk

    def start_again():
        gate.wait(10)
        try:
            return begin(exam)
        except quizzes.AlreadyTaken:
            return "refused"

    threads = [in_thread(finish_it), in_thread(start_again)]
    for thread, _outcome in threads:
        thread.join(30)
    outcomes = [outcome for _thread, outcome in threads]
    assert all("error" not in o for o in outcomes), outcomes
    # Either she resumed the same sitting just before it finished, or she
    # was refused: never a second one.
    assert outcomes[1]["value"] in (sitting.pk, "refused")
    assert Sitting.objects.filter(user=exam.amina).count() == 1
    assert Sitting.objects.get().complete
    # And now, whatever is replayed, the one attempt holds.
    with pytest.raises(quizzes.AlreadyTaken):
        begin(exam)


def test_a_double_clicked_last_answer_is_one_answer(exam):
    sitting = Sitting.objects.get(pk=begin(exam))
    by_key = {str(q.translation_key): q for q in exam.exam.questions.all()}
    key = sitting.question_keys[0]
    right = str(by_key[key].choices.get(correct=True).translation_key)

    def click():
        return quizzes.answer_by_key(
            sitting=sitting, user=exam.amina, question_key=key, choice_keys=[right]
        ).answer.pk

    first, second = _hold_lock_while_other_tries(click, click)
    assert "error" not in first and "error" not in second, (first, second)
    assert first["value"] == second["value"]
    assert Answer.objects.filter(sitting=sitting).count() == 1
    sitting.refresh_from_db()
    assert sitting.score == 1
