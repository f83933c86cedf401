"""The "leave quickly" link: on every page, early in keyboard order, a link to a
neutral site that tells nothing about where she came from. Its script (loaded
in the head, before any tap) replaces the page rather than adding to the
history and signs her out on the server; Back cannot show a cached page of
hers. (The browser test tests/e2e/test_trainee_journey.py checks that Back
shows nothing private.)"""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from lms.conf import DEFAULTS

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'<a class="leave-quickly" href="([^"]+)" rel="noreferrer" data-leave-quickly'
    r'(?: data-sign-out="([^"]+)")?>'
)
HEAD_SCRIPT = '<script src="/static/lms/quick-exit.js"></script>'


def head(body):
    return body.split("</head>", 1)[0]


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
    assert (
        match
        and match.group(1) == DEFAULTS["LMS_LEAVE_QUICKLY_URL"] == "https://www.yr.no/"
    )
    # Anonymous visitors too: the script that replaces the page is in the
    # head, without defer, so it works before the page has finished loading;
    # and there is no inline script (the Content-Security-Policy forbids it).
    assert HEAD_SCRIPT in head(body)
    assert "onclick" not in body and "<script>" not in body
    order = focusable(body)
    assert 'class="skip-link"' in order[0]
    assert 'class="leave-quickly"' in order[1]


def test_signed_in_pages_sign_her_out_on_the_way_out(client, cohort_with_sessions):
    w = cohort_with_sessions
    client.force_login(w.enrollments[0].user)
    for url in (reverse("lms:dashboard"), w.modules[0].url):
        response = client.get(url)
        body = response.content.decode()
        assert LINK.search(body).group(2) == reverse("lms:leave")
        # Back must not show her page from a cache.
        assert "no-store" in response["Cache-Control"]
    script = open(finders.find("lms/quick-exit.js"), encoding="utf-8").read()
    assert 'event.key !== "Escape"' in script
    assert "location.replace(" in script and "sendBeacon" in script
    # The beacon signs her out: her next request is anonymous.
    assert client.post(reverse("lms:leave")).status_code == 204
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("lms:dashboard")).status_code == 302


def test_signing_out_on_the_way_out_needs_no_token(cohort_with_sessions):
    """A beacon carries no CSRF token; signing out is all the address does."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cohort_with_sessions.enrollments[0].user)
    assert client.post(reverse("lms:leave")).status_code == 204
    assert client.get(reverse("lms:dashboard")).status_code == 302
    assert client.get(reverse("lms:leave")).status_code == 405


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
