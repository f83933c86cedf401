"""The quiz snippet's admin: quizzes with their questions and answers."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "help"
    menu_label = _("Quizzes")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "pass_mark", "draft", "locale"]
    list_filter = ["draft"]
    search_fields = ["title"]
    panels = [
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
            heading=_("How it is taken"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("pass_message"),
                FieldPanel("fail_message"),
            ],
            heading=_("Passing"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]
