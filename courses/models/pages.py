"""The curriculum as pages: course index -> course -> module (one evening)."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from courses.blocks import RICH_TEXT_FEATURES, LearningGoalsBlock, LessonStreamBlock
from lms import treecache
from lms.choices import CourseKind
from lms.curriculum import CourseRules, ModuleContent
from lms.ui.languages import language_info
from lms.ui.module_page import module_page_context

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    # One slug for every language keeps a module's address the same in all of
    # them, so the language switcher and shared links stay simple.
    SynchronizedField("slug"),
]


class ContentLanguageMixin:
    """Tells which language a page's content is really written in.

    wagtail-localize keeps an untranslated page in every locale as an *alias*
    of the original: its locale is, say, Arabic, while its text is still the
    Norwegian original. Templates mark such content with the original's
    language so screen readers and text direction stay right.
    """

    @cached_property
    def content_locale(self):
        if self.alias_of_id:
            return self.alias_of.locale
        return self.locale

    @property
    def is_untranslated(self):
        return self.content_locale.pk != self.locale_id

    @property
    def content_language_info(self):
        return language_info(self.content_locale.language_code)

    # What does not change until the tree does is remembered under its
    # version (lms.treecache): serving a page then costs no tree queries.

    def breadcrumb_pages(self):
        """The page's ancestors below the tree's root."""
        return treecache.remembered(
            ("breadcrumbs", self.pk), lambda: list(self.get_ancestors()[1:])
        )

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page and its ancestors (an
        alias answers to its original's). Saving a restriction changes the
        tree's version, so "none" can be remembered and costs no query."""
        restrictions = PageViewRestriction.objects.filter(
            page_id__in=treecache.remembered(
                ("restricted-by", self.pk), self._restriction_page_ids
            )
        )
        if not treecache.remembered(
            ("restricted", self.pk), lambda: restrictions.exists()
        ):
            return PageViewRestriction.objects.none()
        return restrictions

    def _restriction_page_ids(self):
        pages = [self, *self.get_ancestors().only("id", "alias_of")]
        return frozenset(page.alias_of_id or page.pk for page in pages)


