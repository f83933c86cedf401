"""Text in another language than the page carries its own lang and dir
(issue 9, point 14).

On an Urdu or Arabic page a module title, an assignment or a reflection
prompt not yet translated is shown in the programme language, Norwegian:
without lang="nb" dir="ltr" around it, its punctuation flips to the wrong
side ("?Hva tar du med deg") and screen readers read it as Urdu.
"""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from lms.choices import SubmissionStatus
from tests.factories.homework import SubmissionFactory, SubmissionVersionFactory
from tests.factories.lms import ReflectionFactory
from tests.lms.test_homework_trainee import build_world
from tests.lms.test_reflections import prompt_key

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID |= {"source", "track", "wbr"}


class _Finder(HTMLParser):
    """Every text node with the nearest lang and dir around it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang, dir) of open elements
        self.texts = []  # (text, lang, dir)

    def _inherited(self, key):
        for _tag, lang, direction in reversed(self.stack):
            value = lang if key == "lang" else direction
            if value is not None:
                return value
        return None

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        self.stack.append((tag, attrs.get("lang"), attrs.get("dir")))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        in_title = any(tag == "title" for tag, _lang, _dir in self.stack)
        if data.strip() and not in_title:  # <title> cannot carry a language
            self.texts.append(
                (
                    " ".join(data.split()),
                    self._inherited("lang"),
                    self._inherited("dir"),
                )
            )


def languages_of(html, text):
    """[(lang, dir)] of every text node of `html` that contains `text`."""
    finder = _Finder()
    finder.feed(html)
    found = [(lang, d) for t, lang, d in finder.texts if text in t]
    assert found, f"{text!r} is not on the page"
    return found


def assert_marked(html, text, lang, direction):
    for found in languages_of(html, text):
        assert found == (lang, direction), (text, found)


def get(user, name, language, **kwargs):
    client = Client()
    client.force_login(user)
    with translation.override(language):
        url = reverse(name, kwargs=kwargs or None)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def world(locales, cohort_with_sessions):
    w = build_world(cohort_with_sessions)
    w.submission = SubmissionFactory(
        enrollment=w.enrollments[0],
        assignment_key=w.key,
        module_key=w.module.translation_key,
        status=SubmissionStatus.SUBMITTED,
    )
    SubmissionVersionFactory(submission=w.submission, text="Vi leste sammen.")
    return w


# --- homework ------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "direction"), [("ur", "rtl"), ("ar", "rtl")])
def test_homework_page_marks_the_norwegian_assignment(world, language, direction):
    body = get(world.amina, "lms:homework", language, pk=world.submission.pk)
    assert f'<html lang="{language}" dir="{direction}">' in body
    assert_marked(body, "Snakk med barnet", "nb", "ltr")  # title (h1)
    assert_marked(body, "Snakk med barnet ditt.", "nb", "ltr")  # instructions
    assert_marked(body, "Du har snakket med barnet tre ganger.", "nb", "ltr")
    assert_marked(body, world.module.title, "nb", "ltr")  # the module, untranslated
    # The page's own words stay in the page's language.
    with translation.override(language):
        from django.utils.translation import gettext

        assert_marked(body, gettext("The assignment"), language, direction)


def test_homework_page_marks_a_translated_assignment_as_hers(world, translate):
    arabic = world.assignment.copy_for_translation(
        Locale.objects.get(language_code="ar")
    )
    arabic.title = "تحدثي مع طفلك"
    arabic.save()
    translate(world.module, "ar", title="الطفل واللغة")
    body = get(world.amina, "lms:homework", "ar", pk=world.submission.pk)
    assert_marked(body, "تحدثي مع طفلك", "ar", "rtl")
    assert_marked(body, "الطفل واللغة", "ar", "rtl")


def test_homework_block_on_an_arabic_module_marks_the_norwegian_assignment(
    world, translate
):
    arabic = translate(world.module, "ar", title="الطفل واللغة")
    client = Client()
    client.force_login(world.amina)
    body = client.get(arabic.url).content.decode()
    assert_marked(body, "Snakk med barnet", "nb", "ltr")
    assert_marked(body, "Snakk med barnet ditt.", "nb", "ltr")


@pytest.mark.parametrize("language", ["ur", "ar"])
def test_my_homework_and_dashboard_mark_norwegian_titles(world, language):
    body = get(world.amina, "lms:my_homework", language)
    assert_marked(body, "Snakk med barnet", "nb", "ltr")
    assert_marked(body, world.module.title, "nb", "ltr")
    body = get(world.amina, "lms:dashboard", language)
    assert_marked(body, world.module.title, "nb", "ltr")
    assert_marked(body, world.modules[1].title, "nb", "ltr")
    assert_marked(body, world.course.title, "nb", "ltr")


# --- the dashboard -------------------------------------------------------------------


def test_dashboard_marks_untranslated_aliases_and_translated_titles(
    locales, build_course, translate
):
    """Urdu synchronised from Norwegian: every module exists in Urdu as an
    alias, whose title is still the Norwegian one."""
    from django.utils import timezone

    from tests.factories.lms import CohortFactory, EnrollmentFactory, SessionFactory

    LocaleSynchronization.objects.create(locale=locales["ur"], sync_from=locales["nb"])
    course, modules = build_course(modules=3, title="Grunnopplæring")
    translate(modules[0], "ar", title="الطفل واللغة")
    cohort = CohortFactory(course=course, open_all_material=True)
    for module in modules:
        SessionFactory(cohort=cohort, module=module, starts_at=timezone.now())
    user = EnrollmentFactory(cohort=cohort).user

    urdu = get(user, "lms:dashboard", "ur")
    assert_marked(urdu, modules[1].title, "nb", "ltr")
    assert_marked(urdu, "Grunnopplæring", "nb", "ltr")
    arabic = get(user, "lms:dashboard", "ar")
    assert_marked(arabic, "الطفل واللغة", "ar", "rtl")
    assert_marked(arabic, modules[1].title, "nb", "ltr")


# --- the journal ---------------------------------------------------------------------


@pytest.mark.parametrize(("language", "direction"), [("ur", "rtl"), ("ar", "rtl")])
def test_journal_marks_norwegian_titles_and_prompts(world, language, direction):
    ReflectionFactory(
        enrollment=world.enrollments[0],
        module_key=world.module.translation_key,
        prompt_key=prompt_key(world.module),
        prompt_text="Hva tar du med deg?",
        text="Jeg lærte mye.",
    )
    body = get(world.amina, "lms:journal", language)
    assert f'<html lang="{language}" dir="{direction}">' in body
    assert_marked(body, world.module.title, "nb", "ltr")
    assert_marked(body, "Hva tar du med deg?", "nb", "ltr")


def test_journal_marks_a_prompt_answered_in_arabic_as_arabic(world, translate):
    arabic = translate(world.module, "ar", title="الطفل واللغة")
    key = prompt_key(world.module)
    body = arabic.body.raw_data
    for block in body:
        if block["id"] == key:
            block["value"]["prompt"] = "ماذا تأخذين معك؟"
    arabic.body = body
    arabic.save_revision().publish()
    ReflectionFactory(
        enrollment=world.enrollments[0],
        module_key=world.module.translation_key,
        prompt_key=key,
        prompt_text="ماذا تأخذين معك؟",
    )
    ReflectionFactory(  # a prompt since changed: its language is unknown
        enrollment=world.enrollments[0],
        module_key=world.modules[1].translation_key,
        prompt_key="gone",
        prompt_text="En gammel oppgave?",
    )
    page = get(world.amina, "lms:journal", "ar")
    assert_marked(page, "الطفل واللغة", "ar", "rtl")
    assert_marked(page, "ماذا تأخذين معك؟", "ar", "rtl")
    assert languages_of(page, "En gammel oppgave?") == [("ar", "auto")]


def test_shared_reflections_mark_norwegian_titles_and_prompts(world):
    from lms import reflections

    reflection = ReflectionFactory(
        enrollment=world.enrollments[0],
        module_key=world.module.translation_key,
        prompt_key=prompt_key(world.module),
        prompt_text="Hva tar du med deg?",
        text="Delt tekst.",
    )
    reflections.share_reflection(reflection=reflection)
    body = get(world.supervisor, "lms:shared_reflections", "ar")
    assert_marked(body, world.module.title, "nb", "ltr")
    assert_marked(body, "Hva tar du med deg?", "nb", "ltr")
