"""Headers every page carries (issue 9, "Headers" and "Gravatar").

- A Content-Security-Policy on every HTML page; the learner site allows no
  inline script or style at all, so no page may carry one.
- Permissions-Policy: no page may use camera, location or payment; the
  microphone only where a voice recorder is shown.
- Pages a signed-in person sees are ``private, no-store``: nothing of hers
  stays in a cache for Back (after "leave quickly") or a shared phone.
- The admin sends nothing to another host (no Gravatar).
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def csp(response):
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()
    }


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def pages(cohort_with_sessions, home):
    w = cohort_with_sessions
    held = w.sessions[0]
    return {
        "anonymous": [home.url, w.course.url, w.modules[0].url, reverse("lms:login")],
        "trainee": [
            reverse("lms:dashboard"),
            reverse("lms:settings"),
            reverse("lms:journal"),
            reverse("lms:my_homework"),
            w.modules[0].url,
        ],
        "coordinator": [
            reverse("lms:cohort_overview", args=[w.cohort.pk]),
            reverse("lms:cohort_sessions", args=[w.cohort.pk]),
            reverse("lms:attendance", args=[held.pk]),
        ],
        "world": w,
    }


def test_every_learner_page_has_a_strict_policy_and_no_inline_script(pages):
    w = pages["world"]
    clients = {
        "anonymous": Client(),
        "trainee": signed_in(w.enrollments[0].user),
        "coordinator": signed_in(w.coordinator),
    }
    for who, client in clients.items():
        for url in pages[who]:
            response = client.get(url)
            assert response.status_code == 200, (who, url)
            policy = csp(response)
            assert policy["script-src"] == ["'self'"], url
            assert policy["style-src"] == ["'self'"], url
            assert policy["object-src"] == ["'none'"]
            assert policy["frame-ancestors"] == ["'none'"]
            assert policy["base-uri"] == ["'self'"]
            body = response.content.decode()
            # No inline script, handler or style the policy would block.
            # (Data for scripts, type="application/json", is never run.)
            assert not re.search(
                r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", body
            ), url
            assert not re.search(r"\son[a-z]+=\"", body), url
            assert not re.search(r"<style\b|\sstyle=\"", body), url


def test_the_admin_has_a_policy_too(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "x")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_home"))
    policy = csp(response)
    assert policy["object-src"] == ["'none'"]
    assert "'self'" in policy["script-src"]
    assert not any(src.startswith("http") for src in policy["script-src"])


def test_the_microphone_is_allowed_only_where_she_records(pages):
    w = pages["world"]
    trainee = signed_in(w.enrollments[0].user)
    # The held module with its reflection prompt shows her voice recorder.
    module = trainee.get(w.modules[0].url)
    assert "reflection__voice" in module.content.decode()  # the recorder
    assert "microphone=(self)" in module["Permissions-Policy"]
    for url in (reverse("lms:dashboard"), reverse("lms:settings")):
        policy = trainee.get(url)["Permissions-Policy"]
        assert "microphone=()" in policy
        assert "camera=()" in policy and "geolocation=()" in policy
    anonymous = Client().get(w.modules[0].url)
    assert "microphone=()" in anonymous["Permissions-Policy"]


def test_pages_of_a_signed_in_person_are_never_stored(pages):
    w = pages["world"]
    for who, user in (
        ("trainee", w.enrollments[0].user),
        ("coordinator", w.coordinator),
    ):
        client = signed_in(user)
        for url in pages[who]:
            cache = client.get(url)["Cache-Control"]
            assert "no-store" in cache and "private" in cache, (who, url)
            assert "public" not in cache


def test_admin_pages_load_nothing_from_an_outside_host(client, django_user_model):
    """Gravatar would send staff e-mail hashes to a third party, over http.
    (Plain links she may choose to follow, like Wagtail's user guide, load
    nothing by themselves.)"""
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_account"),
        reverse("lms_cohort:index"),
    ):
        body = client.get(url).content.decode()
        loaded = re.findall(
            r"""(?:\ssrc|\ssrcset|<link[^>]*\shref)=["'](?:https?:)?//([^/"']+)"""
            r"""|url\(["']?(?:https?:)?//([^/"')]+)""",
            body,
        )
        hosts = {a or b for a, b in loaded}
        assert hosts <= {"testserver"}, (url, hosts)
        assert "gravatar" not in body.lower()