class CourseIndexPage(ContentLanguageMixin, Page):
    """Lists the courses of a site; usually the site's home page.

    It may sit anywhere in a host site's tree (courses is a plugin), so it
    names no parent type.
    """

    intro = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name=_("intro")
    )

    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    class Meta:
        verbose_name = _("course index")
        verbose_name_plural = _("course indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = list(CoursePage.objects.child_of(self).live().order_by("path"))
        # Count live modules in one query, not one per course (numchild would
        # also count drafts).
        module_paths = ModulePage.objects.descendant_of(self).live()
        module_paths = module_paths.values_list("path", flat=True)
        prefix = len(self.path) + ModulePage.steplen
        per_course = Counter(path[:prefix] for path in module_paths)
        for course in courses:
            course.module_count = per_course[course.path]
        context["base_courses"] = [c for c in courses if c.kind == CourseKind.BASE]
        context["continuing_courses"] = [
            c for c in courses if c.kind == CourseKind.CONTINUING
        ]
        return context


class CoursePage(CourseRules, ContentLanguageMixin, Page):
    """One programme: the base training or a continuing-education track.

    Holds the completion rule the learning engine applies to every cohort
    taking this course (cohorts may tighten it later).
    """

    kind = models.CharField(
        _("kind"), max_length=20, choices=CourseKind.choices, default=CourseKind.BASE
    )
    intro = RichTextField(_("intro"), features=RICH_TEXT_FEATURES, blank=True)
    audience = models.CharField(
        _("who it is for"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Women who want to become district mothers'."),
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisites"),
        help_text=_("Courses whose diploma is required before enrolling."),
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    require_all_homework = models.BooleanField(
        _("all homework must be approved"), default=True
    )
    require_all_quizzes = models.BooleanField(
        _("all quizzes must be passed"), default=True
    )
    require_all_h5p = models.BooleanField(
        _("all interactive exercises must be completed"), default=True
    )
    require_modules_reviewed = models.BooleanField(
        _("every module must be reviewed at home"),
        default=False,
        help_text=_("She has opened every module's page at least once."),
    )
    diploma_wording = models.TextField(
        _("diploma wording"),
        blank=True,
        help_text=_("The sentence printed on the diploma under the trainee's name."),
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldPanel("min_attendance_percent"),
                FieldPanel("require_all_homework"),
                FieldPanel("require_all_quizzes"),
                FieldPanel("require_all_h5p"),
                FieldPanel("require_modules_reviewed"),
                FieldPanel("diploma_wording"),
            ],
            heading=_("Completion and diploma"),
        ),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("audience"),
        TranslatableField("diploma_wording"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("prerequisites", overridable=False),
        SynchronizedField("min_attendance_percent", overridable=False),
        SynchronizedField("require_all_homework", overridable=False),
        SynchronizedField("require_all_quizzes", overridable=False),
        SynchronizedField("require_all_h5p", overridable=False),
        SynchronizedField("require_modules_reviewed", overridable=False),
    ]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def modules(self):
        return (
            ModulePage.objects.child_of(self)
            .live()
            .select_related("alias_of__locale", "locale")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = list(self.modules())
        context["prerequisite_courses"] = list(
            self.prerequisites.all().only("id", "title", "translation_key")
        )
        return context


class ModulePage(ModuleContent, ContentLanguageMixin, Page):
    """One module of a course: the lesson for one evening session.

    `lecturer_guide` is for lecturers only and is never rendered to trainees:
    no template of this page reads it and it is not indexed for search.
    """

    number = models.PositiveSmallIntegerField(_("number"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=210
    )
    summary = models.TextField(_("summary"), blank=True)
    learning_goals = StreamField(
        LearningGoalsBlock(), blank=True, verbose_name=_("learning goals")
    )
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("lesson"))
    lecturer_guide = RichTextField(
        _("lecturer guide"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "What the module should cover. Shown to lecturers only, never to trainees."
        ),
    )

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("duration_minutes")],
            heading=_("Module"),
        ),
        FieldPanel("summary"),
        FieldPanel("learning_goals"),
        FieldPanel("body"),
        FieldPanel("lecturer_guide"),
    ]
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("summary"),
        TranslatableField("learning_goals"),
        TranslatableField("body"),
        TranslatableField("lecturer_guide"),
        SynchronizedField("number", overridable=False),
        SynchronizedField("duration_minutes", overridable=False),
    ]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is None:
            return
        clash = (
            ModulePage.objects.child_of(parent)
            .filter(number=self.number)
            .exclude(pk=self.pk)
        )
        if clash.exists():
            raise ValidationError(
                {"number": _("Another module in this course has this number.")}
            )

    @property
    def duration_hours(self):
        return self.duration_minutes // 60

    def _neighbours(self):
        """Its course, the number of modules, the one before and after."""
        modules = list(
            ModulePage.objects.sibling_of(self, inclusive=True)
            .live()
            .defer_streamfields()
            .order_by("path")
        )
        paths = [module.path for module in modules]
        place = paths.index(self.path) if self.path in paths else None
        before = modules[place - 1] if place else None
        after = (
            modules[place + 1]
            if place is not None and place + 1 < len(modules)
            else None
        )
        return {
            "course": self.get_parent().specific,
            "module_count": len(modules),
            "previous_module": before,
            "next_module": after,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(treecache.remembered(("neighbours", self.pk), self._neighbours))
        # What an enrolled trainee sees (review gate, progress, side by side)
        # is decided in lms; this page only hands over who it is.
        context.update(
            module_page_context(
                request,
                module_key=self.translation_key,
                course_key=context["course"].translation_key,
                content_language=self.content_locale.language_code,
            )
        )
        if context["side_by_side"]:
            language = context["original_language"]["code"]
            context["original_page"] = treecache.remembered(
                ("copy", self.translation_key, language),
                lambda: (
                    ModulePage.objects.filter(
                        translation_key=self.translation_key,
                        locale__language_code=language,
                    )
                    .live()
                    .first()
                ),
            )
        return context
