"""Our own JSON format, for sharing a whole quiz between chapters.

A file looks like this (every field of :class:`QuizData`; fields left out
take the defaults shown by :func:`export`)::

    {
      "format": "brobygger-quiz",
      "version": 1,
      "language": "nb",
      "title": {"nb": "Helse i hverdagen", "ar": "الصحة في الحياة اليومية"},
      "description": "", "pass_mark": 80,
      "pass_message": "Bra!", "fail_message": "Prøv igjen.",
      "random_order": true, "max_questions": null, "answers_at_end": false,
      "single_attempt": false, "exam_paper": false, "draft": false,
      "categories": [
        {"path": ["Helse", "Psykisk helse"], "name": {"nb": "Psykisk helse",
         "ar": "الصحة النفسية"}, "description": ""}
      ],
      "questions": [
        {"kind": "multiple_choice", "name": "", "text": "...",
         "text_format": "plain", "explanation": "", "explanation_format": "plain",
         "category": ["Helse", "Psykisk helse"], "points": 1.0,
         "multiple_answers": false, "shuffle_choices": true, "grader_info": "",
         "media": [],
         "choices": [{"text": "...", "text_format": "plain", "fraction": 100,
                      "correct": true, "feedback": "", "feedback_format": "plain"}]}
      ]
    }

Every text is either a string (source language only) or an object of
language code to text; the source language (``language`` in the header)
must be in it. So a quiz's Norwegian source and its translations travel
together. Categories are named by their source-language path; a category's
translated name is its ``name`` (whose source text is the path's last part).
A true/false question has the choices ``"true"`` and ``"false"``. A choice
may give ``fraction`` (percent, as in Moodle), ``correct``, or both (they
must agree); with only ``correct``, the right choices share 100%.
Media files are base64 in ``content`` (or null when only referenced).

:func:`parse` reports every missing or invalid field with its JSON path
(``questions[2].choices``, indexes from 0). ``export(parse(x).quiz)`` gives
``x`` back for any file :func:`export` wrote.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from django.utils.translation import gettext as _

from .data import (
    ESSAY,
    FALSE,
    MEDIA_KINDS,
    MULTIPLE_CHOICE,
    QUESTION_KINDS,
    TEXT_FORMATS,
    TRUE,
    TRUE_FALSE,
    CategoryData,
    ChoiceData,
    ImportResult,
    MediaData,
    Problem,
    QuestionData,
    QuizData,
    SkippedItem,
    find_control_character,
    format_size,
    media_kind,
    short_label,
    weight_problem,
)

FORMAT = "json"
FORMAT_NAME = "brobygger-quiz"
VERSION = 1
MAX_MEDIA_BYTES = 1024 * 1024

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.IGNORECASE)
_QUIZ_TEXTS = ("title", "description", "pass_message", "fail_message")
_QUIZ_FIELDS = {
    "format",
    "version",
    "language",
    *_QUIZ_TEXTS,
    "pass_mark",
    "random_order",
    "max_questions",
    "answers_at_end",
    "single_attempt",
    "exam_paper",
    "draft",
    "categories",
    "questions",
}
_CATEGORY_FIELDS = {"path", "name", "description"}
_QUESTION_FIELDS = {
    "kind",
    "name",
    "text",
    "text_format",
    "explanation",
    "explanation_format",
    "category",
    "points",
    "multiple_answers",
    "shuffle_choices",
    "grader_info",
    "media",
    "choices",
}
_CHOICE_FIELDS = {
    "text",
    "text_format",
    "fraction",
    "correct",
    "feedback",
    "feedback_format",
}
_MEDIA_FIELDS = {"name", "kind", "reference", "used_in", "content"}


# Export --------------------------------------------------------------------


def _text_out(value: str, owner, name: str, language: str):
    translated = {
        code: fields[name]
        for code, fields in owner.translations.items()
        if name in fields and code != language
    }
    return {language: value, **translated} if translated else value


def export(quiz: QuizData) -> dict:
    """The quiz as a JSON-ready dict in our format (see the module docstring)."""
    lang = quiz.language
    data = {"format": FORMAT_NAME, "version": VERSION, "language": lang}
    for name in _QUIZ_TEXTS:
        data[name] = _text_out(getattr(quiz, name), quiz, name, lang)
    data.update(
        pass_mark=quiz.pass_mark,
        random_order=quiz.random_order,
        max_questions=quiz.max_questions,
        answers_at_end=quiz.answers_at_end,
        single_attempt=quiz.single_attempt,
        exam_paper=quiz.exam_paper,
        draft=quiz.draft,
    )
    categories = []
    for category in quiz.categories:
        item = {"path": list(category.path)}
        if any("name" in fields for fields in category.translations.values()):
            item["name"] = _text_out(category.name, category, "name", lang)
        item["description"] = _text_out(
            category.description, category, "description", lang
        )
        categories.append(item)
    data["categories"] = categories
    data["questions"] = [_question_out(q, lang) for q in quiz.questions]
    return data


def _question_out(question: QuestionData, lang: str) -> dict:
    return {
        "kind": question.kind,
        "name": question.name,
        "text": _text_out(question.text, question, "text", lang),
        "text_format": question.text_format,
        "explanation": _text_out(question.explanation, question, "explanation", lang),
        "explanation_format": question.explanation_format,
        "category": list(question.category),
        "points": question.points,
        "multiple_answers": question.multiple_answers,
        "shuffle_choices": question.shuffle_choices,
        "grader_info": _text_out(question.grader_info, question, "grader_info", lang),
        "media": [
            {
                "name": media.name,
                "kind": media.kind,
                "reference": media.reference,
                "used_in": media.used_in,
                "content": None
                if media.content is None
                else base64.b64encode(media.content).decode("ascii"),
            }
            for media in question.media
        ],
        "choices": [
            {
                "text": _text_out(choice.text, choice, "text", lang),
                "text_format": choice.text_format,
                "fraction": choice.fraction,
                "correct": choice.correct,
                "feedback": _text_out(choice.feedback, choice, "feedback", lang),
                "feedback_format": choice.feedback_format,
            }
            for choice in question.choices
        ],
    }


def dumps(quiz: QuizData) -> str:
    """:func:`export` as JSON text (UTF-8 friendly: Arabic stays readable)."""
    return json.dumps(export(quiz), ensure_ascii=False, indent=2) + "\n"


# Parse ---------------------------------------------------------------------


def parse(text: str, *, max_media_bytes: int = MAX_MEDIA_BYTES) -> ImportResult:
    """Read our JSON format into a QuizData, checking every field.

    Each missing or invalid field is a problem with its JSON path; the
    weights of a multiple-choice question follow Moodle's rules
    (``weight_problem``). A question whose file is over ``max_media_bytes``
    is skipped, as in Moodle XML.
    """
    result = ImportResult(format=FORMAT)
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as error:
        result.problems.append(
            Problem(
                _("the file is not valid JSON (column %(column)s)")
                % {"column": error.colno},
                line=error.lineno,
            )
        )
        return result
    reader = _Reader(result, max_media_bytes)
    quiz = reader.quiz(data)
    if quiz is not None:
        result.quiz = quiz
        result.questions = quiz.questions
        result.categories = quiz.categories
    return result.finish()


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


_MISSING = object()


class _Reader:
    def __init__(self, result: ImportResult, max_media_bytes: int) -> None:
        self.result = result
        self.max_media_bytes = max_media_bytes
        self.language = "nb"

    def problem(self, path: str, message: str) -> None:
        self.result.problems.append(Problem(message, where=path or _("the file")))

    def object(self, value, path: str, allowed: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, _("must be an object ({…})"))
            return None
        for key in value:
            if key not in allowed:
                self.problem(_at(path, key), _("unknown field"))
        return value

    # Values ----------------------------------------------------------------

    def string(self, data: dict, key: str, path: str, default: str = "") -> str:
        value = data.get(key, default)
        if not isinstance(value, str):
            self.problem(_at(path, key), _("must be a text"))
            return default
        return self.clean(value, _at(path, key))

    def clean(self, value: str, path: str) -> str:
        if find_control_character(value):
            self.problem(
                path,
                _("contains an invisible control character; remove it and try again"),
            )
        return value

    def text(self, data: dict, key: str, path: str, owner, required=False) -> str:
        """A translatable text: a string, or {language: string}."""
        where = _at(path, key)
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.problem(where, _("is missing"))
            return ""
        if isinstance(value, dict):
            source = value.get(self.language, _MISSING)
            for code, translated in value.items():
                if not _LANGUAGE.match(code):
                    self.problem(
                        _at(where, code),
                        _("'%(code)s' is not a language code") % {"code": code},
                    )
                elif not isinstance(translated, str):
                    self.problem(_at(where, code), _("must be a text"))
                elif code != self.language:
                    translated = self.clean(translated, _at(where, code))
                    owner.translations.setdefault(code, {})[key] = translated
            if source is _MISSING:
                self.problem(
                    where,
                    _("the text in the source language (%(language)s) is missing")
                    % {"language": self.language},
                )
                return ""
            value = source
        if not isinstance(value, str):
            self.problem(
                where, _("must be a text, or an object of language codes and texts")
            )
            return ""
        value = self.clean(value, where)
        if required and not value.strip():
            self.problem(where, _("must not be empty"))
        return value

    def boolean(self, data: dict, key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(_at(path, key), _("must be true or false"))
            return default
        return value

    def number(self, data, key, path, default, low=None, high=None, whole=False):
        value = data.get(key, default)
        if value is None and default is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(
                _at(path, key),
                _("must be a whole number") if whole else _("must be a number"),
            )
            return default
        if whole and value != int(value):
            self.problem(_at(path, key), _("must be a whole number"))
            return default
        if (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                message = _("must be at least %(low)s") % {"low": low}
            else:
                message = _("must be between %(low)s and %(high)s") % {
                    "low": low,
                    "high": high,
                }
            self.problem(_at(path, key), message)
            return default
        return int(value) if whole else float(value)

    def text_format(self, data: dict, key: str, path: str) -> str:
        value = data.get(key, "plain")
        if value not in TEXT_FORMATS:
            self.problem(
                _at(path, key),
                _("must be one of: %(formats)s") % {"formats": ", ".join(TEXT_FORMATS)},
            )
            return "plain"
        return value

    def array(self, data: dict, key: str, path: str, required=False) -> list:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.problem(_at(path, key), _("is missing"))
            return []
        if not isinstance(value, list):
            self.problem(_at(path, key), _("must be a list ([…])"))
            return []
        return value

    def path(self, value, where: str) -> tuple[str, ...] | None:
        if not isinstance(value, list) or not all(
            isinstance(part, str) and part.strip() for part in value
        ):
            self.problem(where, _("must be a list of category names"))
            return None
        return tuple(self.clean(part, where) for part in value)

    # The quiz --------------------------------------------------------------

    def quiz(self, data) -> QuizData | None:
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            self.problem(
                "format",
                _('this is not a Brobygger quiz file (it has no "format": "%(name)s")')
                % {"name": FORMAT_NAME},
            )
            return None
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.problem("version", _("must be a whole number from 1"))
            return None
        if version > VERSION:
            self.problem(
                "version",
                _(
                    "the file was made by a newer version of Brobygger (format "
                    "version %(version)s); this site reads version %(supported)s"
                )
                % {"version": version, "supported": VERSION},
            )
            return None
        self.object(data, "", _QUIZ_FIELDS)
        language = data.get("language")
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            self.problem("language", _('must name the source language, e.g. "nb"'))
        else:
            self.language = language
        quiz = QuizData(title="", language=self.language)
        quiz.title = self.text(data, "title", "", quiz, required=True)
        for name in _QUIZ_TEXTS[1:]:
            setattr(quiz, name, self.text(data, name, "", quiz))
        quiz.pass_mark = self.number(data, "pass_mark", "", 0, 0, 100, whole=True)
        for name in (
            "random_order",
            "answers_at_end",
            "single_attempt",
            "exam_paper",
            "draft",
        ):
            setattr(quiz, name, self.boolean(data, name, "", False))
        quiz.max_questions = self.number(data, "max_questions", "", None, 1, whole=True)
        for index, item in enumerate(self.array(data, "categories", "")):
            category = self.category(item, _at("categories", index))
            if category is None:
                continue
            if any(c.path == category.path for c in quiz.categories):
                self.problem(
                    _at("categories", index), _("this category is listed twice")
                )
            quiz.categories.append(category)
        known = {category.path for category in quiz.categories}
        questions = self.array(data, "questions", "", required=True)
        if "questions" in data and isinstance(questions, list) and not questions:
            self.problem("questions", _("a quiz needs at least one question"))
        for index, item in enumerate(questions):
            question = self.question(item, _at("questions", index), known, index)
            if question is not None:
                quiz.questions.append(question)
        if (
            quiz.max_questions is not None
            and questions
            and quiz.max_questions > len(questions)
        ):
            self.problem(
                "max_questions",
                _("asks for %(count)s questions, but the quiz has %(total)s")
                % {"count": quiz.max_questions, "total": len(questions)},
            )
        return quiz

    def category(self, item, where: str) -> CategoryData | None:
        data = self.object(item, where, _CATEGORY_FIELDS)
        if data is None:
            return None
        if "path" not in data:
            self.problem(_at(where, "path"), _("is missing"))
            return None
        path = self.path(data["path"], _at(where, "path"))
        if not path:
            if path is not None:
                self.problem(_at(where, "path"), _("must not be empty"))
            return None
        category = CategoryData(path=path)
        if "name" in data:
            name = self.text(data, "name", where, category)
            if name != path[-1]:
                self.problem(
                    _at(where, "name"),
                    _(
                        "the name in the source language must be the last part of "
                        "the path (%(name)s)"
                    )
                    % {"name": path[-1]},
                )
        category.description = self.text(data, "description", where, category)
        return category

    def question(self, item, where: str, known: set, index: int):
        data = self.object(item, where, _QUESTION_FIELDS)
        if data is None:
            return None
        kind = data.get("kind")
        if kind not in QUESTION_KINDS:
            self.problem(
                _at(where, "kind"),
                _("must be one of: %(kinds)s") % {"kinds": ", ".join(QUESTION_KINDS)},
            )
            return None
        question = QuestionData(kind=kind, text="")
        question.name = self.string(data, "name", where)
        question.text = self.text(data, "text", where, question, required=True)
        question.text_format = self.text_format(data, "text_format", where)
        question.explanation = self.text(data, "explanation", where, question)
        question.explanation_format = self.text_format(
            data, "explanation_format", where
        )
        if "category" in data:
            path = self.path(data["category"], _at(where, "category"))
            if path and path not in known:
                self.problem(
                    _at(where, "category"),
                    _("the category '%(category)s' is not in categories")
                    % {"category": " / ".join(path)},
                )
            question.category = path or ()
        question.points = self.number(data, "points", where, 1.0, 0)
        question.multiple_answers = self.boolean(data, "multiple_answers", where, False)
        question.shuffle_choices = self.boolean(data, "shuffle_choices", where, True)
        question.grader_info = self.text(data, "grader_info", where, question)
        too_large = None
        for number, media in enumerate(self.array(data, "media", where)):
            read = self.media(media, _at(_at(where, "media"), number))
            if isinstance(read, tuple):
                too_large = read
            elif read is not None:
                question.media.append(read)
        choices_at = _at(where, "choices")
        items = self.array(data, "choices", where, required=kind != ESSAY)
        read = [
            self.choice(choice, _at(choices_at, number))
            for number, choice in enumerate(items)
        ]
        if None in read:
            return None
        question.choices = [choice for choice, _given in read]
        unweighted = [choice for choice, given in read if not given]
        self.check_choices(question, choices_at, unweighted)
        if too_large is not None:
            name, size = too_large
            self.result.skipped.append(
                SkippedItem(
                    index + 1,
                    question.name or short_label(question.text),
                    _(
                        "the file '%(file)s' is %(size)s, more than the limit of "
                        "%(limit)s"
                    )
                    % {
                        "file": name,
                        "size": format_size(size),
                        "limit": format_size(self.max_media_bytes),
                    },
                    kind=kind,
                )
            )
            return None
        return question

    def choice(self, item, where: str) -> tuple[ChoiceData, bool] | None:
        """A choice, and whether it gave its fraction."""
        data = self.object(item, where, _CHOICE_FIELDS)
        if data is None:
            return None
        choice = ChoiceData(text="")
        choice.text = self.text(data, "text", where, choice, required=True)
        choice.text_format = self.text_format(data, "text_format", where)
        choice.feedback = self.text(data, "feedback", where, choice)
        choice.feedback_format = self.text_format(data, "feedback_format", where)
        fraction = self.number(data, "fraction", where, None, -100, 100)
        if "correct" in data:
            correct = self.boolean(data, "correct", where, False)
            if fraction is not None and correct != (fraction > 0):
                self.problem(
                    _at(where, "correct"),
                    _(
                        "contradicts the fraction: a choice is correct when its "
                        "fraction is above 0"
                    ),
                )
        else:
            correct = fraction is not None and fraction > 0
        choice.correct = correct
        choice.fraction = fraction if fraction is not None else 0.0
        return choice, fraction is not None

    def check_choices(
        self, question: QuestionData, where: str, unweighted: list[ChoiceData]
    ) -> None:
        """Give choices without a fraction theirs (the right ones share 100%),
        then check the choices as the kind needs."""
        choices = question.choices
        right = [choice for choice in unweighted if choice.correct]
        share = 100.0
        if question.multiple_answers and right:
            share = round(100.0 / len(right), 5)
        for choice in right:
            choice.fraction = share
        if question.kind == ESSAY:
            if choices:
                self.problem(where, _("an essay question has no choices"))
        elif question.kind == TRUE_FALSE:
            texts = sorted(choice.text for choice in choices)
            fractions = sorted(choice.fraction for choice in choices)
            if texts != [FALSE, TRUE] or fractions != [0, 100]:
                self.problem(
                    where,
                    _(
                        'a true/false question has two choices, "true" and '
                        '"false", one of them worth 100 and the other 0'
                    ),
                )
                return
            choices.sort(key=lambda choice: choice.text != TRUE)
        elif question.kind == MULTIPLE_CHOICE:
            reason = weight_problem(choices, question.multiple_answers)
            if reason:
                self.problem(where, reason)

    def media(self, item, where: str):
        data = self.object(item, where, _MEDIA_FIELDS)
        if data is None:
            return None
        name = self.string(data, "name", where)
        if not name.strip():
            self.problem(_at(where, "name"), _("is missing"))
            return None
        kind = data.get("kind", media_kind(name))
        if kind not in MEDIA_KINDS:
            self.problem(
                _at(where, "kind"),
                _("must be one of: %(kinds)s") % {"kinds": ", ".join(MEDIA_KINDS)},
            )
            return None
        media = MediaData(
            name=name,
            kind=kind,
            reference=self.string(data, "reference", where),
            used_in=self.string(data, "used_in", where, "text"),
        )
        content = data.get("content")
        if content is not None:
            if not isinstance(content, str):
                self.problem(_at(where, "content"), _("must be base64 text or null"))
                return None
            if len(content) * 3 // 4 > self.max_media_bytes + 2:
                return name, len(content) * 3 // 4
            try:
                media.content = base64.b64decode(content, validate=True)
            except (binascii.Error, ValueError):
                self.problem(_at(where, "content"), _("is not valid base64"))
                return None
            if len(media.content) > self.max_media_bytes:
                return name, len(media.content)
        return media
