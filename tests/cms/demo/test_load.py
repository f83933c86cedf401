"""`manage.py load_test`: the trainees it signs in and the requests its
locust users send (cms.demo.load_profile), checked against the real views.
The run itself (gunicorn + locust for minutes) is `make load`."""

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from cms.demo import bench, harness
from cms.demo import load_profile as profile
from cms.demo.management.commands import load_test
from cms.demo.management.commands.load_test import Command
from lms.models import Reflection

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
ORIGIN = "http://testserver"  # the test client's site, as her browser's Origin


def quiet(_message):
    pass


def browser(cookies):
    """A client that checks CSRF as the site does for a browser."""
    client = Client(enforce_csrf_checks=True)
    client.cookies.load(cookies)
    return client


def autosave(client, form, *, csrf_token, text, referer):
    path, body, headers = profile.autosave(
        form, text=text, csrf_token=csrf_token, origin=ORIGIN, referer=referer
    )
    content_type = headers.pop("Content-Type")
    return client.post(path, data=body, content_type=content_type, headers=headers)


def test_reflection_form_reads_what_the_script_would_post():
    page = """
    <form method="post" action="/nb/logout/">
        <input type="hidden" name="x" value="1"></form>
    <form method="post" action="/nb/my/reflections/save/" class="reflection__text">
        <input type="hidden" name="csrfmiddlewaretoken" value="masked">
        <input type="hidden" name="page" value="42">
        <input type="hidden" name="prompt" value="b-1">
        <input type="hidden" name="revision" value="3">
        <input type="hidden" name="next" value="/nb/kurs/modul-5/?a=1&amp;b=2">
        <textarea id="t" name="text" dir="auto" rows="6">Jeg &amp; hun</textarea>
    </form>"""
    assert profile.reflection_form(page) == {
        "action": "/nb/my/reflections/save/",
        "fields": {
            "page": "42",
            "prompt": "b-1",
            "revision": "3",
            "next": "/nb/kurs/modul-5/?a=1&b=2",
        },
        "text": "Jeg & hun",
    }
    assert profile.reflection_form("<form class='x'></form>") is None


def test_autosave_is_multipart_with_the_script_headers():
    form = {"action": "/nb/my/reflections/save/", "fields": {"page": "1"}, "text": ""}
    path, body, headers = profile.autosave(
        form, text="Hei", csrf_token="t" * 32, origin="https://h", referer="https://h/m"
    )
    assert path == "/nb/my/reflections/save/"
    assert headers["Accept"] == "application/json"
    assert headers["X-CSRFToken"] == "t" * 32
    assert headers["Origin"] == "https://h"
    boundary = headers["Content-Type"].split("boundary=")[1]
    assert headers["Content-Type"].startswith("multipart/form-data; ")
    part = f'--{boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
    assert (part + "Hei\r\n").encode() in body
    assert body.endswith(f"--{boundary}--\r\n".encode())
    assert b"csrfmiddlewaretoken" not in body
    assert profile.https_origin("http://127.0.0.1:8000/") == "https://127.0.0.1:8000"


def test_a_signed_in_trainee_loops_dashboard_module_page_and_autosave(home):
    fixture = bench.build(trainees=3, modules=4, log=quiet)
    cookies = harness.session_cookies([fixture.trainee])[0]
    client = browser(cookies)
    assert client.get("/nb/my/", headers=profile.PROXY_HEADERS).status_code == 200

    url = bench.module_url(fixture.module)
    page = client.get(url)
    assert page.status_code == 200
    form = profile.reflection_form(page.content.decode())
    assert form and form["fields"]["page"] == str(fixture.module.pk)

    first = autosave(
        client, form, csrf_token=cookies["csrftoken"], text="Første utkast", referer=url
    )
    assert first.status_code == 200, first.content
    data = first.json()
    assert data["status"] == "saved" and data["text"] == "Første utkast"
    form["fields"]["revision"] = str(data["revision"])
    second = autosave(
        client, form, csrf_token=cookies["csrftoken"], text="Andre utkast", referer=url
    )
    assert second.json()["revision"] == data["revision"] + 1
    reflection = Reflection.objects.get(
        author=fixture.trainee, module_key=fixture.module.translation_key
    )
    assert reflection.text == "Andre utkast"


