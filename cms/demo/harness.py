"""Serving the site as production does, on the loopback, to measure it.

Shared by `manage.py bench` (req/s under wrk) and `manage.py load_test`
(locust): a throwaway database (SQLite, a PostgreSQL from .ci/with-postgres,
or a server named by URL, in which a test database is made and dropped),
signed-in sessions written straight into the session table (no login, no
password hasher), gunicorn with production settings (cms.demo.bench_settings)
on 127.0.0.1, and wrk. Nothing here listens anywhere but the loopback, and
every process started here is stopped before the database is dropped.
"""

import contextlib
import ctypes
import datetime
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.core.management.base import CommandError
from django.db import connections
from django.test.utils import (
    setup_databases,
    setup_test_environment,
    teardown_databases,
    teardown_test_environment,
)
from django.utils import timezone
from django.utils.crypto import get_random_string

BASE_DIR = Path(settings.BASE_DIR)
SETTINGS_MODULE = "cms.demo.bench_settings"
HOST = "127.0.0.1"
AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"
# What the README's reverse proxy adds: the site sees the request as https.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


# --- the database --------------------------------------------------------------


DB_SETTINGS_MODULE = "cms.demo.bench_db_settings"


def _arguments_without(argv, *, flags, options):
    """argv without `flags` and without `options` and their values."""
    kept, skip = [], False
    for argument in argv:
        if skip:
            skip = False
        elif argument in flags:
            pass
        elif argument in options:
            skip = True
        elif not any(argument.startswith(f"{o}=") for o in options):
            kept.append(argument)
    return kept


def run_on_database_server(command, *, postgres=False, url=None):
    """Run this command again on another database server: a throwaway
    PostgreSQL from .ci/with-postgres (`postgres`), or the server at `url`.

    Django's apps configure themselves for the database when they start
    (the search backend's weights on PostgreSQL), so the database cannot be
    swapped inside this process: the command starts again (replacing this
    process, so with-postgres's traps stop its server however it ends) with
    cms.demo.bench_db_settings, the current settings on that server."""
    if len(sys.argv) < 2 or sys.argv[1] != command:
        raise CommandError(
            "--postgres and --database-url work from the command line (manage.py)."
        )
    if postgres and url:
        raise CommandError("Give --postgres or --database-url, not both.")
    arguments = _arguments_without(
        sys.argv[2:], flags={"--postgres"}, options={"--database-url", "--settings"}
    )
    os.environ["BENCH_BASE_SETTINGS"] = settings.SETTINGS_MODULE
    os.environ["DJANGO_SETTINGS_MODULE"] = DB_SETTINGS_MODULE
    argv = [sys.executable, str(BASE_DIR / "manage.py"), command, *arguments]
    if postgres:
        script = str(BASE_DIR / ".ci" / "with-postgres")
        sh = 'BENCH_DB_SERVER_URL="$TEST_DATABASE_URL" exec "$@"'
        argv = [script, "sh", "-c", sh, "sh", *argv]
    else:
        os.environ["BENCH_DB_SERVER_URL"] = url
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)  # noqa: S606 - our own script and arguments


