"""Moodle's GIFT format: questions written as plain text.

Built to Moodle's documentation ("GIFT format", docs.moodle.org) and to what
Moodle's own importer (``question/format/gift/format.php``, class
``qformat_gift``) does with a file:

- Questions are separated by blank lines; a question may span several lines.
  A line starting with ``//`` is a comment (a ``//`` later in a line is text,
  so links survive).
- ``::Title::`` names a question. ``$CATEGORY: Helse/Psykisk helse`` puts the
  questions after it in that category (see ``split_category_path``).
- ``[html]``, ``[markdown]``, ``[plain]`` or ``[moodle]`` before a text gives
  its format; the default is ``moodle``, and choices and feedback default to
  the question text's format.
- The answers sit in ``{...}``: ``=right ~wrong`` is multiple choice;
  ``~%50%a ~%50%b ~%-100%c`` (weights, no ``=``) lets several answers be
  right; ``#...`` after an answer is its feedback; ``####...`` at the end is
  the general feedback; ``{T}``/``{TRUE}``/``{F}``/``{FALSE}`` is true/false
  (``{TRUE#shown when wrong#shown when right}``); ``{}`` is an essay.
- ``\\~ \\= \\# \\{ \\} \\:`` are the characters themselves, ``\\n`` a line
  break, ``\\\\`` a backslash.
  As in Moodle, an unescaped ``=`` or ``~`` anywhere in a multiple-choice
  answer block starts a new answer, even inside feedback.
- Text after the closing brace makes a "missing word" question: the answers
  stand where ``_____`` is shown. Moodle keeps its type (multiple choice,
  true/false...), and so do we: the text gets the gap, the choices stay.

Moodle's other types are reported in ``skipped`` by name, never dropped
silently: short answer (only ``=`` answers), matching (``=a -> b``),
numerical (``{#...}``), and descriptions (text with no answers).

Where Moodle is lenient with something that is almost certainly a mistake we
report a problem instead: an unclosed ``{`` or ``::``, a second ``{...}``,
text before the first ``~``/``=``, a weight after ``=`` or one that is not a
number, weights that break Moodle's rules. We are lenient in two places
Moodle is not: ``{true}`` in any letter case is true/false (Moodle would make
a short-answer question expecting the word "true"), and a ``$CATEGORY:``
line may be followed by a question without a blank line between.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .data import (
    ESSAY,
    FALSE,
    GAP,
    MULTIPLE_CHOICE,
    TEXT_FORMATS,
    TRUE,
    TRUE_FALSE,
    CategoryData,
    ChoiceData,
    ImportResult,
    MediaData,
    Problem,
    QuestionData,
    SkippedItem,
    clean_file_name,
    control_character_problem,
    format_percent,
    media_kind,
    short_label,
    split_category_path,
    weight_problem,
)

FORMAT = "gift"

# Escaped control characters are replaced, line by line, by Unicode
# noncharacters (reserved for a program's internal use) while the question is
# taken apart, and turned back into the characters themselves afterwards.
_ESCAPABLE = ":#={}~"
_PLACEHOLDERS = {char: chr(0xFDD0 + index) for index, char in enumerate(_ESCAPABLE)}
_UNESCAPE = str.maketrans({v: k for k, v in _PLACEHOLDERS.items()})
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")

_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
# Moodle: /^%\-*([0-9]{1,2})\.?([0-9]*)%/ - we take any number, with a point or
# a comma, and check the range ourselves.
_WEIGHT = re.compile(r"%\s*(-?\d+(?:[.,]\d+)?)\s*%")
_WEIGHT_LIKE = re.compile(r"%[-+\d\s.,]*%")
_MEDIA_SRC = re.compile(
    r"<(img|audio|video|source)\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
_TAG_KINDS = {"img": "image", "audio": "audio", "video": "video"}


_ESCAPE = re.compile(r"\\([:#={}~n\\])")


def _escape_one(match: re.Match) -> str:
    char = match.group(1)
    if char == "n":
        return "\n"
    return _PLACEHOLDERS.get(char, char)  # "\\" is one backslash


def _escape(line: str) -> str:
    """Replace GIFT's escapes, left to right as Moodle's importer does."""
    return _ESCAPE.sub(_escape_one, line)


def _unescape(text: str) -> str:
    return text.translate(_UNESCAPE)


def _text_with_format(raw: str, default: str) -> tuple[str, str]:
    """Moodle's ``parse_text_with_format``: a leading ``[format]`` sets the
    format (an unknown one stays in the text); the text is trimmed."""
    raw = raw.strip()
    fmt = default
    if raw.startswith("["):
        end = raw.find("]")
        name = raw[1:end].strip().lower() if end > 0 else ""
        if name in TEXT_FORMATS:
            fmt = name
            raw = raw[end + 1 :]
    return _unescape(raw).strip(), fmt


@dataclass
class _Block:
    """The lines of one question (comments left out), escapes replaced."""

    lines: list[tuple[int, str]]
    text: str = field(init=False)
    _starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self._starts = []
        offset = 0
        for _number, line in self.lines:
            self._starts.append(offset)
            offset += len(line) + 1
        self.text = "\n".join(line for _number, line in self.lines)

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    def line_at(self, offset: int) -> int:
        """The file's line number of a position in :attr:`text`."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.lines[max(index, 0)][0]


