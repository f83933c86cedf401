"""Quiz files into the quiz engine's snippets, and the snippets back out.

:func:`import_file` reads a file (``lms.quiz_formats.parse``) and, when it
is sound, :func:`store` makes one ``Quiz`` with its ``Question``\\s,
``Choice``\\s and ``QuizCategory``\\s (sub-categories under their parents)
in the given language, in one transaction: all or nothing. The admin's
import view, the ``import_quiz`` command and the demo all go through here.

- Texts: the quiz shows plain text (line breaks kept), so HTML (Moodle's
  ``html`` and auto-format texts) is cleaned with nh3 and reduced to its
  words; markdown and plain text are kept as written.
- Weights: a single-answer question's right answer is the one worth 100%
  (a choice worth less earns nothing here: the engine marks a question
  right or wrong); in a multiple-answer question every choice worth more
  than 0 must be ticked and none of the others.
- Files: the first picture of a question's text becomes its Wagtail image
  (JPEG, PNG, GIF or WebP, size- and pixel-capped), the first sound its
  Wagtail document (the question read aloud). Anything else is named in
  the report, never dropped silently.
- Translations (our JSON format) become wagtail-localize translations of
  the new quiz (TranslationSource -> StringTranslation -> save_target, as
  an editor's would be), so questions and choices keep their translation
  keys in every language and stay editable in the translation editor.
  Categories get translated copies of their own (same translation key).

:func:`quiz_data` / :func:`export` / :func:`dumps` write a quiz, with every
language copy, in our JSON format; importing that file again gives the same
quiz in every language.
"""

from __future__ import annotations

import html
import io
import json
import logging
import posixpath
import re
from dataclasses import dataclass, field

import nh3
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from lms.choices import QuestionKind
from lms.files import M4A, MP3, OGG, WEBM, sniff_audio
from lms.models import Choice, Question, Quiz, QuizCategory

from . import json_format
from . import parse as parse_file
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
    QuestionData,
    QuizData,
    SkippedItem,
    format_size,
    short_label,
)

logger = logging.getLogger(__name__)

#: The largest picture or sound kept from a file, in bytes.
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_AUDIO_BYTES = 5 * 1024 * 1024
#: The largest picture kept, in pixels (width x height).
MAX_IMAGE_PIXELS = 25_000_000
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
AUDIO_TYPES = (MP3, OGG, M4A, WEBM)

_KINDS = {
    MULTIPLE_CHOICE: QuestionKind.CHOICE,
    TRUE_FALSE: QuestionKind.TRUE_FALSE,
    ESSAY: QuestionKind.ESSAY,
}
_FORMAT_KINDS = {value: key for key, value in _KINDS.items()}
_HTML_FORMATS = ("html", "moodle")


# --- the report ----------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did, for the person who asked: the quiz made (None
    when nothing was), one line per question of the file (made or skipped,
    in the file's order), notes on what could not be kept as it was, the
    languages translated, and the problems that stopped the import."""

    quiz: Quiz | None = None
    questions: list[str] = field(default_factory=list)
    created: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    translations: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.quiz is not None and not self.problems

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)


# --- texts -----------------------------------------------------------------------

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END = re.compile(
    r"</(p|div|li|h[1-6]|tr|blockquote|pre|ul|ol|table)\s*>", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"<li(\s[^>]*)?>", re.IGNORECASE)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))"""
)