def database_url(settings_dict) -> str:
    """A dj-database-url URL of a connection's database (the test database
    once setup_databases has run), for the processes started here."""
    engine = settings_dict["ENGINE"]
    name = str(settings_dict["NAME"])
    if engine.endswith("sqlite3"):
        if not name.startswith("/"):
            raise CommandError("The throwaway SQLite database must be a file.")
        return f"sqlite:///{name}"
    if "postgresql" not in engine:
        raise CommandError(f"No gunicorn run on {engine}: use SQLite or PostgreSQL.")
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(settings_dict.get("HOST") or "localhost", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{quote(name, safe='')}"


@contextlib.contextmanager
def throwaway_database(tmp, *, log):
    """Migrate a fresh test database next to the configured one, then drop it
    (SQLite: a file in `tmp`, closer to how a site runs than memory)."""
    if connections["default"].vendor == "sqlite":
        test_settings = connections["default"].settings_dict.setdefault("TEST", {})
        test_settings["NAME"] = str(Path(tmp) / "bench.sqlite3")
    setup_test_environment(debug=False)
    log("Migrating a throwaway database...")
    old_config = setup_databases(
        verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set()
    )
    try:
        yield connections["default"]
    finally:
        teardown_databases(old_config, verbosity=0)
        teardown_test_environment()


# --- signed-in users -------------------------------------------------------------


def session_cookies(users) -> list[dict]:
    """A session in the database for each user, as signing in would leave
    (user id, backend, password hash digest), and her cookies: the session
    and a CSRF secret for the scripts' X-CSRFToken header. Sessions are
    signed with this process's SECRET_KEY, which the harness gives gunicorn."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    rows, cookies = [], []
    expires = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    bulk = hasattr(store_class, "get_model_class")  # the database backends
    for user in users:
        data = {
            SESSION_KEY: user._meta.pk.value_to_string(user),
            BACKEND_SESSION_KEY: AUTH_BACKEND,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        if bulk:
            key = get_random_string(32, VALID_KEY_CHARS)
            rows.append(
                store_class.get_model_class()(
                    session_key=key,
                    session_data=store_class().encode(data),
                    expire_date=expires,
                )
            )
        else:
            store = store_class()
            store.update(data)
            store.save()
            key = store.session_key
        cookies.append(
            {
                settings.SESSION_COOKIE_NAME: key,
                settings.CSRF_COOKIE_NAME: get_random_string(32),
            }
        )
    if rows:
        store_class.get_model_class().objects.bulk_create(rows, batch_size=500)
    return cookies


def cookie_header(cookies) -> str:
    return "; ".join(f"{name}={value}" for name, value in (cookies or {}).items())


# --- gunicorn ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _die_with_parent():  # pragma: no cover - runs in the child
    """Linux: the server gets SIGTERM if the command is killed outright."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes


def fetch(port, path, *, cookies=None, method="GET", body=None, headers=None):
    """One request to the server on the loopback, redirects not followed."""
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        all_headers = {**PROXY_HEADERS, **(headers or {})}
        if cookies:
            all_headers["Cookie"] = cookie_header(cookies)
        conn.request(method, path, body=body, headers=all_headers)
        answer = conn.getresponse()
        return Response(
            answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
        )
    finally:
        conn.close()


class Server:
    """gunicorn serving cms.wsgi with cms.demo.bench_settings on 127.0.0.1.

    `prepare()` adds what production settings need (django_tasks_db's tables,
    collected static files); use the server as a context manager to start and
    stop it (again and again: `restart()`)."""

    def __init__(self, *, db_url, workdir, workers=2, page_file=""):
        self.workdir = Path(workdir)
        self.static_root = self.workdir / "static"
        self.log_file = self.workdir / "gunicorn.log"
        self.workers = workers
        self.port = None
        self.process = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "BENCH_DATABASE_URL": db_url,
            "BENCH_STATIC_ROOT": str(self.static_root),
            "BENCH_PAGE_FILE": str(page_file),
            "SECRET_KEY": settings.SECRET_KEY,  # the sessions' signing key
            "PYTHONUNBUFFERED": "1",
        }

    @property
    def base_url(self):
        return f"http://{HOST}:{self.port}"

    def prepare(self, *, log):
        log("Preparing production settings: migrate, collectstatic...")
        script = (
            "import django\n"
            "from django.core.management import call_command\n"
            "django.setup()\n"
            "call_command('migrate', interactive=False, verbosity=0)\n"
            "call_command('collectstatic', interactive=False, verbosity=0)\n"
        )
        done = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, "-c", script],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise CommandError(f"Preparing the server failed:\n{done.stderr[-3000:]}")

    def start(self, *, timeout=120):
        self.port = free_port()
        with self.log_file.open("a") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own arguments
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "cms.wsgi:application",
                    "--workers",
                    str(self.workers),
                    "--bind",
                    f"{HOST}:{self.port}",
                    "--timeout",
                    "120",
                    "--graceful-timeout",
                    "5",
                    "--log-level",
                    "warning",
                ],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=log,
                start_new_session=True,  # stopped by us, after the requests
                preexec_fn=_die_with_parent,
            )
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise CommandError(f"gunicorn exited:\n{self.log_tail()}")
            try:
                fetch(self.port, "/bench/bare/")
                return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise CommandError(
                        f"gunicorn did not answer:\n{self.log_tail()}"
                    ) from None
                time.sleep(0.2)

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        # The workers are gone with the master; make sure of it.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None

    def restart(self):
        self.stop()
        self.start()

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_file.read_text().splitlines()[-lines:])
        except OSError:
            return ""

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


@contextlib.contextmanager
def stop_on_sigterm():
    """SIGTERM ends the command through its `finally`s (servers stopped,
    database dropped) instead of leaving them behind."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- wrk ---------------------------------------------------------------------------


def ensure_wrk(*, log) -> str:
    """wrk's path; installed from Debian (apt-get) when missing."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        sudo = []
    elif shutil.which("sudo"):
        sudo = ["sudo"]
    else:
        raise CommandError("wrk is missing: install the Debian package wrk.")
    log("Installing wrk (apt-get install wrk)...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [*sudo, "apt-get", "install", "-y", "--no-install-recommends", "wrk"]

    def apt(argv):
        return subprocess.run(argv, env=env, capture_output=True, check=False)  # noqa: S603

    if apt(install).returncode:  # the package lists may be missing or stale
        apt([*sudo, "apt-get", "update"])
        apt(install)
    found = shutil.which("wrk")
    if not found:
        raise CommandError("Could not install wrk with apt-get.")
    return found


@dataclass
class WrkResult:
    requests_per_s: float
    requests: int
    latency_ms: dict = field(default_factory=dict)  # {50: ms, 75: .., 90: .., 99: ..}
    errors: int = 0  # non-2xx/3xx answers and socket errors
    output: str = ""


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(output) -> WrkResult:
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in", output, re.M)
    if not rps or not total:
        raise CommandError(f"Could not read wrk's output:\n{output}")
    latency = {
        int(p): float(v) * _UNITS_MS[unit]
        for p, v, unit in re.findall(
            r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M
        )
    }
    errors = 0
    if non_2xx := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        errors += int(non_2xx[1])
    if sockets := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in sockets.groups())
    return WrkResult(
        requests_per_s=float(rps[1]),
        requests=int(total[1]),
        latency_ms=latency,
        errors=errors,
        output=output,
    )


def run_wrk(wrk, url, *, cookies=None, seconds=5, connections=10, threads=2):
    """wrk's closed loop: `connections` connections, each sending its next
    request as soon as the last is answered, for `seconds` (whole seconds:
    wrk reads no fractions)."""
    headers = {**PROXY_HEADERS}
    if cookies:
        headers["Cookie"] = cookie_header(cookies)
    argv = [
        wrk,
        f"--threads={max(1, min(threads, connections))}",
        f"--connections={connections}",
        f"--duration={max(int(seconds), 1)}s",
        "--timeout=60s",
        "--latency",
    ]
    for name, value in headers.items():
        argv += ["--header", f"{name}: {value}"]
    argv.append(url)
    done = subprocess.run(argv, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise CommandError(f"wrk failed: {done.stderr or done.stdout}")
    return parse_wrk(done.stdout)
