"""A trainee on her phone opens "My data", sees what is kept about her,
downloads her copy (a zip with a readable index.html and her own words, not
her fellow trainee's) and asks for her account to be erased; her
coordinator at her desk finds the request on her dashboard and confirms it
with her user name; the trainee's session is gone. In Arabic the page reads
right to left and nothing scrolls sideways."""

import zipfile
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from lms import accounts
from lms.models import ErasureRequest, Reflection
from tests.e2e.test_reflection_journey import sign_in
from tests.factories.lms import ReflectionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HERS = "Jeg vil snakke mer med barna mine om skolen."
THEIRS = "Hodan skrev om naboene sine."


def url(live_server, name, language="en", **kwargs):
    with translation.override(language):
        return f"{live_server.url}{reverse(name, kwargs=kwargs or None)}"


def overflow(page):
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


@pytest.fixture
def world(cohort_with_sessions):
    """The cohort of Amina and Hodan, each with a reflection, and their
    coordinator, all reading English."""
    w = cohort_with_sessions
    amina, hodan = (e.user for e in w.enrollments)
    amina.first_name, amina.last_name = "Amina", "Farah"
    amina.save()
    for enrollment, words in zip(w.enrollments, (HERS, THEIRS), strict=True):
        ReflectionFactory(
            enrollment=enrollment, module_key=w.modules[0].translation_key, text=words
        )
    for user in (amina, hodan, w.coordinator):
        accounts.set_language(user=user, language="en")
    return SimpleNamespace(**vars(w), amina=amina, hodan=hodan)


def test_she_takes_her_copy_and_asks_to_be_erased_and_her_coordinator_confirms(
    live_server, phone, desk, world
):
    sign_in(phone, live_server, world.amina)
    phone.goto(url(live_server, "lms:settings"))
    phone.locator("main").get_by_role("link", name="My data").click()
    expect(phone.locator("h1")).to_have_text("My data")
    reflections = phone.locator("[data-part='reflections']")
    expect(reflections).to_contain_text("Your reflections")
    expect(reflections.locator(".data-part__count")).to_have_text("1 record")
    # A tap opens what it is, who can see it and how long it is kept.
    expect(reflections.get_by_text("Who can see it")).to_be_hidden()
    reflections.locator("summary").click()
    expect(reflections.get_by_text("Who can see it")).to_be_visible()
    expect(reflections).to_contain_text("nobody else reads them")
    assert overflow(phone) <= 0
    # Every button and button-like link is big enough for a thumb.
    heights = phone.evaluate(
        """[...document.querySelectorAll('main .button, main button')]
            .map(e => e.getBoundingClientRect().height)"""
    )
    assert heights and min(heights) >= 44

    phone.get_by_role("button", name="Download a copy of my data").click()
    # Tasks run at once here: the copy is made by the time the page is back.
    expect(phone.locator(".messages")).to_contain_text(
        "Your copy is ready to download."
    )
    copy = phone.locator(".copy-latest")
    expect(copy).to_contain_text("Your copy is ready.")
    with phone.expect_download() as download_info:
        copy.get_by_role("link", name="Download your copy").click()
    download = download_info.value
    assert download.suggested_filename.startswith("my-data-")
    with zipfile.ZipFile(download.path()) as archive:
        names = archive.namelist()
        assert "index.html" in names
        summary = archive.read("index.html").decode()
        everything = "\n".join(
            archive.read(n).decode("utf-8", "replace") for n in names
        )
    assert HERS in summary
    assert THEIRS not in everything

    erase = phone.locator("#erase")
    erase.get_by_role("button", name="Ask for my account to be erased").click()
    # Without the tick she is told, and nothing is asked.
    alert = phone.get_by_role("alert")
    expect(alert).to_contain_text("Tick the box")
    assert not ErasureRequest.objects.exists()
    alert.get_by_role("link").click()
    expect(phone.locator("#erase-confirm")).to_be_in_viewport()
    phone.get_by_label("I understand that my account is erased for good.").check()
    erase.get_by_role("button", name="Ask for my account to be erased").click()
    expect(phone.locator(".erasure-waiting")).to_contain_text(
        "Your request is waiting for your coordinator."
    )
    expect(phone.get_by_role("button", name="Take back my request")).to_be_visible()
    assert overflow(phone) <= 0

    sign_in(desk, live_server, world.coordinator)
    desk.goto(url(live_server, "lms:dashboard"))
    desk.get_by_role("link", name="Erasure requests").click()
    expect(desk.locator("h1")).to_have_text("Erasure requests")
    waiting = desk.locator(".erasure-requests")
    expect(waiting).to_contain_text("Amina Farah")
    waiting.get_by_role("link", name="Amina Farah (amina)").click()
    expect(desk.locator("h1")).to_have_text("Data of Amina Farah")
    section = desk.locator("#erasure")
    section.get_by_label("She asked for this herself").check()
    section.get_by_label("Type her user name").fill("hodan")
    section.get_by_role("button", name="Confirm erasure").click()
    expect(desk.get_by_role("alert")).to_contain_text("That is not her user name")
    assert Reflection.objects.filter(text=HERS).exists()
    section.get_by_label("She asked for this herself").check()
    section.get_by_label("Type her user name").fill("amina")
    section.get_by_role("button", name="Confirm erasure").click()
    expect(desk.locator(".messages")).to_contain_text(
        "The account of Amina Farah is erased."
    )
    assert not Reflection.objects.filter(text=HERS).exists()
    assert Reflection.objects.filter(text=THEIRS).exists()

    # On her phone the page is gone with her session: a reload asks her to
    # sign in.
    phone.reload()
    expect(phone.locator("form input[name=password]")).to_be_visible()
    assert "/login/" in phone.url


def test_my_data_in_arabic_reads_right_to_left_without_sideways_scroll(
    live_server, phone, world
):
    sign_in(phone, live_server, world.amina)
    phone.goto(url(live_server, "lms:my_data", language="ar"))
    assert phone.url.startswith(f"{live_server.url}/ar/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("[data-part='reflections']")).to_be_visible()
    assert (
        phone.evaluate("getComputedStyle(document.querySelector('#kept')).direction")
        == "rtl"
    )
    assert overflow(phone) <= 0
    widest = phone.evaluate(
        """Math.max(...[...document.querySelectorAll('main *')]
            .map(e => e.getBoundingClientRect().right))"""
    )
    assert widest <= 360
