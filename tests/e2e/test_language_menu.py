"""The language menu on a 360x640 phone: every entry on the screen and big
enough for a thumb, left to right and right to left, signed out (links) and
signed in (a form of buttons)."""

import pytest
from playwright.sync_api import expect

from tests.factories.lms import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 360, 640
MIN_TARGET = 44  # px, the smallest comfortable touch target
LANGUAGES = [("nb", "ltr"), ("ar", "rtl"), ("ur", "rtl"), ("fa", "rtl")]


def open_menu(page, direction):
    expect(page.locator("html")).to_have_attribute("dir", direction)
    page.locator(".language-switcher summary").click()
    expect(page.locator(".language-switcher ul")).to_be_visible()


def assert_entries_on_screen(page, selector):
    entries = page.locator(selector)
    expect(entries).to_have_count(9)
    for index in range(9):
        entry = entries.nth(index)
        expect(entry).to_be_visible()
        box = entry.bounding_box()
        name = entry.inner_text()
        assert box["x"] >= 0, (name, box)
        assert box["y"] >= 0, (name, box)
        assert box["x"] + box["width"] <= WIDTH, (name, box)
        assert box["y"] + box["height"] <= HEIGHT, (name, box)
        assert box["height"] >= MIN_TARGET, (name, box)
    # Nothing sticks out sideways either.
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize(("code", "direction"), LANGUAGES)
def test_language_menu_fits_a_phone_signed_out(live_server, phone, code, direction):
    phone.goto(f"{live_server.url}/{code}/login/")
    open_menu(phone, direction)
    assert_entries_on_screen(phone, ".language-switcher li a")


@pytest.mark.parametrize(("code", "direction"), LANGUAGES)
def test_language_menu_fits_a_phone_signed_in(live_server, phone, code, direction):
    UserFactory(username="amina", first_name="Amina")
    phone.goto(f"{live_server.url}/{code}/login/")
    phone.locator("#id_username").fill("amina")
    phone.locator("#id_password").fill("pw")
    phone.locator("form.stack button[type=submit]").click()
    expect(phone).to_have_url(f"{live_server.url}/{code}/my/")
    open_menu(phone, direction)
    assert_entries_on_screen(phone, ".language-switcher li button")
