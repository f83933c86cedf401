"""Pages make a fixed number of queries whatever the size of the pool of
questions (10 or 100) and the number of sittings or written answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from lms import quizzes
from lms.models import Answer, Question, Sitting
from tests.lms.quizzes.conftest import (
    answer_all,
    as_user,
    en,
    make_quiz,
    many_questions,
    place,
    sitting_of,
    start,
)

pytestmark = pytest.mark.django_db


def count(client, url):
    client.get(url)  # warm: sessions, renditions, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def pictured_quiz(world, size, category=None):
    image = get_image_model().objects.create(
        title="Brev", file=get_test_image_file(), description="Et brev fra NAV"
    )
    quiz = make_quiz(
        title=f"Quiz med {size}", questions=many_questions(size, category=category)
    )
    Question.objects.filter(quiz=quiz).update(image=image)
    place(world.module, quiz)
    return quiz


def finished_sitting(world, quiz):
    """Her sitting of every question, answered (in bulk: faster than posts)."""
    sitting, _new = quizzes.start_or_resume(
        user=world.amina,
        enrollment=world.enrollments[0],
        quiz=quiz,
        module_key=world.module.translation_key,
    )
    right = {
        str(q.translation_key): str(q.choices.get(correct=True).translation_key)
        for q in quiz.questions.all()
    }
    Answer.objects.bulk_create(
        Answer(
            sitting=sitting, question_key=key, choice_keys=[right[key]], correct=True
        )
        for key in sitting.question_keys
    )
    return quizzes.finish(sitting=sitting)


# Not "page": that name is pytest-playwright's browser-page fixture, and
# borrowing it pulled this test (and the browser tests with it) forward.
@pytest.mark.parametrize("which", ["question", "result"])
def test_question_and_result_pages_do_not_grow_with_the_pool(world, which):
    counts = []
    for size in (10, 100):
        quiz = pictured_quiz(world, size, category=world.category)
        client = as_user(world.amina)
        if which == "question":
            start(client, world, quiz=quiz)
            sitting = sitting_of(world.amina, quiz)
            # A few answered, so the page reads her progress too.
            answer_keys = sitting.question_keys[:3]
            Answer.objects.bulk_create(
                Answer(sitting=sitting, question_key=k, correct=False)
                for k in answer_keys
            )
            url = en("lms:quiz_sitting", pk=sitting.pk)
        else:
            sitting = finished_sitting(world, quiz)
            assert sitting.total == size and sitting.percent == 100
            url = en("lms:quiz_result", pk=sitting.pk)
        with translation.override("en"):
            counts.append(count(client, url))
        body = client.get(url).content.decode()
        assert 'alt="Et brev fra NAV"' in body  # the picture, with its alt text
        if which == "result":
            assert body.count('class="quiz-result ') == size
    assert counts[0] == counts[1], counts


def test_answering_does_not_grow_with_the_pool(world):
    counts = []
    for size in (10, 100):
        quiz = make_quiz(title=f"Q{size}", questions=many_questions(size))
        place(world.module, quiz)
        client = as_user(world.amina)
        start(client, world, quiz=quiz)
        sitting = sitting_of(world.amina, quiz)
        key = sitting.question_keys[0]
        choice = Question.objects.get(quiz=quiz, translation_key=key).choices.first()
        with CaptureQueriesContext(connection) as queries:
            client.post(
                en("lms:quiz_answer", pk=sitting.pk),
                {"question": key, "choice": str(choice.translation_key)},
            )
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def many_sittings(world, n):
    """`n` finished sittings for each trainee (an exam paper keeps them)."""
    world.quiz.exam_paper = True
    world.quiz.save()
    made = []
    for _ in range(n):
        for enrollment in world.enrollments:
            client = as_user(enrollment.user)
            start(client, world)
            made.append(answer_all(client, sitting_of(enrollment.user, world.quiz)))
    return made


def test_staff_pages_and_her_progress_do_not_grow_with_sittings(world):
    counts = {"progress": [], "results": [], "queue": [], "module": []}
    done = 0
    for n in (2, 8):
        many_sittings(world, n - done)
        done = n
        assert Sitting.objects.filter(user=world.amina).count() == n
        with translation.override("en"):
            counts["progress"].append(
                count(as_user(world.amina), en("lms:quiz_progress"))
            )
            counts["results"].append(
                count(as_user(world.supervisor), en("lms:quiz_results"))
            )
            counts["queue"].append(
                count(as_user(world.supervisor), en("lms:review_queue"))
            )
        counts["module"].append(count(as_user(world.amina), world.module.url))
    for page, numbers in counts.items():
        assert numbers[0] == numbers[1], (page, numbers)


def test_best_results_is_one_query_for_many_quizzes_and_sittings(world):
    many_sittings(world, 3)
    keys = [world.quiz.translation_key] + [make_quiz(questions=[]).translation_key]
    with CaptureQueriesContext(connection) as queries:
        found = quizzes.best_results(world.amina, keys)
    assert len(queries) == 1
    assert list(found) == [world.quiz.translation_key]