def plain_text(text: str, text_format: str = "plain") -> str:
    """The words of a text as the quiz shows them: plain text, line breaks kept.

    HTML (and Moodle's auto-format, which may hold HTML) is first cleaned by
    nh3 (scripts and styles go with their content) and then reduced to its
    text: paragraphs, list items and ``<br>`` become line breaks, entities
    become the characters they stand for. Markdown and plain text are kept.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text_format in _HTML_FORMATS:
        if text_format == "html":  # line breaks in HTML source are spaces
            text = text.replace("\n", " ")
        text = _BREAK.sub("\n", text)
        text = _LIST_ITEM.sub("\n• ", text)
        text = _BLOCK_END.sub("\n\n", text)
        text = html.unescape(nh3.clean(text, tags=set()))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _alt_text(source: str, reference: str) -> str:
    """The ``alt`` of the ``<img>`` in `source` whose ``src`` is `reference`."""
    if not reference:
        return ""
    for tag in _IMG.findall(source):
        attributes = {
            match.group(1).lower(): html.unescape(
                match.group(3) or match.group(4) or match.group(5) or ""
            )
            for match in _ATTRIBUTE.finditer(tag)
        }
        if attributes.get("src") == reference:
            return " ".join(attributes.get("alt", "").split())[:255]
    return ""


# --- numbering and naming questions -----------------------------------------------


def _numbers(result: ImportResult) -> list[int]:
    """The number in the file (from 1, skipped questions included) of each
    question read: skipped ones keep theirs, the others fill the rest in order."""
    taken = {item.number for item in result.skipped}
    numbers, number = [], 0
    for _question in result.questions:
        number += 1
        while number in taken:
            number += 1
        numbers.append(number)
    return numbers


def _label(number: int, question: QuestionData, message: str) -> str:
    return str(
        SkippedItem(
            number,
            question.name or short_label(question.text),
            message,
            line=question.source_line,
        )
    )


# --- what will be made -------------------------------------------------------------


@dataclass
class _Media:
    name: str
    content: bytes
    extension: str
    alt: str = ""


@dataclass
class _Question:
    number: int
    data: QuestionData
    kind: str
    text: str
    explanation: str
    choices: list[tuple[ChoiceData, str, str, bool]]  # data, text, feedback, right
    image: _Media | None = None
    audio: _Media | None = None
    notes: list[str] = field(default_factory=list)


def _check_image(media: MediaData) -> tuple[_Media | None, str]:
    from PIL import Image as PILImage

    limit = min(MAX_IMAGE_BYTES, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    if len(media.content) > limit:
        return None, _("it is %(size)s, more than the limit of %(limit)s") % {
            "size": format_size(len(media.content)),
            "limit": format_size(limit),
        }
    try:
        with PILImage.open(io.BytesIO(media.content)) as picture:
            kind = picture.format
            width, height = picture.size
            picture.verify()
    except Exception:  # Pillow raises many kinds for a broken file
        return None, _("it is not a picture we can read")
    if kind not in IMAGE_FORMATS:
        return None, _("pictures must be JPEG, PNG, GIF or WebP")
    if width * height > MAX_IMAGE_PIXELS:
        return None, _("it is %(width)s × %(height)s pixels, too large to show") % {
            "width": width,
            "height": height,
        }
    return _Media(media.name, media.content, IMAGE_FORMATS[kind]), ""


def _check_audio(media: MediaData) -> tuple[_Media | None, str]:
    if len(media.content) > MAX_AUDIO_BYTES:
        return None, _("it is %(size)s, more than the limit of %(limit)s") % {
            "size": format_size(len(media.content)),
            "limit": format_size(MAX_AUDIO_BYTES),
        }
    sound = sniff_audio(media.content[:64])
    if sound not in AUDIO_TYPES:
        return None, _("sounds must be MP3, Ogg, M4A or WebM")
    return _Media(media.name, media.content, sound.extension), ""


def _media(question: _Question) -> None:
    """Pick the question's picture and sound; note every other file."""
    for media in question.data.media:
        wanted = media.used_in == "text" and media.kind in ("image", "audio")
        slot = "image" if media.kind == "image" else "audio"
        if not wanted or getattr(question, slot, None) is not None:
            question.notes.append(
                _(
                    "the file '%(file)s' was not kept: a question shows one "
                    "picture and one sound, with its text"
                )
                % {"file": media.name}
            )
            continue
        if media.content is None:
            question.notes.append(
                _(
                    "the file '%(file)s' is only referred to, not included in the "
                    "file: add it to the question in the editor"
                )
                % {"file": media.name}
            )
            continue
        checked, reason = (
            _check_image(media) if slot == "image" else _check_audio(media)
        )
        if checked is None:
            question.notes.append(
                _("the file '%(file)s' was not kept: %(reason)s")
                % {"file": media.name, "reason": reason}
            )
            continue
        if slot == "image":
            checked.alt = _alt_text(question.data.text, media.reference)
        setattr(question, slot, checked)


