"""A trainee on a phone finds module 5 in Arabic and switches to the original."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def arabic_course(build_course, translate, home):
    course, modules = build_course(modules=16, title="Grunnopplæring")
    module_5 = modules[4]
    module_5.title = "Kvinnen"
    module_5.save_revision().publish()
    translate(home, "ar", title="بيدلسموذره أوسلو")
    translate(course, "ar", title="التدريب الأساسي")
    translate(module_5, "ar", title="المرأة")
    return module_5


def test_module_5_in_arabic_on_a_phone(live_server, phone, arabic_course):
    phone.goto(f"{live_server.url}/ar/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    phone.get_by_role("link", name="التدريب الأساسي").click()
    phone.get_by_role("link", name="المرأة").click()

    expect(phone.locator("h1")).to_have_text("المرأة")
    html = phone.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    # Right-to-left for real: the heading starts at the right edge.
    box = phone.locator("h1").bounding_box()
    assert box["x"] + box["width"] > 300
    # Nothing scrolls sideways on a 360 px screen.
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    phone.locator(".language-switcher summary").click()
    phone.get_by_role("link", name="norsk (bokmål)").click()
    expect(phone.locator("h1")).to_have_text("Kvinnen")
    expect(phone.locator("html")).to_have_attribute("dir", "ltr")
    assert phone.url == f"{live_server.url}{arabic_course.url}"
