# prcheck — two commands for a new user: `make run` and `make test` (see README).
# Every target is idempotent: it installs only what is missing.

SHELL := /bin/bash
.DEFAULT_GOAL := help

export UV_PYTHON_DOWNLOADS := never
export DJANGO_DEBUG ?= 1

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
UV := python3 -m uv
APT_PACKAGES := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho poppler-utils chromium

.PHONY: help setup local-env system-packages uv venv messages migrate static axe-core run test test-unit test-e2e lint format lock makemessages

help:
	@echo "make run    set everything up, then serve on http://127.0.0.1:8000"
	@echo "make test   set everything up, then run the linters and the whole test suite"
	@echo "make setup  set up only (system packages, virtualenv, messages, database, static files)"

setup: local-env system-packages venv messages migrate static axe-core

# The settings read .env for what the environment does not set, so that commands typed by hand
# (`.venv/bin/python manage.py assess ...`) know this checkout is local. A server's setup
# (DJANGO_DEBUG=0) removes the file it would otherwise have written.
LOCAL_ENV_MARK := \# Written by make setup: this checkout is a local development set-up.

local-env:
	@if [ "$(DJANGO_DEBUG)" = "1" ]; then \
		grep -qsx 'DJANGO_DEBUG=1' .env || printf '%s\nDJANGO_DEBUG=1\n' '$(LOCAL_ENV_MARK)' > .env; \
	elif grep -qsF '$(LOCAL_ENV_MARK)' .env; then \
		rm -f .env; \
	fi

system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

uv:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install -q uv

venv: uv $(VENV)/.synced

# --compile-bytecode: every process starts from .pyc files, also where Python may not write
# them itself (a read-only checkout, PYTHONDONTWRITEBYTECODE): 2.4-2.7x faster start-ups.
$(VENV)/.synced: requirements.lock
	@test -x $(PY) || $(UV) venv -q --python 3.12 $(VENV)
	$(UV) pip sync -q --compile-bytecode --python $(PY) --require-hashes requirements.lock
	@touch $@

messages: venv
	$(MANAGE) compilemessages --ignore=.venv -v0

migrate: venv
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) createcachetable -v0

static: venv
	$(MANAGE) collectstatic --noinput -v0

# axe-core (accessibility checks in tests/e2e), pinned, into a git-ignored node_modules/.
AXE_CORE_VERSION := 4.14.1
AXE_CORE_DIR := tests/e2e/node_modules/axe-core

axe-core:
	@grep -qs '"version": "$(AXE_CORE_VERSION)"' $(AXE_CORE_DIR)/package.json || \
		npm install --no-save --no-package-lock --no-audit --no-fund --silent \
			--prefix tests/e2e axe-core@$(AXE_CORE_VERSION)

run: setup
	$(MANAGE) runserver 127.0.0.1:8000

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: venv
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# The unit suite on both cores (pytest-xdist): each worker has its own test database
# (pytest-django adds the worker's name to it). Two workers, not `-n auto`: the machine this
# must fit (2 cores, 20 minutes for `make test`) gains nothing from more, and a bigger one
# shared with other work would be swamped; `make test-unit TEST_WORKERS=4` asks for more.
# --dist load (not loadscope): each worker runs its tests in collection order, where
# pytest-django puts the tests that flush the database (transactional, which also wipes the
# thresholds the migrations seeded) after the others; loadscope mixed them and 7 tests found
# no thresholds. A module's once-per-module PDF may then be rendered once per worker.
TEST_WORKERS ?= 2

test-unit: setup
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist load

# The browser suite on two workers too: each has its own live server (on a free port), its own
# database and its own Chromium. `make test-e2e E2E_WORKERS=1` runs it in one process.
E2E_WORKERS ?= $(TEST_WORKERS)

test-e2e: setup
	@if [ -d tests/e2e ]; then DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -q -n $(E2E_WORKERS) --dist loadscope tests/e2e; fi

test: setup lint test-unit test-e2e

# Re-extract the Japanese catalogue after changing user-visible strings.
makemessages: venv
	$(MANAGE) makemessages -l ja --ignore=.venv --ignore=staticfiles --no-obsolete

# Re-pin dependencies after editing pyproject.toml.
lock: uv
	$(UV) pip compile -q pyproject.toml --extra dev --generate-hashes --python-version 3.12 -o requirements.lock