def _plan_question(number: int, data: QuestionData, report: ImportReport):
    """A _Question to make, or a reason to skip it (a translated string)."""
    text = plain_text(data.text, data.text_format)
    if not text:
        return _(
            "the question has no words once its pictures are taken out; a "
            "question must say what it asks"
        )
    planned = _Question(
        number=number,
        data=data,
        kind=_KINDS[data.kind],
        text=text,
        explanation=plain_text(data.explanation, data.explanation_format),
        choices=[],
    )
    if data.kind == MULTIPLE_CHOICE:
        for choice in data.choices:
            words = plain_text(choice.text, choice.text_format)
            if not words:
                return _(
                    "an answer has no words (a picture as an answer cannot be shown)"
                )
            if data.multiple_answers:
                right = choice.fraction > 0
            else:
                right = choice.fraction >= 100 - 1e-7
                if 0 < choice.fraction < 100 - 1e-7:
                    planned.notes.append(
                        _(
                            "the answer '%(answer)s' was worth %(weight)s%% in the "
                            "file; here only the answer worth 100%% is right"
                        )
                        % {
                            "answer": short_label(words),
                            "weight": f"{choice.fraction:g}",
                        }
                    )
            feedback = plain_text(choice.feedback, choice.feedback_format)
            planned.choices.append((choice, words, feedback, right))
        if data.multiple_answers and sum(1 for c in planned.choices if c[3]) > 1:
            report.note(
                _(
                    "In a question with several right answers she must tick every "
                    "right answer and none of the others; partial credit is not given."
                )
            )
    elif data.kind == TRUE_FALSE:
        if any(choice.feedback.strip() for choice in data.choices):
            planned.notes.append(
                _(
                    "the feedback on the answers true and false was not kept; the "
                    "explanation is shown after either answer"
                )
            )
    if data.grader_info.strip():
        planned.notes.append(
            _("the information for markers was not kept (add it to the explanation?)")
        )
    if data.points != 1:
        report.note(
            _(
                "Points per question were not kept: every question counts the same "
                "in a quiz here."
            )
        )
    _media(planned)
    return planned


def _check_lengths(planned: list[_Question], problems: list[str]) -> None:
    limit = Choice._meta.get_field("text").max_length
    for question in planned:
        for index, (_choice, words, _feedback, _right) in enumerate(question.choices):
            if len(words) > limit:
                problems.append(
                    _label(
                        question.number,
                        question.data,
                        _(
                            "answer %(number)s has %(count)s characters; an answer "
                            "may have at most %(limit)s"
                        )
                        % {"number": index + 1, "count": len(words), "limit": limit},
                    )
                )


# --- languages ----------------------------------------------------------------------


def content_languages() -> dict[str, str]:
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES)


def _locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def _translation_languages(result: ImportResult) -> set[str]:
    owners = [result.quiz] if result.quiz is not None else []
    owners += result.categories
    for question in result.questions:
        owners.append(question)
        owners += question.choices
    return {code for owner in owners for code in owner.translations}


# --- categories ---------------------------------------------------------------------


def _category_paths(result: ImportResult, kept: list[_Question]) -> list[tuple]:
    """Every category path the quiz needs, parents first."""
    paths = set()
    for category in result.categories:
        paths.add(category.path)
    for question in kept:
        if question.data.category:
            paths.add(tuple(question.data.category))
    wanted = set()
    for path in paths:
        for end in range(1, len(path) + 1):
            wanted.add(path[:end])
    return sorted(wanted, key=lambda path: (len(path), path))


def _check_category_names(paths, problems: list[str]) -> None:
    limit = QuizCategory._meta.get_field("name").max_length
    for path in paths:
        if len(path[-1]) > limit:
            problems.append(
                _("The category name '%(name)s…' is longer than %(limit)s characters.")
                % {"name": path[-1][:40], "limit": limit}
            )


def _make_categories(paths, locale: Locale) -> dict[tuple, QuizCategory]:
    """{path: category} in `locale`, reusing a category of the same name
    under the same parent (an earlier import's), else creating it."""
    made: dict[tuple, QuizCategory] = {}
    for path in paths:
        parent = made.get(path[:-1]) if len(path) > 1 else None
        category = QuizCategory.objects.filter(
            locale=locale, name=path[-1], parent=parent
        ).first()
        if category is None:
            category = QuizCategory.objects.create(
                locale=locale, name=path[-1], parent=parent
            )
        made[path] = category
    return made