def _blocks(text: str):
    current: list[tuple[int, str]] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if current:
                yield _Block(current)
                current = []
        elif not line.startswith("//"):
            current.append((number, _escape(line)))
    if current:
        yield _Block(current)


def parse(text: str) -> ImportResult:
    """Read a GIFT file (already decoded) into questions and categories.

    Follows Moodle's GIFT documentation and its ``qformat_gift`` importer (see
    the module docstring for the rules and where we differ). Unsupported
    question types are listed in ``skipped``; malformed ones in ``problems``
    with their line, and then ``ok`` is False.
    """
    result = ImportResult(format=FORMAT)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _NONCHARACTERS.sub("", text)
    problem = control_character_problem(text)
    if problem:
        result.problems.append(problem)
        return result
    reader = _Reader(result)
    for block in _blocks(text):
        reader.read(block)
    return result.finish()


class _Reader:
    def __init__(self, result: ImportResult) -> None:
        self.result = result
        self.number = 0
        self.category: tuple[str, ...] = ()

    def read(self, block: _Block) -> None:
        if block.text.startswith("$CATEGORY:"):
            first = block.text.split("\n", 1)[0]
            self.category = split_category_path(_unescape(first[len("$CATEGORY:") :]))
            self.result.add_category(CategoryData(path=self.category))
            if len(block.lines) == 1:
                return
            block = _Block(block.lines[1:])
        self.number += 1
        _Question(self, block).read()


