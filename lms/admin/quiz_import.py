"""Import a quiz file in the admin, see what was made, and export a quiz.

The import goes through lms.quiz_formats.store, as the ``import_quiz``
command does: a file with problems makes nothing and the page lists them
(line, element or JSON path); a file that imports leads to a report of
every question, made or skipped and why. The export is the quiz with every
language copy in our JSON format, as a download.
"""

import logging
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from lms import permissions
from lms.models import Quiz
from lms.quiz_formats import FORMATS, MAX_BYTES, format_size
from lms.quiz_formats.store import dumps, import_file

logger = logging.getLogger(__name__)

SESSION_KEY = "lms_quiz_import_report"


def _language_choices():
    return [("", gettext_lazy("The programme language (or the file's own)"))] + [
        (code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]


class ImportQuizForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Quiz file"),
        help_text=gettext_lazy(
            "A Brobygger quiz (.json), a GIFT file (.txt or .gift) or Moodle XML "
            "(.xml), saved as UTF-8."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.txt,.gift,.xml"}),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=list(FORMATS.items()),
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=gettext_lazy("Title"),
        required=False,
        max_length=200,
        help_text=gettext_lazy(
            "GIFT and Moodle XML files have no title: leave empty to use the "
            "file's name. A JSON file's own title is used unless you give one."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the questions"),
        required=False,
        choices=_language_choices,
        help_text=gettext_lazy(
            "For GIFT and Moodle XML. A JSON file names its own languages "
            "(its translations become translations of the quiz)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the largest file we can read is %(limit)s.")
                % {"size": format_size(upload.size), "limit": format_size(MAX_BYTES)}
            )
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class QuizAdminViewMixin(WagtailAdminTemplateMixin):
    viewset = None
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_import_quiz(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.viewset.get_url_name("list")),
                "label": _("Quizzes"),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class ImportQuizView(QuizAdminViewMixin, FormView):
    """Upload a file, with its format, a title and the questions' language."""

    template_name = "lms/admin/quiz_import.html"
    form_class = ImportQuizForm
    page_title = gettext_lazy("Import a quiz")
    header_icon = "upload"

    def get_initial(self):
        return {"format": "json"}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        fmt = form.cleaned_data["format"]
        title = form.cleaned_data["title"].strip()
        if not title and fmt != "json":
            title = PurePath(upload.name).stem.replace("_", " ").strip()
        try:
            report = import_file(
                upload.read(),
                fmt,
                title=title,
                language=form.cleaned_data["language"] or None,
            )
        except OSError:
            logger.exception("A quiz import could not store its files")
            report = None
            problems = [
                _(
                    "A picture or sound of the file could not be saved just now. "
                    "Nothing was imported: please try again later."
                )
            ]
        else:
            problems = report.problems
        if problems:
            return self.render_to_response(
                self.get_context_data(form=form, problems=problems)
            )
        quiz = report.quiz
        self.request.session[SESSION_KEY] = {
            "quiz": quiz.pk,
            "created": report.created,
            "skipped": report.skipped,
            "questions": report.questions,
            "notes": report.notes,
            "translations": report.translations,
        }
        messages.success(
            self.request,
            _("“%(title)s” was imported with %(count)s questions.")
            % {"title": quiz.title, "count": report.created},
        )
        return redirect(self.viewset.get_url_name("import_report"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["problems"] = kwargs.get("problems", [])
        return context


class ImportReportView(QuizAdminViewMixin, TemplateView):
    """What the last import made: every question of the file, made or
    skipped and why, and what could not be kept as it was."""

    template_name = "lms/admin/quiz_import_report.html"
    page_title = gettext_lazy("Quiz imported")

    def get(self, request, *args, **kwargs):
        self.report = request.session.get(SESSION_KEY)
        quiz = None
        if self.report:
            quiz = Quiz.objects.filter(pk=self.report.get("quiz")).first()
        if quiz is None:
            return redirect(self.viewset.get_url_name("list"))
        self.quiz = quiz
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        context.update(
            quiz=self.quiz,
            report=self.report,
            translations=[
                languages.get(code, code) for code in self.report["translations"]
            ],
            edit_url=reverse(self.viewset.get_url_name("edit"), args=[self.quiz.pk]),
            import_url=reverse(self.viewset.get_url_name("import")),
        )
        return context


class ExportQuizView(View):
    """The quiz (every language copy) as a JSON file to download."""

    viewset = None

    def get(self, request, pk):
        quiz = get_object_or_404(Quiz, pk=pk)
        if not permissions.user_can_export_quiz(request.user, quiz):
            raise PermissionDenied
        notes: list[str] = []
        text = dumps(quiz, notes)
        for note in notes:
            messages.warning(request, note)
        name = f"{slugify(quiz.title, allow_unicode=True) or 'quiz'}.json"
        response = HttpResponse(text, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=name
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
