"""Quizzes over HTTP: start or resume from a module page, one question per
page, right or wrong after each answer (unless the quiz shows answers only
at the end), the result with explanations, her progress page; for staff,
their groups' results and the marking of written answers.

Every form is a plain POST that works without scripts. Logic lives in
:mod:`lms.quizzes`, what pages show in :mod:`lms.ui.quizzes`, who may see
what in :mod:`lms.permissions`.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from lms import permissions, progress, quizzes
from lms.models import Answer, Sitting
from lms.ui import quizzes as ui
from lms.views._http import (
    error_response,
    int_or_none,
    login_required_or_401,
    safe_next,
)


def _own_sitting(request, pk) -> Sitting:
    """Her sitting, or 404: others' are not even said to exist."""
    sitting = Sitting.objects.select_related("enrollment").filter(pk=pk).first()
    if sitting is None or not permissions.user_owns_sitting(request.user, sitting):
        raise Http404
    return sitting


def _quiz_of(sitting, language) -> quizzes.QuizCopies:
    quiz = quizzes.read_quiz(sitting.quiz_key, language)
    if quiz is None:
        raise Http404
    return quiz


def _back(request, fallback):
    return redirect(safe_next(request, request.POST.get("next"), fallback))


# --- starting -------------------------------------------------------------------


class StartForm(forms.Form):
    quiz = forms.UUIDField()
    page = forms.IntegerField(min_value=1)


@require_POST
@login_required_or_401
def start_quiz(request):
    """Start the quiz a module page places, or continue her open sitting."""
    form = StartForm(request.POST)
    if not form.is_valid():
        return error_response(
            request, _("This form could not be read. Please try again."), status=400
        )
    language = get_language()
    page = (
        Page.objects.live()
        .filter(pk=form.cleaned_data["page"])
        .only("translation_key", "url_path", "path", "depth", "locale_id")
        .first()
    )
    quiz = quizzes.read_quiz(form.cleaned_data["quiz"], language)
    if (
        page is None
        or quiz is None
        or not quizzes.is_placed_in(quiz.key, page.translation_key)
    ):
        raise Http404
    back = page.get_url(request) or reverse("lms:dashboard")
    current = quizzes.open_sitting(request.user, quiz.key)
    if current is not None and permissions.user_can_answer_in_sitting(
        request.user, current
    ):
        return redirect(ui.sitting_url(current))
    review = progress.module_review_by_key(request.user, page.translation_key)
    if not permissions.may_take_quiz(request.user, quiz.source, review):
        return error_response(
            request,
            _(
                "This quiz is for trainees in a group that takes this course, "
                "once the module is open to them."
            ),
            status=403,
            title=_("You cannot take this quiz"),
        )
    try:
        sitting, _new = quizzes.start_or_resume(
            user=request.user,
            enrollment=review.enrollment,
            quiz=quiz.source,
            module_key=page.translation_key,
        )
    except quizzes.QuizError as problem:
        messages.error(request, problem.message)
        best = quizzes.best_results(request.user, [quiz.key]).get(quiz.key)
        if best is not None:
            return redirect(reverse("lms:quiz_result", kwargs={"pk": best.sitting_id}))
        return redirect(f"{back}#quiz-{quiz.key}")
    return redirect(ui.sitting_url(sitting))


# --- taking it -------------------------------------------------------------------


def _render_question(request, sitting, quiz, question, *, error=None, given=None):
    answered = quizzes.answered_keys(sitting)
    context = ui.question_context(
        sitting,
        quiz,
        question,
        answered=len(answered),
        error=error,
        given=given,
    )
    context["module"] = ui.module_link(sitting.module_key, get_language())
    return render(
        request,
        "lms/quizzes/question.html",
        context,
        status=400 if error else 200,
    )


@require_GET
@login_required
def sitting_page(request, pk):
    """The next question she has not answered; her result once finished."""
    sitting = _own_sitting(request, pk)
    if sitting.complete:
        return redirect(ui.result_url(sitting))
    quiz = _quiz_of(sitting, get_language())
    key = quizzes.next_question_key(sitting, quizzes.answered_keys(sitting))
    if key is None:
        sitting = quizzes.finish(sitting=sitting)
        return redirect(ui.result_url(sitting))
    question = quizzes.questions_of(quiz, [key]).get(key)
    if question is None:
        # Removed from the quiz since she started: it leaves her sitting.
        present = quizzes.questions_of(quiz, sitting.question_keys, images=False)
        quizzes.drop_missing_questions(sitting=sitting, present=set(present))
        return redirect(ui.sitting_url(sitting))
    return _render_question(request, sitting, quiz, question)


def _true_false(value):
    return {"true": True, "false": False}.get(value)


@require_POST
@login_required_or_401
def answer(request, pk):
    """Her answer to one question (a plain form post)."""
    sitting = _own_sitting(request, pk)
    language = get_language()
    quiz = _quiz_of(sitting, language)
    post = request.POST
    key = str(post.get("question", ""))
    parsed = None
    try:
        parsed = str(uuid.UUID(key))
    except ValueError:
        parsed = None
    question = quizzes.questions_of(quiz, [parsed]).get(parsed) if parsed else None
    given = {
        "choice_keys": post.getlist("choice"),
        "true_false": _true_false(post.get("true_false")),
        "text": post.get("text", ""),
    }
    if not sitting.complete and not permissions.user_can_answer_in_sitting(
        request.user, sitting
    ):
        return error_response(
            request,
            _("You are no longer in the group this quiz was started in."),
            status=403,
        )
    try:
        done = quizzes.answer_question(
            sitting=sitting,
            user=request.user,
            question=question,
            question_key=parsed,
            **given,
        )
    except quizzes.InvalidAnswer as problem:
        return _render_question(
            request, sitting, quiz, question, error=problem.message, given=given
        )
    except quizzes.AlreadyAnswered as problem:
        messages.info(request, problem.message)
        return redirect(_after_answer(sitting, quiz, problem.answer.question_key))
    except quizzes.SittingComplete as problem:
        messages.info(request, problem.message)
        return redirect(ui.result_url(sitting))
    except quizzes.NotInSitting as problem:
        messages.error(request, problem.message)
        return redirect(ui.sitting_url(sitting))
    return redirect(_after_answer(done.sitting, quiz, done.answer.question_key))


