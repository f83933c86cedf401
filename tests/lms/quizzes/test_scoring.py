"""Scores as django-quiz-app gives them, so a user moving over sees the
same numbers: percent of the questions in the sitting, nearest whole
number, capped at 100; pass at or above the pass mark; written answers
count once marked."""

import pytest

from lms import quizzes
from lms.models import Sitting
from tests.lms.quizzes.conftest import (
    DEADLINE,
    ESSAY,
    HELPERS,
    TRUE_FALSE,
    as_user,
    choice_key,
    key_of,
    make_quiz,
    many_questions,
    place,
    post_answer,
    right_answer,
    sitting_of,
    start,
    wrong_answer,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("score", "total", "percent"),
    [
        (1, 2, 50),
        (1, 3, 33),
        (2, 3, 67),
        (1, 8, 13),  # 12.5 rounds up, as a person rounds it
        (3, 8, 38),
        (0, 5, 0),
        (5, 5, 100),
        (6, 5, 100),  # capped
        (0, 0, 0),
        (7, 9, 78),
    ],
)
def test_percent_is_right_answers_of_the_sitting_rounded_and_capped(
    score, total, percent
):
    assert quizzes.percent_of(score, total) == percent


@pytest.mark.parametrize(
    ("percent", "mark", "passed"),
    [(50, 50, True), (49, 50, False), (0, 0, True), (100, 100, True), (99, 100, False)],
)
def test_pass_at_or_above_the_pass_mark(percent, mark, passed):
    assert quizzes.has_passed(percent, mark) is passed


def take(w, client, answers):
    """Start and answer in order: `answers` maps question text to form data."""
    start(client, w)
    sitting = sitting_of(w.amina, w.quiz)
    for text in [DEADLINE, HELPERS, TRUE_FALSE, ESSAY]:
        if text in answers:
            response = post_answer(client, sitting, key_of(w, text), **answers[text])
            assert response.status_code == 302
    sitting.refresh_from_db()
    return sitting


def test_one_of_two_passes_at_fifty(world, cohort_with_sessions):
    quiz = make_quiz(title="To spørsmål", questions=many_questions(2), pass_mark=50)
    place(world.module, quiz)
    client = as_user(world.amina)
    start(client, world, quiz=quiz)
    sitting = sitting_of(world.amina, quiz)
    first, second = sitting.question_keys
    by_key = {str(q.translation_key): q for q in quiz.questions.all()}
    post_answer(client, sitting, first, **right_answer(world, by_key[first]))
    post_answer(client, sitting, second, **wrong_answer(world, by_key[second]))
    sitting.refresh_from_db()
    assert sitting.complete and sitting.ended_at is not None
    assert (sitting.score, sitting.percent, sitting.passed) == (1, 50, True)


def test_essay_waits_for_marking_then_completes_the_score(world):
    client = as_user(world.amina)
    sitting = take(
        world,
        client,
        {
            DEADLINE: right_answer(world, world.questions[DEADLINE][0]),
            HELPERS: {"choice": [choice_key(world, HELPERS, "En veileder i NAV")]},
            TRUE_FALSE: {"true_false": "true"},
            ESSAY: {"text": "Jeg skriver et brev."},
        },
    )
    # Helpers has two right answers: one of them is not the right answer.
    assert sitting.complete
    assert sitting.waiting_for_marking
    assert sitting.score == 2
    assert sitting.percent is None and sitting.passed is None  # not a fail

    essay = sitting.answers.get(question_key=key_of(world, ESSAY))
    assert essay.correct is None
    quizzes.mark_answer(
        answer=essay, marker=world.supervisor, correct=True, feedback="Fint."
    )
    sitting.refresh_from_db()
    assert not sitting.waiting_for_marking
    assert (sitting.score, sitting.percent, sitting.passed) == (3, 75, True)

    # She changes her mind: the score follows.
    quizzes.mark_answer(answer=essay, marker=world.supervisor, correct=False)
    sitting.refresh_from_db()
    assert (sitting.score, sitting.percent, sitting.passed) == (2, 50, True)


def test_pass_mark_decides_with_the_same_score(world):
    world.quiz.pass_mark = 80
    world.quiz.save()
    client = as_user(world.amina)
    sitting = take(
        world,
        client,
        {
            DEADLINE: right_answer(world, world.questions[DEADLINE][0]),
            HELPERS: right_answer(world, world.questions[HELPERS][0]),
            TRUE_FALSE: {"true_false": "false"},
            ESSAY: {"text": "Et brev."},
        },
    )
    quizzes.mark_answer(
        answer=sitting.answers.get(question_key=key_of(world, ESSAY)),
        marker=world.supervisor,
        correct=True,
    )
    sitting.refresh_from_db()
    assert (sitting.score, sitting.percent, sitting.passed) == (3, 75, False)


def test_several_right_answers_need_all_of_them_and_no_wrong_one(world):
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    post_answer(
        client,
        sitting,
        key_of(world, HELPERS),
        choice=[
            choice_key(world, HELPERS, "En veileder i NAV"),
            choice_key(world, HELPERS, "En rettshjelper"),
            choice_key(world, HELPERS, "Ingen"),
        ],
    )
    assert sitting.answers.get().correct is False
    assert Sitting.objects.get(pk=sitting.pk).score == 0


def test_every_question_wrong_fails_with_zero(world):
    client = as_user(world.amina)
    sitting = take(
        world,
        client,
        {
            text: wrong_answer(world, world.questions[text][0])
            for text in (DEADLINE, HELPERS, TRUE_FALSE, ESSAY)
        },
    )
    quizzes.mark_answer(
        answer=sitting.answers.get(question_key=key_of(world, ESSAY)),
        marker=world.supervisor,
        correct=False,
    )
    sitting.refresh_from_db()
    assert (sitting.score, sitting.percent, sitting.passed) == (0, 0, False)


def test_engine_alone_starts_answers_by_key_and_finishes(world):
    """What a command or the demo calls: keys in, the same scores out."""
    import random

    quiz = make_quiz(title="Ti", questions=many_questions(10), random_order=True)
    in_order = [str(q.translation_key) for q in quiz.questions.order_by("sort_order")]
    sitting, new = quizzes.start_or_resume(
        user=world.amina,
        enrollment=world.enrollments[0],
        quiz=quiz,
        rng=random.Random(4),  # noqa: S311 (an order, not a secret)
    )
    assert new and sorted(sitting.question_keys) == sorted(in_order)
    assert sitting.question_keys != in_order  # shuffled
    again, new = quizzes.start_or_resume(
        user=world.amina, enrollment=world.enrollments[0], quiz=quiz
    )
    assert again.pk == sitting.pk and not new
    by_key = {str(q.translation_key): q for q in quiz.questions.all()}
    for number, key in enumerate(sitting.question_keys[:7]):
        right = by_key[key].choices.get(correct=True)
        done = quizzes.answer_by_key(
            sitting=sitting,
            user=world.amina,
            question_key=key,
            choice_keys=[str(right.translation_key)],
        )
        assert done.answer.correct is True
        assert not done.sitting.complete or number == 9
    sitting = quizzes.finish(sitting=sitting)  # the rest count as wrong
    assert (sitting.complete, sitting.score, sitting.percent) == (True, 7, 70)
    assert quizzes.finish(sitting=sitting).percent == 70  # twice is harmless
