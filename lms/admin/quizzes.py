"""The quiz snippet's admin: quizzes with their questions and answers.

Questions are edited inside the quiz, and each question's answers inside it
(a nested InlinePanel: Wagtail renders an InlinePanel inside an InlinePanel
child, and django-modelcluster saves the nested formsets with the quiz).
:class:`QuizAdminForm` checks what the database cannot: a multiple-choice
question has at least two answers and a right one (one only, unless several
may be right), a true-or-false question says which, a written question lists
no answers, and the pass mark is a percentage.

The listing's header has "Import a quiz" and each quiz an "Export as JSON"
action (lms.admin.quiz_import). Categories have a snippet of their own.
"""

import functools

from django import forms
from django.db.models import Prefetch
from django.forms.formsets import DELETION_FIELD_NAME
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from lms import permissions
from lms.admin.quiz_import import ExportQuizView, ImportQuizView, ImportReportView
from lms.choices import QuestionKind
from lms.models import Choice, Question, Quiz, QuizCategory

PASS_MARK_MESSAGE = gettext_lazy("The pass mark is a percentage from 0 to 100.")


def _kept_forms(formset):
    """The forms of a formset that will be saved: valid, not deleted, not
    an untouched extra form."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get(DELETION_FIELD_NAME):
            continue
        if form.instance.pk is None and not form.has_changed():
            continue
        kept.append(form)
    return kept


def question_problems(kind, *, multiple, true_false, choices) -> list[tuple]:
    """[(field or None, message)] for one question: `choices` are the
    (text, right) pairs it will keep."""
    problems = []
    right = sum(1 for _text, correct in choices if correct)
    if kind == QuestionKind.CHOICE:
        if len(choices) < 2:
            problems.append(
                (None, _("A multiple-choice question needs at least two answers."))
            )
        if right == 0:
            problems.append((None, _("Mark at least one answer as right.")))
        elif right > 1 and not multiple:
            problems.append(
                (
                    "multiple_answers",
                    _(
                        "Only one answer can be right, unless you tick “several "
                        "answers may be right”."
                    ),
                )
            )
    elif kind == QuestionKind.TRUE_FALSE:
        if true_false is None:
            problems.append(
                ("true_false_answer", _("Say whether the statement is true or false."))
            )
        if choices:
            problems.append(
                (
                    None,
                    _(
                        "A true-or-false question has no answers of its own: "
                        "remove them (she answers true or false)."
                    ),
                )
            )
    elif kind == QuestionKind.ESSAY and choices:
        problems.append(
            (
                None,
                _(
                    "A written question has no answers to choose from: remove "
                    "them, or make it a multiple-choice question."
                ),
            )
        )
    return problems


class _PrimedChooser:
    """A chooser widget given the object it shows, read already."""

    known: dict = {}

    def get_instance(self, value):
        known = self.known.get(str(getattr(value, "pk", value)))
        return known if known is not None else super().get_instance(value)


@functools.cache
def _primed_class(widget_class):
    return type(f"Primed{widget_class.__name__}", (_PrimedChooser, widget_class), {})


def _prime_chooser(widget, instance) -> None:
    """Make this form's own copy of a chooser widget show `instance`."""
    if not hasattr(widget, "get_instance"):
        return  # not a Wagtail chooser (a plain select, say)
    widget.__class__ = _primed_class(type(widget))
    widget.known = {str(instance.pk): instance}


