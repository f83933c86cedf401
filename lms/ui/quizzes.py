"""What the quiz pages and the quiz block show, read in a fixed number of
queries whatever the number of questions in the pool, answers or sittings.

The question page gets a question's words and its answers' words only:
nothing that tells which answer is right reaches the browser before she
has answered (``answer_result`` is built only for answered questions, and
only once the quiz lets her see it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from lms import curriculum, permissions, quizzes
from lms.choices import QuestionKind
from lms.models import Answer, Sitting

RESULTS_PER_PAGE = 25
QUEUE_LIMIT = 50


def _first_name(user) -> str:
    return user.first_name or user.get_username()


def sitting_url(sitting) -> str:
    return reverse("lms:quiz_sitting", kwargs={"pk": sitting.pk})


def result_url(sitting) -> str:
    return reverse("lms:quiz_result", kwargs={"pk": sitting.pk})


def module_link(module_key, language) -> dict:
    """{"title", "url", "language"} of the module a sitting was started in,
    in her language where it has a copy (one query), or {}."""
    if not module_key:
        return {}
    page = curriculum.pages_in_language([module_key], language).get(module_key)
    if page is None:
        return {}
    return {
        "title": page.title,
        "url": page.url,
        "language": curriculum.content_language(page),
    }


def verdict(sitting) -> str:
    """ "passed", "failed", "waiting" (for marking) or "open"."""
    if not sitting.complete:
        return "open"
    if sitting.waiting_for_marking:
        return "waiting"
    return "passed" if sitting.passed else "failed"


# --- the block on a module page ------------------------------------------------


@dataclass
class BlockState:
    """One quiz as she sees it on a module page."""

    open_sitting: Sitting | None = None
    best: Sitting | None = None
    taken: bool = False  # she has a sitting of it (finished or not)
    answered: int = 0


def block_state(user, quiz_key) -> BlockState:
    """Her sittings of a quiz, for its block. One query."""
    state = BlockState()
    sittings = list(
        Sitting.objects.filter(user=user, quiz_key=quiz_key).annotate(
            answered_count=Count("answers")
        )
    )
    state.taken = bool(sittings)
    for sitting in sittings:
        if not sitting.complete:
            state.open_sitting = sitting
            state.answered = sitting.answered_count
    state.best = quizzes.best_sitting(sittings)
    return state


# --- taking it ------------------------------------------------------------------


def question_context(
    sitting: Sitting,
    quiz: quizzes.QuizCopies,
    question: quizzes.QuestionCopies,
    *,
    answered: int,
    error=None,
    given=None,
) -> dict:
    """Context for lms/quizzes/question.html: her question, never its answer."""
    given = given or {}
    number = quizzes.position_of(sitting, question.key)
    chosen = set(given.get("choice_keys") or [])
    return {
        "sitting": sitting,
        "quiz": quiz.shown,
        "quiz_language": quiz.language,
        "question": {
            "key": question.key,
            "kind": question.kind,
            "text": question.text,
            "language": question.language,
            "multiple": question.multiple_answers,
            "image": question.image,
            "audio": question.audio,
            "choices": [
                {"key": c.key, "text": c.text, "checked": c.key in chosen}
                for c in question.choices()
            ]
            if question.kind == QuestionKind.CHOICE
            else [],
        },
        "kinds": QuestionKind,
        "number": number,
        "total": sitting.total,
        "answered": answered,
        "is_last": answered + 1 >= sitting.total,
        "error": error,
        "given_true_false": given.get("true_false"),
        "given_text": given.get("text", ""),
        "essay_max": quizzes.ESSAY_MAX_CHARS,
    }


def answer_result(question: quizzes.QuestionCopies, answer: Answer) -> dict:
    """One answered question as she (or staff) reads it afterwards: her
    answer, right or wrong (or waiting for marking), the right answer, the
    explanation and each choice's feedback."""
    result = {
        "key": question.key,
        "kind": question.kind,
        "text": question.text,
        "language": question.language,
        "image": question.image,
        "audio": question.audio,
        "explanation": question.explanation,
        "verdict": (
            "waiting"
            if answer is not None and answer.correct is None
            else "right"
            if answer is not None and answer.correct
            else "wrong"
        ),
        "answer": answer,
        "answered": answer is not None,
        "choices": [],
    }
    if question.kind == QuestionKind.CHOICE:
        right = question.correct_choice_keys()
        feedback = question.choice_feedback()
        chosen = set(answer.choice_keys or []) if answer is not None else set()
        result["choices"] = [
            {
                "key": c.key,
                "text": c.text,
                "chosen": c.key in chosen,
                "correct": c.key in right,
                "feedback": feedback.get(c.key, "") if c.key in chosen else "",
            }
            for c in question.choices()
        ]
    elif question.kind == QuestionKind.TRUE_FALSE:
        result["right_true_false"] = question.source.true_false_answer
        result["given_true_false"] = answer.true_false if answer is not None else None
    return result


