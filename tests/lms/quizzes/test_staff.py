"""Supervisors and coordinators: their groups' quiz results (scoped,
filterable, a page at a time), the written answers in the review queue, and
marking them, which completes the trainee's score."""

import pytest
from django.utils import translation

from lms import quizzes
from lms.models import Answer, Sitting
from tests.lms.quizzes.conftest import (
    ESSAY,
    answer_all,
    as_user,
    en,
    key_of,
    make_quiz,
    many_questions,
    place,
    sitting_of,
    start,
    text_of,
)

pytestmark = pytest.mark.django_db


def take(w, user, quiz=None, right=True):
    client = as_user(user)
    start(client, w, quiz=quiz)
    return answer_all(client, sitting_of(user, quiz or w.quiz), right=right)


@pytest.fixture
def taken(world):
    """Amina and Hodan took the quiz; so did a trainee of another chapter."""
    world.amina_sitting = take(world, world.amina)
    world.hodan_sitting = take(world, world.hodan, right=False)
    other = world.other_cohort
    other.open_all_material = True  # no sessions planned there
    other.save()
    world.foreign_sitting = take(world, world.other_trainee)
    return world


def results(user, **params):
    with translation.override("en"):
        return as_user(user).get(en("lms:quiz_results"), params)


def sitting_ids(response):
    body = response.content.decode()
    return {int(part.split('"')[0]) for part in body.split('data-sitting="')[1:]}


def test_supervisor_sees_her_cohorts_sittings_only(taken):
    response = results(taken.supervisor)
    assert response.status_code == 200
    assert sitting_ids(response) == {taken.amina_sitting.pk, taken.hodan_sitting.pk}
    assert sitting_ids(results(taken.other_supervisor)) == {taken.foreign_sitting.pk}


def test_coordinators_see_their_chapters_sittings(taken):
    assert sitting_ids(results(taken.coordinator)) == {
        taken.amina_sitting.pk,
        taken.hodan_sitting.pk,
    }
    assert sitting_ids(results(taken.other_coordinator)) == {taken.foreign_sitting.pk}


def test_trainees_and_lecturers_have_no_results_page(taken):
    for user in (taken.amina, taken.lecturer):
        assert results(user).status_code == 403


def test_results_filter_by_quiz_and_trainee(taken):
    other = make_quiz(title="Psykisk helse", questions=many_questions(2))
    place(taken.module, other)
    second = take(taken, taken.amina, quiz=other)
    everything = sitting_ids(results(taken.supervisor))
    assert everything == {taken.amina_sitting.pk, taken.hodan_sitting.pk, second.pk}
    by_quiz = results(taken.supervisor, quiz=str(other.translation_key))
    assert sitting_ids(by_quiz) == {second.pk}
    by_trainee = results(taken.supervisor, trainee=taken.hodan.pk)
    assert sitting_ids(by_trainee) == {taken.hodan_sitting.pk}
    # Someone outside her groups is no filter at all (nothing leaks).
    outside = results(taken.supervisor, trainee=taken.other_trainee.pk)
    assert sitting_ids(outside) == everything
    assert "fremmed" not in outside.content.decode()
    # Both filters are offered with labels.
    body = by_quiz.content.decode()
    assert (
        '<label for="filter-quiz">' in body and '<label for="filter-trainee">' in body
    )
    assert "Psykisk helse" in body


def test_results_come_a_page_at_a_time(world, monkeypatch):
    from lms.ui import quizzes as ui

    monkeypatch.setattr(ui, "RESULTS_PER_PAGE", 2)
    made = [take(world, world.amina) for _ in range(1)]
    world.quiz.exam_paper = True
    world.quiz.save()
    made += [take(world, world.amina) for _ in range(4)]
    first = results(world.supervisor)
    assert len(sitting_ids(first)) == 2
    assert "page=2" in first.content.decode()
    seen = set()
    for number in (1, 2, 3):
        seen |= sitting_ids(results(world.supervisor, page=number))
    assert seen == {s.pk for s in Sitting.objects.filter(user=world.amina)}
    assert len(sitting_ids(results(world.supervisor, page="999"))) >= 1  # last page


def test_supervisor_reads_a_trainees_answers_read_only(taken):
    with translation.override("en"):
        response = as_user(taken.supervisor).get(
            en("lms:quiz_result", pk=taken.amina_sitting.pk)
        )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Answers of" in text_of(response)
    assert 'name="choice"' not in body
    essay = taken.amina_sitting.answers.get(question_key=key_of(taken, ESSAY))
    assert en("lms:quiz_mark", pk=essay.pk) in body


