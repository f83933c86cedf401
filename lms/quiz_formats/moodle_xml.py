"""Moodle XML: ``<quiz><question type="...">...</question></quiz>``.

Built to Moodle's documentation ("Moodle XML format", docs.moodle.org) and
to what Moodle's importer (``question/format/xml/format.php``, class
``qformat_xml``) reads:

- ``<question type="category">`` with ``<category><text>$course$/top/A/B``
  puts the questions after it in category ("A", "B"); ``<info>`` is its
  description.
- Every question: ``<name><text>``, ``<questiontext format="html"><text>``
  (formats ``html``, ``moodle_auto_format``, ``plain_text``, ``markdown``;
  Moodle reads an unknown one as html, and so do we), ``<generalfeedback>``
  (our ``explanation``), ``<defaultgrade>`` (our ``points``). Texts are
  trimmed, as Moodle does.
- ``multichoice``: ``<single>`` (``false`` or ``0`` allows several answers;
  anything else, or no tag, one), ``<shuffleanswers>`` (default false),
  ``<answer fraction="50" format="html"><text>...<feedback><text>``.
  Blank answers are left out, as Moodle does, and the weights must follow
  Moodle's rules (``weight_problem``).
- ``truefalse``: two answers, ``<text>true</text>`` and ``<text>false</text>``
  (old exports with translated texts: the first is "true"), one worth 100.
- ``essay``: ``<graderinfo>`` becomes ``grader_info``.
- Files: ``<file name="kart.png" path="/" encoding="base64">`` inside a text
  element, referred to from the text as ``@@PLUGINFILE@@/kart.png``; also the
  old ``<image>`` + ``<image_base64>`` pair, which Moodle appends to the text
  as an ``<img>``. A question with a file over the size limit is skipped.

Every other type (matching, shortanswer, numerical, cloze, description,
ddwtos, calculated...) is reported in ``skipped`` with its name and type.

The XML is read with defusedxml, never the standard library's parser
directly; a document type declaration (which is what entity bombs and
external entities need) is refused outright: Moodle never writes one.
"""

from __future__ import annotations

import base64
import binascii
import urllib.parse
import xml.parsers.expat
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext as _

from .data import (
    ESSAY,
    FALSE,
    MULTIPLE_CHOICE,
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
    format_size,
    media_kind,
    short_label,
    split_category_path,
    weight_problem,
)

FORMAT = "moodle-xml"

#: The largest file (after base64 decoding) one question may carry.
MAX_MEDIA_BYTES = 1024 * 1024

_TEXT_FORMATS = {
    "html": "html",
    "moodle_auto_format": "moodle",
    "plain_text": "plain",
    "markdown": "markdown",
    "wiki_like": "moodle",
}


def _unsupported_reasons() -> dict[str, str]:
    return {
        "shortanswer": _("short-answer questions are not supported"),
        "numerical": _("numerical questions are not supported"),
        "matching": _("matching questions are not supported"),
        "match": _("matching questions are not supported"),
        "cloze": _("cloze (embedded answers) questions are not supported"),
        "multianswer": _("cloze (embedded answers) questions are not supported"),
        "description": _("descriptions (text without answers) are not supported"),
        "ddwtos": _("drag-and-drop into text questions are not supported"),
        "gapselect": _("select-missing-words questions are not supported"),
        "ddimageortext": _("drag-and-drop onto image questions are not supported"),
        "ddmarker": _("drag-and-drop markers questions are not supported"),
        "calculated": _("calculated questions are not supported"),
        "calculatedsimple": _("calculated questions are not supported"),
        "calculatedmulti": _("calculated questions are not supported"),
        "randomsamatch": _("random short-answer matching questions are not supported"),
        "random": _("random questions are not supported"),
    }