@dataclass
class Summary:
    """A finished sitting's outcome, in words for the result page."""

    verdict: str
    score: int
    total: int
    percent: int | None
    pass_mark: int
    message: str = ""
    waiting: int = 0


def summary_of(sitting, quiz: quizzes.QuizCopies, answers) -> Summary:
    kind = verdict(sitting)
    shown, source = quiz.shown, quiz.source
    message = ""
    if kind == "passed":
        message = shown.pass_message or source.pass_message
    elif kind == "failed":
        message = shown.fail_message or source.fail_message
    return Summary(
        verdict=kind,
        score=sitting.score,
        total=sitting.total,
        percent=sitting.percent,
        pass_mark=source.pass_mark,
        message=message,
        waiting=sum(1 for a in answers if a.correct is None),
    )


def result_context(sitting: Sitting, language: str, *, viewer) -> dict | None:
    """Context for lms/quizzes/result.html (every question of the sitting
    with her answer, the right answer and the explanation), or None if the
    quiz is gone. Six queries whatever the number of questions."""
    quiz = quizzes.read_quiz(sitting.quiz_key, language)
    if quiz is None:
        return None
    answers = {str(a.question_key): a for a in sitting.answers.all()}
    questions = quizzes.questions_of(quiz, sitting.question_keys)
    rows = []
    for number, key in enumerate(sitting.question_keys, start=1):
        question = questions.get(key)
        if question is None:
            continue
        row = answer_result(question, answers.get(key))
        row["number"] = number
        rows.append(row)
    owner = permissions.user_owns_sitting(viewer, sitting)
    can_mark = {}
    if not owner:
        markable = set(
            permissions.markable_answers(viewer)
            .filter(sitting=sitting)
            .values_list("pk", flat=True)
        )
        can_mark = {a.pk for a in answers.values() if a.pk in markable}
    for row in rows:
        answer = row["answer"]
        row["mark_url"] = (
            reverse("lms:quiz_mark", kwargs={"pk": answer.pk})
            if answer is not None and answer.pk in can_mark
            else ""
        )
    return {
        "sitting": sitting,
        "quiz": quiz.shown,
        "quiz_language": quiz.language,
        "rows": rows,
        "summary": summary_of(sitting, quiz, answers.values()),
        "owner": owner,
        "trainee": _first_name(sitting.user) if not owner else "",
        "module": module_link(sitting.module_key, language),
        "kinds": QuestionKind,
    }


# --- her progress ---------------------------------------------------------------


def progress_context(user, language: str) -> dict:
    """Her success rate per category and her results, newest first. Five
    queries whatever the number of sittings."""
    sittings = list(
        Sitting.objects.filter(user=user)
        .annotate(answered_count=Count("answers"))
        .order_by("-started_at", "-pk")
    )
    titles = quizzes.quizzes_by_key({s.quiz_key for s in sittings}, language)
    rows = []
    for sitting in sittings:
        quiz = titles.get(sitting.quiz_key)
        rows.append(
            {
                "sitting": sitting,
                "title": quiz.shown.title if quiz else _("A quiz no longer online"),
                "language": quiz.language if quiz else "",
                "verdict": verdict(sitting),
                "url": (
                    result_url(sitting) if sitting.complete else sitting_url(sitting)
                ),
            }
        )
    return {
        "rows": rows,
        "open_rows": [r for r in rows if r["verdict"] == "open"],
        "done_rows": [r for r in rows if r["verdict"] != "open"],
        "categories": quizzes.category_rates(user, language),
    }


# --- staff: results and marking -------------------------------------------------


@dataclass
class StaffFilters:
    quiz_key: str = ""
    trainee_id: int | None = None

    def params(self, **changes) -> dict:
        values = {"quiz": self.quiz_key, "trainee": self.trainee_id or ""}
        values.update(changes)
        return {k: v for k, v in values.items() if v}


