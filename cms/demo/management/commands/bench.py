import argparse
import tempfile
import time
import warnings
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from cms.demo import bench, harness, throughput

# (option, default on SQLite, default on PostgreSQL: issue 11's sizes)
DEFAULT_SIZES = [("trainees", 200, 1000), ("submissions", 2000, 10_000)]


class Command(BaseCommand):
    help = (
        "Time the dashboard, a module page (nb and ar), the cohort overview, "
        "the attendance register and the homework pages with a cohort of many "
        "trainees (default 200 x 16 modules, 2,000 hand-ins; on PostgreSQL "
        "1,000 trainees and 10,000 hand-ins, the sizes of issue 11), then measure "
        "req/s under gunicorn with production settings against a static file "
        "and a bare view of the same bytes. Runs in a throwaway database "
        "(SQLite, or PostgreSQL with --postgres / --database-url); the "
        "project's own database is never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--trainees",
            type=int,
            help="Trainees in the cohort (default 200; on PostgreSQL 1,000).",
        )
        parser.add_argument("--modules", type=int, default=16)
        parser.add_argument(
            "--submissions",
            type=int,
            help=(
                "Homework hand-ins for the review queue (0 for none; default "
                "2,000, on PostgreSQL 10,000)."
            ),
        )
        parser.add_argument("--homework-cohorts", type=int, default=10)
        parser.add_argument(
            "--diplomas",
            type=int,
            default=bench.DIPLOMAS,
            help=(
                "Time issuing diplomas, PDFs included, to a finished cohort of "
                f"this many who completed (default {bench.DIPLOMAS}; 0: skip)."
            ),
        )
        parser.add_argument(
            "--runs", type=int, default=15, help="Requests per page (median)."
        )
        parser.add_argument(
            "--postgres",
            action="store_true",
            help="Run on a throwaway PostgreSQL started by .ci/with-postgres.",
        )
        parser.add_argument(
            "--database-url",
            help=(
                "A database server to run on (postgres://...); a test database "
                "is created next to the one named and dropped afterwards."
            ),
        )
        parser.add_argument(
            "--throughput",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Measure req/s under gunicorn with wrk (default: on).",
        )
        parser.add_argument(
            "--seconds", type=int, default=5, help="wrk's run per address."
        )
        parser.add_argument(
            "--warmup",
            type=int,
            default=1,
            help="wrk's unmeasured run first (0: none).",
        )
        parser.add_argument(
            "--connections", type=int, default=10, help="wrk's open connections."
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
        parser.add_argument(
            "--current-database",
            action="store_true",
            help=(
                "Build inside the current database in a transaction that is "
                "rolled back (for tests, which run in a test database already); "
                "no gunicorn part."
            ),
        )

    def handle(self, *args, **options):
        server = options["postgres"] or options["database_url"]
        big = server or connection.vendor == "postgresql"
        for name, small, large in DEFAULT_SIZES:
            if options[name] is None:
                options[name] = large if big else small
        if options["trainees"] < 1 or options["modules"] < 2 or options["runs"] < 1:
            raise CommandError("Need at least 1 trainee, 2 modules and 1 run.")
        if (
            options["seconds"] < 1
            or options["connections"] < 1
            or options["workers"] < 1
        ):
            raise CommandError("Need at least 1 second, 1 connection and 1 worker.")
        if server:
            harness.run_on_database_server(
                "bench", postgres=options["postgres"], url=options["database_url"]
            )
        if options["current_database"]:
            if options["throughput"]:
                raise CommandError("--throughput needs the throwaway database.")
            with transaction.atomic():
                self.build_and_time(options)
                transaction.set_rollback(True)
            return
        # whitenoise looks for collected static files the in-process part never needs
        warnings.filterwarnings("ignore", "No directory at", UserWarning)
        with (
            harness.stop_on_sigterm(),
            tempfile.TemporaryDirectory(prefix="brobygger-bench-") as tmp,
            harness.throwaway_database(tmp, log=self.stdout.write),
        ):
            with transaction.atomic():  # committed: gunicorn reads it
                fixture = self.build(options)
            self.time_in_process(fixture, options)
            if options["throughput"] is not False:
                self.measure_throughput(fixture, options, Path(tmp) / "server")

    def build(self, options):
        started = time.perf_counter()
        fixture = bench.build(
            trainees=options["trainees"],
            modules=options["modules"],
            submissions=options["submissions"],
            homework_cohorts=options["homework_cohorts"],
            log=self.stdout.write,
        )
        self.stdout.write(f"  built in {time.perf_counter() - started:.1f} s\n")
        return fixture

    def time_in_process(self, fixture, options):
        results = bench.measure(fixture, runs=options["runs"])
        self.stdout.write(bench.table(results, fixture=fixture, runs=options["runs"]))
        self.stdout.write("")
        if options["diplomas"] > 0:
            timing = bench.measure_diplomas(
                course=fixture.course,
                modules=fixture.modules,
                trainees=options["diplomas"],
                log=self.stdout.write,
            )
            self.stdout.write(bench.diploma_line(timing))
            self.stdout.write("")

    def build_and_time(self, options):
        self.time_in_process(self.build(options), options)

    def measure_throughput(self, fixture, options, workdir):
        workdir.mkdir()
        rates = throughput.measure(
            fixture,
            db_url=harness.database_url(connection.settings_dict),
            workdir=workdir,
            seconds=options["seconds"],
            warmup=options["warmup"],
            connections=options["connections"],
            workers=options["workers"],
            log=self.stdout.write,
        )
        self.stdout.write("")
        self.stdout.write(
            throughput.table(
                rates,
                vendor=connection.vendor,
                workers=options["workers"],
                seconds=options["seconds"],
                connections=options["connections"],
            )
        )
