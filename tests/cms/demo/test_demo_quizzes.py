"""The demo's quizzes: three modules place one each, in Norwegian with an
Arabic translation, in every language copy of the module; the Alna
trainees have sat the language quiz, and one written answer waits for
`supervisor`. Loading the demo twice changes nothing."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.demo import quizzes as demo_quizzes
from courses.models import ModulePage
from lms import permissions
from lms.models import Answer, Choice, Question, Quiz, QuizCategory, Sitting
from tests.conftest import demo_loaded

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06ff]")
MODELS = [Quiz, Question, Choice, QuizCategory, Sitting, Answer, get_image_model()]


def counts():
    result = {model.__name__: model.objects.count() for model in MODELS}
    result["quiz blocks"] = sum(
        1
        for page in ModulePage.objects.all()
        for block in page.body
        if block.block_type == "quiz"
    )
    result["pages"] = Page.objects.count()
    return result


@pytest.fixture(scope="module")
def loaded_once(django_db_setup, django_db_blocker):
    with demo_loaded(django_db_blocker):
        yield counts()


def user(username):
    return get_user_model().objects.get(username=username)


def quiz(slug, language="nb"):
    return Quiz.objects.get(
        translation_key=demo_quizzes.translation_key(slug),
        locale__language_code=language,
    )


@pytest.mark.parametrize("slug", list(demo_quizzes.PLACES))
def test_each_quiz_is_norwegian_with_an_arabic_translation(loaded_once, slug):
    norwegian, arabic = quiz(slug, "nb"), quiz(slug, "ar")

    assert not ARABIC.search(norwegian.title) and ARABIC.search(arabic.title)
    assert norwegian.questions.count() == arabic.questions.count() >= 5
    nb_keys = set(norwegian.questions.values_list("translation_key", flat=True))
    ar_questions = list(arabic.questions.all())
    assert {q.translation_key for q in ar_questions} == nb_keys
    assert all(ARABIC.search(q.text) for q in ar_questions)
    # Every question has a right answer to find.
    for question in norwegian.questions.prefetch_related("choices"):
        if question.kind == "choice":
            assert any(c.correct for c in question.choices.all())
        elif question.kind == "true_false":
            assert question.true_false_answer is not None


@pytest.mark.parametrize(("slug", "module_slug"), list(demo_quizzes.PLACES.items()))
def test_every_language_copy_of_the_module_places_the_quiz(
    loaded_once, slug, module_slug
):
    key = demo_quizzes.translation_key(slug)
    copies = ModulePage.objects.filter(
        slug=module_slug, locale__language_code="nb"
    ).get()
    pages = ModulePage.objects.filter(translation_key=copies.translation_key)

    assert pages.count() >= 3  # nb, ar and the other content languages
    for page in pages:
        blocks = [b for b in page.body if b.block_type == "quiz"]
        assert [b.value.translation_key for b in blocks] == [key], page.locale
        types = [b.block_type for b in page.body]
        assert types.index("quiz") == types.index("reflection_prompt") - 1


def test_the_trainees_have_sat_the_language_quiz(loaded_once):
    key = demo_quizzes.translation_key(demo_quizzes.SAT)
    # The Alna cohort's (the alumna passed it in her earlier cohort too).
    sittings = {
        s.user.username: s
        for s in Sitting.objects.filter(
            quiz_key=key, enrollment__cohort__chapter__name="Alna"
        ).select_related("user")
    }

    assert set(sittings) == set(demo_quizzes.SITTINGS)
    amina = sittings["trainee"]
    assert amina.complete and amina.waiting_for_marking and amina.passed is None
    assert sittings["trainee2"].passed is True and sittings["trainee2"].percent == 100
    assert sittings["trainee4"].passed is True
    assert sittings["trainee7"].passed is False
    assert not sittings["trainee10"].complete  # she left in the middle
    assert sittings["trainee10"].answers.count() == 2


def test_one_written_answer_waits_for_the_supervisor(loaded_once):
    supervisor = user("supervisor")
    waiting = permissions.markable_answers(supervisor).filter(correct__isnull=True)

    assert [a.sitting.user.username for a in waiting] == ["trainee"]
    answer = waiting.get()
    assert "bildebok" in answer.text
    marked = Answer.objects.exclude(marked_by=None)
    assert {a.marked_by.username for a in marked} == {"supervisor"}


def test_loading_the_demo_again_changes_nothing(
    loaded_once, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--insecure-demo-passwords", stdout=io.StringIO())

    assert counts() == loaded_once
