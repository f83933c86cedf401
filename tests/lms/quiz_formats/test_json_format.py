"""Our JSON format: a whole quiz with its translations, checked field by field."""

import copy
import json

import pytest

from lms.quiz_formats import json_format
from lms.quiz_formats.data import (
    ESSAY,
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    CategoryData,
    ChoiceData,
    MediaData,
    QuestionData,
    QuizData,
)


def _quiz() -> QuizData:
    """A quiz using every field, Norwegian with Arabic translations."""
    return QuizData(
        title="Helse i hverdagen",
        language="nb",
        description="Etter modul 3.",
        pass_mark=80,
        pass_message="Bra jobbet!",
        fail_message="Se modulen igjen og prøv en gang til.",
        random_order=True,
        max_questions=2,
        answers_at_end=True,
        single_attempt=True,
        exam_paper=True,
        draft=True,
        translations={
            "ar": {"title": "الصحة في الحياة اليومية", "pass_message": "أحسنت!"}
        },
        categories=[
            CategoryData(("Helse",), description="Om helse"),
            CategoryData(
                ("Helse", "Psykisk helse"),
                translations={"ar": {"name": "الصحة النفسية"}},
            ),
        ],
        questions=[
            QuestionData(
                kind=MULTIPLE_CHOICE,
                name="Fastlege",
                text="<p>Hvem bestiller du time hos?</p>",
                text_format="html",
                explanation="Ring legevakten om natten.",
                category=("Helse",),
                points=2.0,
                shuffle_choices=False,
                translations={"ar": {"text": "<p>عند من تحجزين موعداً؟</p>"}},
                media=[
                    MediaData(
                        name="lege.png",
                        kind="image",
                        content=b"\x89PNG\r\n\x1a\n",
                        reference="@@PLUGINFILE@@/lege.png",
                    )
                ],
                choices=[
                    ChoiceData(
                        "Fastlegen",
                        100.0,
                        True,
                        feedback="Riktig!",
                        translations={
                            "ar": {"text": "طبيب العائلة", "feedback": "صحيح!"}
                        },
                    ),
                    ChoiceData("Sykehuset", 0.0, False),
                ],
            ),
            QuestionData(
                kind=MULTIPLE_CHOICE,
                text="Hva hjelper en sliten mor?",
                category=("Helse", "Psykisk helse"),
                multiple_answers=True,
                choices=[
                    ChoiceData("Å snakke med noen", 50.0, True),
                    ChoiceData("Helsestasjonen", 50.0, True),
                    ChoiceData("Å tie", -100.0, False, feedback="Nei."),
                ],
            ),
            QuestionData(
                kind=TRUE_FALSE,
                text="Helsestasjonen er gratis.",
                choices=[
                    ChoiceData("true", 100.0, True, feedback="Riktig."),
                    ChoiceData("false", 0.0, False, feedback="Jo, den er gratis."),
                ],
            ),
            QuestionData(
                kind=ESSAY,
                text="Skriv om en gang du hjalp en annen mor.",
                text_format="markdown",
                grader_info="Se etter et konkret eksempel.",
                translations={"ar": {"grader_info": "ابحث عن مثال ملموس."}},
            ),
        ],
    )


def test_a_quiz_and_its_translations_survive_export_and_import():
    quiz = _quiz()
    text = json_format.dumps(quiz)

    result = json_format.parse(text)

    assert result.ok, result.messages
    assert result.quiz == quiz
    assert result.questions == quiz.questions
    assert result.categories == quiz.categories
    assert "الصحة في الحياة اليومية" in text  # readable, not \u escapes


def test_export_of_a_parsed_file_gives_the_same_file():
    exported = json_format.export(_quiz())

    again = json_format.export(json_format.parse(json.dumps(exported)).quiz)

    assert again == exported


