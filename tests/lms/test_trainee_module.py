"""A module page as an enrolled trainee reviews it at home.

The curriculum is public: anyone may read a module page. What changes for a
trainee learning in a cohort of the course is her review view: material opens
once its session is held (or when the cohort opens everything), opening it is
recorded, and she can mark it reviewed. Text is checked on English pages.
"""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail_localize.models import LocaleSynchronization

from lms import accounts, enrolment
from lms.models import ModuleProgress, Profile
from tests.courses.test_performance import (
    HEAVY_PAGE_GZIP_LIMIT,
    HEAVY_PAGE_RAW_LIMIT,
    PAGE_WEIGHT_LIMIT,
    transferred_bytes,
)
from tests.factories.lms import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LESSON_TEXT = "Barn lærer språk i lek."


@pytest.fixture
def w(cohort_with_sessions):
    return cohort_with_sessions


@pytest.fixture
def amina(w):
    return w.enrollments[0]


def en(page):
    """The address of a Norwegian page's copy under /en/ (an alias there)."""
    return "/en/" + page.url.removeprefix("/nb/")


@pytest.fixture
def english(locales):
    """English synchronised from Norwegian: every page exists there as an alias."""
    LocaleSynchronization.objects.create(locale=locales["en"], sync_from=locales["nb"])


def reviewed_url(module, language="en"):
    """The endpoint as the /en/ page's form has it (its messages follow it)."""
    with translation.override(language):
        return reverse("lms:module_reviewed", args=[module.translation_key])


def progress_of(enrollment, module):
    return ModuleProgress.objects.filter(
        enrollment=enrollment, module_key=module.translation_key
    ).first()


# --- the review gate ---------------------------------------------------------


def test_held_module_is_open_and_opening_it_is_recorded(client, w, amina):
    client.force_login(amina.user)
    body = client.get(w.modules[0].url).content.decode()
    assert LESSON_TEXT in body
    assert f'action="{reviewed_url(w.modules[0], "nb")}"' in body
    progress = progress_of(amina, w.modules[0])
    assert progress is not None and progress.reviewed_at is None
    first_seen = progress.last_seen_at
    client.get(w.modules[0].url)  # reading again soon after writes nothing
    assert progress_of(amina, w.modules[0]).last_seen_at == first_seen
    # Her next visit, an hour later, moves "where she left off".
    an_hour_ago = first_seen - datetime.timedelta(hours=1)
    ModuleProgress.objects.filter(pk=progress.pk).update(last_seen_at=an_hour_ago)
    client.get(w.modules[0].url)
    assert progress_of(amina, w.modules[0]).last_seen_at > an_hour_ago


def test_reading_a_module_again_soon_makes_no_write(client, w, amina):
    client.force_login(amina.user)
    client.get(w.modules[0].url)  # the first visit creates her progress
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(w.modules[0].url).status_code == 200
    writes = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
    ]
    assert writes == []


def test_module_before_its_session_shows_goals_and_when_it_opens(
    client, w, amina, english
):
    client.force_login(amina.user)
    body = client.get(en(w.modules[2])).content.decode()
    assert LESSON_TEXT not in body
    assert "Du kan forklare språkutvikling." in body  # learning goals
    assert "Kort om modulen." in body  # summary
    starts = timezone.localtime(w.sessions[2].starts_at)
    note = re.search(r'class="callout callout--info module-closed".*?</p>', body, re.S)
    assert "opens for you to review at home after the session on" in note.group(0)
    assert f"{starts.day} {starts:%B}" in note.group(0)
    assert "lms:module_reviewed" not in body and "data-review-form" not in body
    assert progress_of(amina, w.modules[2]) is None


def test_cohort_can_open_all_material_at_once(client, w, amina):
    w.cohort.open_all_material = True
    w.cohort.save()
    client.force_login(amina.user)
    assert LESSON_TEXT in client.get(w.modules[3].url).content.decode()
    assert progress_of(amina, w.modules[3]) is not None


def test_cancelled_session_does_not_open_the_module(client, w, amina):
    w.sessions[1].cancelled = True
    w.sessions[1].save()
    client.force_login(amina.user)
    assert LESSON_TEXT not in client.get(w.modules[1].url).content.decode()


@pytest.mark.parametrize(
    "who",
    ["anonymous", "outsider", "supervisor", "coordinator", "lecturer", "withdrawn"],
)
def test_others_see_the_public_page_without_review(client, w, who, build_course):
    if who == "withdrawn":
        enrolment.withdraw(enrollment=w.enrollments[1])
        user = w.enrollments[1].user
    elif who == "outsider":  # a trainee of another course
        other_course, _ = build_course(modules=1)
        user = EnrollmentFactory(cohort=CohortFactory(course=other_course)).user
    else:
        user = getattr(w, who, None)
    if user:
        client.force_login(user)
    body = client.get(w.modules[2].url).content.decode()
    assert LESSON_TEXT in body  # the curriculum itself is public
    assert "data-review-form" not in body
    assert "module-closed" not in body
    assert ModuleProgress.objects.count() == 0


