"""Builds the demo site from the data in this package. Idempotent.

Pages are created once in Norwegian bokmål; every other content language gets
an alias tree through wagtail-localize's locale synchronisation, and the pages
with real translations are then translated through wagtail-localize
(TranslationSource -> StringTranslation -> save_target), exactly as an editor's
translation would be, so they stay editable in its translation editor.
"""

import uuid

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
)
from wagtail_localize.synctree import synchronize_tree

from courses.demo import alna, base_training, base_training_translated, continuing
from courses.demo import homework as demo_homework
from courses.demo.localize import DemoError, translate_object
from courses.demo.users import demo_user
from courses.models import CourseIndexPage, CoursePage, ModulePage
from lms.choices import CourseKind

SOURCE_LANGUAGE = "nb"
TRANSLATED_LANGUAGES = ("ar", "en")
ID_NAMESPACE = uuid.UUID("5b1f6f4e-6a55-4f0e-9b1e-0b6d9a3c2f10")

DEMO_USERS = [
    # username, first name, last name, is_superuser
    ("admin", "Admin", "", True),
    ("coordinator", "Ingrid", "Haugen", False),
    ("supervisor", "Samira", "Nilsen", False),
    ("lecturer", "Kari", "Berg", False),
    ("trainee", "Amina", "Yusuf", False),
    ("alumna", "Fatima", "Rahimi", False),
]


def text(value, language):
    """One language's version of a demo string (plain str = Norwegian only)."""
    if isinstance(value, str):
        if language != SOURCE_LANGUAGE:
            raise DemoError(f"No {language} translation of {value[:40]!r}")
        return value
    return value[language]


