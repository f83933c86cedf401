"""Builds the demo site from the YAML in content/ (see curriculum.py). Idempotent.

Pages are created once in Norwegian bokmål; every other content language gets
an alias tree through wagtail-localize's locale synchronisation, and the pages
with real translations are then translated through wagtail-localize
(TranslationSource -> StringTranslation -> save_target), exactly as an editor's
translation would be, so they stay editable in its translation editor.
"""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
)
from wagtail_localize.synctree import synchronize_tree

from cms.demo import alna, curriculum
from cms.demo import alumni as demo_alumni
from cms.demo import homework as demo_homework
from cms.demo import quizzes as demo_quizzes
from cms.demo.curriculum import text, texts
from cms.demo.localize import DemoError, translate_object
from cms.demo.users import demo_user
from courses.models import CourseIndexPage, CoursePage, ModulePage

SOURCE_LANGUAGE = curriculum.SOURCE_LANGUAGE
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


def block_id(*parts):
    """A stable block id, the same on every run and in every language."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(p) for p in parts)))


def _body_block(key, block, translation, language):
    """The StreamField value of one body block in one language."""
    block_type = block["type"]
    where = f"{key} ({block_type})"
    if block_type == "text":
        return text(block, translation, "text", where)
    if block_type == "callout":
        return {
            "kind": block["kind"],
            "heading": text(block, translation, "heading", where),
            "text": text(block, translation, "text", where),
        }
    if block_type == "discussion_questions":
        return {
            "heading": text(block, translation, "heading", where),
            "questions": [
                {"type": "item", "value": q, "id": block_id(key, n)}
                for n, q in enumerate(texts(block, translation, "questions", where))
            ],
        }
    if block_type == "reflection_prompt":
        return {
            "prompt": text(block, translation, "prompt", where),
            "guidance": text(block, translation, "guidance", where),
        }
    if block_type == "assignment":
        return demo_homework.assignment_pk(block["assignment"], language)
    raise DemoError(f"Unknown block type {block_type!r}")


def module_fields(course_slug, module, language, translation=None):
    """The ModulePage field values of one module in one language: its source
    `module` (curriculum.py), with `translation` (that module's part of a
    translation file) unless `language` is the source language."""
    key = f"{course_slug}/{module['slug']}"
    body = None if translation is None else translation.get("body", {})
    return {
        "title": text(module, translation, "title", key),
        "slug": module["slug"],
        "number": module["number"],
        "duration_minutes": module.get("duration_minutes", 210),
        "summary": text(module, translation, "summary", key),
        "learning_goals": [
            {"type": "goal", "value": goal, "id": block_id(key, "goal", n)}
            for n, goal in enumerate(texts(module, translation, "learning_goals", key))
        ],
        "body": [
            {
                "type": block["type"],
                "value": _body_block(
                    f"{key}/{block['id']}",
                    block,
                    None if body is None else body.get(block["id"], {}),
                    language,
                ),
                "id": block_id(key, "body", block["id"]),
            }
            for block in module["body"]
        ],
        "lecturer_guide": text(module, translation, "lecturer_guide", key),
    }


def course_fields(course, translation=None):
    where = course["slug"]
    return {
        "title": text(course, translation, "title", where),
        "slug": course["slug"],
        "kind": course["kind"],
        "audience": text(course, translation, "audience", where),
        "intro": text(course, translation, "intro", where),
        "diploma_wording": text(course, translation, "diploma_wording", where),
    }


def index_fields(home, translation=None):
    return {
        "title": text(home, translation, "title", "home"),
        "slug": home["slug"],
        "intro": text(home, translation, "intro", "home"),
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
    """Create the Norwegian pages: home (course index), the courses, modules.

    Returns the home page and {course slug: CoursePage}."""
    root = Page.get_first_root_node()
    source_locale = locales[SOURCE_LANGUAGE]
    home = curriculum.home()
    index = CourseIndexPage.objects.child_of(root).filter(locale=source_locale).first()
    if index is None:
        index = CourseIndexPage(locale=source_locale, **index_fields(home))
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

    courses = curriculum.courses()
    pages = {}
    for _name, course in courses:
        page, _ = _get_or_create_child(index, CoursePage, course_fields(course), log)
        pages[course["slug"]] = page
        for module in course["modules"]:
            _get_or_create_child(
                page,
                ModulePage,
                module_fields(course["slug"], module, SOURCE_LANGUAGE),
                log,
            )
    for _name, course in courses:
        track = pages[course["slug"]]
        missing = [
            pages[slug]
            for slug in course.get("prerequisites", [])
            if not track.prerequisites.filter(pk=pages[slug].pk).exists()
        ]
        if missing:
            track.prerequisites.add(*missing)
            track.save_revision().publish()
    return index, pages


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


def translation_jobs(index, pages):
    """{language: [(source page, build(language) -> unsaved translation)]}
    for every page a translation file translates, in the order built."""
    jobs = {}
    home = curriculum.home()
    for language, translation in curriculum.translations("home").items():
        jobs.setdefault(language, []).append(
            (index, lambda t=translation: CourseIndexPage(**index_fields(home, t)))
        )
    for name, course in curriculum.courses():
        course_page = pages[course["slug"]]
        modules = {module["slug"]: module for module in course["modules"]}
        for language, translation in curriculum.translations(name).items():
            todo = jobs.setdefault(language, [])
            todo.append(
                (
                    course_page,
                    lambda t=translation, c=course: CoursePage(**course_fields(c, t)),
                )
            )
            translated = translation.get("modules", {})
            unknown = set(translated) - set(modules)
            if unknown:
                raise DemoError(f"{name}.{language}.yaml: no modules {unknown}")
            for slug, module in modules.items():
                if slug not in translated:
                    continue
                page = ModulePage.objects.child_of(course_page).get(slug=slug)
                todo.append(
                    (
                        page,
                        lambda t=translated[slug], m=module, c=course, lang=language: (
                            ModulePage(**module_fields(c["slug"], m, lang, t))
                        ),
                    )
                )
    return jobs


def translate_demo_pages(locales, index, pages, log):
    jobs = translation_jobs(index, pages)
    for language in sorted(jobs):
        locale = locales[language]
        for page, build in jobs[language]:
            existing = page.get_translation_or_none(locale)
            if existing is not None and not existing.alias_of_id:
                continue  # translated on an earlier run
            translate_object(page.specific, build(), locale)
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
        demo_homework.ensure_assignments(log=log)
        index, pages = build_source_tree(locales, log)
        synchronise_locales(locales, log)
        translate_demo_pages(locales, index, pages, log)
        create_users(passwords=passwords, log=log)
        cohort = alna.build_alna(passwords=passwords, log=log)
        demo_quizzes.build_demo_quizzes(
            cohort=cohort,
            supervisor=get_user_model().objects.get(username="supervisor"),
            log=log,
        )
        # After the quizzes and exercises: she did all the course places.
        alumna = demo_alumni.build_alumna(log=log)
    return {"alumna_verification_url": alumna["verification_url"]}