class _LineTreeBuilder(TreeBuilder):
    """A tree builder that remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.lines: dict[Element, int] = {}

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        self.lines[element] = self.parser.parser.CurrentLineNumber
        return element


def _expat_reason(code: int | None) -> str:
    errors = xml.parsers.expat.errors
    reasons = {
        errors.codes[errors.XML_ERROR_TAG_MISMATCH]: _(
            "a closing tag does not match the tag it should close"
        ),
        errors.codes[errors.XML_ERROR_NO_ELEMENTS]: _(
            "the file ends before the XML is complete"
        ),
        errors.codes[errors.XML_ERROR_UNCLOSED_TOKEN]: _("the file ends inside a tag"),
        errors.codes[errors.XML_ERROR_INVALID_TOKEN]: _(
            "there is a character or tag that XML does not allow here "
            "(HTML in a text belongs inside <![CDATA[ ... ]]>)"
        ),
        errors.codes[errors.XML_ERROR_UNDEFINED_ENTITY]: _(
            "an unknown entity such as &nbsp; (HTML in a text belongs inside "
            "<![CDATA[ ... ]]>)"
        ),
        errors.codes[errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT]: _(
            "there is more after the closing </quiz>"
        ),
        errors.codes[errors.XML_ERROR_UNCLOSED_CDATA_SECTION]: _(
            "a <![CDATA[ section is never closed with ]]>"
        ),
    }
    return reasons.get(code, _("the XML is not well-formed"))


def _read_tree(text: str, result: ImportResult):
    builder = _LineTreeBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.parser = parser
    try:
        parser.feed(text)
        root = parser.close()
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        result.problems.append(
            Problem(
                _("the file is not valid Moodle XML: %(reason)s")
                % {"reason": _expat_reason(getattr(error, "code", None))},
                line=line,
            )
        )
        return None, builder.lines
    except DefusedXmlException:
        result.problems.append(
            Problem(
                _(
                    "the file declares a document type or entities (<!DOCTYPE or "
                    "<!ENTITY). Moodle never writes them, and they can be used to "
                    "attack the server, so the file was refused"
                ),
                line=parser.parser.CurrentLineNumber,
            )
        )
        return None, builder.lines
    return root, builder.lines


def parse(text: str, *, max_media_bytes: int = MAX_MEDIA_BYTES) -> ImportResult:
    """Read a Moodle XML file (already decoded) into questions and categories.

    Follows Moodle's "Moodle XML format" documentation and its ``qformat_xml``
    importer (see the module docstring). Files over ``max_media_bytes`` make
    their question skipped; malformed XML, a refused DTD or entity, or a
    malformed question give a problem with its line, and ``ok`` is False.
    """
    result = ImportResult(format=FORMAT)
    text = text.removeprefix("\ufeff")
    problem = control_character_problem(text)
    if problem:
        result.problems.append(problem)
        return result
    root, lines = _read_tree(text, result)
    if root is None:
        return result
    if root.tag != "quiz":
        result.problems.append(
            Problem(
                _("a Moodle XML file starts with <quiz>, this one with <%(tag)s>")
                % {"tag": root.tag},
                line=lines.get(root),
            )
        )
        return result
    reader = _Reader(result, lines, max_media_bytes)
    for element in root.findall("question"):
        reader.read(element)
    return result.finish()


def _flag(value: str | None, default: bool) -> bool:
    """Moodle's ``trans_single``: "false", "0" and "" are false."""
    if value is None:
        return default
    return value.strip() not in ("false", "0", "")


class _TooLarge(Exception):
    def __init__(self, name: str, size: int) -> None:
        super().__init__(name)
        self.name = name
        self.size = size


class _Malformed(Exception):
    def __init__(self, message: str, element: Element | None) -> None:
        super().__init__(message)
        self.message = message
        self.element = element