class _Question:
    """One question block being read."""

    def __init__(self, reader: _Reader, block: _Block) -> None:
        self.reader = reader
        self.result = reader.result
        self.block = block
        self.number = reader.number
        self.name = ""

    # Reporting -------------------------------------------------------------

    @property
    def where(self) -> str:
        if self.name:
            return _("question %(number)s, '%(name)s'") % {
                "number": self.number,
                "name": self.name,
            }
        return _("question %(number)s") % {"number": self.number}

    def problem(self, message: str, offset: int | None = None) -> None:
        line = self.block.first_line if offset is None else self.block.line_at(offset)
        self.result.problems.append(Problem(message, line=line, where=self.where))

    def skip(self, kind: str, reason: str, text: str) -> None:
        self.result.skipped.append(
            SkippedItem(
                number=self.number,
                name=self.name or short_label(text),
                reason=reason,
                line=self.block.first_line,
                kind=kind,
            )
        )

    # Reading ---------------------------------------------------------------

    def read(self) -> None:
        text = self.block.text
        start = 0
        if text.startswith("::"):
            end = text.find("::", 2)
            if end < 0:
                self.problem(
                    _(
                        "the title starts with :: but is never closed with ::"
                        " (write \\: for a colon in a title)"
                    )
                )
                return
            self.name = _unescape(text[2:end]).strip()
            start = end + 2
        opening = text.find("{", start)
        closing = text.find("}", start)
        if opening < 0 and closing < 0:
            self.skip(
                "description",
                _("descriptions (text without answers) are not supported"),
                _text_with_format(text[start:], "moodle")[0],
            )
            return
        if closing < 0:
            self.problem(
                _("the { that opens the answers is never closed with }"), opening
            )
            return
        if opening < 0 or closing < opening:
            self.problem(
                _("a } without a { before it (write \\} for a brace in the text)"),
                closing,
            )
            return
        after = [text.find("{", closing), text.find("}", closing + 1)]
        extra = min((index for index in after if index >= 0), default=-1)
        if extra >= 0:
            self.problem(
                _(
                    "a second {…} after the answers: a question has one answer "
                    "block (write \\{ and \\} for braces in the text)"
                ),
                extra,
            )
            return

        head, tail = text[start:opening], text[closing + 1 :]
        raw_text = head + GAP + tail if tail.strip() else head
        question_text, fmt = _text_with_format(raw_text, "moodle")
        answers_at = opening + 1
        answers = text[answers_at:closing]
        explanation, explanation_format = "", fmt
        feedback_at = answers.rfind("####")
        if feedback_at >= 0:
            explanation, explanation_format = _text_with_format(
                answers[feedback_at + 4 :], fmt
            )
            answers = answers[:feedback_at]

        question = QuestionData(
            kind=ESSAY,
            text=question_text,
            name=self.name,
            text_format=fmt,
            explanation=explanation,
            explanation_format=explanation_format,
            category=self.reader.category,
            source_line=self.block.first_line,
        )
        stripped = answers.strip()
        before_comment = stripped.split("#", 1)[0].strip() if stripped else ""
        if not stripped:
            pass  # {} is an essay
        elif stripped.startswith("#"):
            self.skip(
                "numerical", _("numerical questions are not supported"), question_text
            )
            return
        elif "~" in stripped:
            if not self.read_choices(question, answers, answers_at):
                return
        elif "=" in stripped and "->" in stripped:
            self.skip(
                "matching", _("matching questions are not supported"), question_text
            )
            return
        elif before_comment.upper() in _TRUE_FALSE:
            self.read_true_false(question, answers)
        else:
            self.skip(
                "short_answer",
                _(
                    "short-answer questions (the answer is typed in) are not "
                    "supported; give wrong choices with ~ to make it multiple choice"
                ),
                question_text,
            )
            return
        if not question.text:
            self.problem(_("the question has no text"))
            return
        question.media = _media(question)
        self.result.questions.append(question)

    def read_choices(self, question: QuestionData, answers: str, base: int) -> bool:
        """Multiple choice: split at every ~ and = as Moodle does."""
        question.kind = MULTIPLE_CHOICE
        question.multiple_answers = "=" not in answers
        markers = [i for i, char in enumerate(answers) if char in "~="]
        if answers[: markers[0]].strip():
            self.problem(
                _(
                    "there is text before the first answer; every answer starts "
                    "with = (right) or ~ (wrong)"
                ),
                base,
            )
            return False
        ok = True
        for position, marker_at in enumerate(markers):
            end = markers[position + 1] if position + 1 < len(markers) else len(answers)
            choice = self.read_choice(
                answers[marker_at],
                answers[marker_at + 1 : end],
                question,
                base + marker_at,
            )
            if choice is False:
                ok = False
            elif choice is not None:
                question.choices.append(choice)
        if not ok:
            return False
        reason = weight_problem(question.choices, question.multiple_answers)
        if reason:
            self.problem(reason, base)
            return False
        return True

    def read_choice(
        self, marker: str, raw: str, question: QuestionData, offset: int
    ) -> ChoiceData | None | bool:
        raw = raw.lstrip()
        fraction = 100.0 if marker == "=" else 0.0
        weight = _WEIGHT.match(raw)
        if marker == "=" and _WEIGHT_LIKE.match(raw):
            self.problem(
                _(
                    "a weight after = (%(weight)s): in a multiple-choice question "
                    "weights follow ~, as in ~%(weight)s"
                )
                % {"weight": _WEIGHT_LIKE.match(raw).group(0)},
                offset,
            )
            return False
        if marker == "~" and weight:
            fraction = float(weight.group(1).replace(",", "."))
            if not -100 <= fraction <= 100:
                self.problem(
                    _("the weight %(weight)s%% is outside -100%% to 100%%")
                    % {"weight": format_percent(fraction)},
                    offset,
                )
                return False
            raw = raw[weight.end() :]
        elif marker == "~" and _WEIGHT_LIKE.match(raw):
            self.problem(
                _("%(weight)s is not a weight; write it as a number, e.g. ~%%50%%")
                % {"weight": _WEIGHT_LIKE.match(raw).group(0)},
                offset,
            )
            return False
        text, _sep, feedback = raw.partition("#")
        text, text_format = _text_with_format(text, question.text_format)
        if not text:
            return None  # Moodle leaves blank choices out
        feedback, feedback_format = _text_with_format(feedback, question.text_format)
        return ChoiceData(
            text=text,
            fraction=fraction,
            correct=fraction > 0,
            feedback=feedback,
            text_format=text_format,
            feedback_format=feedback_format,
        )

    def read_true_false(self, question: QuestionData, answers: str) -> None:
        """``{TRUE#shown when wrong#shown when right}``, as Moodle reads it."""
        value, wrong, right = (answers.split("#", 2) + ["", ""])[:3]
        is_true = _TRUE_FALSE[_unescape(value).strip().upper()]
        wrong, wrong_format = _text_with_format(wrong, question.text_format)
        right, right_format = _text_with_format(right, question.text_format)
        question.kind = TRUE_FALSE
        question.choices = [
            ChoiceData(
                text=TRUE,
                fraction=100.0 if is_true else 0.0,
                correct=is_true,
                feedback=right if is_true else wrong,
                feedback_format=right_format if is_true else wrong_format,
            ),
            ChoiceData(
                text=FALSE,
                fraction=0.0 if is_true else 100.0,
                correct=not is_true,
                feedback=wrong if is_true else right,
                feedback_format=wrong_format if is_true else right_format,
            ),
        ]


def _media(question: QuestionData) -> list[MediaData]:
    """Files the texts point at (``<img src>``, ``<audio src>``...): GIFT
    cannot carry files, so only their references are kept."""
    texts = [("text", question.text), ("explanation", question.explanation)]
    for index, choice in enumerate(question.choices):
        texts.append((f"choices[{index}].text", choice.text))
        texts.append((f"choices[{index}].feedback", choice.feedback))
    media = []
    for used_in, text in texts:
        for match in _MEDIA_SRC.finditer(text):
            source = match.group(2)
            name = clean_file_name(source.split("?", 1)[0].split("#", 1)[0])
            kind = _TAG_KINDS.get(match.group(1).lower()) or media_kind(name)
            media.append(
                MediaData(name=name, kind=kind, reference=source, used_in=used_in)
            )
    return media