class QuizAdminForm(WagtailAdminModelForm):
    """The quiz with its questions and their answers, checked together."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pass_mark = self.fields.get("pass_mark")
        if pass_mark is not None:
            # One clear message of ours instead of Django's generic bounds.
            pass_mark.validators = []
            pass_mark.widget.attrs.update(min=0, max=100)
            pass_mark.error_messages["invalid"] = PASS_MARK_MESSAGE

        # The questions' pictures and categories were read with the quiz
        # (QuizEditView): their choosers show those objects instead of
        # reading each again, so many questions cost no more queries.
        questions = self.formsets.get("questions")
        if questions is not None and not self.is_bound:
            for form in questions.forms:
                for name in ("category", "image", "audio"):
                    related = getattr(form.instance, name, None)
                    if related is not None and name in form.fields:
                        _prime_chooser(form.fields[name].widget, related)

    def clean_pass_mark(self):
        value = self.cleaned_data.get("pass_mark")
        if value is None or not 0 <= value <= 100:
            raise forms.ValidationError(PASS_MARK_MESSAGE, code="pass_mark")
        return value

    def is_valid(self):
        valid = super().is_valid()
        return self.check_questions() and valid

    def check_questions(self) -> bool:
        formset = self.formsets.get("questions")
        if formset is None:
            return True
        fine = True
        for question in _kept_forms(formset):
            data = question.cleaned_data
            choices_formset = getattr(question, "formsets", {}).get("choices")
            choices = [
                (form.cleaned_data.get("text", ""), form.cleaned_data.get("correct"))
                for form in (_kept_forms(choices_formset) if choices_formset else [])
            ]
            for field, message in question_problems(
                data.get("kind"),
                multiple=data.get("multiple_answers"),
                true_false=data.get("true_false_answer"),
                choices=choices,
            ):
                question.add_error(field if field in question.fields else None, message)
                fine = False
        return fine


ANSWER_PANELS = [
    FieldPanel("text"),
    FieldPanel("correct"),
    FieldPanel("feedback"),
]

QUESTION_PANELS = [
    FieldPanel("kind"),
    FieldPanel("text"),
    FieldPanel("multiple_answers"),
    FieldPanel("true_false_answer"),
    InlinePanel(
        "choices",
        panels=ANSWER_PANELS,
        heading=gettext_lazy("Answers (multiple choice)"),
        label=gettext_lazy("Answer"),
    ),
    FieldPanel("explanation"),
    FieldPanel("category"),
    FieldPanel("image"),
    FieldPanel("audio"),
]


def read_for_editing(quiz: Quiz) -> Quiz:
    """The quiz with its questions and their answers, categories and pictures
    read in a fixed number of queries, whatever the number of questions."""
    questions = list(
        Question.objects.filter(quiz=quiz)
        .select_related("category__parent__parent", "image", "audio")
        .prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")),
            "image__renditions",
        )
        .order_by("sort_order", "pk")
    )
    for question in questions:
        question.choices.set(list(question.choices.all()))
    quiz.questions.set(questions)
    return quiz


class QuizEditView(EditView):
    def get_object(self, queryset=None):
        quiz = super().get_object(queryset)
        if self.request.method == "GET":
            read_for_editing(quiz)
        return quiz


class QuizIndexView(IndexView):
    """The quiz listing, with "Import a quiz" in its header and "Export as
    JSON" on each quiz."""

    import_url_name = None
    export_url_name = None

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if permissions.user_can_import_quiz(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import a quiz"),
                    url=reverse(self.import_url_name),
                    icon_name="upload",
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if permissions.user_can_export_quiz(self.request.user, instance):
            buttons.append(
                MenuItem(
                    _("Export as JSON"),
                    url=reverse(self.export_url_name, args=[instance.pk]),
                    icon_name="download",
                    priority=45,
                )
            )
        return buttons


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "help"
    menu_label = gettext_lazy("Quizzes")
    menu_order = 100
    index_view_class = QuizIndexView
    edit_view_class = QuizEditView
    list_display = ["title", "pass_mark", "draft", "locale"]
    list_filter = ["draft"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("description"),
            FieldPanel("category"),
            MultiFieldPanel(
                [
                    FieldPanel("random_order"),
                    FieldPanel("max_questions"),
                    FieldPanel("answers_at_end"),
                    FieldPanel("single_attempt"),
                    FieldPanel("exam_paper"),
                    FieldPanel("draft"),
                ],
                heading=gettext_lazy("How it is taken"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("pass_mark"),
                    FieldPanel("pass_message"),
                    FieldPanel("fail_message"),
                ],
                heading=gettext_lazy("Passing"),
            ),
            InlinePanel(
                "questions",
                panels=QUESTION_PANELS,
                heading=gettext_lazy("Questions"),
                label=gettext_lazy("Question"),
            ),
        ],
        base_form_class=QuizAdminForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            import_url_name=self.get_url_name("import"),
            export_url_name=self.get_url_name("export"),
            **kwargs,
        )

    @cached_property
    def import_view(self):
        return ImportQuizView.as_view(viewset=self)

    @cached_property
    def import_report_view(self):
        return ImportReportView.as_view(viewset=self)

    @cached_property
    def export_view(self):
        return ExportQuizView.as_view(viewset=self)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", self.import_view, name="import"),
            path("import/report/", self.import_report_view, name="import_report"),
            path("export/<int:pk>/", self.export_view, name="export"),
        ]


class QuizCategoryViewSet(SnippetViewSet):
    """Subjects and sub-subjects of questions (translatable)."""

    model = QuizCategory
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Quiz categories")
    menu_order = 200
    list_display = ["__str__", "locale"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("parent")]


class QuizViewSetGroup(SnippetViewSetGroup):
    """Quizzes and their categories, under one menu item."""

    items = (QuizViewSet, QuizCategoryViewSet)
    menu_icon = "help"
    menu_label = gettext_lazy("Quizzes")
    menu_order = 220
