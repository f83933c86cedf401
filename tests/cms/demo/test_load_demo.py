"""`manage.py load_demo` builds the programme a new user finds in the README."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation

from courses.models import CoursePage, ModulePage
from lms.choices import CourseKind
from tests.conftest import demo_loaded

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06ff]")


def counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "locales": Locale.objects.count(),
        "users": get_user_model().objects.count(),
        "string translations": StringTranslation.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.fixture
def load(django_capture_on_commit_callbacks):
    def run(*args):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", *args, stdout=io.StringIO())

    return run


@pytest.fixture(scope="module")
def loaded_once(django_db_setup, django_db_blocker):
    with demo_loaded(django_db_blocker):
        yield counts()


@pytest.fixture
def demo(loaded_once):
    return loaded_once


def nb_course(slug):
    return CoursePage.objects.get(slug=slug, locale__language_code="nb")


def test_running_it_twice_changes_nothing(demo, load):
    load("--insecure-demo-passwords")
    assert counts() == demo


def test_base_training_has_16_modules_in_order(demo):
    base = nb_course("grunnopplaering")
    assert base.kind == CourseKind.BASE
    modules = list(base.modules())
    assert [m.number for m in modules] == list(range(1, 17))
    for module in modules:
        blocks = [b.block_type for b in module.body]
        assert blocks.count("text") >= 2, module.title
        assert "discussion_questions" in blocks, module.title
        assert "reflection_prompt" in blocks, module.title
        assert len(module.learning_goals) >= 3, module.title
        assert module.summary and module.lecturer_guide, module.title


def test_module_14_sets_the_three_conversations_homework(demo):
    module = ModulePage.objects.get(
        number=14, locale__language_code="nb", slug="familieliv-2"
    )
    text = " ".join(str(b.value) for b in module.body).lower()
    assert "tre kvinner" in text or "tre samtaler" in text


def test_continuing_tracks_require_the_base_training(demo):
    base = nb_course("grunnopplaering")
    icdp = nb_course("icdp-veileder")
    self_help = nb_course("selvhjelpsgrupper")
    assert icdp.kind == self_help.kind == CourseKind.CONTINUING
    assert len(icdp.modules()) >= 6
    assert len(self_help.modules()) >= 4
    assert list(icdp.prerequisites.all()) == [base]
    assert list(self_help.prerequisites.all()) == [base]


@pytest.mark.parametrize(
    "language,numbers",
    [
        ("ar", list(range(1, 17))),  # the whole base training
        ("en", [1, 5, 14]),
        ("so", [1, 2, 3]),
        ("ur", [1, 2, 3]),
    ],
)
def test_course_and_its_modules_are_really_translated(demo, client, language, numbers):
    base = nb_course("grunnopplaering")
    locale = Locale.objects.get(language_code=language)
    modules = list(base.modules().filter(number__in=numbers))
    assert len(modules) == len(numbers)
    for page in [base, *modules]:
        translated = page.get_translation(locale).specific
        assert not translated.alias_of_id, f"{page.title} is only an alias"
        assert translated.live
        assert translated.title != page.title
        html = client.get(translated.url).content.decode()
        assert f'lang="{language}"' in html
        if language in ("ar", "ur"):
            assert ARABIC.search(translated.title)
            assert 'dir="rtl"' in html
        if isinstance(translated, ModulePage):
            source_text = [str(b.value) for b in page.body if b.block_type == "text"]
            target_text = [
                str(b.value) for b in translated.body if b.block_type == "text"
            ]
            assert len(source_text) == len(target_text)
            assert not set(source_text) & set(target_text)


def test_other_modules_exist_in_urdu_as_marked_norwegian(demo, client):
    module_4 = nb_course("grunnopplaering").modules().get(number=4)
    alias = module_4.get_translation(Locale.objects.get(language_code="ur"))
    assert alias.alias_of_id
    html = client.get(alias.url).content.decode()
    assert 'dir="rtl"' in html
    assert '<article class="module" lang="nb" dir="ltr">' in html


def test_demo_site_serves_the_course_in_norwegian(demo, client):
    home = client.get("/nb/")
    assert home.status_code == 200
    base = nb_course("grunnopplaering")
    assert base.url in home.content.decode()
    course = client.get(base.url).content.decode()
    assert course.count('class="module-list__number"') == 16


def test_demo_users_exist_with_the_demo_password(demo):
    User = get_user_model()
    for username in ["coordinator", "supervisor", "lecturer", "trainee", "alumna"]:
        assert User.objects.get(username=username).check_password("demo")
    assert User.objects.get(username="admin").is_superuser
