import tempfile
import time
import warnings
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import (
    setup_databases,
    setup_test_environment,
    teardown_databases,
    teardown_test_environment,
)

from cms.demo import bench


class Command(BaseCommand):
    help = (
        "Time the dashboard, a module page, the cohort overview and the "
        "attendance register with a cohort of many trainees (default 200 x 16 "
        "modules). Runs in a throwaway database; the project's own database "
        "is never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=200)
        parser.add_argument("--modules", type=int, default=16)
        parser.add_argument(
            "--submissions",
            type=int,
            default=2000,
            help="Homework hand-ins for the review queue (0 for none).",
        )
        parser.add_argument("--homework-cohorts", type=int, default=10)
        parser.add_argument(
            "--runs", type=int, default=15, help="Requests per page (median)."
        )
        parser.add_argument(
            "--current-database",
            action="store_true",
            help=(
                "Build inside the current database in a transaction that is "
                "rolled back (for tests, which run in a test database already)."
            ),
        )

    def handle(self, *args, **options):
        if options["trainees"] < 1 or options["modules"] < 2 or options["runs"] < 1:
            raise CommandError("Need at least 1 trainee, 2 modules and 1 run.")
        if options["current_database"]:
            self.run(options)
            return
        with tempfile.TemporaryDirectory(prefix="brobygger-bench-") as tmp:
            if connection.vendor == "sqlite":
                # A file, not memory: closer to how the site really runs.
                test_settings = connection.settings_dict.setdefault("TEST", {})
                test_settings["NAME"] = str(Path(tmp) / "bench.sqlite3")
            setup_test_environment(debug=False)
            # whitenoise looks for collected static files the bench never needs
            warnings.filterwarnings("ignore", "No directory at", UserWarning)
            self.stdout.write("Migrating a throwaway database...")
            old_config = setup_databases(
                verbosity=0,
                interactive=False,
                aliases={"default"},
                serialized_aliases=set(),
            )
            try:
                self.run(options)
            finally:
                teardown_databases(old_config, verbosity=0)
                teardown_test_environment()

    def run(self, options):
        started = time.perf_counter()
        with transaction.atomic():
            fixture = bench.build(
                trainees=options["trainees"],
                modules=options["modules"],
                submissions=options["submissions"],
                homework_cohorts=options["homework_cohorts"],
                log=self.stdout.write,
            )
            self.stdout.write(f"  built in {time.perf_counter() - started:.1f} s\n")
            results = bench.measure(fixture, runs=options["runs"])
            self.stdout.write(
                bench.table(results, fixture=fixture, runs=options["runs"])
            )
            transaction.set_rollback(True)
