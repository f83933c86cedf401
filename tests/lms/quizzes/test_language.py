"""Her language: the quiz reads in Arabic where it is translated (through
wagtail-localize), the page runs right to left, her sitting is the same
whichever language she switches to, and what is right is decided by the
Norwegian source whatever a translation says."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms import quizzes
from lms.models import Choice, Sitting
from tests.lms.quizzes.conftest import (
    DEADLINE,
    EXPLAIN_DEADLINE,
    answer_all,
    as_user,
    choice_key,
    key_of,
    post_answer,
    sitting_of,
    start,
)

pytestmark = pytest.mark.django_db


def ar(name, **kwargs):
    with translation.override("ar"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def arabic(world, django_capture_on_commit_callbacks):
    from tests.lms.quizzes.conftest import translate_quiz

    world.arabic_quiz = translate_quiz(
        world.quiz, "ar", django_capture_on_commit_callbacks
    )
    return world


def test_translation_keeps_the_keys_of_questions_and_choices(arabic):
    source = {
        (q.translation_key, c.translation_key)
        for q in arabic.quiz.questions.all()
        for c in q.choices.all()
    }
    copy = {
        (q.translation_key, c.translation_key)
        for q in arabic.arabic_quiz.questions.all()
        for c in q.choices.all()
    }
    assert source == copy and source


def test_she_switches_to_arabic_mid_quiz_and_keeps_her_sitting(arabic):
    client = as_user(arabic.amina)
    start(client, arabic)
    sitting = sitting_of(arabic.amina, arabic.quiz)
    first, second = sitting.question_keys[:2]
    post_answer(
        client, sitting, first, choice=[choice_key(arabic, DEADLINE, "Seks uker")]
    )

    response = client.get(ar("lms:quiz_sitting", pk=sitting.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert f'name="question" value="{second}"' in body  # where she was
    assert "Hvem kan hjelpe deg å klage? [ar]" in body  # in Arabic
    assert "Klage på et vedtak [ar]" in body
    assert Sitting.objects.filter(user=arabic.amina).count() == 1

    # Starting from the Arabic copy of the quiz resumes the same sitting.
    again = client.post(
        ar("lms:quiz_start"),
        {"quiz": str(arabic.arabic_quiz.translation_key), "page": arabic.module.pk},
    )
    assert again["Location"] == ar("lms:quiz_sitting", pk=sitting.pk)


def test_feedback_and_explanations_come_in_her_language(arabic):
    client = as_user(arabic.amina)
    start(client, arabic)
    sitting = sitting_of(arabic.amina, arabic.quiz)
    post_answer(
        client,
        sitting,
        key_of(arabic, DEADLINE),
        choice=[choice_key(arabic, DEADLINE, "Én uke")],
    )
    body = client.get(
        ar("lms:quiz_answered", pk=sitting.pk, question=key_of(arabic, DEADLINE))
    ).content.decode()
    assert f"{EXPLAIN_DEADLINE} [ar]" in body
    assert "TILBAKEMELDING-FEIL [ar]" in body
    assert 'dir="rtl"' in body


def test_scores_come_from_the_source_whatever_the_translation_says(arabic):
    # A translation that (wrongly) marks another answer right changes nothing.
    Choice.objects.filter(question__quiz=arabic.arabic_quiz, text="Én uke [ar]").update(
        correct=True
    )
    Choice.objects.filter(
        question__quiz=arabic.arabic_quiz, text="Seks uker [ar]"
    ).update(correct=False)
    client = as_user(arabic.amina)
    client.post(
        ar("lms:quiz_start"),
        {"quiz": str(arabic.quiz.translation_key), "page": arabic.module.pk},
    )
    sitting = sitting_of(arabic.amina, arabic.quiz)
    with translation.override("ar"):
        post_answer(
            client,
            sitting,
            key_of(arabic, DEADLINE),
            choice=[choice_key(arabic, DEADLINE, "Seks uker")],
        )
    assert sitting.answers.get().correct is True


def test_untranslated_quiz_is_shown_in_norwegian_marked_as_such(world):
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    body = client.get(ar("lms:quiz_sitting", pk=sitting.pk)).content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert 'lang="nb" dir="ltr">Klage på et vedtak</h1>' in body


def test_result_page_renders_right_to_left(arabic):
    client = as_user(arabic.amina)
    start(client, arabic)
    sitting = answer_all(client, sitting_of(arabic.amina, arabic.quiz))
    body = client.get(ar("lms:quiz_result", pk=sitting.pk)).content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert f"{EXPLAIN_DEADLINE} [ar]" in body
    # The progress page too, with the category.
    progress = client.get(ar("lms:quiz_progress")).content.decode()
    assert '<html lang="ar" dir="rtl">' in progress
    assert "NAV" in progress


def test_best_results_are_by_quiz_key_whatever_the_copy(arabic):
    client = as_user(arabic.amina)
    start(client, arabic)
    sitting = answer_all(client, sitting_of(arabic.amina, arabic.quiz))
    found = quizzes.best_results(arabic.amina, [arabic.arabic_quiz.translation_key])
    assert found[arabic.quiz.translation_key].sitting_id == sitting.pk