def _translate_categories(made, result: ImportResult, locale: Locale) -> None:
    """Give each category a copy in `locale` (its translated name where the
    file has one, else its own name), parents first."""
    names = {
        category.path: category.translations.get(locale.language_code, {}).get("name")
        for category in result.categories
    }
    copies: dict[int, QuizCategory] = {}
    for path, category in made.items():
        existing = category.get_translation_or_none(locale)
        if existing is not None:
            copies[category.pk] = existing
            continue
        copy = category.copy_for_translation(locale)
        copy.name = (names.get(path) or category.name)[:100]
        copy.parent = copies.get(category.parent_id) if category.parent_id else None
        if category.parent_id and copy.parent is None:
            copy.parent = category.parent.get_translation_or_none(locale)
        copy.save()
        copies[category.pk] = copy


# --- translations through wagtail-localize -------------------------------------------


def _translated_strings(quiz: Quiz, result: ImportResult, made, code: str) -> dict:
    """{wagtail-localize context path: translated plain text} for `code`."""
    strings = {}
    if result.quiz is not None:
        for name, value in result.quiz.translations.get(code, {}).items():
            strings[name] = value
    for question, planned in made:
        data = planned.data
        base = f"questions.{question.translation_key}"
        fields = data.translations.get(code, {})
        if "text" in fields:
            strings[f"{base}.text"] = plain_text(fields["text"], data.text_format)
        if "explanation" in fields:
            strings[f"{base}.explanation"] = plain_text(
                fields["explanation"], data.explanation_format
            )
        for choice, (choice_data, *_rest) in zip(
            question._import_choices, planned.choices, strict=True
        ):
            key = f"{base}.choices.{choice.translation_key}"
            fields = choice_data.translations.get(code, {})
            if "text" in fields:
                strings[f"{key}.text"] = plain_text(
                    fields["text"], choice_data.text_format
                )
            if "feedback" in fields:
                strings[f"{key}.feedback"] = plain_text(
                    fields["feedback"], choice_data.feedback_format
                )
    return {path: text for path, text in strings.items() if text}


def _translate_quiz(quiz: Quiz, strings: dict, locale: Locale) -> Quiz:
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )
    from wagtail_localize.strings import StringValue

    source, _created = TranslationSource.update_or_create_from_instance(quiz)
    for segment in StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    ):
        text = strings.get(segment.context.path)
        if not text:
            continue  # the source's words, as wagtail-localize falls back
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(text).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translation.save_target(publish=True)
    return Quiz.objects.get(translation_key=quiz.translation_key, locale=locale)


def _check_translation_lengths(result, code, problems):
    """Translated texts must fit the fields they go in, like the source's."""
    limits = {
        "title": Quiz._meta.get_field("title").max_length,
        "choice": Choice._meta.get_field("text").max_length,
    }
    if result.quiz is not None:
        title = result.quiz.translations.get(code, {}).get("title", "")
        if len(title) > limits["title"]:
            problems.append(
                _("The title in %(language)s is longer than %(limit)s characters.")
                % {"language": code, "limit": limits["title"]}
            )
    for question in result.questions:
        for choice in question.choices:
            text = choice.translations.get(code, {}).get("text", "")
            if len(plain_text(text, choice.text_format)) > limits["choice"]:
                problems.append(
                    _(
                        "An answer in %(language)s is longer than %(limit)s "
                        "characters: '%(answer)s'"
                    )
                    % {
                        "language": code,
                        "limit": limits["choice"],
                        "answer": short_label(text),
                    }
                )


# --- storing -------------------------------------------------------------------------


def _save_image(media: _Media, title: str, created_files: list):
    from wagtail.images import get_image_model

    name = _file_name(media)
    image = get_image_model()(
        title=title[:255] or name,
        description=media.alt,
        file=ImageFile(io.BytesIO(media.content), name=name),
    )
    image._set_image_file_metadata()
    image.save()
    created_files.append(image.file)
    return image


def _save_audio(media: _Media, title: str, created_files: list):
    from wagtail.documents import get_document_model

    name = _file_name(media)
    document = get_document_model()(
        title=title[:255] or name, file=ContentFile(media.content, name=name)
    )
    document.save()
    created_files.append(document.file)
    return document


def _file_name(media: _Media) -> str:
    stem = posixpath.splitext(media.name)[0]
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.")[:60] or "quiz"
    return f"{stem}.{media.extension}"


