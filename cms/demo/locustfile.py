"""The load test's trainees, for locust (`manage.py load_test` runs it).

Each simulated trainee takes the next signed-in account from LOAD_USERS_FILE
and loops dashboard -> a module page -> an autosave of her reflection there,
with LOAD_THINK_MIN-LOAD_THINK_MAX seconds (default 5-15) of thinking after
every request (cms.demo.load_profile says what each request is). A
redirect, an answer other than 200 or an autosave that did not save is a
failure. At the end, LOAD_TOTALS_FILE gets the p95 of each request name as
locust's table shows it, and the requests and failures of the whole run
(ramp included: locust's table is reset when the ramp ends).
"""

import itertools
import json
import os
import random
from pathlib import Path

from locust import FastHttpUser, between, events, task

from cms.demo import load_profile as profile

USERS = profile.read_users(os.environ.get("LOAD_USERS_FILE", ""))
THINK = (
    float(os.environ.get("LOAD_THINK_MIN", "5")),
    float(os.environ.get("LOAD_THINK_MAX", "15")),
)
TOTALS = {"requests": 0, "failures": 0}
_accounts = itertools.count()


class Trainee(FastHttpUser):
    wait_time = between(*THINK)

    def on_start(self):
        if not USERS:
            raise RuntimeError("LOAD_USERS_FILE names no signed-in trainees")
        self.me = USERS[next(_accounts) % len(USERS)]
        self.step = 0
        self.form = None
        self.page_url = ""

    @task
    def next_step(self):
        (self.dashboard, self.module_page, self.autosave)[self.step % 3]()
        self.step += 1

    def dashboard(self):
        with self.client.get(
            self.me["dashboard"],
            name="dashboard",
            headers=profile.request_headers(self.me),
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"HTTP {answer.status_code}")

    def module_page(self):
        self.page_url = random.choice(self.me["modules"])  # noqa: S311
        self.form = None
        with self.client.get(
            self.page_url,
            name="module page",
            headers=profile.request_headers(self.me),
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"HTTP {answer.status_code}")
                return
            self.form = profile.reflection_form(answer.text or "")
            if self.form is None:
                answer.failure("no reflection form on the module page")

    def autosave(self):
        if self.form is None:
            return  # the module page failed; she starts again
        origin = profile.https_origin(self.host)
        path, body, headers = profile.autosave(
            self.form,
            text=profile.next_text(self.form["text"], self.step),
            csrf_token=self.me["csrf_token"],
            origin=origin,
            referer=origin + self.page_url,
        )
        with self.client.post(
            path,
            data=body,
            name="reflection autosave",
            headers=profile.request_headers(self.me, **headers),
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            try:
                data = answer.json() if answer.status_code == 200 else {}
            except ValueError:
                data = {}
            if data.get("status") != "saved":
                answer.failure(f"HTTP {answer.status_code}, not saved")
                return
            self.form["fields"]["revision"] = str(data["revision"])
            self.form["text"] = data["text"]


@events.request.add_listener
def _count(exception=None, **_kwargs):
    TOTALS["requests"] += 1
    if exception is not None:
        TOTALS["failures"] += 1


def _entry(stats):
    return {
        "requests": stats.num_requests,
        "failures": stats.num_failures,
        "p95_ms": stats.get_response_time_percentile(0.95) if stats.num_requests else 0,
    }


@events.quitting.add_listener
def _write_totals(environment, **_kwargs):
    if TOTALS["failures"]:
        environment.process_exit_code = 1
    if path := os.environ.get("LOAD_TOTALS_FILE"):
        stats = environment.stats
        table = {
            name: _entry(entry) for (name, _method), entry in stats.entries.items()
        }
        Path(path).write_text(
            json.dumps({**TOTALS, "table": table, "aggregated": _entry(stats.total)})
        )
