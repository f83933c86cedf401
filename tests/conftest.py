import contextlib
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    ModulePageFactory,
)


def _django_order(item):
    """0: in a rolled-back transaction, 1: flushes the database after it
    (transaction=True, live_server), 2: no database."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    if (marker and marker.kwargs.get("transaction")) or {
        "transactional_db",
        "live_server",
    } & set(fixtures):
        return 1
    return 0 if marker or "db" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Django's order once more, after pytest's own regrouping.

    pytest-django sorts first, then pytest groups the tests that share a
    session-wide parameter (pytest-playwright's browser) and so can pull the
    browser tests, which flush the database, in among the others. Those
    would then find the rows migrations made (locales, the root collection,
    the role groups) gone. The sort is stable: the grouping within stays.
    """
    items.sort(key=_django_order)


@pytest.fixture
def locales(db):
    """A Locale for every content language (nb exists from Wagtail's migration)."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES
    }


@pytest.fixture
def home(locales):
    """A course index in Norwegian as the default site's root page.

    Builds its own Site (and root page if needed), because live_server
    flushes what migrations made.
    """
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["nb"])
    )
    index = CourseIndexPageFactory(parent=root, locale=locales["nb"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": index},
    )
    return index


@pytest.fixture
def build_course(home):
    """Build a course with `modules` module pages under the home page."""

    def build(modules=3, **kwargs):
        course = CoursePageFactory(parent=home, **kwargs)
        pages = [
            ModulePageFactory(parent=course, number=n + 1, slug=f"modul-{n + 1}")
            for n in range(modules)
        ]
        return course, pages

    return build


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page (and its untranslated parents) into another locale."""

    def do(page, language, title=None):
        locale = Locale.objects.get(language_code=language)
        with django_capture_on_commit_callbacks(execute=True):
            copy = page.specific.copy_for_translation(locale, copy_parents=True)
        copy.title = title or f"{page.title} [{language}]"
        copy.save_revision().publish()
        return copy.specific

    return do


@pytest.fixture
def cohort_with_sessions(build_course):
    """A running cohort of a 4-module course with weekly sessions, 2 held.

    Returns a namespace with course, modules, cohort, sessions, trainees
    (two active enrollments), supervisor, coordinator and lecturer users.
    """
    import datetime
    from types import SimpleNamespace

    from django.utils import timezone

    from lms.choices import StaffRole
    from tests.factories.lms import (
        CohortFactory,
        CohortStaffFactory,
        EnrollmentFactory,
        SessionFactory,
        UserFactory,
    )

    course, modules = build_course(modules=4, title="Grunnopplæring")
    now = timezone.now()
    cohort = CohortFactory(
        course=course, starts_on=(now - datetime.timedelta(weeks=2, days=1)).date()
    )
    lecturer = UserFactory(username="lecturer1")
    sessions = []
    for week, module in enumerate(modules):
        session = SessionFactory(
            cohort=cohort,
            module=module,
            starts_at=now + datetime.timedelta(weeks=week - 2, hours=1),
        )
        sessions.append(session)
    sessions[0].lecturers.add(lecturer)
    coordinator = UserFactory(username="coordinator1")
    cohort.chapter.coordinators.add(coordinator)
    supervisor = CohortStaffFactory(
        cohort=cohort, role=StaffRole.SUPERVISOR, user=UserFactory(username="sup1")
    ).user
    trainees = [
        EnrollmentFactory(cohort=cohort, user=UserFactory(username=name))
        for name in ("amina", "hodan")
    ]
    return SimpleNamespace(
        course=course,
        modules=modules,
        cohort=cohort,
        sessions=sessions,
        enrollments=trainees,
        supervisor=supervisor,
        coordinator=coordinator,
        lecturer=lecturer,
    )


@contextlib.contextmanager
def demo_loaded(django_db_blocker):
    """The demo loaded once, for a module's read-only tests.

    Loading takes seconds, so it runs inside one outer transaction that is
    rolled back at the end; each test nests its own savepoint in it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--insecure-demo-passwords", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def fresh_tree_memory():
    """What a process remembers of the page tree (lms.treecache) starts empty
    in every test: a rolled-back test can bring an old version token back."""
    from lms import treecache

    treecache.forget_everything()
    yield
    treecache.forget_everything()


@pytest.fixture(autouse=True)
def no_language_left_active():
    """Every test starts as it would alone: no language left active by an
    earlier test's request or activate() (now that every catalogue is
    complete, a leaked Norwegian turns English assertions false)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