def test_texts_with_translations_travel_as_language_objects():
    data = json_format.export(_quiz())

    assert data["format"] == "brobygger-quiz"
    assert data["version"] == 1
    assert data["language"] == "nb"
    assert data["title"] == {"nb": "Helse i hverdagen", "ar": "الصحة في الحياة اليومية"}
    assert data["description"] == "Etter modul 3."
    assert data["questions"][0]["choices"][0]["feedback"] == {
        "nb": "Riktig!",
        "ar": "صحيح!",
    }
    assert data["categories"][1]["name"] == {
        "nb": "Psykisk helse",
        "ar": "الصحة النفسية",
    }
    assert data["questions"][0]["media"][0]["content"] == "iVBORw0KGgo="


def _minimal(**changes) -> dict:
    data = {
        "format": "brobygger-quiz",
        "version": 1,
        "language": "nb",
        "title": "Kort quiz",
        "questions": [
            {
                "kind": "multiple_choice",
                "text": "Hva heter hovedstaden i Norge?",
                "choices": [
                    {"text": "Oslo", "correct": True},
                    {"text": "Bergen"},
                ],
            }
        ],
    }
    data.update(changes)
    return data


def test_a_hand_written_file_gets_the_defaults():
    result = json_format.parse(json.dumps(_minimal()))

    assert result.ok, result.messages
    quiz = result.quiz
    assert (quiz.title, quiz.pass_mark, quiz.max_questions, quiz.draft) == (
        "Kort quiz",
        0,
        None,
        False,
    )
    (question,) = quiz.questions
    assert (question.points, question.text_format, question.shuffle_choices) == (
        1.0,
        "plain",
        True,
    )
    assert [(c.text, c.fraction, c.correct) for c in question.choices] == [
        ("Oslo", 100, True),
        ("Bergen", 0, False),
    ]


def test_right_choices_without_weights_share_100_percent():
    data = _minimal()
    data["questions"][0] = {
        "kind": "multiple_choice",
        "text": "Hvilke er byer i Norge?",
        "multiple_answers": True,
        "choices": [
            {"text": "Oslo", "correct": True},
            {"text": "Bergen", "correct": True},
            {"text": "Tromsø", "correct": True},
            {"text": "Stockholm"},
        ],
    }

    result = json_format.parse(json.dumps(data))

    assert result.ok, result.messages
    fractions = [c.fraction for c in result.questions[0].choices]
    assert fractions == [33.33333, 33.33333, 33.33333, 0]


def _problems(data) -> list[str]:
    text = data if isinstance(data, str) else json.dumps(data)
    result = json_format.parse(text)
    assert not result.ok
    return [str(problem) for problem in result.problems]