def test_written_answers_wait_in_the_review_queue(taken):
    with translation.override("en"):
        response = as_user(taken.supervisor).get(en("lms:review_queue"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "data-quiz-essays" in body
    assert "Written quiz answers waiting" in body
    for sitting in (taken.amina_sitting, taken.hodan_sitting):
        essay = sitting.answers.get(question_key=key_of(taken, ESSAY))
        assert en("lms:quiz_mark", pk=essay.pk) in body
    foreign = taken.foreign_sitting.answers.get(question_key=key_of(taken, ESSAY))
    assert en("lms:quiz_mark", pk=foreign.pk) not in body


def test_marking_completes_her_score_and_she_sees_it(taken):
    essay = taken.amina_sitting.answers.get(question_key=key_of(taken, ESSAY))
    supervisor = as_user(taken.supervisor)
    with translation.override("en"):
        page = supervisor.get(en("lms:quiz_mark", pk=essay.pk))
    assert page.status_code == 200
    assert "Jeg skriver et brev til NAV" in page.content.decode()
    response = supervisor.post(
        en("lms:quiz_mark", pk=essay.pk),
        {"correct": "1", "feedback": "Helt riktig, og godt forklart."},
    )
    assert response.status_code == 302
    sitting = Sitting.objects.get(pk=taken.amina_sitting.pk)
    assert not sitting.waiting_for_marking
    assert (sitting.score, sitting.percent, sitting.passed) == (4, 100, True)
    essay.refresh_from_db()
    assert essay.marked_by == taken.supervisor and essay.marked_at is not None

    with translation.override("en"):
        mine = as_user(taken.amina).get(en("lms:quiz_result", pk=sitting.pk))
    body = mine.content.decode()
    assert 'data-summary="passed"' in body and 'data-percent="100"' in body
    assert "Helt riktig, og godt forklart." in body
    # It has left the queue.
    with translation.override("en"):
        queue = supervisor.get(en("lms:review_queue")).content.decode()
    assert en("lms:quiz_mark", pk=essay.pk) not in queue


def test_save_and_next_opens_the_next_waiting_answer(taken):
    first = taken.amina_sitting.answers.get(question_key=key_of(taken, ESSAY))
    second = taken.hodan_sitting.answers.get(question_key=key_of(taken, ESSAY))
    response = as_user(taken.supervisor).post(
        en("lms:quiz_mark", pk=first.pk), {"correct": "0", "then": "next"}
    )
    assert response["Location"] == en("lms:quiz_mark", pk=second.pk)


def test_marking_without_a_decision_is_a_clear_error(taken):
    essay = taken.amina_sitting.answers.get(question_key=key_of(taken, ESSAY))
    with translation.override("en"):
        response = as_user(taken.supervisor).post(
            en("lms:quiz_mark", pk=essay.pk), {"feedback": "Tekst jeg skrev."}
        )
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert "Tekst jeg skrev." in response.content.decode()  # nothing lost
    essay.refresh_from_db()
    assert essay.correct is None


def test_only_the_cohorts_supervisors_mark(taken):
    essay = taken.amina_sitting.answers.get(question_key=key_of(taken, ESSAY))
    for user in (
        taken.coordinator,
        taken.other_supervisor,
        taken.lecturer,
        taken.amina,
        taken.hodan,
    ):
        client = as_user(user)
        assert client.get(en("lms:quiz_mark", pk=essay.pk)).status_code == 404, user
        post = client.post(en("lms:quiz_mark", pk=essay.pk), {"correct": "1"})
        assert post.status_code == 404, user
    essay.refresh_from_db()
    assert essay.correct is None


def test_choice_answers_are_not_marked_by_hand(taken):
    chosen = Answer.objects.filter(sitting=taken.amina_sitting).exclude(text="").count()
    assert chosen == 1  # only the essay has text
    choice_answer = Answer.objects.filter(sitting=taken.amina_sitting, text="").first()
    with pytest.raises(quizzes.QuizError):
        quizzes.mark_answer(
            answer=choice_answer, marker=taken.supervisor, correct=False
        )
    response = as_user(taken.supervisor).get(en("lms:quiz_mark", pk=choice_answer.pk))
    assert response.status_code == 404
