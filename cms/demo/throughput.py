"""`manage.py bench`'s second half: requests per second under gunicorn.

The bench's data is committed to its throwaway database; gunicorn (2 sync
workers, production settings: cms.demo.bench_settings) serves it on
127.0.0.1 and wrk keeps 10 connections busy against one address at a time.
Side by side in the same run:

- a static file holding the trainee's module page HTML, served by WhiteNoise
  (the ceiling on this machine);
- a bare Django view returning those bytes through the site's middleware
  (cms.demo.bench_urls: what Django itself costs);
- the pages themselves, each as the person who opens it, signed in by a
  session written into the database (cms.demo.harness.session_cookies).

Each page's rate is reported with its ratio to the static file's.
"""

from dataclasses import dataclass

from django.core.management.base import CommandError

from cms.demo import bench, harness

STATIC_PATH = "bench/module-page.html"
# (table name, the in-process bench's page) of the pages measured.
PAGES = [
    ("module page nb", "module page"),
    ("module page ar", "module page ar"),
    ("dashboard", "dashboard"),
    ("review queue", "review queue"),
    ("cohort overview", "cohort overview"),
    ("attendance register", "attendance register"),
]
# Issue 11: these at least 1/5 of the static file's rate, in the same run.
GOAL_PAGES = ("module page nb", "module page ar", "dashboard")
GOAL_RATIO = 0.2


@dataclass
class Rate:
    page: str
    as_user: str
    path: str = ""
    size: int | None = None
    result: harness.WrkResult | None = None
    note: str = ""


def targets(fixture):
    """(table name, as whom, user, path) of the signed-in pages."""
    found = {
        page: (as_user, user, url)
        for page, as_user, user, url in bench.targets(fixture)
    }
    rows = []
    for name, page in PAGES:
        if page in found:
            as_user, user, url = found[page]
            rows.append((name, as_user, user, url))
    return rows


def measure(fixture, *, db_url, workdir, seconds, warmup, connections, workers, log):
    """Rates of the static file, the bare view and every page, in one run."""
    wrk = harness.ensure_wrk(log=log)
    pages = targets(fixture)
    users = [user for _n, _a, user, url in pages if url]
    cookies = dict(
        zip([u.pk for u in users], harness.session_cookies(users), strict=True)
    )
    page_file = workdir / "static" / STATIC_PATH
    server = harness.Server(
        db_url=db_url, workdir=workdir, workers=workers, page_file=page_file
    )
    server.prepare(log=log)
    _name, _as_user, reader, module_path = pages[0]
    if not module_path:
        raise CommandError("No module page to copy into the static file.")
    with server:
        # The static file holds what gunicorn serves her; WhiteNoise finds
        # files when it starts, so the server starts again after it is written.
        first = harness.fetch(server.port, module_path, cookies=cookies[reader.pk])
        if first.status != 200:
            raise CommandError(
                f"The module page answered HTTP {first.status}, not 200:\n"
                f"{server.log_tail()}"
            )
        page_file.parent.mkdir(parents=True, exist_ok=True)
        page_file.write_bytes(first.body)
        server.restart()
        log(
            f"Measuring req/s: gunicorn ({workers} workers) on {server.base_url}, "
            f"wrk {connections} connections, {seconds} s per address..."
        )
        rows = [
            ("static file", "-", None, f"/static/{STATIC_PATH}"),
            ("bare Django view", "-", None, "/bench/bare/"),
            *pages,
        ]
        rates = []
        for name, as_user, user, path in rows:
            rate = Rate(page=name, as_user=as_user, path=path or "")
            rates.append(rate)
            if not path:
                rate.note = "not available (no URL yet)"
                continue
            jar = cookies[user.pk] if user else None
            answer = harness.fetch(server.port, path, cookies=jar)
            rate.size = len(answer.body)
            if answer.status != 200:
                rate.note = f"HTTP {answer.status}"
                continue
            url = server.base_url + path
            if warmup:
                harness.run_wrk(
                    wrk, url, cookies=jar, seconds=warmup, connections=connections
                )
            rate.result = harness.run_wrk(
                wrk, url, cookies=jar, seconds=seconds, connections=connections
            )
    return rates


def table(rates, *, vendor, workers, seconds, connections) -> str:
    static = rates[0].result.requests_per_s if rates and rates[0].result else None
    lines = [
        f"Requests per second under gunicorn ({workers} sync workers, "
        f"cms.demo.bench_settings: production, DEBUG off), {vendor}, "
        f"wrk closed loop, {connections} connections, {seconds} s each, loopback, "
        "no Accept-Encoding (all uncompressed)",
        "",
        f"{'page':<20} {'as':<12} {'req/s':>9} {'vs static':>10} "
        f"{'p50 ms':>8} {'p99 ms':>8} {'bytes':>9} {'errors':>7}",
    ]
    for r in rates:
        if r.result is None:
            lines.append(f"{r.page:<20} {r.as_user:<12} {r.note}")
            continue
        ratio = r.result.requests_per_s / static if static else 0.0
        lines.append(
            f"{r.page:<20} {r.as_user:<12} {r.result.requests_per_s:>9.1f} "
            f"{ratio:>10.3f} {r.result.latency_ms.get(50, 0):>8.1f} "
            f"{r.result.latency_ms.get(99, 0):>8.1f} {r.size:>9} "
            f"{r.result.errors:>7}"
        )
    goal = [r for r in rates if r.page in GOAL_PAGES and r.result]
    if static and goal:
        shown = ", ".join(
            f"{r.page} {r.result.requests_per_s / static:.3f}" for r in goal
        )
        met = all(r.result.requests_per_s / static >= GOAL_RATIO for r in goal)
        lines += [
            "",
            f"goal (issue 11): {', '.join(GOAL_PAGES)} at least {GOAL_RATIO:.3f} "
            f"of the static file: {shown} - {'met' if met else 'not met'}",
        ]
    return "\n".join(lines)
