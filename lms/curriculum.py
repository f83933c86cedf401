"""The curriculum as the engine sees it: the only reader of the page tree.

A course is a page whose live children are its modules, in tree order;
every language's copy of a page shares its wagtail-localize
``translation_key``, and everything the engine records points at that key.
lms never imports ``courses``: the content app's pages inherit the mixins
below, so the engine reads typed attributes (``rules_of(course)``,
``content_of(module)``) instead of guessing field names.

Every helper reads in a fixed number of queries, whatever the number of
modules or languages.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import translation
from wagtail.models import Locale, Page

from lms import treecache
from lms.choices import CourseKind
from lms.conf import lms_settings

# The fields a helper needs of a page to show its title and link to it.
LINK_FIELDS = ("id", "title", "path", "depth", "url_path", "translation_key", "locale")
# The language a page's text is really in: an untranslated alias in another
# locale still shows its original's words. Annotated as `content_language`.
CONTENT_LANGUAGE = Coalesce(
    F("alias_of__locale__language_code"), F("locale__language_code")
)


def content_language(page) -> str:
    """The language `page`'s title and text are written in (its original's
    for an alias). No query for pages the helpers here read."""
    code = getattr(page, "content_language", None)
    if code:
        return code
    if page.alias_of_id:
        return page.alias_of.locale.language_code
    return page.locale.language_code


class CourseRules:
    """What the engine reads from a course page (courses.CoursePage inherits
    this). The class attributes are the defaults for a course page type that
    does not say; a page's own fields take their place."""

    min_attendance_percent: int = 80
    require_all_homework: bool = True
    require_all_quizzes: bool = True
    require_all_h5p: bool = True
    require_modules_reviewed: bool = False
    diploma_wording: str = ""
    # CourseKind: the base training or a continuing-education track.
    kind: str = CourseKind.BASE
    # The course page's many-to-many to the courses whose diploma it requires
    # (a page type without that field requires nothing).
    PREREQUISITES_FIELD = "prerequisites"


class ModuleContent:
    """What the engine reads from a module page (courses.ModulePage inherits
    this): the lesson's blocks and the guide for its lecturers."""

    # StreamField block names the engine acts on.
    REFLECTION_PROMPT_BLOCK = "reflection_prompt"

    lecturer_guide: str = ""
    body: tuple = ()

    def reflection_prompt(self, block_id: str) -> str | None:
        """The text of the reflection prompt block `block_id`, if any.

        Looked up in the page itself (not taken from the browser), so nobody
        can attach reflections to prompts that do not exist.
        """
        for child in self.body or ():
            if (
                child.block_type == self.REFLECTION_PROMPT_BLOCK
                and child.id == block_id
            ):
                return str(child.value.get("prompt", ""))
        return None


DEFAULT_RULES = CourseRules()


def rules_of(course: Page) -> CourseRules:
    """The completion rules of `course` (a Page of any type)."""
    specific = course.specific_deferred
    return specific if isinstance(specific, CourseRules) else DEFAULT_RULES


def content_of(module: Page) -> ModuleContent:
    specific = module.specific
    return specific if isinstance(specific, ModuleContent) else ModuleContent()


def source_language() -> str:
    """The programme language, which every translation falls back to."""
    return settings.LANGUAGE_CODE


# --- courses and their modules -------------------------------------------------


def course_page_model():
    """The page model of a course (LMS_COURSE_PAGE_MODEL, app_label.Model)."""
    return apps.get_model(lms_settings.LMS_COURSE_PAGE_MODEL)


def course_choices():
    """Live courses in the programme's default language (their source copy)."""
    return (
        Page.objects.type(course_page_model())
        .live()
        .filter(locale=Locale.get_default())
        .order_by("title")
    )


# --- continuing-education tracks ----------------------------------------------


@dataclass(frozen=True)
class Track:
    """A continuing-education track as the engine sees it: its source page
    (id, key, title) and the keys and titles of the courses whose diploma it
    requires."""

    pk: int
    key: str
    title: str
    path: str
    prerequisites: tuple  # ((key, title), ...) in the programme language


def _tracks() -> list:
    model = course_page_model()
    field = getattr(model, "PREREQUISITES_FIELD", CourseRules.PREREQUISITES_FIELD)
    names = {f.name for f in model._meta.get_fields()}
    condition = Q(kind=CourseKind.CONTINUING)
    if field in names:
        condition |= Q(**{f"{field}__isnull": False})
    pages = (
        model.objects.live()
        .filter(condition, locale__language_code=source_language())
        .distinct()
        .only(*LINK_FIELDS)
        .order_by("path")
    )
    if field in names:
        pages = pages.prefetch_related(
            Prefetch(field, queryset=model.objects.only(*LINK_FIELDS).order_by("path"))
        )
    return [
        Track(
            pk=page.pk,
            key=str(page.translation_key),
            title=page.title,
            path=page.path,
            prerequisites=tuple(
                (str(p.translation_key), p.title)
                for p in (getattr(page, field).all() if field in names else ())
            ),
        )
        for page in pages
    ]


def tracks() -> list:
    """Every live continuing-education track (a course of kind continuing,
    or one that requires other courses' diplomas), in tree order, with what
    it requires. Two queries, none while the tree is unchanged."""
    return list(treecache.remembered(("tracks",), _tracks))


