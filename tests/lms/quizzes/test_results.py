"""What is kept and what counts: an exam paper keeps every sitting, a
one-attempt quiz its one, any other quiz her best (and the one she just
finished); her best result per quiz for completion; her success rate per
category on her progress page."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from lms import quizzes
from lms.models import QuizCategory, Sitting
from tests.lms.quizzes.conftest import (
    answer_all,
    as_user,
    en,
    make_quiz,
    many_questions,
    place,
    post_answer,
    sitting_of,
    start,
    text_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def short(world):
    """A quiz of four choice questions, no essay, in the held module."""
    world.short = make_quiz(title="Fire spørsmål", questions=many_questions(4))
    place(world.module, world.short)
    return world


def sit(w, quiz, right_count, user=None):
    """Finish a sitting of `quiz` with `right_count` right answers."""
    user = user or w.amina
    client = as_user(user)
    start(client, w, quiz=quiz)
    sitting = sitting_of(user, quiz)
    by_key = {str(q.translation_key): q for q in quiz.questions.all()}
    for number, key in enumerate(sitting.question_keys):
        question = by_key[key]
        chosen = question.choices.filter(correct=number < right_count).first()
        post_answer(client, sitting, key, choice=[str(chosen.translation_key)])
    sitting.refresh_from_db()
    assert sitting.complete
    return sitting


def kept(w, quiz):
    return set(
        Sitting.objects.filter(user=w.amina, quiz_key=quiz.translation_key).values_list(
            "pk", flat=True
        )
    )


def test_other_quizzes_keep_her_best_sitting_and_the_latest(short):
    first = sit(short, short.short, 2)
    best = sit(short, short.short, 3)
    assert kept(short, short.short) == {best.pk}  # the first was worse
    assert first.pk not in kept(short, short.short)
    worse = sit(short, short.short, 1)
    # Her best and the one she just finished (to read its result).
    assert kept(short, short.short) == {best.pk, worse.pk}
    assert (
        as_user(short.amina).get(en("lms:quiz_result", pk=worse.pk)).status_code == 200
    )
    # Starting again lets the worse one go.
    start(as_user(short.amina), short, quiz=short.short)
    open_one = quizzes.open_sitting(short.amina, short.short.translation_key)
    assert kept(short, short.short) == {best.pk, open_one.pk}


def test_an_exam_paper_keeps_every_sitting(short):
    short.short.exam_paper = True
    short.short.save()
    made = {sit(short, short.short, n).pk for n in (4, 1, 2)}
    assert kept(short, short.short) == made


def test_a_one_attempt_quiz_keeps_its_sitting(short):
    short.short.single_attempt = True
    short.short.save()
    only = sit(short, short.short, 1)
    assert kept(short, short.short) == {only.pk}


def test_sittings_waiting_for_marking_are_kept(world):
    client = as_user(world.amina)
    start(client, world)
    waiting = answer_all(client, sitting_of(world.amina, world.quiz))
    start(client, world)
    second = answer_all(client, sitting_of(world.amina, world.quiz), right=False)
    start(client, world)
    assert waiting.waiting_for_marking and second.waiting_for_marking
    assert {waiting.pk, second.pk} <= kept(world, world.quiz)


def test_best_result_per_quiz(short, world):
    sit(short, short.short, 1)
    best = sit(short, short.short, 3)
    client = as_user(world.amina)
    start(client, world)
    waiting = answer_all(client, sitting_of(world.amina, world.quiz))
    unfinished = make_quiz(title="Uferdig", questions=many_questions(2))
    place(world.module, unfinished)
    start(client, world, quiz=unfinished)
    found = quizzes.best_results(
        world.amina,
        [
            short.short.translation_key,
            world.quiz.translation_key,
            unfinished.translation_key,
        ],
    )
    assert set(found) == {short.short.translation_key, world.quiz.translation_key}
    result = found[short.short.translation_key]
    assert (result.sitting_id, result.percent, result.passed) == (best.pk, 75, True)
    assert not result.waiting_for_marking
    pending = found[world.quiz.translation_key]
    assert pending.sitting_id == waiting.pk
    assert pending.waiting_for_marking and pending.passed is None
    # Nobody else's sittings count for her; signed-out people have none.
    assert quizzes.best_results(world.hodan, [short.short.translation_key]) == {}


def test_success_rate_per_category_with_sub_categories(world):
    health = QuizCategory.objects.create(name="Helse")
    mental = QuizCategory.objects.create(name="Psykisk helse", parent=health)
    QuizCategory.objects.create(
        name="الصحة",
        translation_key=health.translation_key,
        locale=Locale.objects.get(language_code="ar"),
    )
    quiz = make_quiz(
        title="Helse",
        category=health,
        questions=many_questions(2, category=mental) + many_questions(2),
    )
    place(world.module, quiz)
    sitting = sit(world, quiz, 3)  # in order: mental, mental, none, none
    assert sitting.score == 3
    rates = {tuple(r.names): r for r in quizzes.category_rates(world.amina, "nb")}
    assert (rates[("Helse",)].right, rates[("Helse",)].answered) == (3, 4)
    sub = rates[("Helse", "Psykisk helse")]
    assert (sub.right, sub.answered, sub.percent, sub.depth) == (2, 2, 100, 1)
    assert rates[("Helse",)].percent == 75
    arabic = {tuple(r.names) for r in quizzes.category_rates(world.amina, "ar")}
    assert ("الصحة",) in arabic
    assert quizzes.category_rates(world.hodan, "nb") == []


def test_progress_page_lists_her_results_and_rates(short, world):
    done = sit(short, short.short, 3)
    client = as_user(world.amina)
    start(client, world)
    open_one = sitting_of(world.amina, world.quiz)
    with translation.override("en"):
        response = client.get(en("lms:quiz_progress"))
    body = response.content.decode()
    assert f'data-sitting="{done.pk}"' in body
    assert en("lms:quiz_result", pk=done.pk) in body
    assert en("lms:quiz_sitting", pk=open_one.pk) in body  # to continue
    assert "75%" in text_of(response)
    # Hodan's page shows nothing of Amina's.
    other = as_user(world.hodan).get(en("lms:quiz_progress")).content.decode()
    assert f'data-sitting="{done.pk}"' not in other
