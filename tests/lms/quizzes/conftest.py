"""Quizzes for tests: a quiz of every question kind placed in a held
module of a running cohort, trainees, staff, and helpers to take it."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from lms.choices import QuestionKind, StaffRole
from lms.models import Choice, Question, Quiz, QuizCategory, Sitting
from tests import helpers
from tests.factories.lms import (
    ChapterFactory,
    CohortFactory,
    CohortStaffFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.helpers import as_user as as_user

# Words that only appear once she has answered: explanations and feedback.
EXPLAIN_DEADLINE = "FORKLARING-FRIST: fristen er seks uker."
FEEDBACK_RIGHT = "TILBAKEMELDING-RIKTIG"
FEEDBACK_WRONG = "TILBAKEMELDING-FEIL"
EXPLAIN_TRUE = "FORKLARING-SANT: du kan alltid klage."


def choice(text, correct=False, feedback=""):
    return {"text": text, "correct": correct, "feedback": feedback}


def make_quiz(*, title="Klage på et vedtak", questions=None, locale=None, **fields):
    """A quiz in Norwegian (or `locale`) with `questions`, each a dict:
    kind, text, explanation, multiple, true_false, category, choices."""
    quiz = Quiz(
        title=title,
        description="Hva vet du om å klage til NAV?",
        locale=locale or Locale.get_default(),
        **fields,
    )
    for spec in questions if questions is not None else standard_questions():
        question = Question(
            kind=spec.get("kind", QuestionKind.CHOICE),
            text=spec["text"],
            explanation=spec.get("explanation", ""),
            multiple_answers=spec.get("multiple", False),
            true_false_answer=spec.get("true_false"),
            category=spec.get("category"),
        )
        for item in spec.get("choices", []):
            question.choices.add(Choice(**item))
        quiz.questions.add(question)
    quiz.save()
    return quiz


def standard_questions(category=None):
    return [
        {
            "text": "Hvor lang er klagefristen?",
            "explanation": EXPLAIN_DEADLINE,
            "category": category,
            "choices": [
                choice("Seks uker", True, FEEDBACK_RIGHT),
                choice("Én uke", False, FEEDBACK_WRONG),
                choice("Ett år"),
            ],
        },
        {
            "text": "Hvem kan hjelpe deg å klage?",
            "multiple": True,
            "choices": [
                choice("En veileder i NAV", True),
                choice("En rettshjelper", True),
                choice("Ingen"),
            ],
        },
        {
            "kind": QuestionKind.TRUE_FALSE,
            "text": "Du kan klage på et vedtak fra NAV.",
            "true_false": True,
            "explanation": EXPLAIN_TRUE,
        },
        {
            "kind": QuestionKind.ESSAY,
            "text": "Forklar med egne ord hvordan du klager.",
            "explanation": "Skriftlig, innen fristen, med begrunnelse.",
        },
    ]


def many_questions(count, category=None):
    return [
        {
            "text": f"Spørsmål nummer {n}?",
            "explanation": f"Forklaring {n}.",
            "category": category,
            "choices": [choice(f"Rett {n}", True), choice(f"Galt {n}")],
        }
        for n in range(count)
    ]


def questions_of(quiz):
    """{question text: (question, {choice text: choice})} of a quiz copy."""
    return {
        q.text: (q, {c.text: c for c in q.choices.all()}) for q in quiz.questions.all()
    }


def translate_quiz(quiz, language, django_capture_on_commit_callbacks, suffix=None):
    """Translate a quiz through wagtail-localize, as an editor would: every
    string gets `suffix` (default " [<language>]") appended."""
    locale = Locale.objects.get(language_code=language)
    suffix = suffix if suffix is not None else f" [{language}]"
    source, _ = TranslationSource.update_or_create_from_instance(quiz)
    for segment in StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": segment.string.data + suffix},
        )
    translation_, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation_.save_target(publish=True)
    return Quiz.objects.get(translation_key=quiz.translation_key, locale=locale)


def place(module, *quizzes):
    """Put quizzes in a module's lesson and publish it."""
    helpers.place(module, "quiz", *quizzes)


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def nb(name, **kwargs):
    """An address as the Norwegian module page links it."""
    with translation.override("nb"):
        return reverse(name, kwargs=kwargs or None)


