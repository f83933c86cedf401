"""Quizzes, the engine: sittings, answers, scores, marks and results.

The django-quiz-app feature set, native. A trainee's ``Sitting`` fixes her
questions when she starts (random order, a random subset of N, by the
questions' ``translation_key``) and records an ``Answer`` per question;
nothing here trusts the browser about what is right. Scores are computed
from the *source* copy of the quiz (the programme language's, else its
first), whatever language she reads it in, so a sitting is the same in
every language she switches to.

Scoring, as django-quiz-app does it: percent = right answers / questions in
the sitting, rounded to the nearest whole number (halves up) and capped at
100; she passes when percent >= the pass mark. A written (essay) answer
counts once a supervisor has marked it; until then the finished sitting is
"waiting for marking", neither passed nor failed.

What is kept: a one-attempt quiz keeps its sitting and refuses a second
one (a replayed "start" is refused too: her enrollment's row is locked
while a sitting starts, and the database allows one open sitting per quiz);
an "exam paper" keeps every sitting; any other quiz keeps her best finished
sitting (and the one she just finished, until she starts again, so she can
read its result).

Services here are the only code that writes ``Sitting`` and ``Answer``
rows. They take keyword-only arguments, run in a transaction and lock the
sitting's row before changing it, so a double click, two tabs or a replayed
request are decided one after the other. Readers make a fixed number of
queries whatever the number of questions or sittings.
"""

from __future__ import annotations

import datetime
import secrets
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, ReferenceIndex

from lms.choices import QuestionKind
from lms.models import (
    Answer,
    Choice,
    Enrollment,
    Question,
    Quiz,
    QuizCategory,
    Sitting,
)
from lms.text import normalise_text

ESSAY_MAX_CHARS = 10_000
FEEDBACK_MAX_CHARS = 5_000
IMAGE_FILTER = "width-800"