def _question(**changes) -> dict:
    question = copy.deepcopy(_minimal()["questions"][0])
    question.update(changes)
    return question


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"pass_mark": 120}, "pass_mark: must be between 0 and 100"),
        ({"pass_mark": "80"}, "pass_mark: must be a whole number"),
        ({"pass_mark": True}, "pass_mark: must be a whole number"),
        ({"random_order": "ja"}, "random_order: must be true or false"),
        ({"max_questions": 0}, "max_questions: must be at least 1"),
        (
            {"max_questions": 5},
            "max_questions: asks for 5 questions, but the quiz has 1",
        ),
        ({"title": ""}, "title: must not be empty"),
        (
            {"title": {"ar": "اختبار"}},
            ("title: the text in the source language (nb) is missing"),
        ),
        (
            {"title": {"nb": "Quiz", "arabisk": "x"}},
            ("title.arabisk: 'arabisk' is not a language code"),
        ),
        (
            {"title": 5},
            ("title: must be a text, or an object of language codes and texts"),
        ),
        ({"pass_mak": 80}, "pass_mak: unknown field"),
        ({"questions": []}, "questions: a quiz needs at least one question"),
        (
            {"language": "norsk bokmål"},
            'language: must name the source language, e.g. "nb"',
        ),
        (
            {
                "questions": [
                    _question(),
                    _question(),
                    _question(choices=[{"text": "Oslo"}]),
                ]
            },
            "questions[2].choices: a multiple-choice question needs at least two "
            "choices (found 1)",
        ),
        (
            {"questions": [_question(kind="matching")]},
            "questions[0].kind: must be one of: multiple_choice, true_false, essay",
        ),
        (
            {"questions": [_question(text_format="rtf")]},
            "questions[0].text_format: must be one of: html, markdown, plain, moodle",
        ),
        (
            {"questions": [_question(category=["Helse"])]},
            "questions[0].category: the category 'Helse' is not in categories",
        ),
        (
            {"questions": [_question(points=-1)]},
            "questions[0].points: must be at least 0",
        ),
        (
            {
                "questions": [
                    _question(
                        choices=[
                            {"text": "Oslo", "fraction": 100, "correct": False},
                            {"text": "Bergen"},
                        ]
                    )
                ]
            },
            "questions[0].choices[0].correct: contradicts the fraction: a choice is "
            "correct when its fraction is above 0",
        ),
        (
            {
                "questions": [
                    _question(
                        choices=[
                            {"text": "Oslo", "fraction": 150},
                            {"text": "Bergen"},
                        ]
                    )
                ]
            },
            "questions[0].choices[0].fraction: must be between -100 and 100",
        ),
        (
            {
                "questions": [
                    _question(
                        multiple_answers=True,
                        choices=[
                            {"text": "Oslo", "fraction": 50},
                            {"text": "Bergen", "fraction": 25},
                        ],
                    )
                ]
            },
            "questions[0].choices: the positive weights add up to 75%; they must "
            "add up to 100%",
        ),
        (
            {
                "questions": [
                    _question(
                        kind="true_false",
                        choices=[{"text": "ja", "correct": True}, {"text": "nei"}],
                    )
                ]
            },
            'questions[0].choices: a true/false question has two choices, "true" '
            'and "false", one of them worth 100 and the other 0',
        ),
        (
            {"questions": [_question(kind="essay")]},
            "questions[0].choices: an essay question has no choices",
        ),
        (
            {"questions": [_question(choices=[{"text": "Oslo\u0000"}, {"text": "B"}])]},
            "questions[0].choices[0].text: contains an invisible control character; "
            "remove it and try again",
        ),
        (
            {"categories": [{"path": "Helse/Kosthold"}]},
            "categories[0].path: must be a list of category names",
        ),
        ({"categories": [{"path": []}]}, "categories[0].path: must not be empty"),
        (
            {"categories": [{"path": ["Helse"], "name": "Sunnhet"}]},
            "categories[0].name: the name in the source language must be the last "
            "part of the path (Helse)",
        ),
        (
            {"categories": [{"path": ["Helse"]}, {"path": ["Helse"]}]},
            "categories[1]: this category is listed twice",
        ),
        (
            {
                "questions": [
                    _question(media=[{"name": "a.png", "content": "ikke base64!"}])
                ]
            },
            "questions[0].media[0].content: is not valid base64",
        ),
    ],
)
def test_each_invalid_field_is_reported_with_its_path(changes, expected):
    assert expected in _problems(_minimal(**changes))


def test_a_missing_title_and_missing_questions_are_both_reported():
    data = _minimal()
    del data["title"]
    del data["questions"]

    assert _problems(data) == ["title: is missing", "questions: is missing"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"title": "x"},
            [
                'format: this is not a Brobygger quiz file (it has no "format": '
                '"brobygger-quiz")'
            ],
        ),
        (
            _minimal(version=2),
            [
                "version: the file was made by a newer version of Brobygger (format "
                "version 2); this site reads version 1"
            ],
        ),
        (
            '{"format": "brobygger-quiz",\n  "version": 1,,\n}',
            ["Line 2: the file is not valid JSON (column 16)"],
        ),
    ],
)
def test_a_file_that_is_not_ours_stops_at_the_header(data, expected):
    assert _problems(data) == expected


def test_a_question_with_a_file_over_the_limit_is_skipped_by_name():
    data = _minimal()
    data["questions"].append(
        _question(
            name="Stort kart",
            media=[{"name": "kart.png", "content": "QUFB" * 2000}],
        )
    )

    result = json_format.parse(json.dumps(data), max_media_bytes=1024)

    assert result.ok, result.messages
    assert len(result.questions) == 1
    assert [str(s) for s in result.skipped] == [
        "Question 2, 'Stort kart': the file 'kart.png' is 6 KB, more than the "
        "limit of 1 KB"
    ]
