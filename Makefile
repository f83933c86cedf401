# Brobygger: build, run and test. `make` alone lists the targets.
#
# Everything runs through the project's own virtualenv (.venv/bin/...), so no
# activated environment is needed. Override on the command line, e.g.
#   make test-sqlite PYTEST_ARGS='-k diploma -x'
#   make run ADDR=0.0.0.0:8080

PYTHON ?= python3
VENV := .venv
VENV_PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.brobygger-installed
MANAGE := $(VENV_PYTHON) manage.py
RUFF := $(VENV)/bin/ruff
PYTEST := $(VENV)/bin/pytest
PYTEST_ARGS ?=
ADDR ?= 127.0.0.1:8000
BENCH_ARGS ?=
LOAD_ARGS ?=
# The load test runs on a throwaway PostgreSQL (.ci/with-postgres); LOAD_DB= for SQLite.
LOAD_DB ?= --postgres

# Project-wide catalogues (cms templates) live in locale/; courses and lms
# keep their own, so they ship as plugins.
LANGUAGES := nb da en ar so ur ti tr fa
MAKEMESSAGES_FLAGS := $(addprefix -l ,$(LANGUAGES)) --no-location
APP_LOCALES := courses lms

# Debian packages the suite needs: browser tests, PDF fonts and text, gettext,
# zbar to read the diploma's QR code back, wrk for `make bench`, and npm for
# the H5P player (any npm on the PATH will do).
SYSTEM_PACKAGES := chromium fonts-noto-core poppler-utils gettext zbar-tools wrk
# npm only where no Node.js brought its own: Debian's npm conflicts with NodeSource's nodejs
NPM_PACKAGE := $(if $(shell command -v npm 2>/dev/null),,npm)

.DEFAULT_GOAL := help
.PHONY: help venv setup system-deps demo run test test-sqlite test-postgres \
	lint format messages compilemessages bench load

help: ## Show this help
	@echo "Usage: make TARGET"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# --- Installing --------------------------------------------------------------

$(VENV_PYTHON):
	$(PYTHON) -m venv $(VENV)

# Re-installs only when pyproject.toml is newer than the stamp.
$(STAMP): pyproject.toml | $(VENV_PYTHON)
	$(VENV_PYTHON) -m pip install --disable-pip-version-check -q -e '.[dev]'
	@touch $@

# The H5P player, once package.json exists (its preinstall hook only
# insists on yarn, so scripts are skipped).
NODE_STAMP := node_modules/.brobygger-installed
$(NODE_STAMP): package.json $(wildcard package-lock.json)
	if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; \
	else npm install --ignore-scripts --no-audit --no-fund; fi
	@touch $@

venv: setup ## Same as setup
setup: $(STAMP) $(if $(wildcard package.json),$(NODE_STAMP)) ## Create .venv and install the project with its dev extras

system-deps: ## Install the Debian packages tests need (chromium, fonts, poppler, gettext, zbar, wrk, npm) if missing
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/pdftotext ] && [ -x /usr/bin/msgfmt ] \
		&& [ -x /usr/bin/zbarimg ] && [ -x /usr/bin/wrk ] && command -v npm >/dev/null \
		&& dpkg -s fonts-noto-core 2>/dev/null | grep -q '^Status: install ok installed'; then \
		echo "system-deps: all present"; \
	else \
		if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
		else echo "system-deps: need root or sudo to install: $(SYSTEM_PACKAGES)" >&2; exit 1; fi; \
		set -e; \
		$$sudo apt-get update; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(SYSTEM_PACKAGES) $(NPM_PACKAGE); \
	fi

# --- Running -----------------------------------------------------------------

demo: setup ## Install, migrate SQLite, load the demo and serve http://127.0.0.1:8000/
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) runserver $(ADDR)

run: setup ## Migrate and serve without loading the demo
	$(MANAGE) migrate --noinput
	$(MANAGE) runserver $(ADDR)

# --- Testing -----------------------------------------------------------------

# $(call pytest,WRAPPER,LABEL): run the suite; exit 5 (no tests collected) fails too.
define pytest
@echo "=== pytest on $(2) ==="
@status=0; DJANGO_ALLOW_ASYNC_UNSAFE=true $(1) $(PYTEST) $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest on $(2): no tests were collected" >&2; fi; \
	exit $$status
endef

test: system-deps setup lint ## Install everything, lint, and run the whole suite on SQLite, then on PostgreSQL
	$(call pytest,,SQLite)
	$(call pytest,.ci/with-postgres,PostgreSQL)

test-sqlite: system-deps setup ## Run the suite on SQLite (in memory)
	$(call pytest,,SQLite)

test-postgres: system-deps setup ## Run the suite on a throwaway PostgreSQL
	$(call pytest,.ci/with-postgres,PostgreSQL)

bench: setup ## Time the busy pages, then req/s under gunicorn vs a static file (throwaway DB; BENCH_ARGS=--postgres)
	$(MANAGE) bench $(BENCH_ARGS)

load: setup ## Locust: 1,000 signed-in trainees, ramp 60 s, hold 3 min, fails if p95 >= 500 ms (LOAD_ARGS='--users 50 --run-time 30s')
	$(MANAGE) load_test $(LOAD_DB) $(LOAD_ARGS)

lint: setup ## Ruff lint and format check, Django system checks, no missing migrations
	$(RUFF) check .
	$(RUFF) format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run --noinput

format: setup ## Fix what ruff can and format the code
	$(RUFF) check --fix .
	$(RUFF) format .

# --- Translations --------------------------------------------------------------

# The project catalogue is made from cms/ only: run from the root, makemessages
# would file the apps' strings under locale/ too. The apps run without settings,
# so each one's strings go to its own locale/.
messages: setup ## Update the .po catalogues (locale/, courses/locale/, lms/locale/)
	mkdir -p locale
	cd cms && ../$(VENV_PYTHON) ../manage.py makemessages $(MAKEMESSAGES_FLAGS)
	for app in $(APP_LOCALES); do \
		mkdir -p $$app/locale && \
		(cd $$app && env -u DJANGO_SETTINGS_MODULE ../$(VENV)/bin/django-admin makemessages $(MAKEMESSAGES_FLAGS)) || exit 1; \
	done

compilemessages: setup ## Compile every .po catalogue of the project to .mo
	$(MANAGE) compilemessages --ignore=$(VENV) --ignore=node_modules