def test_trainee_of_another_cohort_follows_her_own_cohorts_dates(client, w):
    # Same course, a later cohort: module 1 is not held for her yet.
    later = CohortFactory(course=w.course, starts_on=timezone.localdate())
    SessionFactory(
        cohort=later,
        module=w.modules[0],
        starts_at=timezone.now() + datetime.timedelta(days=3),
    )
    fatima = EnrollmentFactory(cohort=later)
    client.force_login(fatima.user)
    assert LESSON_TEXT not in client.get(w.modules[0].url).content.decode()


def test_lecturer_guide_never_reaches_the_trainee(client, w, amina, translate):
    translate(w.modules[0], "ar")
    client.force_login(amina.user)
    for url in (w.modules[0].url, "/ar/" + w.modules[0].url[4:] + "?side=1"):
        assert "HEMMELIG" not in client.get(url).content.decode()


# --- marking it reviewed -----------------------------------------------------


def test_reviewed_button_marks_the_module_and_says_so(client, w, amina, english):
    client.force_login(amina.user)
    url = en(w.modules[0])
    response = client.post(reviewed_url(w.modules[0]), {"next": url}, follow=True)
    assert response.redirect_chain[-1][0] == url
    body = response.content.decode()
    assert "This module is marked as reviewed" in body
    assert "You reviewed this module on" in body
    assert "data-review-form" not in body
    assert progress_of(amina, w.modules[0]).reviewed_at is not None


def test_reading_to_the_end_posts_json_and_a_second_post_changes_nothing(
    client, w, amina
):
    client.force_login(amina.user)
    url = reviewed_url(w.modules[1])
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert json.loads(response.content)["reviewed"] is True
    first = progress_of(amina, w.modules[1]).reviewed_at
    client.post(url, HTTP_ACCEPT="application/json")  # a double click
    assert progress_of(amina, w.modules[1]).reviewed_at == first
    assert ModuleProgress.objects.filter(enrollment=amina).count() == 1


def test_a_closed_module_cannot_be_marked_reviewed(client, w, amina):
    client.force_login(amina.user)
    url = reviewed_url(w.modules[3])
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert (
        "opens for review after its session" in json.loads(response.content)["message"]
    )
    response = client.post(url, {"next": w.modules[3].url})
    assert response.status_code == 302
    assert progress_of(amina, w.modules[3]) is None


@pytest.mark.parametrize("who", ["outsider", "supervisor", "coordinator", "lecturer"])
def test_only_her_cohorts_trainees_may_mark_a_module(client, w, who):
    user = UserFactory(username="outsider") if who == "outsider" else getattr(w, who)
    client.force_login(user)
    response = client.post(reviewed_url(w.modules[0]))
    assert response.status_code == 403
    assert ModuleProgress.objects.count() == 0