def base_course_keys():
    """The translation keys of the base trainings, as a subquery (no query
    now): a diploma of one of them makes her an alumna."""
    return (
        course_page_model()
        .objects.exclude(kind=CourseKind.CONTINUING)
        .values("translation_key")
    )


def is_track(course) -> bool:
    """Whether `course` (a Page) is a continuing-education track: what it
    completes with is a certificate, not a diploma."""
    key = str(course.translation_key)
    if any(track.key == key for track in tracks()):
        return True
    # Not live any more: what the page says it is.
    return rules_of(course).kind == CourseKind.CONTINUING


def course_modules(course):
    """A course's live modules in curriculum order."""
    return Page.objects.child_of(course).live().order_by("path")


def modules_of_courses(courses) -> dict:
    """{course pk: [module, ...]} in curriculum order, for any number of
    courses in one query (none while the tree is unchanged: lms.treecache)."""
    courses = list(courses)
    if not courses:
        return {}
    found = treecache.remembered(
        ("modules-of", tuple(sorted((c.pk, c.path) for c in courses))),
        lambda: _modules_of_courses(courses),
    )
    return {pk: list(modules) for pk, modules in found.items()}


def _modules_of_courses(courses) -> dict:
    in_courses = Q()
    for course in courses:
        in_courses |= Q(path__startswith=course.path, depth=course.depth + 1)
    modules = list(
        Page.objects.live()
        .filter(in_courses)
        .only(*LINK_FIELDS)
        .annotate(content_language=CONTENT_LANGUAGE)
        .order_by("path")
    )
    return {
        course.pk: [m for m in modules if m.path.startswith(course.path)]
        for course in courses
    }


def modules_of_courses_query(courses):
    """The live modules of `courses`, as a queryset (for filters)."""
    in_courses = Q(pk__in=[])
    for course in courses:
        in_courses |= Q(path__startswith=course.path, depth=course.depth + 1)
    return Page.objects.live().filter(in_courses)


def is_module_of(module, course) -> bool:
    return (
        module.path.startswith(course.path)
        and module.depth == course.depth + 1
        and module.live
    )


def course_of(page) -> Page | None:
    """The course a module page (any language's copy) belongs to."""
    if page is None or page.depth < 2:
        return None
    return (
        Page.objects.filter(path=page.path[: -Page.steplen])
        .only("translation_key")
        .first()
    )


def course_key_query(page):
    """The translation key of `page`'s course, as a subquery (no query now)."""
    return Page.objects.filter(path=page.path[: -page.steplen]).values(
        "translation_key"
    )


def course_key_of_module(module_key):
    """The translation key of the course module `module_key` is in, or None."""
    page = Page.objects.filter(translation_key=module_key).only("path", "depth").first()
    course = course_of(page)
    return course.translation_key if course else None


# --- pages in her language -------------------------------------------------------


def translation_in(key, language):
    """The live, really translated copy of page `key` in `language`, or None
    (an untranslated alias does not count)."""
    return treecache.remembered(
        ("translation-in", key, language),
        lambda: (
            Page.objects.live()
            .filter(
                translation_key=key,
                locale__language_code=language,
                alias_of__isnull=True,
            )
            .only("path", "depth", "url_path", "locale_id")
            .first()
        ),
    )


def copies_in(keys, language: str) -> dict:
    """{key: Page} of the live copies in `language` of pages `keys` (aliases
    included: they stand in a language until it is translated). One query."""
    keys = frozenset(keys)
    if not keys:
        return {}
    return dict(
        treecache.remembered(
            ("copies-in", keys, language),
            lambda: {
                page.translation_key: page
                for page in Page.objects.live()
                .filter(translation_key__in=keys, locale__language_code=language)
                .only(*LINK_FIELDS)
                .annotate(content_language=CONTENT_LANGUAGE)
            },
        )
    )


def pages_in_language(keys, language: str) -> dict:
    """{key: Page} in `language` if it has a copy, else the programme's, else
    any. One query for any number of pages."""
    chosen: dict = {}
    rank = {language: 0, source_language(): 1}
    pages = (
        Page.objects.filter(translation_key__in=set(keys))
        .live()
        .select_related("locale")
        .only(*LINK_FIELDS)
        .annotate(content_language=CONTENT_LANGUAGE)
    )
    for page in pages:
        score = rank.get(page.locale.language_code, 2)
        current = chosen.get(page.translation_key)
        if current is None or score < current[0]:
            chosen[page.translation_key] = (score, page)
    return {key: page for key, (_score, page) in chosen.items()}


def titles_in_language(keys, language: str | None = None) -> dict:
    """{key: title} of the copies in `language` (default: the active one).
    Pages without one are missing: callers show the source's title."""
    language = language or translation.get_language()
    return {key: page.title for key, page in copies_in(keys, language).items()}


def lecturer_guide(module, language: str | None = None) -> str:
    """The module's lecturer guide in `language` (default: the active one),
    else its source's."""
    language = language or translation.get_language()
    translated = (
        Page.objects.filter(
            translation_key=module.translation_key, locale__language_code=language
        )
        .live()
        .exclude(pk=module.pk)
        .first()
    )
    for page in (translated, module):
        if page is not None:
            guide = content_of(page).lecturer_guide or ""
            if guide.strip():
                return guide
    return ""
