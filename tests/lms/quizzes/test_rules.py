"""The rules that must hold: who takes a quiz, one attempt against replays,
answers only to her own questions with the question's own choices, nothing
after the sitting is finished, nobody reads another trainee's sitting. Bad
input gets a clear message and loses nothing."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from lms import quizzes
from lms.choices import EnrollmentStatus
from lms.models import Answer, Sitting
from tests.factories.lms import CohortFactory, EnrollmentFactory, UserFactory
from tests.lms.quizzes.conftest import (
    DEADLINE,
    ESSAY,
    HELPERS,
    TRUE_FALSE,
    answer_all,
    as_user,
    choice_key,
    en,
    key_of,
    make_quiz,
    many_questions,
    place,
    post_answer,
    sitting_of,
    start,
    text_of,
)

pytestmark = pytest.mark.django_db


def begin(w, user=None):
    client = as_user(user or w.amina)
    start(client, w)
    return client, sitting_of(user or w.amina, w.quiz)


# --- who may take it ----------------------------------------------------------


def test_trainee_of_another_cohort_of_another_course_cannot_start(world, build_course):
    other_course, _modules = build_course(modules=1)
    stranger = EnrollmentFactory(cohort=CohortFactory(course=other_course)).user
    response = start(as_user(stranger), world)
    assert response.status_code == 403
    assert not Sitting.objects.filter(user=stranger).exists()


def test_withdrawn_trainee_cannot_start(world):
    world.enrollments[0].status = EnrollmentStatus.WITHDRAWN
    world.enrollments[0].save()
    assert start(as_user(world.amina), world).status_code == 403
    assert not Sitting.objects.filter(user=world.amina).exists()


def test_staff_cannot_start(world):
    for user in (world.supervisor, world.coordinator, world.lecturer):
        assert start(as_user(user), world).status_code == 403
    assert not Sitting.objects.exists()


def test_signed_out_start_goes_to_sign_in(client, world):
    response = start(client, world)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not Sitting.objects.exists()


def test_draft_quiz_is_hidden_and_cannot_be_started(world):
    world.quiz.draft = True
    world.quiz.save()
    client = as_user(world.amina)
    body = client.get(world.module.url).content.decode()
    assert "Klage på et vedtak" not in body
    assert start(client, world).status_code == 403
    assert not Sitting.objects.exists()


def test_quiz_not_placed_in_that_module_is_not_found(world):
    elsewhere = make_quiz(title="Ikke her", questions=many_questions(2))
    response = start(as_user(world.amina), world, quiz=elsewhere)
    assert response.status_code == 404
    # Placed in another module: not through this one either.
    place(world.modules[1], elsewhere)
    assert start(as_user(world.amina), world, quiz=elsewhere).status_code == 404
    assert not Sitting.objects.exists()


def test_module_not_yet_open_refuses_a_start(world):
    later = world.modules[3]  # its session is next week
    place(later, world.quiz)
    response = start(as_user(world.amina), world, module=later)
    assert response.status_code == 403
    assert not Sitting.objects.exists()


def test_unreadable_start_form_is_a_clear_400(world):
    response = as_user(world.amina).post(
        en("lms:quiz_start"), {"quiz": "not-a-key", "page": "x"}
    )
    assert response.status_code == 400
    assert not Sitting.objects.exists()


# --- one attempt ----------------------------------------------------------------


def test_one_attempt_quiz_refuses_a_second_sitting_even_replayed(world):
    world.quiz.single_attempt = True
    world.quiz.save()
    client, sitting = begin(world)
    answer_all(client, sitting)
    for _ in range(3):  # the start request replayed
        response = start(client, world)
        assert response.status_code == 302
        assert response["Location"] == en("lms:quiz_result", pk=sitting.pk)
    assert Sitting.objects.filter(user=world.amina).count() == 1
    with translation.override("en"):
        follow = client.get(response["Location"])
    assert "It can be taken only once" in text_of(follow)
    with pytest.raises(quizzes.AlreadyTaken):
        quizzes.start_or_resume(
            user=world.amina,
            enrollment=world.enrollments[0],
            quiz=world.quiz,
            module_key=world.module.translation_key,
        )


def test_the_database_allows_one_open_sitting_per_quiz(world):
    _client, sitting = begin(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Sitting.objects.create(
            user=world.amina, quiz_key=sitting.quiz_key, question_keys=["x"]
        )


def test_a_replayed_start_resumes_the_open_sitting(world):
    client, sitting = begin(world)
    for _ in range(3):
        assert start(client, world)["Location"] == en("lms:quiz_sitting", pk=sitting.pk)
    assert Sitting.objects.filter(user=world.amina).count() == 1


# --- answers ------------------------------------------------------------------------


def test_tampered_choice_id_gets_a_message_and_saves_nothing(world):
    client, sitting = begin(world)
    # A choice of another question, and a key that is no choice at all.
    for tampered in (
        choice_key(world, HELPERS, "Ingen"),
        "00000000-0000-0000-0000-000000000000",
        "<script>",
    ):
        with translation.override("en"):
            response = post_answer(
                client, sitting, key_of(world, DEADLINE), choice=[tampered]
            )
        assert response.status_code == 400
        body = response.content.decode()
        assert 'class="error-summary"' in body
        assert 'href="#answer-field"' in body and 'id="answer-field"' in body
        assert "not one of this question" in text_of(response)
    assert not Answer.objects.exists()


def test_nothing_chosen_asks_her_to_choose_and_keeps_her_essay_text(world):
    client, sitting = begin(world)
    with translation.override("en"):
        response = post_answer(client, sitting, key_of(world, DEADLINE))
    assert response.status_code == 400
    assert "Choose an answer." in text_of(response)
    with translation.override("en"):
        response = post_answer(
            client, sitting, key_of(world, TRUE_FALSE), true_false="maybe"
        )
    assert response.status_code == 400
    assert "Choose true or false." in text_of(response)
    # A written answer that is too long comes back in the form, not lost.
    long = "ord " * 3000
    response = post_answer(client, sitting, key_of(world, ESSAY), text=long)
    assert response.status_code == 400
    assert long.strip() in response.content.decode()
    assert not Answer.objects.exists()


def test_single_answer_question_takes_one_choice_only(world):
    client, sitting = begin(world)
    response = post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[
            choice_key(world, DEADLINE, "Seks uker"),
            choice_key(world, DEADLINE, "Én uke"),
        ],
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_question_not_in_her_sitting_is_refused(world):
    quiz = make_quiz(title="Stor", questions=many_questions(6), max_questions=2)
    place(world.module, quiz)
    client = as_user(world.amina)
    start(client, world, quiz=quiz)
    sitting = sitting_of(world.amina, quiz)
    outside = next(
        q
        for q in quiz.questions.all()
        if str(q.translation_key) not in sitting.question_keys
    )
    right = outside.choices.get(correct=True)
    for key in (outside.translation_key, key_of(world, DEADLINE), "garbage"):
        response = post_answer(
            client, sitting, key, choice=[str(right.translation_key)]
        )
        assert response.status_code == 302
        assert response["Location"] == en("lms:quiz_sitting", pk=sitting.pk)
    assert not Answer.objects.exists()
    with translation.override("en"):
        shown = client.get(response["Location"])
    assert "not part of your quiz" in text_of(shown)


def test_the_same_answer_twice_is_one_answer(world):
    client, sitting = begin(world)
    data = {"choice": [choice_key(world, DEADLINE, "Seks uker")]}
    first = post_answer(client, sitting, key_of(world, DEADLINE), **data)
    second = post_answer(client, sitting, key_of(world, DEADLINE), **data)
    assert first["Location"] == second["Location"]
    assert Answer.objects.count() == 1
    sitting.refresh_from_db()
    assert sitting.score == 1


def test_a_different_second_answer_does_not_change_the_first(world):
    client, sitting = begin(world)
    post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Én uke")],
    )
    response = post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Seks uker")],
    )
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert answer.correct is False
    assert answer.choice_keys == [choice_key(world, DEADLINE, "Én uke")]


def test_no_answer_after_the_sitting_is_complete(world):
    client, sitting = begin(world)
    answer_all(client, sitting, right=False)
    before = list(Answer.objects.values_list("pk", "correct", "choice_keys"))
    score = sitting.score
    response = post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Seks uker")],
    )
    assert response.status_code == 302
    assert response["Location"] in (
        en("lms:quiz_result", pk=sitting.pk),
        en("lms:quiz_answered", pk=sitting.pk, question=key_of(world, DEADLINE)),
    )
    assert list(Answer.objects.values_list("pk", "correct", "choice_keys")) == before
    sitting.refresh_from_db()
    assert sitting.score == score
    # Directly in the engine: refused with its own message.
    question = quizzes.questions_of(
        quizzes.read_quiz(world.quiz.translation_key, "nb"), [key_of(world, ESSAY)]
    )[key_of(world, ESSAY)]
    Answer.objects.filter(question_key=key_of(world, ESSAY)).delete()
    with pytest.raises(quizzes.SittingComplete):
        quizzes.answer_question(
            sitting=sitting,
            user=world.amina,
            question=question,
            question_key=key_of(world, ESSAY),
            text="Nå svarer jeg.",
        )


# --- her sittings are hers ------------------------------------------------------------


def test_another_trainee_cannot_read_or_answer_her_sitting(world):
    client, sitting = begin(world)
    post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Seks uker")],
    )
    hodan = as_user(world.hodan)
    for name, kwargs in (
        ("lms:quiz_sitting", {"pk": sitting.pk}),
        ("lms:quiz_result", {"pk": sitting.pk}),
        ("lms:quiz_answered", {"pk": sitting.pk, "question": key_of(world, DEADLINE)}),
    ):
        assert hodan.get(en(name, **kwargs)).status_code == 404, name
    response = post_answer(
        hodan,
        sitting,
        key_of(world, HELPERS),
        choice=[choice_key(world, HELPERS, "Ingen")],
    )
    assert response.status_code == 404
    assert Answer.objects.count() == 1


def test_a_trainee_who_left_keeps_her_result_but_cannot_go_on(world):
    client, sitting = begin(world)
    world.enrollments[0].status = EnrollmentStatus.WITHDRAWN
    world.enrollments[0].save()
    response = post_answer(
        client,
        sitting,
        key_of(world, DEADLINE),
        choice=[choice_key(world, DEADLINE, "Seks uker")],
    )
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_lecturer_and_another_chapter_see_no_sitting(world):
    client, sitting = begin(world)
    answer_all(client, sitting)
    for user in (world.lecturer, world.other_supervisor, world.other_coordinator):
        assert (
            as_user(user).get(en("lms:quiz_result", pk=sitting.pk)).status_code == 404
        )
    stranger = UserFactory(username="nobody")
    assert (
        as_user(stranger).get(en("lms:quiz_result", pk=sitting.pk)).status_code == 404
    )