def test_the_autosave_without_the_csrf_header_is_refused(home):
    fixture = bench.build(trainees=2, modules=2, log=quiet)
    cookies = harness.session_cookies([fixture.trainee])[0]
    client = browser(cookies)
    url = bench.module_url(fixture.module)
    form = profile.reflection_form(client.get(url).content.decode())
    refused = autosave(client, form, csrf_token="x" * 32, text="Hei", referer=url)
    assert refused.status_code == 403


def test_load_test_signs_in_trainees_in_cohorts_reading_in_their_language(home):
    options = {"users": 9, "cohort_size": 4, "modules": 4}
    users = Command(stdout=io.StringIO()).build(options)
    assert len(users) == 9
    assert len({u["cookies"]["sessionid"] for u in users}) == 9
    assert len({u["username"].rsplit("-trainee-", 1)[0] for u in users}) == 3
    for user in users:
        assert user["dashboard"] == f"/{user['language']}/my/"
        assert len(user["modules"]) == 2  # the held ones
        assert user["csrf_token"] == user["cookies"]["csrftoken"]
    arabic = next(u for u in users if u["language"] == "ar")
    norwegian = next(u for u in users if u["language"] == "nb")
    assert arabic["modules"][0].startswith("/ar/")  # module 1 has an Arabic copy
    assert all(url.startswith("/nb/") for url in norwegian["modules"])
    json.dumps(users)  # what the locustfile reads

    client = browser(arabic["cookies"])
    assert client.get(arabic["dashboard"]).status_code == 200
    page = client.get(arabic["modules"][0])
    assert page.status_code == 200 and b'lang="ar"' in page.content
    assert profile.reflection_form(page.content.decode())["action"].startswith("/ar/")


def test_the_locustfile_defines_the_trainee_with_the_think_time(tmp_path):
    users = tmp_path / "users.json"
    users.write_text("[]")
    script = (
        "import cms.demo.locustfile as f\n"
        "w = [f.Trainee.wait_time(None) for _ in range(200)]\n"
        "print(f.Trainee.__mro__[1].__name__, min(w) >= 2, max(w) <= 3)\n"
    )
    env = {
        **os.environ,
        "LOAD_USERS_FILE": str(users),
        "LOAD_THINK_MIN": "2",
        "LOAD_THINK_MAX": "3",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["FastHttpUser", "True", "True"]


def test_run_time_is_the_hold_in_locust_durations():
    parser = Command().create_parser("manage.py", "load_test")
    options = vars(parser.parse_args(["--users", "50", "--run-time", "1m30s"]))
    assert (options["users"], options["ramp"], options["hold"]) == (50, 60, 90)
    assert vars(parser.parse_args(["--ramp", "30s", "--hold", "2m"]))["hold"] == 120
    assert load_test.duration("45") == 45
    with pytest.raises(argparse.ArgumentTypeError):
        load_test.duration("soon")


def totals(*, failures=0, **p95s):
    entry = {"requests": 10, "failures": 0}
    return {
        "requests": 30,
        "failures": failures,
        "table": {name: {**entry, "p95_ms": ms} for name, ms in p95s.items()},
        "aggregated": {**entry, "p95_ms": max(p95s.values())},
    }


def test_the_goal_needs_every_p95_under_500_ms_and_no_failure():
    line, met = load_test.goal(
        totals(dashboard=120, module_page=480), users=1000, part="the hold"
    )
    assert met and line.endswith("- met")
    assert "dashboard 120 ms, module_page 480 ms" in line
    for bad in (
        totals(dashboard=120, module_page=500),
        totals(dashboard=120, failures=1),
    ):
        line, met = load_test.goal(bad, users=1000, part="the hold")
        assert not met and line.endswith("NOT MET: exiting with an error")


def test_load_test_exits_with_an_error_when_the_goal_is_not_met(tmp_path):
    (tmp_path / "totals.json").write_text(json.dumps(totals(dashboard=900)))
    out = io.StringIO()
    command = Command(stdout=out)
    assert command.summary(tmp_path, {"whole_run": False, "users": 5}) is False
    assert "p95 900 ms over the hold" in out.getvalue()
    assert command.summary(tmp_path / "missing", {"whole_run": False}) is False
