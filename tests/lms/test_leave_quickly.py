"""The "leave quickly" link: on every page, early in keyboard order, a link to a
neutral site that tells nothing about where she came from and replaces the page
(location.replace) rather than adding to the history. (The browser test
tests/e2e/test_trainee_journey.py checks that the module leaves the history.)"""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from lms.templatetags.lms_tags import LEAVE_QUICKLY_URL

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'<a class="leave-quickly" href="([^"]+)" rel="noreferrer" data-leave-quickly'
    r' onclick="([^"]+)">'
)


def focusable(body):
    """Links and buttons in document order, as the Tab key reaches them."""
    return re.findall(r"<(?:a|button)\b[^>]*>", body)


@pytest.fixture
def pages(cohort_with_sessions, home):
    w = cohort_with_sessions
    return {
        "home": home.url,
        "course": w.course.url,
        "module": w.modules[0].url,
        "login": reverse("lms:login"),
    }


@pytest.mark.parametrize("name", ["home", "course", "module", "login"])
def test_every_page_offers_a_way_out_right_after_skip_to_content(client, pages, name):
    body = client.get(pages[name]).content.decode()
    match = LINK.search(body)
    assert match and match.group(1) == LEAVE_QUICKLY_URL == "https://www.yr.no/"
    # Anonymous visitors too: one tap replaces the page, no script file needed.
    assert "location.replace(this.href);return false" in match.group(2)
    order = focusable(body)
    assert 'class="skip-link"' in order[0]
    assert 'class="leave-quickly"' in order[1]


def test_signed_in_pages_add_escape_twice_to_leave(client, cohort_with_sessions):
    w = cohort_with_sessions
    client.force_login(w.enrollments[0].user)
    for url in (reverse("lms:dashboard"), w.modules[0].url):
        body = client.get(url).content.decode()
        assert LINK.search(body)
        assert '<script src="/static/cms/js/trainee.js" defer>' in body
    script = open(finders.find("cms/js/trainee.js"), encoding="utf-8").read()
    assert 'event.key !== "Escape"' in script
    assert "location.replace(leave.href)" in script


def test_the_neutral_site_can_be_configured(client, pages, settings):
    settings.LMS_LEAVE_QUICKLY_URL = "https://www.google.com/search?q=v%C3%A6ret"
    body = client.get(pages["module"]).content.decode()
    assert LINK.search(body).group(1) == "https://www.google.com/search?q=v%C3%A6ret"


def test_the_button_sits_at_the_inline_end_in_both_directions():
    css = open(finders.find("cms/css/site.css"), encoding="utf-8").read()
    rule = re.search(r"\.leave-quickly \{(.*?)\}", css, re.S).group(1)
    assert "position: fixed" in rule
    assert "inset-inline-end" in rule
    assert not re.search(r"\b(left|right)\s*:", rule)
