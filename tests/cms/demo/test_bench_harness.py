"""The pieces of `manage.py bench`'s gunicorn part (cms.demo.harness,
cms.demo.bench_settings, cms.demo.bench_urls, cms.demo.throughput), each
checked on its own: a real gunicorn + wrk run takes too long for the suite
(`make bench` is that run). No timings are asserted."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cms.demo import bench, bench_urls, harness, throughput

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def quiet(_message):
    pass


def signed_in_client(cookies):
    client = Client()
    client.cookies.load(cookies)
    return client


# --- building ---------------------------------------------------------------------


def test_build_analyses_the_tables_after_loading(home):
    with CaptureQueriesContext(connection) as queries:
        bench.build(trainees=3, modules=2, submissions=4, log=quiet)
    statements = [q["sql"].strip().upper() for q in queries.captured_queries]
    assert "ANALYZE" in statements
    # ... after the last bulk insert (the homework's reviews).
    last_insert = max(i for i, sql in enumerate(statements) if sql.startswith("INSERT"))
    assert statements.index("ANALYZE") > last_insert


def test_the_arabic_module_page_is_a_real_translation_read_by_an_arabic_reader(
    home, client
):
    fixture = bench.build(trainees=4, modules=3, log=quiet)
    module, copy = fixture.module, fixture.module_ar
    assert copy is not None and copy.live and not copy.alias_of_id
    assert copy.translation_key == module.translation_key
    assert copy.locale.language_code == "ar" and copy.title != module.title
    assert fixture.trainee_ar.lms_profile.language == "ar"
    client.force_login(fixture.trainee_ar)
    response = client.get(bench.module_url(copy))
    assert response.status_code == 200
    assert b'lang="ar"' in response.content
    assert copy.title.encode() in response.content


# --- signed-in sessions -------------------------------------------------------------


def test_session_cookies_sign_each_user_in_without_a_password(home):
    fixture = bench.build(trainees=2, modules=2, log=quiet)
    others = [fixture.coordinator, fixture.supervisor]
    cookies = harness.session_cookies([fixture.trainee, *others])
    assert len({c["sessionid"] for c in cookies}) == 3
    assert all(len(c["csrftoken"]) == 32 for c in cookies)
    assert not fixture.trainee.has_usable_password()

    # Her dashboard in her language (an earlier request may have left another
    # one active in this thread).
    with translation.override(fixture.trainee.lms_profile.language):
        dashboard = reverse("lms:dashboard")
    response = signed_in_client(cookies[0]).get(dashboard)
    assert response.status_code == 200
    assert response.wsgi_request.user == fixture.trainee
    with translation.override(bench.LANGUAGE):
        overview = reverse("lms:cohort_overview", args=[fixture.cohort.pk])
    response = signed_in_client(cookies[1]).get(overview)
    assert response.wsgi_request.user == fixture.coordinator


def test_without_a_session_cookie_the_dashboard_asks_to_sign_in(home):
    response = Client().get(reverse("lms:dashboard"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_session_made_before_a_password_change_no_longer_signs_in(db):
    user = get_user_model().objects.create(username="d", password=make_password(None))
    cookies = harness.session_cookies([user])[0]
    user.password = make_password(None)
    user.save()
    response = signed_in_client(cookies).get(reverse("lms:dashboard"))
    assert response.status_code == 302


# --- the bare view and the production settings ----------------------------------------


def test_the_bare_view_returns_the_page_bytes_and_the_site_is_still_there(
    settings, tmp_path, client
):
    page = tmp_path / "module-page.html"
    page.write_bytes("<!doctype html><p>Modul 5 – kvinnen</p>".encode())
    settings.ROOT_URLCONF = "cms.demo.bench_urls"
    settings.BENCH_PAGE_FILE = str(page)
    bench_urls.page_bytes.cache_clear()
    try:
        response = client.get("/bench/bare/")
        assert response.status_code == 200
        assert response.content == page.read_bytes()
        assert response["Content-Type"] == "text/html; charset=utf-8"
        with translation.override("nb"):
            assert reverse("lms:dashboard") == "/nb/my/"
        settings.BENCH_PAGE_FILE = ""
        assert client.get("/bench/bare/", follow=True).status_code == 404
    finally:
        bench_urls.page_bytes.cache_clear()


def test_the_product_urls_have_no_bare_view(client):
    # The site sends an unknown address to its language's copy, which is none.
    response = client.get("/bench/bare/", follow=True)
    assert response.status_code == 404


def test_bench_settings_are_production_on_the_benchmark_database(tmp_path):
    script = (
        "import json, django; django.setup()\n"
        "from django.conf import settings as s\n"
        "print(json.dumps({'debug': s.DEBUG, 'db': str(s.DATABASES['default']['NAME']),"
        " 'urls': s.ROOT_URLCONF, 'hosts': s.ALLOWED_HOSTS,"
        " 'static': s.STORAGES['staticfiles']['BACKEND'],"
        " 'root': str(s.STATIC_ROOT), 'ssl': s.SECURE_SSL_REDIRECT,"
        " 'proxy': list(s.SECURE_PROXY_SSL_HEADER), 'key': s.SECRET_KEY,"
        " 'axes': 'axes' in s.INSTALLED_APPS}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.demo.bench_settings",
        "BENCH_DATABASE_URL": f"sqlite:///{tmp_path}/bench.sqlite3",
        "DATABASE_URL": "postgres://never@example.invalid/site",
        "BENCH_STATIC_ROOT": str(tmp_path / "static"),
        "SECRET_KEY": "the-sessions-key",
    }
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
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {
        "debug": False,
        "db": f"{tmp_path}/bench.sqlite3",
        "urls": "cms.demo.bench_urls",
        "hosts": ["127.0.0.1", "localhost"],
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "root": str(tmp_path / "static"),
        "ssl": True,
        "proxy": ["HTTP_X_FORWARDED_PROTO", "https"],
        "key": "the-sessions-key",
        "axes": True,
    }


def test_bench_settings_refuse_to_start_without_the_benchmark_database():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.demo.bench_settings"}
    env.pop("BENCH_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "BENCH_DATABASE_URL" in done.stderr


# --- small helpers --------------------------------------------------------------------


WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:8000/nb/my/
  2 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   310.12ms   40.02ms   1.20s    90.00%
    Req/Sec    16.03      5.12    30.00     70.00%
  Latency Distribution
     50%  302.50ms
     75%  331.00ms
     90%  850.00us
     99%    1.20s
  160 requests in 5.01s, 1.80MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:     31.94
Transfer/sec:    367.99KB
"""