def block_id(*parts):
    """A stable block id, the same on every run and in every language."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(p) for p in parts)))


def _body_block(key, block_type, value, language):
    if block_type == "text":
        return text(value, language)
    if block_type == "callout":
        return {
            "kind": value["kind"],
            "heading": text(value.get("heading", ""), language),
            "text": text(value["text"], language),
        }
    if block_type == "discussion_questions":
        return {
            "heading": text(value.get("heading", ""), language),
            "questions": [
                {"type": "item", "value": text(q, language), "id": block_id(key, n)}
                for n, q in enumerate(value["questions"])
            ],
        }
    if block_type == "reflection_prompt":
        return {
            "prompt": text(value["prompt"], language),
            "guidance": text(value.get("guidance", ""), language),
        }
    if block_type == "assignment":
        return demo_homework.assignment_pk(language)
    raise DemoError(f"Unknown block type {block_type!r}")


def module_fields(course_slug, module, language):
    """The ModulePage field values of one module in one language."""
    key = f"{course_slug}/{module['slug']}"
    return {
        "title": text(module["title"], language),
        "slug": module["slug"],
        "number": module["number"],
        "duration_minutes": module.get("duration_minutes", 210),
        "summary": text(module["summary"], language),
        "learning_goals": [
            {"type": "goal", "value": text(g, language), "id": block_id(key, "goal", n)}
            for n, g in enumerate(module["learning_goals"])
        ],
        "body": [
            {
                "type": block_type,
                "value": _body_block(f"{key}/{n}", block_type, value, language),
                "id": block_id(key, "body", n),
            }
            for n, (block_type, value) in enumerate(module["body"])
        ],
        "lecturer_guide": text(module["lecturer_guide"], language),
    }


def course_fields(course, language, kind):
    return {
        "title": text(course["title"], language),
        "slug": course["slug"],
        "kind": kind,
        "audience": text(course.get("audience", ""), language),
        "intro": text(course["intro"], language),
        "diploma_wording": text(course.get("diploma_wording", ""), language),
    }


def index_fields(index, language):
    return {
        "title": text(index["title"], language),
        "slug": "bydelsmodre",
        "intro": text(index["intro"], language),
    }


def _get_or_create_child(parent, model, fields, log):
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing:
        return existing, False
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"  created {model._meta.verbose_name} {page.title!r}")
    return page, True


def ensure_locales():
    locales = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locales[code], _ = Locale.objects.get_or_create(language_code=code)
    return locales


def build_source_tree(locales, log):
    """Create the Norwegian pages: home (course index), three courses, modules."""
    root = Page.get_first_root_node()
    source_locale = locales[SOURCE_LANGUAGE]
    index = CourseIndexPage.objects.child_of(root).filter(locale=source_locale).first()
    if index is None:
        index = CourseIndexPage(
            locale=source_locale,
            **index_fields(base_training_translated.INDEX, SOURCE_LANGUAGE),
        )
        root.add_child(instance=index)
        index.save_revision().publish()
        log(f"  created home page {index.title!r}")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=index, is_default_site=True
        )
    if site.root_page_id != index.pk:
        old_root = site.root_page
        site.root_page = index
        site.site_name = "Brobygger"
        site.save()
        # Wagtail's placeholder "Welcome" page has no place in the demo.
        if old_root.depth == 2 and old_root.specific_class is Page:
            old_root.delete()

    base = dict(base_training_translated.COURSE)
    base["modules"] = sorted(
        [*base_training_translated.MODULES, *base_training.MODULES],
        key=lambda m: m["number"],
    )
    courses = {}
    for course, kind in (
        (base, CourseKind.BASE),
        (continuing.ICDP, CourseKind.CONTINUING),
        (continuing.SELF_HELP, CourseKind.CONTINUING),
    ):
        page, _ = _get_or_create_child(
            index, CoursePage, course_fields(course, SOURCE_LANGUAGE, kind), log
        )
        courses[course["slug"]] = page
        for module in course["modules"]:
            _get_or_create_child(
                page,
                ModulePage,
                module_fields(course["slug"], module, SOURCE_LANGUAGE),
                log,
            )
    base_page = courses[base["slug"]]
    for slug in (continuing.ICDP["slug"], continuing.SELF_HELP["slug"]):
        track = courses[slug]
        if not track.prerequisites.filter(pk=base_page.pk).exists():
            track.prerequisites.add(base_page)
            track.save_revision().publish()
    return index, courses


def synchronise_locales(locales, log):
    """Give every other language an alias tree of the Norwegian pages."""
    source_locale = locales[SOURCE_LANGUAGE]
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            continue
        _, created = LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source_locale}
        )
        if not created:  # creating one synchronises the tree by itself
            synchronize_tree(source_locale, locale)
    log("  synchronised page trees into every content language")


def translate_demo_pages(locales, index, courses, log):
    base = base_training_translated
    base_page = courses[base.COURSE["slug"]]
    jobs = [(index, lambda lang: CourseIndexPage(**index_fields(base.INDEX, lang)))]
    jobs.append(
        (
            base_page,
            lambda lang: CoursePage(**course_fields(base.COURSE, lang, base_page.kind)),
        )
    )
    for module in base.MODULES:
        page = ModulePage.objects.child_of(base_page).get(slug=module["slug"])
        jobs.append(
            (
                page,
                lambda lang, module=module: ModulePage(
                    **module_fields(base.COURSE["slug"], module, lang)
                ),
            )
        )
    for language in TRANSLATED_LANGUAGES:
        locale = locales[language]
        for page, build in jobs:
            existing = page.get_translation_or_none(locale)
            if existing is not None and not existing.alias_of_id:
                continue  # translated on an earlier run
            translate_object(page.specific, build(language), locale)
            log(f"  translated {page.title!r} into {language}")


def create_users(*, passwords, log):
    for username, first, last, superuser in DEMO_USERS:
        demo_user(
            username,
            passwords=passwords,
            log=log,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            is_staff=superuser,
            is_superuser=superuser,
        )


def load_demo(*, passwords, log=print):
    with transaction.atomic():
        locales = ensure_locales()
        demo_homework.ensure_assignment(
            source_language=SOURCE_LANGUAGE, languages=TRANSLATED_LANGUAGES, log=log
        )
        index, courses = build_source_tree(locales, log)
        synchronise_locales(locales, log)
        translate_demo_pages(locales, index, courses, log)
        create_users(passwords=passwords, log=log)
        alna.build_alna(passwords=passwords, log=log)