def _after_answer(sitting, quiz, question_key) -> str:
    sitting.refresh_from_db()
    if quiz.source.answers_at_end:
        return ui.result_url(sitting) if sitting.complete else ui.sitting_url(sitting)
    return reverse(
        "lms:quiz_answered", kwargs={"pk": sitting.pk, "question": question_key}
    )


@require_GET
@login_required
def answered(request, pk, question):
    """Right or wrong, with the explanation, for a question she answered."""
    sitting = _own_sitting(request, pk)
    quiz = _quiz_of(sitting, get_language())
    if quiz.source.answers_at_end and not sitting.complete:
        return redirect(ui.sitting_url(sitting))
    key = str(question)
    given = sitting.answers.filter(question_key=key).first()
    found = quizzes.questions_of(quiz, [key]).get(key)
    if given is None or found is None:
        return redirect(ui.sitting_url(sitting))
    return render(
        request,
        "lms/quizzes/answered.html",
        {
            "sitting": sitting,
            "quiz": quiz.shown,
            "quiz_language": quiz.language,
            "row": {
                **ui.answer_result(found, given),
                "number": quizzes.position_of(sitting, key),
            },
            "total": sitting.total,
            "kinds": ui.QuestionKind,
            "next_url": ui.result_url(sitting)
            if sitting.complete
            else ui.sitting_url(sitting),
        },
    )


@require_GET
@login_required
def result(request, pk):
    """A finished sitting: score, verdict, every question with the right
    answer and its explanation. Hers, or (read-only, with marking links)
    staff who follow her group."""
    sitting = (
        Sitting.objects.select_related("user", "enrollment__cohort")
        .filter(pk=pk)
        .first()
    )
    if sitting is None or not permissions.user_can_view_sitting(request.user, sitting):
        raise Http404
    owner = permissions.user_owns_sitting(request.user, sitting)
    if owner and not sitting.complete:
        return redirect(ui.sitting_url(sitting))
    context = ui.result_context(sitting, get_language(), viewer=request.user)
    if context is None:
        raise Http404
    return render(request, "lms/quizzes/result.html", context)


@require_GET
@login_required
def my_quizzes(request):
    """Her progress: success rate per category and her results."""
    return render(
        request,
        "lms/quizzes/progress.html",
        ui.progress_context(request.user, get_language()),
    )


# --- staff ------------------------------------------------------------------------


@require_GET
@login_required
def staff_results(request):
    """Quiz results of her groups' trainees, filterable by quiz and trainee."""
    if not permissions.user_can_view_quiz_results(request.user):
        raise PermissionDenied
    quiz_key = ""
    try:
        quiz_key = str(uuid.UUID(request.GET.get("quiz", "")))
    except ValueError:
        quiz_key = ""
    context = ui.staff_results_context(
        request.user,
        get_language(),
        quiz_key=quiz_key,
        trainee_id=int_or_none(request.GET.get("trainee"), low=1),
        page=request.GET.get("page"),
    )
    return render(request, "lms/quizzes/staff_results.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def mark(request, pk):
    """Mark one written answer right or not, with feedback for her."""
    found = (
        Answer.objects.select_related("sitting__user", "sitting__enrollment__cohort")
        .filter(pk=pk)
        .first()
    )
    if found is None or not permissions.user_can_mark_answer(request.user, found):
        raise Http404
    language = get_language()
    if request.method != "POST":
        return render(
            request, "lms/quizzes/mark.html", ui.marking_context(found, language)
        )
    form = {
        "correct": request.POST.get("correct", ""),
        "feedback": request.POST.get("feedback", ""),
    }
    correct = {"1": True, "0": False}.get(form["correct"])
    try:
        quizzes.mark_answer(
            answer=found,
            marker=request.user,
            correct=correct,
            feedback=form["feedback"],
        )
    except quizzes.QuizError as problem:
        return render(
            request,
            "lms/quizzes/mark.html",
            ui.marking_context(found, language, form=form, error=problem.message),
            status=400,
        )
    messages.success(
        request, _("Your marking is saved. The trainee sees her updated score.")
    )
    waiting = ui.essays_waiting(request.user, language, limit=1)
    if request.POST.get("then") == "next" and waiting.rows:
        return redirect(waiting.rows[0]["url"])
    return _back(request, ui.result_url(found.sitting))


urlpatterns = [
    path("my/quizzes/", my_quizzes, name="quiz_progress"),
    path("my/quizzes/start/", start_quiz, name="quiz_start"),
    path("my/quizzes/<int:pk>/", sitting_page, name="quiz_sitting"),
    path("my/quizzes/<int:pk>/answer/", answer, name="quiz_answer"),
    path(
        "my/quizzes/<int:pk>/answered/<uuid:question>/",
        answered,
        name="quiz_answered",
    ),
    path("quizzes/sittings/<int:pk>/", result, name="quiz_result"),
    path("supervise/quizzes/", staff_results, name="quiz_results"),
    path("supervise/quizzes/answers/<int:pk>/", mark, name="quiz_mark"),
]