def staff_results_context(user, language: str, *, quiz_key, trainee_id, page) -> dict:
    """The sittings of her groups' trainees, newest first, filterable by quiz
    and trainee, a page at a time. Seven queries whatever the number of
    sittings."""
    visible = permissions.staff_sittings(user)
    quiz_keys = set(visible.order_by().values_list("quiz_key", flat=True).distinct())
    titles = quizzes.quizzes_by_key(quiz_keys, language)
    quiz_options = sorted(
        ((str(k), q.shown.title) for k, q in titles.items()),
        key=lambda item: item[1].casefold(),
    )
    trainees = sorted(
        {
            (pk, first or username, last)
            for pk, first, last, username in visible.order_by()
            .values_list(
                "user_id", "user__first_name", "user__last_name", "user__username"
            )
            .distinct()
        },
        key=lambda t: (t[1].casefold(), t[2].casefold(), t[0]),
    )
    filters = StaffFilters(
        quiz_key=quiz_key if quiz_key in {k for k, _t in quiz_options} else "",
        trainee_id=trainee_id if trainee_id in {t[0] for t in trainees} else None,
    )
    chosen = visible
    if filters.quiz_key:
        chosen = chosen.filter(quiz_key=filters.quiz_key)
    if filters.trainee_id:
        chosen = chosen.filter(user_id=filters.trainee_id)
    chosen = chosen.select_related("user", "enrollment__cohort").order_by(
        "-started_at", "-pk"
    )
    paginator = Paginator(chosen, RESULTS_PER_PAGE)
    current = paginator.get_page(page)
    rows = []
    for sitting in current.object_list:
        quiz = titles.get(sitting.quiz_key)
        rows.append(
            {
                "sitting": sitting,
                "trainee": _first_name(sitting.user),
                "title": quiz.shown.title if quiz else _("A quiz no longer online"),
                "language": quiz.language if quiz else "",
                "cohort": sitting.enrollment.cohort if sitting.enrollment else None,
                "verdict": verdict(sitting),
                "url": result_url(sitting),
            }
        )
    return {
        "rows": rows,
        "page_obj": current,
        "filters": filters,
        "quiz_options": quiz_options,
        "trainees": [(pk, name, last) for pk, name, last in trainees],
        "query": filters.params(),
    }


@dataclass
class WaitingEssays:
    """Written quiz answers waiting for a supervisor, for her review queue."""

    rows: list = field(default_factory=list)
    total: int = 0


def essays_waiting(user, language: str, *, limit: int = QUEUE_LIMIT) -> WaitingEssays:
    """Unmarked written answers in finished sittings of her groups' trainees,
    oldest first. Four queries whatever the number of answers."""
    waiting = permissions.markable_answers(user).filter(
        correct__isnull=True, sitting__complete=True
    )
    total = waiting.count()
    if not total:
        return WaitingEssays()
    answers = list(
        waiting.select_related("sitting__user", "sitting__enrollment__cohort").order_by(
            "sitting__ended_at", "pk"
        )[:limit]
    )
    titles = quizzes.quizzes_by_key({a.sitting.quiz_key for a in answers}, language)
    rows = []
    for answer in answers:
        quiz = titles.get(answer.sitting.quiz_key)
        enrollment = answer.sitting.enrollment
        rows.append(
            {
                "answer": answer,
                "trainee": _first_name(answer.sitting.user),
                "quiz": quiz.shown.title if quiz else _("A quiz no longer online"),
                "language": quiz.language if quiz else "",
                "cohort": enrollment.cohort if enrollment else None,
                "since": answer.sitting.ended_at or answer.answered_at,
                "url": reverse("lms:quiz_mark", kwargs={"pk": answer.pk}),
            }
        )
    return WaitingEssays(rows=rows, total=total)


def marking_context(answer: Answer, language: str, *, form=None, error=None):
    """Context for lms/quizzes/mark.html: the question, her answer, the
    explanation (a guide for the marker) and the form."""
    sitting = answer.sitting
    quiz = quizzes.read_quiz(sitting.quiz_key, language)
    question = (
        quizzes.questions_of(quiz, [answer.question_key]).get(str(answer.question_key))
        if quiz
        else None
    )
    if form is None:
        form = {
            "correct": (
                "" if answer.correct is None else ("1" if answer.correct else "0")
            ),
            "feedback": answer.feedback,
        }
    return {
        "answer": answer,
        "sitting": sitting,
        "trainee": _first_name(sitting.user),
        "cohort": sitting.enrollment.cohort if sitting.enrollment else None,
        "quiz": quiz.shown if quiz else None,
        "quiz_language": quiz.language if quiz else "",
        "question": question,
        "form": form,
        "error": error,
        "feedback_max": quizzes.FEEDBACK_MAX_CHARS,
        "result_url": result_url(sitting),
        "position": quizzes.position_of(sitting, answer.question_key),
    }
