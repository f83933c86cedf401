"""Quizzes: the django-quiz-app feature set, native and translatable.

A Quiz is a translatable snippet holding its Questions, each holding its
Choices (nested clusters, translated together by wagtail-localize). A
trainee's Sitting and its Answers point at the quiz, its questions and
choices by ``translation_key``, so a sitting is the same whichever language
she switches to, and scores are computed on the server from the source
copy's correct answers.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, TranslatableMixin

from lms.choices import QuestionKind
from lms.models.cohorts import Enrollment


class QuizCategory(TranslatableMixin, models.Model):
    """A subject questions belong to (and sub-subjects under it), for her
    success rate per category."""

    name = models.CharField(_("name"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("quiz category")
        verbose_name_plural = _("quiz categories")

    def __str__(self):
        return " / ".join(self.path())

    def path(self) -> list[str]:
        names, seen, category = [], set(), self
        while category is not None and category.pk not in seen:
            seen.add(category.pk)
            names.append(category.name)
            category = category.parent
        return list(reversed(names))


class Quiz(TranslatableMixin, ClusterableModel):
    """A quiz placed in a module by a block; its questions are inside it."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        QuizCategory,
        verbose_name=_("category"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    random_order = models.BooleanField(_("questions in random order"), default=False)
    max_questions = models.PositiveSmallIntegerField(
        _("questions per sitting"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty to ask every question. Otherwise each sitting draws "
            "this many at random from the questions below."
        ),
    )
    answers_at_end = models.BooleanField(
        _("show answers only at the end"),
        default=False,
        help_text=_("Otherwise she sees the right answer after each question."),
    )
    single_attempt = models.BooleanField(
        _("one attempt only"),
        default=False,
        help_text=_("An exam: she can take it once, and the sitting is kept."),
    )
    exam_paper = models.BooleanField(
        _("keep every sitting"),
        default=False,
        help_text=_("Otherwise only her best finished sitting is kept."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    pass_message = models.TextField(_("message when she passes"), blank=True)
    fail_message = models.TextField(_("message when she does not pass"), blank=True)
    draft = models.BooleanField(_("draft (hidden from trainees)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__lte=100), name="lms_quiz_pass_mark_0_100"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.pass_mark is not None and not 0 <= self.pass_mark <= 100:
            raise ValidationError(
                {"pass_mark": _("The pass mark is a percentage from 0 to 100.")}
            )


class Question(TranslatableMixin, Orderable, ClusterableModel):
    """One question of a quiz: multiple choice (one or several right),
    true or false, or a written answer a supervisor marks."""

    quiz = ParentalKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.CHOICE,
    )
    text = models.TextField(_("question"))
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_("Shown with the result: why the answer is what it is."),
    )
    multiple_answers = models.BooleanField(
        _("several answers may be right"), default=False
    )
    true_false_answer = models.BooleanField(
        _("the statement is true"),
        null=True,
        blank=True,
        help_text=_("For true-or-false questions."),
    )
    category = models.ForeignKey(
        QuizCategory,
        verbose_name=_("category"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("sound (the question read aloud)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text[:80]


class Choice(TranslatableMixin, Orderable):
    """One answer of a multiple-choice question."""

    question = ParentalKey(
        Question,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="choices",
    )
    text = models.CharField(_("answer"), max_length=500)
    correct = models.BooleanField(_("right answer"), default=False)
    feedback = models.TextField(_("feedback"), blank=True)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.text[:80]


class Sitting(models.Model):
    """One trainee taking one quiz once: her questions (fixed when she
    starts), where she is, and her score once she finishes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="quiz_sittings",
    )
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quiz_sittings",
    )
    quiz_key = models.UUIDField(_("quiz"), db_index=True)
    module_key = models.UUIDField(_("module"), null=True, blank=True)
    # Translation keys of her questions, in the order she is asked them.
    question_keys = models.JSONField(default=list)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    ended_at = models.DateTimeField(_("finished"), null=True, blank=True)
    complete = models.BooleanField(_("finished"), default=False)
    # Right answers so far; essays count once a supervisor has marked them.
    score = models.PositiveSmallIntegerField(_("right answers"), default=0)
    percent = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    waiting_for_marking = models.BooleanField(_("waiting for marking"), default=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("sitting")
        verbose_name_plural = _("sittings")
        indexes = [models.Index(fields=["user", "quiz_key"], name="lms_sitting_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz_key"],
                condition=Q(complete=False),
                name="lms_one_open_sitting",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.quiz_key}"

    @property
    def total(self) -> int:
        return len(self.question_keys)


class Answer(models.Model):
    """Her answer to one question of a sitting. ``correct`` is None for a
    written answer until a supervisor marks it."""

    sitting = models.ForeignKey(
        Sitting,
        verbose_name=_("sitting"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question_key = models.UUIDField(_("question"))
    choice_keys = models.JSONField(default=list, blank=True)
    true_false = models.BooleanField(null=True, blank=True)
    text = models.TextField(_("written answer"), blank=True)
    correct = models.BooleanField(_("right"), null=True, blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)

    class Meta:
        ordering = ["sitting", "answered_at", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["sitting", "question_key"], name="lms_one_answer_per_question"
            )
        ]

    def __str__(self):
        return f"{self.sitting}: {self.question_key}"