def test_parse_wrk_reads_rate_latency_and_errors():
    result = harness.parse_wrk(WRK_OUTPUT)
    assert result.requests_per_s == 31.94
    assert result.requests == 160
    assert result.latency_ms == {50: 302.5, 75: 331.0, 90: 0.85, 99: 1200.0}
    assert result.errors == 7


def test_database_url_names_the_test_database_for_gunicorn():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/b/bench.sqlite3"}
    assert harness.database_url(sqlite) == "sqlite:////srv/b/bench.sqlite3"
    postgres = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "test_postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": "127.0.0.1",
        "PORT": 5544,
    }
    assert (
        harness.database_url(postgres)
        == "postgres://postgres@127.0.0.1:5544/test_postgres"
    )


def test_rerunning_on_a_database_server_drops_only_the_server_options():
    argv = ["--trainees", "5", "--postgres", "--settings=x.y", "--database-url", "u"]
    kept = harness._arguments_without(
        argv, flags={"--postgres"}, options={"--database-url", "--settings"}
    )
    assert kept == ["--trainees", "5"]


def test_throughput_table_gives_each_page_its_ratio_to_the_static_file():
    def rate(page, rps, size=15_000):
        return throughput.Rate(
            page=page,
            as_user="trainee" if "page" in page else "-",
            size=size,
            result=harness.WrkResult(
                requests_per_s=rps, requests=int(rps * 5), latency_ms={50: 1, 99: 2}
            ),
        )

    rates = [
        rate("static file", 2000.0),
        rate("bare Django view", 1800.0),
        rate("module page nb", 32.0),
        rate("module page ar", 500.0),
        throughput.Rate(page="dashboard", as_user="trainee", note="HTTP 302"),
    ]
    text = throughput.table(
        rates, vendor="postgresql", workers=2, seconds=5, connections=10
    )
    lines = {line.split("  ")[0]: line for line in text.splitlines()}
    assert "0.016" in lines["module page nb"]
    assert "0.900" in lines["bare Django view"]
    assert "HTTP 302" in lines["dashboard"]
    assert text.splitlines()[-1].endswith("not met")


def test_the_throughput_targets_are_the_bench_pages_as_their_readers(home):
    fixture = bench.build(trainees=3, modules=3, submissions=3, log=quiet)
    found = {name: (user, url) for name, _as, user, url in throughput.targets(fixture)}
    assert list(found) == [name for name, _page in throughput.PAGES]
    assert found["module page nb"] == (
        fixture.trainee,
        bench.module_url(fixture.module),
    )
    assert found["module page ar"][0] == fixture.trainee_ar
    assert found["module page ar"][1].startswith("/ar/")
    assert found["review queue"][0] == fixture.supervisor
    assert found["cohort overview"][0] == fixture.coordinator