class QuizError(Exception):
    """Something she (or a supervisor) can act on; ``message`` is translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class AlreadyTaken(QuizError):
    def __init__(self):
        super().__init__(_("You have taken this quiz. It can be taken only once."))


class SittingComplete(QuizError):
    def __init__(self, sitting: Sitting):
        super().__init__(
            _("You have finished this quiz, so answers can no longer be changed.")
        )
        self.sitting = sitting


class NotInSitting(QuizError):
    def __init__(self):
        super().__init__(
            _(
                "This question is not part of your quiz. Go back to the quiz and "
                "answer the question shown there."
            )
        )


class AlreadyAnswered(QuizError):
    def __init__(self, answer: Answer):
        super().__init__(
            _("You have already answered this question. Your first answer counts.")
        )
        self.answer = answer


class InvalidAnswer(QuizError):
    """The answer cannot be taken as it is (nothing chosen, a choice that is
    not the question's, an empty text); she tries again."""


# --- scoring -----------------------------------------------------------------


def percent_of(score: int, total: int) -> int:
    """Right answers as a whole percentage of the questions, as django-quiz-app
    gives it: nearest whole number (halves up), 0 for no questions, at most 100.
    Integer arithmetic, so 1 of 8 is 13, never 12.499..."""
    if total < 1:
        return 0
    if score >= total:
        return 100
    return max(0, (200 * score + total) // (2 * total))


def has_passed(percent: int, pass_mark: int) -> bool:
    return percent >= pass_mark


# --- the quiz in her language ------------------------------------------------


def _uuid(value) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def _key(value) -> str:
    """A translation key as stored in a sitting: the UUID's canonical text."""
    parsed = _uuid(value)
    return str(parsed) if parsed else ""


def _rank(language: str):
    source = settings.LANGUAGE_CODE

    def rank(obj) -> tuple:
        code = obj.locale.language_code
        return (0 if code == language else 1 if code == source else 2, obj.pk)

    return rank


def _source_rank(obj) -> tuple:
    return (0 if obj.locale.language_code == settings.LANGUAGE_CODE else 1, obj.pk)


@dataclass
class QuizCopies:
    """A quiz as read for one person: the source copy (which decides what is
    right, and the settings) and the copy shown (her language where
    translated, else the source)."""

    source: Quiz
    shown: Quiz

    @property
    def key(self) -> uuid.UUID:
        return self.source.translation_key

    @property
    def language(self) -> str:
        return self.shown.locale.language_code


def _pick(copies: list, language: str) -> QuizCopies | None:
    if not copies:
        return None
    return QuizCopies(
        source=min(copies, key=_source_rank), shown=min(copies, key=_rank(language))
    )


def quizzes_by_key(keys, language: str) -> dict:
    """{quiz key (UUID): QuizCopies} for `keys` in `language`. One query."""
    wanted = {k for k in (_uuid(key) for key in keys) if k}
    if not wanted:
        return {}
    found: dict = {}
    for quiz in Quiz.objects.filter(translation_key__in=wanted).select_related(
        "locale"
    ):
        found.setdefault(quiz.translation_key, []).append(quiz)
    return {key: _pick(copies, language) for key, copies in found.items()}


def read_quiz(quiz_key, language: str) -> QuizCopies | None:
    return quizzes_by_key([quiz_key], language).get(_uuid(quiz_key))


# --- where quizzes are placed ------------------------------------------------


def quiz_keys_in_module(module_key) -> set:
    """Translation keys (UUID) of the quizzes a module's lesson places, in any
    language's copy of the module. Read from Wagtail's reference index (a
    page keeps the snippets its blocks choose): three queries (and the
    content types once per process)."""
    key = _uuid(module_key)
    if key is None:
        return set()
    page_ids = [
        str(pk)
        for pk in Page.objects.filter(translation_key=key)
        .live()
        .values_list("pk", flat=True)
    ]
    if not page_ids:
        return set()
    # The index keeps ids as text: read them (a subquery would compare text
    # with integers, which PostgreSQL refuses).
    quiz_ids = {
        int(pk)
        for pk in ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids,
            to_content_type=ContentType.objects.get_for_model(Quiz),
        ).values_list("to_object_id", flat=True)
        if str(pk).isdigit()
    }
    if not quiz_ids:
        return set()
    return set(
        Quiz.objects.filter(pk__in=quiz_ids).values_list("translation_key", flat=True)
    )


def is_placed_in(quiz_key, module_key) -> bool:
    return _uuid(quiz_key) in quiz_keys_in_module(module_key)


# --- questions of a sitting --------------------------------------------------


@dataclass
class ShownChoice:
    """An answer she may choose: its key and its words, nothing about
    whether it is right."""

    key: str
    text: str


@dataclass
class QuestionCopies:
    """One question: the source copy (what is right) and the copy shown."""

    source: Question
    shown: Question

    @property
    def key(self) -> str:
        return str(self.source.translation_key)

    @property
    def kind(self) -> str:
        return self.source.kind

    @property
    def multiple_answers(self) -> bool:
        return self.kind == QuestionKind.CHOICE and self.source.multiple_answers

    @property
    def language(self) -> str:
        return self.shown.locale.language_code

    @property
    def text(self) -> str:
        return self.shown.text or self.source.text

    @property
    def explanation(self) -> str:
        return self.shown.explanation or self.source.explanation

    @property
    def image(self):
        return self.shown.image or self.source.image

    @property
    def audio(self):
        return self.shown.audio or self.source.audio

    def _shown_choices(self) -> dict:
        return {str(c.translation_key): c for c in self.shown.prefetched_choices}

    def choices(self) -> list[ShownChoice]:
        """The source's choices in its order, in her words where translated."""
        shown = self._shown_choices()
        return [
            ShownChoice(
                key=str(c.translation_key),
                text=(shown.get(str(c.translation_key)) or c).text or c.text,
            )
            for c in self.source.prefetched_choices
        ]

    def choice_keys(self) -> set[str]:
        return {str(c.translation_key) for c in self.source.prefetched_choices}

    def correct_choice_keys(self) -> set[str]:
        return {
            str(c.translation_key) for c in self.source.prefetched_choices if c.correct
        }

    def choice_feedback(self) -> dict:
        """{choice key: feedback in her words where translated}."""
        shown = self._shown_choices()
        return {
            str(c.translation_key): (
                (shown.get(str(c.translation_key)) or c).feedback or c.feedback
            )
            for c in self.source.prefetched_choices
        }

    @property
    def category_id(self):
        return self.source.category_id


def _question_query():
    return (
        Question.objects.select_related("locale", "image", "audio", "category")
        .prefetch_related(
            Prefetch(
                "choices",
                queryset=Choice.objects.order_by("sort_order", "pk"),
                to_attr="prefetched_choices",
            ),
        )
        .order_by("sort_order", "pk")
    )


def _with_renditions(questions: list) -> None:
    """Fetch the images' renditions in one query (none without images), so
    a page of many pictured questions does not ask once per picture."""
    images = {q.image_id: q.image for q in questions if q.image_id}
    if not images:
        return
    from wagtail.images import get_image_model

    model = get_image_model()
    with_renditions = model.objects.filter(pk__in=images).prefetch_renditions(
        IMAGE_FILTER
    )
    by_pk = {image.pk: image for image in with_renditions}
    for question in questions:
        if question.image_id in by_pk:
            question.image = by_pk[question.image_id]


def questions_of(quiz: QuizCopies, keys, *, images=True) -> dict:
    """{question key: QuestionCopies} of `keys` in the quiz (source copy's
    questions, and the shown copy's where translated). Questions since
    removed from the quiz are missing. Three queries whatever the number of
    questions (four with pictures)."""
    wanted = {k for k in (_uuid(key) for key in keys) if k}
    if not wanted:
        return {}
    quiz_ids = {quiz.source.pk, quiz.shown.pk}
    questions = list(
        _question_query().filter(quiz_id__in=quiz_ids, translation_key__in=wanted)
    )
    if images:
        _with_renditions(questions)
    source = {q.translation_key: q for q in questions if q.quiz_id == quiz.source.pk}
    shown = {q.translation_key: q for q in questions if q.quiz_id == quiz.shown.pk}
    return {
        str(key): QuestionCopies(source=question, shown=shown.get(key, question))
        for key, question in source.items()
    }


# --- starting or resuming ----------------------------------------------------


def open_sitting(user, quiz_key) -> Sitting | None:
    return Sitting.objects.filter(
        user=user, quiz_key=_uuid(quiz_key), complete=False
    ).first()


def draw_questions(quiz: Quiz, *, rng=None) -> list[str]:
    """The question keys a new sitting asks, in the order asked: every
    question, or a random subset of ``max_questions``; shuffled when the
    quiz asks for random order, else in the quiz's order."""
    rng = rng or secrets.SystemRandom()
    keys = [
        str(key)
        for key in quiz.questions.order_by("sort_order", "pk").values_list(
            "translation_key", flat=True
        )
    ]
    if quiz.max_questions and quiz.max_questions < len(keys):
        chosen = set(rng.sample(keys, quiz.max_questions))
        keys = [key for key in keys if key in chosen]
    if quiz.random_order:
        rng.shuffle(keys)
    return keys


@transaction.atomic
def start_or_resume(
    *, user, enrollment: Enrollment, quiz: Quiz, module_key=None, rng=None
) -> tuple[Sitting, bool]:
    """Her open sitting of `quiz` (the source copy), or a new one; and whether
    it is new. A one-attempt quiz she has sat refuses a new sitting
    (AlreadyTaken), however the request is replayed."""
    # One start at a time per enrollment: two tabs or a replayed request
    # wait here and then find what the first one made.
    Enrollment.objects.select_for_update().filter(pk=enrollment.pk).first()
    key = quiz.translation_key
    current = open_sitting(user, key)
    if current is not None:
        return current, False
    if quiz.single_attempt and Sitting.objects.filter(user=user, quiz_key=key).exists():
        raise AlreadyTaken()
    questions = draw_questions(quiz, rng=rng)
    if not questions:
        raise QuizError(_("This quiz has no questions yet. Try again later."))
    _prune(user_id=user.pk, quiz=quiz)
    try:
        with transaction.atomic():
            sitting = Sitting.objects.create(
                user=user,
                enrollment=enrollment,
                quiz_key=key,
                module_key=_uuid(module_key),
                question_keys=questions,
            )
    except IntegrityError:  # another request opened one in the meantime
        return Sitting.objects.get(user=user, quiz_key=key, complete=False), False
    return sitting, True


# --- where she is ------------------------------------------------------------


def answered_keys(sitting: Sitting) -> list[str]:
    """Keys of the questions she has answered, in the order she answered. One query."""
    return [
        str(key)
        for key in sitting.answers.order_by("answered_at", "pk").values_list(
            "question_key", flat=True
        )
    ]


def next_question_key(sitting: Sitting, answered) -> str | None:
    done = set(answered)
    return next((key for key in sitting.question_keys if key not in done), None)


def position_of(sitting: Sitting, question_key) -> int:
    """Her question's number in the sitting (1-based), 0 if not in it."""
    key = _key(question_key)
    try:
        return sitting.question_keys.index(key) + 1
    except ValueError:
        return 0


@transaction.atomic
def drop_missing_questions(*, sitting: Sitting, present) -> Sitting:
    """Questions removed from the quiz since she started leave her sitting
    (her score is then out of the questions that still exist); finishing it
    if nothing is left to answer."""
    sitting = _locked(sitting)
    keep = [key for key in sitting.question_keys if key in set(present)]
    if keep == sitting.question_keys:
        return sitting
    sitting.question_keys = keep
    sitting.save(update_fields=["question_keys"])
    if not sitting.complete and sitting.answers.count() >= len(keep):
        _finish(sitting)
    return sitting


# --- answering ---------------------------------------------------------------


def _locked(sitting: Sitting) -> Sitting:
    return Sitting.objects.select_for_update().get(pk=sitting.pk)


@dataclass
class Given:
    """What she sent for one question, cleaned."""

    choice_keys: list[str] = field(default_factory=list)
    true_false: bool | None = None
    text: str = ""

    def same_as(self, answer: Answer) -> bool:
        return (
            sorted(self.choice_keys) == sorted(answer.choice_keys or [])
            and self.true_false == answer.true_false
            and self.text == answer.text
        )


def clean_answer(question: QuestionCopies, *, choice_keys=(), true_false=None, text=""):
    """What she sent as a Given, or InvalidAnswer with what to do."""
    if question.kind == QuestionKind.CHOICE:
        sent = [str(v).strip() for v in choice_keys or () if str(v).strip()]
        if not sent:
            raise InvalidAnswer(
                _("Choose one or more answers.")
                if question.multiple_answers
                else _("Choose an answer.")
            )
        keys = list(dict.fromkeys(_key(v) for v in sent))
        known = question.choice_keys()
        if any(key not in known for key in keys):
            raise InvalidAnswer(
                _("That answer is not one of this question's answers. Choose again.")
            )
        if not question.multiple_answers and len(keys) > 1:
            raise InvalidAnswer(_("Choose only one answer."))
        return Given(choice_keys=keys)
    if question.kind == QuestionKind.TRUE_FALSE:
        if true_false not in (True, False):
            raise InvalidAnswer(_("Choose true or false."))
        return Given(true_false=true_false)
    text = normalise_text(text).strip()
    if not text:
        raise InvalidAnswer(_("Write your answer first."))
    if len(text) > ESSAY_MAX_CHARS:
        raise InvalidAnswer(
            _(
                "Your answer is too long: %(count)s characters. The limit is "
                "%(max)s. Please shorten it."
            )
            % {"count": len(text), "max": ESSAY_MAX_CHARS}
        )
    return Given(text=text)


def is_right(question: QuestionCopies, given: Given) -> bool | None:
    """Right or wrong by the source copy; None for a written answer (a
    supervisor decides)."""
    if question.kind == QuestionKind.CHOICE:
        return set(given.choice_keys) == question.correct_choice_keys()
    if question.kind == QuestionKind.TRUE_FALSE:
        return given.true_false is question.source.true_false_answer
    return None


@dataclass
class Answered:
    answer: Answer
    sitting: Sitting
    replay: bool = False


@transaction.atomic
def answer_question(
    *,
    sitting: Sitting,
    user,
    question: QuestionCopies | None,
    question_key,
    choice_keys=(),
    true_false=None,
    text="",
) -> Answered:
    """Record her answer to one question of her sitting.

    `question` is the question as read for her (None when the key is not a
    question of the quiz). The same answer sent twice (a double click, a
    replayed request) gives the answer already recorded, even once the
    sitting is finished; a different second answer is refused. Answering
    the last question finishes the sitting.
    """
    sitting = _locked(sitting)
    if sitting.user_id != user.pk:
        raise NotInSitting()
    key = _key(question_key)
    if not key or key not in sitting.question_keys or question is None:
        raise NotInSitting()
    existing = sitting.answers.filter(question_key=key).first()
    try:
        given = clean_answer(
            question, choice_keys=choice_keys, true_false=true_false, text=text
        )
    except InvalidAnswer:
        if existing is not None:
            raise AlreadyAnswered(existing) from None
        if sitting.complete:
            raise SittingComplete(sitting) from None
        raise
    if existing is not None:
        if given.same_as(existing):
            return Answered(existing, sitting, replay=True)
        raise AlreadyAnswered(existing)
    if sitting.complete:
        raise SittingComplete(sitting)
    try:
        with transaction.atomic():
            answer = Answer.objects.create(
                sitting=sitting,
                question_key=key,
                choice_keys=given.choice_keys,
                true_false=given.true_false,
                text=given.text,
                correct=is_right(question, given),
            )
    except IntegrityError:  # the same question answered at the same moment
        answer = sitting.answers.get(question_key=key)
        if given.same_as(answer):
            return Answered(answer, sitting, replay=True)
        raise AlreadyAnswered(answer) from None
    sitting.score = sitting.answers.filter(correct=True).count()
    sitting.save(update_fields=["score"])
    if sitting.answers.count() >= len(sitting.question_keys):
        _finish(sitting)
    return Answered(answer, sitting)


def answer_by_key(
    *, sitting: Sitting, user, question_key, choice_keys=(), true_false=None, text=""
) -> Answered:
    """answer_question for callers that have only keys (commands, the demo):
    reads the question from the quiz's source copy first."""
    quiz = read_quiz(sitting.quiz_key, settings.LANGUAGE_CODE)
    key = _key(question_key)
    question = questions_of(quiz, [key], images=False).get(key) if quiz else None
    return answer_question(
        sitting=sitting,
        user=user,
        question=question,
        question_key=key,
        choice_keys=choice_keys,
        true_false=true_false,
        text=text,
    )


# --- finishing and marking ---------------------------------------------------


def _source_quiz(quiz_key) -> Quiz | None:
    copies = list(
        Quiz.objects.filter(translation_key=quiz_key).select_related("locale")
    )
    return min(copies, key=_source_rank) if copies else None


def _settle(sitting: Sitting, quiz: Quiz | None) -> None:
    """Score, percent and verdict of a finished sitting from its answers."""
    answers = list(sitting.answers.values_list("correct", flat=True))
    sitting.score = sum(1 for correct in answers if correct)
    sitting.waiting_for_marking = any(correct is None for correct in answers)
    if sitting.waiting_for_marking:
        sitting.percent = None
        sitting.passed = None
    else:
        sitting.percent = percent_of(sitting.score, sitting.total)
        pass_mark = quiz.pass_mark if quiz is not None else 0
        sitting.passed = has_passed(sitting.percent, pass_mark)
    sitting.save(update_fields=["score", "waiting_for_marking", "percent", "passed"])


def _finish(sitting: Sitting) -> None:
    sitting.complete = True
    sitting.ended_at = timezone.now()
    sitting.save(update_fields=["complete", "ended_at"])
    quiz = _source_quiz(sitting.quiz_key)
    _settle(sitting, quiz)
    if quiz is not None:
        _prune(user_id=sitting.user_id, quiz=quiz, keep=sitting.pk)


@transaction.atomic
def finish(*, sitting: Sitting) -> Sitting:
    """Finish her sitting now (questions she did not answer count as wrong).
    Finishing twice is harmless."""
    sitting = _locked(sitting)
    if not sitting.complete:
        _finish(sitting)
    return sitting


def _prune(*, user_id, quiz: Quiz, keep=None) -> None:
    """Keep her best finished sitting (and `keep`) of a quiz that is neither
    an exam paper nor one attempt only; sittings waiting for marking stay."""
    if quiz.exam_paper or quiz.single_attempt:
        return
    finished = list(
        Sitting.objects.filter(
            user_id=user_id, quiz_key=quiz.translation_key, complete=True
        ).only("pk", "percent", "passed", "waiting_for_marking", "ended_at")
    )
    scored = [
        s for s in finished if not s.waiting_for_marking and s.percent is not None
    ]
    if not scored:
        return
    best = max(scored, key=_goodness)
    spare = {best.pk, keep}
    gone = [s.pk for s in scored if s.pk not in spare]
    if gone:
        Sitting.objects.filter(pk__in=gone).delete()


def _goodness(sitting) -> tuple:
    epoch = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return (bool(sitting.passed), sitting.percent or 0, sitting.ended_at or epoch)


def _best_rank(sitting) -> tuple:
    return (0 if sitting.waiting_for_marking else 1, *_goodness(sitting))


def best_sitting(sittings):
    """Her best of some finished sittings of one quiz: scored before waiting
    for marking, passed first, then the highest percent, then the latest."""
    finished = [s for s in sittings if s.complete]
    return max(finished, key=_best_rank) if finished else None


@transaction.atomic
def mark_answer(
    *, answer: Answer, marker, correct: bool, feedback: str = ""
) -> Sitting:
    """A supervisor marks a written answer right or wrong (again, if she
    changes her mind), with feedback; the sitting's score, percent and
    verdict follow once every written answer is marked."""
    sitting = _locked(answer.sitting)
    answer = Answer.objects.get(pk=answer.pk)
    if sitting.user_id == getattr(marker, "pk", None):
        raise QuizError(_("You cannot mark your own answers."))
    if answer.choice_keys or answer.true_false is not None or not answer.text:
        raise QuizError(_("Only written answers are marked by a supervisor."))
    if correct not in (True, False):
        raise QuizError(_("Choose whether the answer is right or not."))
    feedback = normalise_text(feedback).strip()
    if len(feedback) > FEEDBACK_MAX_CHARS:
        raise QuizError(
            _(
                "Your feedback is too long: %(count)s characters. The limit is "
                "%(max)s. Please shorten it."
            )
            % {"count": len(feedback), "max": FEEDBACK_MAX_CHARS}
        )
    answer.correct = correct
    answer.feedback = feedback
    answer.marked_by = marker
    answer.marked_at = timezone.now()
    answer.save(update_fields=["correct", "feedback", "marked_by", "marked_at"])
    if sitting.complete:
        quiz = _source_quiz(sitting.quiz_key)
        _settle(sitting, quiz)
        if quiz is not None and not sitting.waiting_for_marking:
            _prune(user_id=sitting.user_id, quiz=quiz, keep=sitting.pk)
    else:
        sitting.score = sitting.answers.filter(correct=True).count()
        sitting.save(update_fields=["score"])
    return sitting


# --- results -----------------------------------------------------------------


@dataclass(frozen=True)
class QuizResult:
    """Her best finished sitting of one quiz, for completion and her pages."""

    quiz_key: uuid.UUID
    sitting_id: int
    percent: int | None
    passed: bool | None
    waiting_for_marking: bool
    ended_at: datetime.datetime | None


def best_results(user, quiz_keys) -> dict:
    """{quiz key (UUID): QuizResult} of her best finished sitting of each quiz
    (passed first, then the highest percent, then the latest). A quiz whose
    only finished sittings wait for marking gives a result with
    ``waiting_for_marking`` and no verdict; quizzes she has not finished are
    missing. One query for any number of quizzes and sittings."""
    keys = {k for k in (_uuid(key) for key in quiz_keys) if k}
    if not keys or user is None or not user.is_authenticated:
        return {}
    best: dict = {}
    for sitting in Sitting.objects.filter(
        user=user, quiz_key__in=keys, complete=True
    ).only("pk", "quiz_key", "percent", "passed", "waiting_for_marking", "ended_at"):
        rank = _best_rank(sitting)
        current = best.get(sitting.quiz_key)
        if current is None or rank > current[0]:
            best[sitting.quiz_key] = (rank, sitting)
    return {
        key: QuizResult(
            quiz_key=key,
            sitting_id=s.pk,
            percent=s.percent,
            passed=s.passed,
            waiting_for_marking=s.waiting_for_marking,
            ended_at=s.ended_at,
        )
        for key, (_rank, s) in best.items()
    }


@dataclass
class CategoryRate:
    """Her success rate in one category (sub-categories counted in their
    parents too)."""

    key: uuid.UUID
    names: list[str]
    depth: int
    right: int = 0
    answered: int = 0

    @property
    def percent(self) -> int:
        return percent_of(self.right, self.answered)


def category_rates(user, language: str) -> list[CategoryRate]:
    """Her success rate per category over the answers of her finished
    sittings that are marked, in her language where the categories are
    translated. A question without a category counts in its quiz's. Three
    queries whatever the number of sittings, answers or categories."""
    rows = list(
        Answer.objects.filter(
            sitting__user=user, sitting__complete=True, correct__isnull=False
        ).values_list("question_key", "correct", "sitting__quiz_key")
    )
    if not rows:
        return []
    questions = {}
    for key, locale, category, quiz_category in Question.objects.filter(
        translation_key__in={r[0] for r in rows}
    ).values_list(
        "translation_key",
        "locale__language_code",
        "category__translation_key",
        "quiz__category__translation_key",
    ):
        # The programme language's copy decides (the source).
        if key not in questions or locale == settings.LANGUAGE_CODE:
            questions[key] = category or quiz_category
    categories = list(QuizCategory.objects.select_related("locale", "parent"))
    by_key: dict = {}
    for category in categories:
        by_key.setdefault(category.translation_key, []).append(category)
    chosen = {key: min(copies, key=_rank(language)) for key, copies in by_key.items()}
    parent_key = {
        key: min(copies, key=_source_rank).parent.translation_key
        if min(copies, key=_source_rank).parent_id
        else None
        for key, copies in by_key.items()
    }

    def lineage(key) -> list:
        chain, seen = [], set()
        while key is not None and key in chosen and key not in seen:
            seen.add(key)
            chain.append(key)
            key = parent_key.get(key)
        return list(reversed(chain))

    rates: dict = {}
    for question_key, correct, _quiz_key in rows:
        category = questions.get(question_key)
        if category is None:
            continue
        chain = lineage(category)
        for depth, key in enumerate(chain):
            rate = rates.get(key)
            if rate is None:
                rate = rates[key] = CategoryRate(
                    key=key,
                    names=[chosen[k].name for k in chain[: depth + 1]],
                    depth=depth,
                )
            rate.answered += 1
            rate.right += 1 if correct else 0
    return sorted(rates.values(), key=lambda r: [n.casefold() for n in r.names])