def _choose_language(result: ImportResult, language: str | None, problems) -> str:
    languages = content_languages()
    if result.quiz is not None:
        source = result.quiz.language
        if language and language != source:
            problems.append(
                _(
                    "The file is written in %(file)s (its source language); choose "
                    "%(file)s, or leave the language empty."
                )
                % {"file": source}
            )
    else:
        source = language or settings.LANGUAGE_CODE
    if source not in languages:
        problems.append(
            _("This site has no content in the language '%(language)s'.")
            % {"language": source}
        )
    return source


def store(
    result: ImportResult,
    *,
    title: str = "",
    language: str | None = None,
    translation_key=None,
) -> ImportReport:
    """Make the quiz `result` describes, or nothing (see the module docstring).

    `title` names the quiz (a GIFT or Moodle XML file has none; for JSON it
    replaces the file's title in its source language). `language` is the
    language of the questions (GIFT, Moodle XML; the programme language by
    default); a JSON file names its own. `translation_key` fixes the new
    quiz's key (the demo uses it to find its quizzes again).
    """
    report = ImportReport()
    if not result.ok:
        report.problems = [str(problem) for problem in result.problems]
        return report
    problems: list[str] = []
    source = _choose_language(result, language, problems)
    quiz_data = result.quiz or QuizData(title="", language=source)
    title = " ".join((title or quiz_data.title or "").split())
    limit = Quiz._meta.get_field("title").max_length
    if not title:
        problems.append(_("Give the quiz a title."))
    elif len(title) > limit:
        problems.append(
            _("The title has %(count)s characters; at most %(limit)s.")
            % {"count": len(title), "limit": limit}
        )

    numbers = _numbers(result)
    planned: list[_Question] = []
    lines: dict[int, str] = {
        item.number: str(item) for item in result.skipped
    }  # number -> line
    for number, data in zip(numbers, result.questions, strict=True):
        outcome = _plan_question(number, data, report)
        if isinstance(outcome, str):
            lines[number] = _label(number, data, outcome)
            report.skipped += 1
        else:
            planned.append(outcome)
    report.skipped += len(result.skipped)
    if not planned and not problems:
        problems.append(_("The file contains no question that can be imported."))
    _check_lengths(planned, problems)
    paths = _category_paths(result, planned)
    _check_category_names(paths, problems)

    languages = content_languages()
    translated = sorted(_translation_languages(result) - {source})
    for code in list(translated):
        if code not in languages:
            report.note(
                _(
                    "The translations into '%(language)s' were not imported: this "
                    "site has no content in that language."
                )
                % {"language": code}
            )
            translated.remove(code)
        else:
            _check_translation_lengths(result, code, problems)
    if problems:
        report.problems = problems
        return report

    created_files: list = []
    try:
        with transaction.atomic():
            report.quiz = _save(
                quiz_data,
                title,
                source,
                planned,
                paths,
                result,
                translated,
                translation_key,
                created_files,
                report,
            )
    except Exception:
        for stored in created_files:
            try:
                stored.storage.delete(stored.name)
            except Exception:
                logger.exception("Could not remove %s after a failed import", stored)
        raise

    for question in planned:
        kind = QuestionKind(question.kind).label
        if question.kind == QuestionKind.CHOICE:
            right = sum(1 for c in question.choices if c[3])
            message = _("created (%(kind)s, %(answers)s answers, %(right)s right)") % {
                "kind": kind,
                "answers": len(question.choices),
                "right": right,
            }
        else:
            message = _("created (%(kind)s)") % {"kind": kind}
        if question.image is not None:
            message += "; " + _("with a picture")
        if question.audio is not None:
            message += "; " + _("with a sound")
        for note in question.notes:
            message += "; " + note
        lines[question.number] = _label(question.number, question.data, message)
    report.created = len(planned)
    report.questions = [lines[number] for number in sorted(lines)]
    return report