class _Reader:
    def __init__(
        self, result: ImportResult, lines: dict[Element, int], max_media_bytes: int
    ) -> None:
        self.result = result
        self.lines = lines
        self.max_media_bytes = max_media_bytes
        self.number = 0
        self.category: tuple[str, ...] = ()

    def read(self, element: Element) -> None:
        kind = (element.get("type") or "").strip()
        if kind == "category":
            self.read_category(element)
            return
        self.number += 1
        name = _plain(element.find("name"))
        where = (
            _("question %(number)s, '%(name)s'") % {"number": self.number, "name": name}
            if name
            else _("question %(number)s") % {"number": self.number}
        )
        line = self.lines.get(element)
        readers = {
            MULTIPLE_CHOICE: self.read_multichoice,
            TRUE_FALSE: self.read_truefalse,
            ESSAY: self.read_essay,
        }
        kinds = {
            "multichoice": MULTIPLE_CHOICE,
            "truefalse": TRUE_FALSE,
            "essay": ESSAY,
        }
        if not kind:
            self.result.problems.append(
                Problem(_("a <question> without a type"), line=line, where=where)
            )
            return
        if kind not in kinds:
            reason = _unsupported_reasons().get(kind) or (
                _("questions of the type '%(type)s' are not supported") % {"type": kind}
            )
            label = name or short_label(_plain(element.find("questiontext")))
            self.result.skipped.append(
                SkippedItem(self.number, label, reason, line=line, kind=kind)
            )
            return
        try:
            question = self.read_common(element, kinds[kind], name)
            readers[kinds[kind]](element, question)
        except _Malformed as error:
            self.result.problems.append(
                Problem(
                    error.message,
                    line=self.lines.get(error.element, line),
                    where=where,
                )
            )
            return
        except _TooLarge as error:
            self.result.skipped.append(
                SkippedItem(
                    self.number,
                    name or short_label(_plain(element.find("questiontext"))),
                    _(
                        "the file '%(file)s' is %(size)s, more than the limit of "
                        "%(limit)s"
                    )
                    % {
                        "file": error.name,
                        "size": format_size(error.size),
                        "limit": format_size(self.max_media_bytes),
                    },
                    line=line,
                    kind=kind,
                )
            )
            return
        self.result.questions.append(question)

    def read_category(self, element: Element) -> None:
        category = element.find("category")
        if category is None:
            self.result.problems.append(
                Problem(
                    _("a category <question> without a <category>"),
                    line=self.lines.get(element),
                )
            )
            return
        # Moodle writes <category><text>path</text></category>; very old
        # files have the path directly in <category>.
        path = (
            _plain(category)
            if category.find("text") is not None
            else ((category.text or "").strip())
        )
        self.category = split_category_path(path)
        self.result.add_category(
            CategoryData(path=self.category, description=_plain(element.find("info")))
        )

    # Parts every question has ----------------------------------------------

    def read_common(self, element: Element, kind: str, name: str) -> QuestionData:
        question_text = element.find("questiontext")
        if question_text is None or not _plain(question_text):
            raise _Malformed(_("the question has no <questiontext>"), element)
        question = QuestionData(
            kind=kind,
            text="",
            name=name,
            category=self.category,
            source_line=self.lines.get(element),
        )
        question.text, question.text_format = self.rich(
            question_text, "html", question, "text"
        )
        self.read_old_image(element, question)
        question.explanation, question.explanation_format = self.rich(
            element.find("generalfeedback"),
            question.text_format,
            question,
            "explanation",
        )
        grade = element.find("defaultgrade")
        if grade is not None and (grade.text or "").strip():
            try:
                question.points = float(grade.text.strip())
            except ValueError:
                raise _Malformed(
                    _("<defaultgrade> is not a number: %(value)s")
                    % {"value": grade.text.strip()},
                    grade,
                ) from None
            if question.points < 0:
                raise _Malformed(_("<defaultgrade> cannot be negative"), grade)
        return question

    def rich(
        self, element: Element | None, default_format: str, question, used_in: str
    ) -> tuple[str, str]:
        """A text element's ``<text>``, format and ``<file>``s."""
        if element is None:
            return "", default_format
        fmt = element.get("format")
        fmt = _TEXT_FORMATS.get(fmt.strip(), "html") if fmt else default_format
        for file in element.findall("file"):
            question.media.append(self.file(file, used_in))
        return _plain(element), fmt

    def file(self, element: Element, used_in: str) -> MediaData:
        name = clean_file_name(element.get("name") or "")
        if not name:
            raise _Malformed(_("a <file> without a name"), element)
        encoding = (element.get("encoding") or "base64").strip()
        if encoding != "base64":
            raise _Malformed(
                _("the file '%(file)s' is not base64-encoded") % {"file": name},
                element,
            )
        content = self.decode(element.text or "", name, element)
        path = element.get("path") or "/"
        if not path.endswith("/"):
            path += "/"
        return MediaData(
            name=name,
            kind=media_kind(name),
            content=content,
            reference="@@PLUGINFILE@@" + urllib.parse.quote(path + name),
            used_in=used_in,
        )

    def decode(self, data: str, name: str, element: Element) -> bytes:
        data = "".join(data.split())
        if len(data) * 3 // 4 > self.max_media_bytes + 2:
            raise _TooLarge(name, len(data) * 3 // 4)
        try:
            content = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise _Malformed(
                _("the file '%(file)s' is not valid base64") % {"file": name}, element
            ) from None
        if len(content) > self.max_media_bytes:
            raise _TooLarge(name, len(content))
        return content

    def read_old_image(self, element: Element, question: QuestionData) -> None:
        """Before Moodle 2.0: ``<image>name</image><image_base64>...``."""
        image, data = element.find("image"), element.find("image_base64")
        if image is None or data is None or not (image.text or "").strip():
            return
        name = clean_file_name(image.text.replace("/", "_"))
        media = MediaData(
            name=name,
            kind=media_kind(name),
            content=self.decode(data.text or "", name, data),
            reference="@@PLUGINFILE@@/" + urllib.parse.quote(name),
            used_in="text",
        )
        question.media.append(media)
        question.text += f' <img src="{media.reference}" />'

    # The types ---------------------------------------------------------------

    def answers(self, element: Element, question: QuestionData) -> list[ChoiceData]:
        choices = []
        for answer in element.findall("answer"):
            if not _plain(answer):
                continue  # Moodle leaves blank choices out
            raw = (answer.get("fraction") or "0").strip()
            try:
                fraction = float(raw)
            except ValueError:
                raise _Malformed(
                    _("the fraction '%(value)s' is not a number") % {"value": raw},
                    answer,
                ) from None
            if not -100 <= fraction <= 100:
                raise _Malformed(
                    _("the weight %(weight)s%% is outside -100%% to 100%%")
                    % {"weight": format_percent(fraction)},
                    answer,
                )
            index = len(choices)
            text, text_format = self.rich(
                answer, question.text_format, question, f"choices[{index}].text"
            )
            feedback, feedback_format = self.rich(
                answer.find("feedback"),
                question.text_format,
                question,
                f"choices[{index}].feedback",
            )
            choices.append(
                ChoiceData(
                    text=text,
                    fraction=fraction,
                    correct=fraction > 0,
                    feedback=feedback,
                    text_format=text_format,
                    feedback_format=feedback_format,
                )
            )
        return choices

    def read_multichoice(self, element: Element, question: QuestionData) -> None:
        question.multiple_answers = not _flag(_text_of(element, "single"), True)
        question.shuffle_choices = _flag(_text_of(element, "shuffleanswers"), False)
        question.choices = self.answers(element, question)
        reason = weight_problem(question.choices, question.multiple_answers)
        if reason:
            raise _Malformed(reason, element)

    def read_truefalse(self, element: Element, question: QuestionData) -> None:
        choices = self.answers(element, question)
        if len(choices) != 2:
            raise _Malformed(
                _("a true/false question needs two answers, true and false"), element
            )
        texts = [choice.text.strip().lower() for choice in choices]
        if sorted(texts) != [FALSE, TRUE]:
            texts = [TRUE, FALSE]  # old exports: translated texts, true first
        fractions = sorted(choice.fraction for choice in choices)
        if fractions != [0, 100]:
            raise _Malformed(
                _(
                    "in a true/false question one answer is worth 100%% and the "
                    "other %(zero)s%%"
                )
                % {"zero": 0},
                element,
            )
        order = [texts.index(TRUE), texts.index(FALSE)]
        question.choices = [choices[index] for index in order]
        for choice, text in zip(question.choices, (TRUE, FALSE), strict=True):
            choice.text, choice.text_format = text, "plain"
        if order != [0, 1]:
            # Files in the answers keep pointing at the same answer.
            swap = {"choices[0].": "choices[1].", "choices[1].": "choices[0]."}
            for media in question.media:
                prefix = media.used_in[: len("choices[0].")]
                if prefix in swap:
                    media.used_in = swap[prefix] + media.used_in[len(prefix) :]

    def read_essay(self, element: Element, question: QuestionData) -> None:
        question.grader_info, _format = self.rich(
            element.find("graderinfo"), question.text_format, question, "grader_info"
        )


def _text_of(element: Element, tag: str) -> str | None:
    child = element.find(tag)
    return None if child is None else (child.text or "")


def _plain(element: Element | None) -> str:
    """The trimmed ``<text>`` of an element (Moodle's ``getpath(..., true)``)."""
    if element is None:
        return ""
    text = element.find("text")
    return "" if text is None else (text.text or "").strip()