def text_of(response):
    """The page's visible text, whitespace collapsed."""
    body = response.content.decode()
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(body))


def start(client, w, quiz=None, module=None):
    quiz = quiz or w.quiz
    module = module or w.module
    return client.post(
        en("lms:quiz_start"), {"quiz": str(quiz.translation_key), "page": module.pk}
    )


def sitting_of(user, quiz):
    return Sitting.objects.filter(user=user, quiz_key=quiz.translation_key).latest("pk")


def post_answer(client, sitting, question_key, **data):
    return client.post(
        en("lms:quiz_answer", pk=sitting.pk), {"question": str(question_key), **data}
    )


def right_answer(w, question):
    """The form data that answers `question` (a source Question) rightly."""
    if question.kind == QuestionKind.TRUE_FALSE:
        return {"true_false": "true" if question.true_false_answer else "false"}
    if question.kind == QuestionKind.ESSAY:
        return {"text": "Jeg skriver et brev til NAV innen seks uker."}
    return {
        "choice": [str(c.translation_key) for c in question.choices.all() if c.correct]
    }


def wrong_answer(w, question):
    if question.kind == QuestionKind.TRUE_FALSE:
        return {"true_false": "false" if question.true_false_answer else "true"}
    if question.kind == QuestionKind.ESSAY:
        return {"text": "Vet ikke."}
    return {
        "choice": [
            str(c.translation_key) for c in question.choices.all() if not c.correct
        ][:1]
    }


def answer_all(client, sitting, *, right=True, w=None):
    """Answer every question of her sitting, in order (right or wrong)."""
    sitting.refresh_from_db()
    by_key = {
        str(q.translation_key): q
        for q in Question.objects.filter(
            translation_key__in=sitting.question_keys,
            locale=Locale.get_default(),
        )
    }
    for key in sitting.question_keys:
        question = by_key[key]
        data = right_answer(w, question) if right else wrong_answer(w, question)
        response = post_answer(client, sitting, key, **data)
        assert response.status_code == 302, response.content.decode()[:2000]
    sitting.refresh_from_db()
    return sitting


@pytest.fixture
def world(cohort_with_sessions, locales):
    """A quiz of four questions (one of each kind, with feedback and
    explanations) placed in module 1 (its session is held), two trainees,
    the cohort's supervisor and coordinator, and another chapter's cohort
    with its own supervisor, coordinator and trainee."""
    w = cohort_with_sessions
    w.module = w.modules[0]
    w.category = QuizCategory.objects.create(name="NAV")
    w.quiz = make_quiz(category=w.category)
    place(w.module, w.quiz)
    w.amina = w.enrollments[0].user
    w.hodan = w.enrollments[1].user
    w.questions = questions_of(w.quiz)
    other_chapter = ChapterFactory()
    w.other_cohort = CohortFactory(course=w.course, chapter=other_chapter)
    w.other_supervisor = CohortStaffFactory(
        cohort=w.other_cohort, role=StaffRole.SUPERVISOR
    ).user
    w.other_coordinator = UserFactory(username="coordinator-elsewhere")
    other_chapter.coordinators.add(w.other_coordinator)
    w.other_trainee = EnrollmentFactory(
        cohort=w.other_cohort, user=UserFactory(username="fremmed")
    ).user
    return w


def question(w, text):
    return w.questions[text][0]


def key_of(w, text):
    return str(question(w, text).translation_key)


def choice_key(w, question_text, choice_text):
    return str(w.questions[question_text][1][choice_text].translation_key)


DEADLINE = "Hvor lang er klagefristen?"
HELPERS = "Hvem kan hjelpe deg å klage?"
TRUE_FALSE = "Du kan klage på et vedtak fra NAV."
ESSAY = "Forklar med egne ord hvordan du klager."