def _save(
    quiz_data: QuizData,
    title,
    source,
    planned,
    paths,
    result,
    translated,
    translation_key,
    created_files,
    report,
) -> Quiz:
    locale = _locale(source)
    categories = _make_categories(paths, locale)
    quiz = Quiz(title=title, locale=locale)
    if translation_key is not None:
        quiz.translation_key = translation_key
    if result.quiz is not None:
        quiz.description = quiz_data.description
        quiz.pass_mark = quiz_data.pass_mark
        quiz.pass_message = quiz_data.pass_message
        quiz.fail_message = quiz_data.fail_message
        quiz.random_order = quiz_data.random_order
        quiz.answers_at_end = quiz_data.answers_at_end
        quiz.single_attempt = quiz_data.single_attempt
        quiz.exam_paper = quiz_data.exam_paper
        quiz.draft = quiz_data.draft
        wanted = quiz_data.max_questions
        if wanted is not None and wanted > len(planned):
            report.note(
                _(
                    "The file asks for %(count)s questions per sitting; the quiz "
                    "has %(total)s, so every question is asked."
                )
                % {"count": wanted, "total": len(planned)}
            )
            wanted = None
        quiz.max_questions = wanted
    made = []
    for order, item in enumerate(planned):
        question = Question(
            locale=locale,
            sort_order=order,
            kind=item.kind,
            text=item.text,
            explanation=item.explanation,
            multiple_answers=item.kind == QuestionKind.CHOICE
            and item.data.multiple_answers,
            true_false_answer=item.data.true_false_answer
            if item.kind == QuestionKind.TRUE_FALSE
            else None,
            category=categories.get(tuple(item.data.category))
            if item.data.category
            else None,
        )
        label = short_label(item.text, 80)
        if item.image is not None:
            question.image = _save_image(item.image, label, created_files)
        if item.audio is not None:
            question.audio = _save_audio(item.audio, label, created_files)
        question._import_choices = []
        for index, (_data, words, feedback, right) in enumerate(item.choices):
            choice = Choice(
                locale=locale,
                sort_order=index,
                text=words,
                feedback=feedback,
                correct=right,
            )
            question.choices.add(choice)
            question._import_choices.append(choice)
        quiz.questions.add(question)
        made.append((question, item))
    quiz.full_clean(exclude=["translation_key", "locale"])
    quiz.save()
    for code in translated:
        target = _locale(code)
        _translate_categories(categories, result, target)
        _translate_quiz(quiz, _translated_strings(quiz, result, made, code), target)
        report.translations.append(code)
    return quiz


def import_file(
    data: bytes | str,
    fmt: str,
    *,
    title: str = "",
    language: str | None = None,
    translation_key=None,
) -> ImportReport:
    """Read `data` in the format `fmt` and :func:`store` it."""
    return store(
        parse_file(data, fmt),
        title=title,
        language=language,
        translation_key=translation_key,
    )


# --- export --------------------------------------------------------------------------


def copies_of(quiz: Quiz) -> tuple[Quiz, list[Quiz]]:
    """(the source copy, the other language copies) of a quiz: the source is
    the programme language's copy, else the first made, as the engine reads it."""
    copies = sorted(
        Quiz.objects.filter(translation_key=quiz.translation_key).select_related(
            "locale"
        ),
        key=lambda q: (q.locale.language_code != settings.LANGUAGE_CODE, q.pk),
    )
    return copies[0], copies[1:]


def _media_out(media_file, kind: str, notes: list[str]) -> MediaData:
    name = posixpath.basename(media_file.name)
    try:
        size = media_file.size
        if size > json_format.MAX_MEDIA_BYTES:
            notes.append(
                _(
                    "The file '%(file)s' (%(size)s) is only named in the export: "
                    "files over %(limit)s are not included."
                )
                % {
                    "file": name,
                    "size": format_size(size),
                    "limit": format_size(json_format.MAX_MEDIA_BYTES),
                }
            )
            return MediaData(name=name, kind=kind, content=None)
        with media_file.open("rb") as opened:
            content = opened.read()
    except OSError:
        notes.append(
            _("The file '%(file)s' could not be read and is only named.")
            % {"file": name}
        )
        return MediaData(name=name, kind=kind, content=None)
    return MediaData(name=name, kind=kind, content=content)


