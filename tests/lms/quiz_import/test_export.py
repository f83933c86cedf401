"""Export a quiz to our JSON format and import it again: the same quiz in
every language, with its settings, categories, right answers and pictures."""

import base64
import json

import pytest
from wagtail.models import Locale

from lms.models import Quiz
from lms.quiz_formats import json_format, store
from tests.lms.quiz_import.conftest import png_bytes, quiz_json

pytestmark = pytest.mark.django_db


def snapshot(quiz):
    """Everything a trainee or editor sees of one language copy."""
    return {
        "title": quiz.title,
        "description": quiz.description,
        "settings": (
            quiz.pass_mark,
            quiz.random_order,
            quiz.max_questions,
            quiz.answers_at_end,
            quiz.single_attempt,
            quiz.exam_paper,
            quiz.draft,
        ),
        "messages": (quiz.pass_message, quiz.fail_message),
        "questions": [
            (
                q.kind,
                q.text,
                q.explanation,
                q.multiple_answers,
                q.true_false_answer,
                q.category.path() if q.category else [],
                bool(q.image),
                [
                    (c.text, c.correct, c.feedback)
                    for c in q.choices.order_by("sort_order")
                ],
            )
            for q in quiz.questions.order_by("sort_order")
        ],
    }


def every_language(quiz):
    return {
        copy.locale.language_code: snapshot(copy)
        for copy in Quiz.objects.filter(translation_key=quiz.translation_key)
    }


@pytest.fixture
def imported(locales):
    data = quiz_json(max_questions=2)
    data["questions"].insert(
        1,
        {
            "kind": "multiple_choice",
            "text": {"nb": "Hva hjelper barnet å lære?", "ar": "ما الذي يساعد الطفل؟"},
            "multiple_answers": True,
            "category": ["Barn", "Språk"],
            "media": [
                {
                    "name": "bok.png",
                    "kind": "image",
                    "content": base64.b64encode(png_bytes()).decode(),
                }
            ],
            "choices": [
                {"text": {"nb": "Å lese", "ar": "القراءة"}, "correct": True},
                {"text": {"nb": "Å synge", "ar": "الغناء"}, "correct": True},
                {"text": {"nb": "Skjerm hele dagen", "ar": "الشاشة"}, "correct": False},
            ],
        },
    )
    report = store.import_file(json.dumps(data).encode(), "json")
    assert report.ok, report.problems
    return report.quiz


def test_export_then_import_gives_the_same_quiz_in_every_language(imported):
    before = every_language(imported)
    assert set(before) == {"nb", "ar"}

    text = store.dumps(imported)
    again = store.import_file(text.encode("utf-8"), "json")

    assert again.ok, again.problems
    assert again.quiz.translation_key != imported.translation_key  # a new quiz
    assert every_language(again.quiz) == before


def test_the_export_reads_as_our_format_with_arabic_beside_norwegian(imported):
    data = store.export(imported)

    assert data["format"] == "brobygger-quiz" and data["language"] == "nb"
    assert data["title"] == {"nb": "Barns språk", "ar": "لغة الأطفال"}
    several = data["questions"][1]
    assert several["multiple_answers"] is True
    assert [c["fraction"] for c in several["choices"]] == [50.0, 50.0, 0.0]
    assert several["media"][0]["kind"] == "image"
    assert base64.b64decode(several["media"][0]["content"]) == png_bytes()
    assert data["questions"][2]["choices"] == [
        {
            "text": "true",
            "text_format": "plain",
            "fraction": 100.0,
            "correct": True,
            "feedback": "",
            "feedback_format": "plain",
        },
        {
            "text": "false",
            "text_format": "plain",
            "fraction": 0.0,
            "correct": False,
            "feedback": "",
            "feedback_format": "plain",
        },
    ]
    assert {tuple(c["path"]): c.get("name") for c in data["categories"]} == {
        ("Barn",): {"nb": "Barn", "ar": "الأطفال"},
        ("Barn", "Språk"): {"nb": "Språk", "ar": "اللغة"},
    }
    # What we write, our own parser reads without a problem.
    assert json_format.parse(json.dumps(data)).ok


def test_exporting_the_arabic_copy_exports_the_whole_quiz(imported):
    arabic = Quiz.objects.get(
        translation_key=imported.translation_key,
        locale=Locale.objects.get(language_code="ar"),
    )

    assert store.export(arabic) == store.export(imported)


def queries_to_export(quiz):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        store.quiz_data(quiz)
    return len(queries)


def test_export_reads_as_many_queries_for_40_questions_as_for_4(imported):
    data = quiz_json()
    data["questions"] = data["questions"][:1] * 40
    big = store.import_file(json.dumps(data).encode(), "json").quiz

    assert queries_to_export(big) == queries_to_export(imported) <= 8
