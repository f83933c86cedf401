"""A quiz described neutrally, as the import/export formats read and write it.

Plain dataclasses, no models: the quiz engine turns them into its own
snippets (``Quiz``, ``Question``, ``Choice``) and back. Nothing here touches
the database.

Weights follow Moodle (``question/type/multichoice``): every choice has a
``fraction`` in percent, -100..100. A single-answer question gives the
fraction of the chosen choice; a multiple-answer question adds up the
fractions of every ticked choice; either score is then held between 0 and
100 percent of the question's points. ``correct`` is True when choosing the
choice earns credit (fraction above 0); a choice worth 100 is fully right.

Texts are kept as they came, with their format (``TEXT_FORMATS``): HTML is
sanitised later, by whoever renders or stores it.

Translations travel with the objects that own them: ``translations`` maps a
language code to the translated fields, e.g. ``{"ar": {"text": "..."}}``,
next to the source-language value in the field itself.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

#: Question kinds the engine supports.
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
ESSAY = "essay"
QUESTION_KINDS = (MULTIPLE_CHOICE, TRUE_FALSE, ESSAY)

#: Text formats, named as in Moodle's GIFT format: ``moodle`` is Moodle's
#: auto-format (plain text whose line breaks and links are kept).
TEXT_FORMATS = ("html", "markdown", "plain", "moodle")

#: The source texts of a true/false question's two choices. The engine shows
#: its own translated labels ("Sant"/"Usant") for them.
TRUE = "true"
FALSE = "false"

#: Moodle's name for a gap in a "missing word" question.
GAP = "_____"

MEDIA_KINDS = ("image", "audio", "video", "file")
_EXTENSION_KINDS = {
    **dict.fromkeys(("png", "jpg", "jpeg", "gif", "webp", "svg", "avif"), "image"),
    **dict.fromkeys(("mp3", "ogg", "oga", "opus", "m4a", "wav", "aac"), "audio"),
    **dict.fromkeys(("mp4", "webm", "ogv", "mov", "m4v"), "video"),
}


@dataclass
class MediaData:
    """A file a question uses: embedded (``content``) or only referenced.

    ``reference`` is the string the text uses for it (``@@PLUGINFILE@@/kart.png``
    in Moodle XML, the ``src`` of an ``<img>`` in GIFT); the engine stores the
    file and replaces the reference with its own URL. ``used_in`` says which
    text refers to it: ``"text"``, ``"explanation"``, ``"grader_info"``,
    ``"choices[1].text"``, ``"choices[1].feedback"``.
    """

    name: str
    kind: str = "file"
    content: bytes | None = None
    reference: str = ""
    used_in: str = "text"


@dataclass
class ChoiceData:
    """One answer of a multiple-choice or true/false question."""

    text: str
    fraction: float = 0.0
    correct: bool = False
    feedback: str = ""
    text_format: str = "plain"
    feedback_format: str = "plain"
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class CategoryData:
    """A question category, as its path from the top: ``("Helse", "Psykisk
    helse")`` is "Psykisk helse" inside "Helse". The engine creates parents
    that are not listed themselves."""

    path: tuple[str, ...]
    description: str = ""
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path[-1] if self.path else ""


@dataclass
class QuestionData:
    """One question: ``kind`` is one of ``QUESTION_KINDS``.

    ``choices`` is empty for an essay; a true/false question has exactly two,
    ``TRUE`` and ``FALSE`` (see :attr:`true_false_answer`). ``explanation`` is
    the general feedback shown after answering. ``category`` is a path as in
    :class:`CategoryData` (empty: no category). ``source_line`` is where the
    question started in the imported file (not part of equality).
    """

    kind: str
    text: str
    name: str = ""
    text_format: str = "plain"
    explanation: str = ""
    explanation_format: str = "plain"
    category: tuple[str, ...] = ()
    points: float = 1.0
    multiple_answers: bool = False
    shuffle_choices: bool = True
    grader_info: str = ""
    media: list[MediaData] = field(default_factory=list)
    choices: list[ChoiceData] = field(default_factory=list)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    source_line: int | None = field(default=None, compare=False)

    @property
    def true_false_answer(self) -> bool | None:
        """For a true/false question: whether "true" is the right answer."""
        if self.kind != TRUE_FALSE:
            return None
        return any(c.text == TRUE and c.fraction >= 100 for c in self.choices)


@dataclass
class QuizData:
    """A whole quiz, with the settings DESIGN.md (Quizzes) names.

    ``pass_mark`` is a percentage (0-100). ``max_questions`` asks for a random
    subset of that many questions (None: all). ``exam_paper`` keeps every
    sitting; ``single_attempt`` allows one per person; ``answers_at_end``
    shows answers after the last question instead of after each. ``language``
    is the source language of every text; translations sit on each object.
    """

    title: str
    language: str = "nb"
    description: str = ""
    pass_mark: int = 0
    pass_message: str = ""
    fail_message: str = ""
    random_order: bool = False
    max_questions: int | None = None
    answers_at_end: bool = False
    single_attempt: bool = False
    exam_paper: bool = False
    draft: bool = False
    categories: list[CategoryData] = field(default_factory=list)
    questions: list[QuestionData] = field(default_factory=list)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Problem:
    """Why a file cannot be imported as it is: where, and what is wrong.

    ``line`` is the line in the file (GIFT, Moodle XML); ``where`` names the
    place otherwise: a JSON path such as ``questions[2].choices`` or a
    question (``question 3, 'Hovedstaden'``). ``message`` is translated.
    """

    message: str
    line: int | None = None
    where: str = ""

    def __str__(self) -> str:
        if self.line is not None and self.where:
            return _("Line %(line)s (%(where)s): %(message)s") % {
                "line": self.line,
                "where": self.where,
                "message": self.message,
            }
        if self.line is not None:
            return _("Line %(line)s: %(message)s") % {
                "line": self.line,
                "message": self.message,
            }
        if self.where:
            return _("%(where)s: %(message)s") % {
                "where": self.where,
                "message": self.message,
            }
        return self.message


@dataclass
class SkippedItem:
    """A question in the file that was not imported, and why.

    ``number`` counts the questions of the file from 1 (categories are not
    questions); ``name`` is the question's name, or the start of its text;
    ``kind`` is the file's own type name (``"matching"``, ``"numerical"``...).
    """

    number: int
    name: str
    reason: str
    line: int | None = None
    kind: str = ""

    def __str__(self) -> str:
        values = {
            "number": self.number,
            "line": self.line,
            "name": self.name,
            "reason": self.reason,
        }
        if self.line is not None and self.name:
            return _("Question %(number)s (line %(line)s), '%(name)s': %(reason)s") % (
                values
            )
        if self.line is not None:
            return _("Question %(number)s (line %(line)s): %(reason)s") % values
        if self.name:
            return _("Question %(number)s, '%(name)s': %(reason)s") % values
        return _("Question %(number)s: %(reason)s") % values


@dataclass
class ImportResult:
    """What a parser read from one file.

    ``quiz`` is set by the JSON format (a whole quiz); GIFT and Moodle XML
    carry only questions and categories, so there it is None. ``questions``
    and ``categories`` are always filled (for JSON they are the quiz's own
    lists). The caller imports only when :attr:`ok`; ``skipped`` questions
    do not stop an import, but the person importing must be shown them.
    """

    format: str
    quiz: QuizData | None = None
    questions: list[QuestionData] = field(default_factory=list)
    categories: list[CategoryData] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file can be imported: no problem was found."""
        return not self.problems

    def finish(self) -> ImportResult:
        """Add the problem "nothing to import" when the file held no question
        that could be imported (and nothing else went wrong)."""
        if not self.problems and not self.questions:
            self.problems.append(
                Problem(_("the file contains no question that can be imported"))
            )
        return self

    @property
    def messages(self) -> list[str]:
        """Every problem, then every skipped question, as sentences."""
        return [str(p) for p in self.problems] + [str(s) for s in self.skipped]

    def add_category(self, category: CategoryData) -> None:
        """Record a category once, keeping the first description seen."""
        if category.path and all(c.path != category.path for c in self.categories):
            self.categories.append(category)


def weight_problem(choices: list[ChoiceData], multiple_answers: bool) -> str | None:
    """The translated reason why the choices' weights are wrong, or None.

    Moodle's rules (``qtype_multichoice::save_question_options``): a
    single-answer question needs a choice worth 100%; in a multiple-answer
    question the positive weights must add up to 100% (Moodle rounds the sum
    of fractions to two decimals, so 33.33 + 33.33 + 33.33 passes). At least
    two choices, and every weight between -100% and 100%.
    """
    if len(choices) < 2:
        return _(
            "a multiple-choice question needs at least two choices (found %(count)s)"
        ) % {"count": len(choices)}
    for choice in choices:
        if not -100 <= choice.fraction <= 100:
            return _("the weight %(weight)s%% is outside -100%% to 100%%") % {
                "weight": format_percent(choice.fraction)
            }
    if multiple_answers:
        total = sum(c.fraction for c in choices if c.fraction > 0)
        if total == 0:
            return _(
                "no choice is marked right: mark the right one with = or give "
                "the right ones weights that add up to %(total)s%%"
            ) % {"total": 100}
        if round(total / 100, 2) != 1:
            return _(
                "the positive weights add up to %(total)s%%; they must add up to 100%%"
            ) % {"total": format_percent(total)}
    else:
        best = max(c.fraction for c in choices)
        if abs(best - 100) > 1e-7:
            return _(
                "no choice is worth 100%%: a question with one right answer needs "
                "one choice worth 100%% (the best is worth %(best)s%%)"
            ) % {"best": format_percent(best)}
    return None


def format_percent(value: float) -> str:
    """50.0 -> "50", 33.33333 -> "33.33333"."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def format_size(size: int) -> str:
    """A byte count for people: "800 KB", "2.4 MB"."""
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": max(1, round(size / 1024))}
    megabytes = f"{size / (1024 * 1024):.1f}".removesuffix(".0")
    return _("%(size)s MB") % {"size": megabytes}


_CONTEXT_PREFIX = re.compile(r"^\$[a-z]+\$$")
_SINGLE_SLASH = re.compile(r"(?<!/)/(?!/)")


def split_category_path(path: str) -> tuple[str, ...]:
    """Moodle's category path ("$course$/top/Helse/Psykisk helse") as a tuple.

    As ``qformat_default::split_category_path`` and ``create_category_path``
    do: names are separated by a single "/" ("//" is a slash inside a name),
    a leading context marker (``$course$``, ``$system$``, ``$cat$``,
    ``$module$``) and the "top" category under it are dropped. Empty names are
    dropped too.
    """
    names = [
        part.replace("//", "/").strip() for part in _SINGLE_SLASH.split(path.strip())
    ]
    if names and _CONTEXT_PREFIX.match(names[0]):
        names.pop(0)
    if names and names[0] == "top":
        names.pop(0)
    return tuple(name for name in names if name)


def media_kind(name: str) -> str:
    """ "image", "audio", "video" or "file", from the file name's extension."""
    extension = posixpath.splitext(name.lower())[1].lstrip(".")
    return _EXTENSION_KINDS.get(extension, "file")


def clean_file_name(name: str) -> str:
    """The last part of a file name, without folders or control characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(c for c in name if unicodedata.category(c) != "Cc").strip()


# Every Unicode control character (category Cc) except tab and line breaks.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def find_control_character(text: str) -> tuple[int, str] | None:
    """(line, character) of the first control character other than tab and
    line breaks, or None. The database cannot keep NUL, and no person types
    the others; ``lms.text`` refuses them in forms for the same reason."""
    match = _CONTROL_CHARACTER.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, match.group(0)


def control_character_problem(text: str) -> Problem | None:
    """A Problem for the first control character in ``text``, if any."""
    found = find_control_character(text)
    if found is None:
        return None
    line, char = found
    return Problem(
        _(
            "the file contains an invisible control character (U+%(code)s), "
            "often left by copying from another program; remove it and try again"
        )
        % {"code": f"{ord(char):04X}"},
        line=line,
    )


def short_label(text: str, length: int = 40) -> str:
    """The start of a text, on one line, to name a question that has no name."""
    text = " ".join(re.sub(r"<[^>]*>", " ", text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