def quiz_data(quiz: Quiz, notes: list[str] | None = None) -> QuizData:
    """The quiz with every language copy, as the formats describe it."""
    notes = notes if notes is not None else []
    source, others = copies_of(quiz)
    copies = [source, *others]
    questions = list(
        Question.objects.filter(quiz__in=copies)
        .select_related("image", "audio")
        .prefetch_related("choices")
        .order_by("sort_order", "pk")
    )
    categories = {c.pk: c for c in QuizCategory.objects.select_related("locale")}
    by_key: dict = {}
    for category in categories.values():
        by_key.setdefault(category.translation_key, {})[
            category.locale.language_code
        ] = category

    def path_of(category_id) -> tuple[str, ...]:
        names, seen = [], set()
        while category_id is not None and category_id not in seen:
            seen.add(category_id)
            category = categories[category_id]
            names.append(category)
            category_id = category.parent_id
        return tuple(reversed(names))

    language = source.locale.language_code
    data = QuizData(
        title=source.title,
        language=language,
        description=source.description,
        pass_mark=source.pass_mark,
        pass_message=source.pass_message,
        fail_message=source.fail_message,
        random_order=source.random_order,
        max_questions=source.max_questions,
        answers_at_end=source.answers_at_end,
        single_attempt=source.single_attempt,
        exam_paper=source.exam_paper,
        draft=source.draft,
    )
    for copy in others:
        data.translations[copy.locale.language_code] = {
            name: getattr(copy, name)
            for name in ("title", "description", "pass_message", "fail_message")
        }
    translated = {
        (q.quiz_id, q.translation_key): q for q in questions if q.quiz_id != source.pk
    }
    seen_paths: dict[tuple, CategoryData] = {}
    for question in (q for q in questions if q.quiz_id == source.pk):
        path = ()
        if question.category_id in categories:
            lineage = path_of(question.category_id)
            path = tuple(c.name for c in lineage)
            for end in range(1, len(lineage) + 1):
                part = path[:end]
                if part in seen_paths:
                    continue
                item = CategoryData(path=part)
                names = by_key.get(lineage[end - 1].translation_key, {})
                for code, copy in names.items():
                    if code != language:
                        item.translations[code] = {"name": copy.name}
                seen_paths[part] = item
        item = QuestionData(
            kind=_FORMAT_KINDS[question.kind],
            text=question.text,
            explanation=question.explanation,
            category=path,
            multiple_answers=question.kind == QuestionKind.CHOICE
            and question.multiple_answers,
        )
        choices = sorted(question.choices.all(), key=lambda c: (c.sort_order, c.pk))
        if question.kind == QuestionKind.CHOICE:
            right = sum(1 for c in choices if c.correct) or 1
            share = round(100.0 / right, 5) if item.multiple_answers else 100.0
            for choice in choices:
                item.choices.append(
                    ChoiceData(
                        text=choice.text,
                        fraction=share if choice.correct else 0.0,
                        correct=choice.correct,
                        feedback=choice.feedback,
                    )
                )
        elif question.kind == QuestionKind.TRUE_FALSE:
            answer = bool(question.true_false_answer)
            item.choices = [
                ChoiceData(TRUE, 100.0 if answer else 0.0, answer),
                ChoiceData(FALSE, 0.0 if answer else 100.0, not answer),
            ]
        if question.image is not None:
            item.media.append(_media_out(question.image.file, "image", notes))
        if question.audio is not None:
            item.media.append(_media_out(question.audio.file, "audio", notes))
        for copy in others:
            other = translated.get((copy.pk, question.translation_key))
            if other is None:
                continue
            code = copy.locale.language_code
            item.translations[code] = {
                "text": other.text,
                "explanation": other.explanation,
            }
            theirs = {c.translation_key: c for c in other.choices.all()}
            if question.kind == QuestionKind.CHOICE:
                for choice, choice_item in zip(choices, item.choices, strict=True):
                    match = theirs.get(choice.translation_key)
                    if match is not None:
                        choice_item.translations[code] = {
                            "text": match.text,
                            "feedback": match.feedback,
                        }
        data.questions.append(item)
    data.categories = list(seen_paths.values())
    return data


def export(quiz: Quiz, notes: list[str] | None = None) -> dict:
    """The quiz in our JSON format, as a dict (see ``json_format``)."""
    return json_format.export(quiz_data(quiz, notes))


def dumps(quiz: Quiz, notes: list[str] | None = None) -> str:
    """:func:`export` as JSON text, UTF-8 friendly."""
    return json.dumps(export(quiz, notes), ensure_ascii=False, indent=2) + "\n"


__all__ = [
    "ImportReport",
    "copies_of",
    "dumps",
    "export",
    "import_file",
    "plain_text",
    "quiz_data",
    "store",
]
