"""Taking a quiz as a trainee meets it: the block on the module page, one
question per page, right or wrong after each answer, resuming, the result
with explanations; and no right answer reaching the browser before she has
answered."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.models import Answer, Sitting
from tests.lms.quizzes.conftest import (
    DEADLINE,
    EXPLAIN_DEADLINE,
    EXPLAIN_TRUE,
    FEEDBACK_RIGHT,
    FEEDBACK_WRONG,
    HELPERS,
    answer_all,
    as_user,
    choice_key,
    en,
    key_of,
    make_quiz,
    many_questions,
    nb,
    place,
    post_answer,
    sitting_of,
    start,
    text_of,
)

pytestmark = pytest.mark.django_db


def test_visitor_sees_the_quiz_and_a_sign_in_link(client, world):
    body = client.get(world.module.url).content.decode()
    assert "Klage på et vedtak" in body
    assert (
        f"/nb/login/?next={world.module.url}%23quiz-{world.quiz.translation_key}"
        in body
    )
    assert 'name="quiz"' not in body


def test_staff_see_the_quiz_but_no_start_button(world):
    for user in (world.supervisor, world.coordinator, world.lecturer):
        body = as_user(user).get(world.module.url).content.decode()
        assert "Klage på et vedtak" in body, user
        assert 'name="quiz"' not in body, user


def test_block_shows_start_then_continue_then_her_result(world):
    client = as_user(world.amina)
    with translation.override("en"):
        body = client.get(world.module.url).content.decode()
    assert f'name="quiz" value="{world.quiz.translation_key}"' in body
    assert f'name="page" value="{world.module.pk}"' in body
    assert "lms/quizzes/quiz.css" in body

    response = start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    assert response.status_code == 302
    assert response["Location"] == en("lms:quiz_sitting", pk=sitting.pk)
    post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Seks uker")],
    )
    body = client.get(world.module.url).content.decode()
    assert nb("lms:quiz_sitting", pk=sitting.pk) in body
    assert 'name="quiz"' not in body  # continue, not a second start

    answer_all(client, sitting)
    body = client.get(world.module.url).content.decode()
    assert nb("lms:quiz_result", pk=sitting.pk) in body
    assert "quiz-state--waiting" in body  # her essay is not marked yet


def test_question_page_holds_no_marker_of_the_right_answer(world):
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    for _ in range(4):
        response = client.get(en("lms:quiz_sitting", pk=sitting.pk))
        assert response.status_code == 200
        body = response.content.decode()
        for secret in (EXPLAIN_DEADLINE, EXPLAIN_TRUE, FEEDBACK_RIGHT, FEEDBACK_WRONG):
            assert secret not in body
        for marker in ("correct", "right-answer", "data-right", "quiz-answer--"):
            assert marker not in body.lower(), marker
        # Answer whatever question is shown, wrongly where it can be.
        key = body.split('name="question" value="')[1].split('"')[0]
        if 'name="choice"' in body:
            value = body.split('name="choice" value="')[1].split('"')[0]
            post_answer(client, sitting, key, choice=[value])
        elif 'name="true_false"' in body:
            post_answer(client, sitting, key, true_false="false")
        else:
            post_answer(client, sitting, key, text="Vet ikke.")
    sitting.refresh_from_db()
    assert sitting.complete


def test_question_page_is_one_accessible_question(world):
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    with translation.override("en"):
        response = client.get(en("lms:quiz_sitting", pk=sitting.pk))
    body = response.content.decode()
    assert "<fieldset" in body and "<legend" in body
    assert DEADLINE in body
    assert HELPERS not in body  # one question per page
    assert body.count('type="radio" name="choice"') == 3
    assert 'id="answer-field"' in body
    assert "Question 1 of 4" in text_of(response)
    # Every radio sits inside its label.
    assert body.count('<label class="quiz-choice"><input') == 3


def test_after_each_answer_she_sees_right_or_wrong_with_explanation(world):
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    response = post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Én uke")],
    )
    assert response.status_code == 302
    assert response["Location"] == en(
        "lms:quiz_answered", pk=sitting.pk, question=key_of(world, DEADLINE)
    )
    with translation.override("en"):
        page = client.get(response["Location"])
    body = page.content.decode()
    assert 'data-verdict="wrong"' in body
    assert EXPLAIN_DEADLINE in body
    assert FEEDBACK_WRONG in body  # the feedback of what she chose
    assert FEEDBACK_RIGHT not in body  # not the feedback of what she did not
    assert "quiz-answer--correct" in body  # the right one is shown now
    assert en("lms:quiz_sitting", pk=sitting.pk) in body  # next question


def test_answers_at_end_shows_nothing_until_she_finishes(world):
    world.quiz.answers_at_end = True
    world.quiz.save()
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    response = post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Seks uker")],
    )
    assert response["Location"] == en("lms:quiz_sitting", pk=sitting.pk)
    early = client.get(
        en("lms:quiz_answered", pk=sitting.pk, question=key_of(world, DEADLINE))
    )
    assert early.status_code == 302
    assert EXPLAIN_DEADLINE not in client.get(early["Location"]).content.decode()
    assert client.get(en("lms:quiz_result", pk=sitting.pk)).status_code == 302

    answer_all(client, sitting)
    result = client.get(en("lms:quiz_result", pk=sitting.pk)).content.decode()
    assert EXPLAIN_DEADLINE in result and EXPLAIN_TRUE in result


def test_she_leaves_in_the_middle_and_resumes_where_she_was(world):
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    first, second = sitting.question_keys[:2]
    post_answer(
        client, sitting, first, choice=[choice_key(world, DEADLINE, "Seks uker")]
    )
    # She goes away; later, from the module page, "start" again resumes.
    client.get(world.module.url)
    again = start(client, world)
    assert again["Location"] == en("lms:quiz_sitting", pk=sitting.pk)
    assert Sitting.objects.filter(user=world.amina).count() == 1
    body = client.get(again["Location"]).content.decode()
    assert f'name="question" value="{second}"' in body


def test_result_page_shows_score_and_every_explanation(world):
    world.quiz.pass_message = "Bra jobba!"
    world.quiz.save()
    client = as_user(world.amina)
    start(client, world)
    sitting = answer_all(client, sitting_of(world.amina, world.quiz))
    with translation.override("en"):
        body = client.get(en("lms:quiz_result", pk=sitting.pk)).content.decode()
    assert 'data-summary="waiting"' in body
    assert "Waiting for marking" in body
    assert EXPLAIN_DEADLINE in body and EXPLAIN_TRUE in body
    assert body.count('class="quiz-result ') == 4


def test_passed_result_shows_percent_and_pass_message(world):
    quiz = make_quiz(
        title="Kort", questions=many_questions(3), pass_message="Bra jobba!"
    )
    place(world.module, quiz)
    client = as_user(world.amina)
    start(client, world, quiz=quiz)
    sitting = answer_all(client, sitting_of(world.amina, quiz))
    with translation.override("en"):
        body = client.get(en("lms:quiz_result", pk=sitting.pk)).content.decode()
    assert 'data-percent="100"' in body
    assert "Bra jobba!" in body
    assert "Passed" in body


def test_random_subset_is_fixed_for_her_sitting(world):
    quiz = make_quiz(
        title="Stor", questions=many_questions(10), max_questions=3, random_order=True
    )
    place(world.module, quiz)
    client = as_user(world.amina)
    start(client, world, quiz=quiz)
    sitting = sitting_of(world.amina, quiz)
    keys = list(sitting.question_keys)
    assert len(keys) == 3 and len(set(keys)) == 3
    all_keys = {str(q.translation_key) for q in quiz.questions.all()}
    assert set(keys) <= all_keys
    for _ in range(3):
        start(client, world, quiz=quiz)
        client.get(en("lms:quiz_sitting", pk=sitting.pk))
        sitting.refresh_from_db()
        assert sitting.question_keys == keys
    body = client.get(en("lms:quiz_sitting", pk=sitting.pk)).content.decode()
    assert f'value="{keys[0]}"' in body
    answer_all(client, sitting)
    assert sitting.total == 3
    assert Answer.objects.filter(sitting=sitting).count() == 3
    assert sitting.percent == 100


def test_question_read_aloud_has_an_audio_control(world):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    sound = get_document_model().objects.create(
        title="Spørsmålet lest opp", file=ContentFile(b"ID3fake", name="frist.mp3")
    )
    question = world.questions[DEADLINE][0]
    question.audio = sound
    question.save()
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    body = client.get(en("lms:quiz_sitting", pk=sitting.pk)).content.decode()
    assert f'<audio controls preload="none" src="{sound.url}"></audio>' in body


def test_a_question_removed_since_she_started_leaves_her_sitting(world):
    client = as_user(world.amina)
    start(client, world)
    sitting = sitting_of(world.amina, world.quiz)
    removed = sitting.question_keys[0]
    world.quiz.questions.filter(translation_key=removed).delete()
    response = client.get(en("lms:quiz_sitting", pk=sitting.pk))
    assert response.status_code == 302
    sitting.refresh_from_db()
    assert removed not in sitting.question_keys and sitting.total == 3
    body = client.get(en("lms:quiz_sitting", pk=sitting.pk)).content.decode()
    assert f'name="question" value="{sitting.question_keys[0]}"' in body


def test_the_arabic_module_page_offers_the_same_quiz(world, translate):
    client = as_user(world.amina)
    arabic = translate(world.module, "ar", title="الوحدة الأولى")
    body = client.get(arabic.url).content.decode()
    assert f'id="quiz-{world.quiz.translation_key}"' in body
    with translation.override("ar"):
        start_url = reverse("lms:quiz_start")
    response = client.post(
        start_url, {"quiz": str(world.quiz.translation_key), "page": arabic.pk}
    )
    sitting = sitting_of(world.amina, world.quiz)
    with translation.override("ar"):
        assert response["Location"] == reverse(
            "lms:quiz_sitting", kwargs={"pk": sitting.pk}
        )
    assert sitting.module_key == world.module.translation_key