def test_anonymous_is_asked_to_log_in_and_nothing_is_recorded(client, w):
    response = client.post(reviewed_url(w.modules[0]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert ModuleProgress.objects.count() == 0


def test_marking_needs_a_post(client, w, amina):
    client.force_login(amina.user)
    assert client.get(reviewed_url(w.modules[0])).status_code == 405


def test_next_elsewhere_is_not_followed(client, w, amina):
    client.force_login(amina.user)
    response = client.post(
        reviewed_url(w.modules[0]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("lms:dashboard")


# --- her language and side by side -------------------------------------------


@pytest.fixture
def arabic(w, translate):
    return translate(w.modules[0], "ar", title="الطفل واللغة")


def test_side_by_side_pairs_each_block_with_the_norwegian(client, w, amina, arabic):
    client.force_login(amina.user)
    body = client.get(arabic.url + "?side=1").content.decode()
    assert 'class="module-page module-page--side"' in body
    originals = re.findall(r'<div class="pair__original" lang="nb" dir="ltr">', body)
    # text, callout, discussion questions and the reflection prompt
    assert len(originals) == 4
    assert 'lang="ar" dir="rtl"' in body  # her column follows the article
    assert f'<p class="original-title" lang="nb" dir="ltr">{w.modules[0].title}' in body
    assert Profile.objects.get(user=amina.user).show_side_by_side is True
    # Remembered: the next visit, on any device, reads side by side too.
    assert "pair__original" in client.get(arabic.url).content.decode()
    body = client.get(arabic.url + "?side=0").content.decode()
    assert "pair__original" not in body
    assert Profile.objects.get(user=amina.user).show_side_by_side is False


def test_side_by_side_link_is_offered_only_beside_a_translation(
    client, w, amina, arabic
):
    client.force_login(amina.user)
    assert 'href="?side=1"' in client.get(arabic.url).content.decode()
    body = client.get(w.modules[0].url + "?side=1").content.decode()
    assert 'href="?side=1"' not in body
    assert "pair__original" not in body


def test_module_missing_in_her_language_says_so(client, w, amina):
    accounts.set_language(user=amina.user, language="so")
    client.force_login(amina.user)
    body = client.get(w.modules[0].url).content.decode()
    assert 'class="callout callout--info untranslated-note"' in body
    assert "Soomaali" in body.split("untranslated-note")[1].split("</p>")[0]
    assert LESSON_TEXT in body


def test_original_page_offers_her_translation_when_there_is_one(
    client, w, amina, arabic
):
    accounts.set_language(user=amina.user, language="ar")
    client.force_login(amina.user)
    body = client.get(w.modules[0].url).content.decode()
    assert f'<a href="{arabic.url}" hreflang="ar">' in body
    assert "untranslated-note" not in body


def test_switching_language_keeps_her_progress(client, w, amina, arabic):
    client.force_login(amina.user)
    client.post(reviewed_url(w.modules[0]), {"next": w.modules[0].url})
    client.post(reverse("lms:settings"), {"language": "ar", "show_side_by_side": ""})
    body = client.get(arabic.url).content.decode()
    assert "الطفل واللغة" in body
    assert "review__done" in body
    assert "data-review-form" not in body


# --- cost --------------------------------------------------------------------


def module_queries(client, url):
    client.get(url)  # warm caches; the first visit also creates her progress
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    assert LESSON_TEXT in response.content.decode()
    return len(ctx.captured_queries)


def enrolled_in_course(build_course, modules):
    course, pages = build_course(modules=modules)
    cohort = CohortFactory(course=course, open_all_material=True)
    for module in pages:
        SessionFactory(cohort=cohort, module=module)
    return EnrollmentFactory(cohort=cohort).user, pages


@pytest.mark.parametrize("side", ["", "?side=1"])
def test_trainee_module_queries_do_not_grow_with_the_number_of_modules(
    client, build_course, translate, side
):
    counts = []
    for size in (16, 64):
        user, pages = enrolled_in_course(build_course, size)
        arabic = translate(pages[4], "ar")
        client.force_login(user)
        counts.append(module_queries(client, arabic.url + side))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("language", ["nb", "ar"])
def test_a_signed_in_trainee_module_page_takes_at_most_12_queries(
    client, build_course, translate, language
):
    user, pages = enrolled_in_course(build_course, 16)
    page = translate(pages[4], "ar") if language == "ar" else pages[4]
    client.force_login(user)
    assert module_queries(client, page.url) <= 12


def test_trainee_module_page_weighs_less_than_60_kb(client, build_course):
    user, pages = enrolled_in_course(build_course, 16)
    client.force_login(user)
    total, assets = transferred_bytes(client, pages[4].url)
    assert assets >= 2  # the stylesheet and trainee.js at least
    assert total < PAGE_WEIGHT_LIMIT, f"{total} bytes"


@pytest.mark.parametrize("language", ["nb", "ar"])
def test_module_page_with_a_reflection_and_a_homework_report_stays_light(
    client, build_course, language
):
    """The heaviest trainee page, like module 14: its reflection prompt and the
    three-conversations report form, with their scripts and styles, counted
    uncompressed and as sent (gzip)."""
    from tests.factories.homework import AssignmentFactory

    field = {
        "label": "Hva skjedde?",
        "help_text": "Skriv kort.",
        "kind": "long",
        "choices": [],
        "required": True,
    }
    assignment = AssignmentFactory(
        report_entry_label="Samtale",
        report_min_entries=3,
        report_max_entries=3,
        report_fields=[{"type": "field", "value": field} for _ in range(4)],
    )
    user, pages = enrolled_in_course(build_course, 16)
    module = pages[4]
    module.body = [
        *module.body.raw_data,
        {"type": "assignment", "value": assignment.pk},
    ]
    module.save_revision().publish()
    client.force_login(user)
    url = module.url if language == "nb" else en(module).replace("/en/", "/ar/", 1)
    total, assets = transferred_bytes(client, url)
    body = client.get(url).content.decode()
    assert "lms/homework.js" in body and "lms/reflection.js" in body
    assert body.count("/static/lms/trainee.js") == 1  # with the draft helpers
    assert total < HEAVY_PAGE_RAW_LIMIT, f"{total} bytes"
    sent, _assets = transferred_bytes(client, url, compressed=True)
    assert sent < HEAVY_PAGE_GZIP_LIMIT, f"{sent} bytes gzipped"
    print(
        f"module page with reflection + homework report ({language}): "
        f"{total} B, {sent} B gzipped"
    )
