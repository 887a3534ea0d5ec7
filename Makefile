# Two commands: `make run` (a working site with demo content) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# The targets here develop and test: they run manage.py with the development settings.
# Without DJANGO_SETTINGS_MODULE, manage.py (except runserver), wsgi.py and asgi.py use the
# production settings, which refuse to start without their environment (docs/configuration.md).
SETTINGS ?= website.settings.dev
MANAGE := DJANGO_SETTINGS_MODULE=$(SETTINGS) $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: lint format run test test-sqlite test-postgresql test-install wheel install lock messages migrate demo admin serve serve-prod check bench clean

run: install messages migrate demo admin serve

install: $(VENV)/.installed

# requirements.txt is the lock: every package pinned, generated from pyproject.toml's
# dependencies (all extras) with `make lock`. The project itself is not installed: it
# runs from this folder.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

lock: install
	$(PY) -m pip install --quiet -e ".[dev,production]" --group site
	$(PY) -m pip freeze --exclude-editable | grep -v '^tillsammans' > requirements.txt
	$(PY) -m pip uninstall --yes --quiet tillsammans-mot-vald

# Interface translations: locale/*/LC_MESSAGES/django.po -> .mo (GNU gettext when
# present, otherwise a pure-Python compiler, so a bare machine works too).
messages: install
	@if command -v msgfmt >/dev/null 2>&1; then \
		$(MANAGE) compilemessages --ignore=.venv --verbosity 0; \
	else \
		$(MANAGE) compile_po; \
	fi

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --noinput --verbosity 0

demo: migrate
	$(MANAGE) load_demo

admin: migrate
	$(MANAGE) ensure_admin

serve:
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

# The production settings on this machine, as a server runs them (docs/deploy.md):
# collectstatic (hashed, compressed), migrate, gunicorn with website/gunicorn.conf.py on
# http://127.0.0.1:$(PROD_PORT)/. A secret key is made once in var/ for local use;
# DATABASE_URL and REDIS_URL are used when set, else the SQLite file of `make run`.
# `make serve-prod WORKER=1` also starts a task worker (TASKS_BACKEND=database,
# `manage.py db_worker`) that renders PDFs outside the web processes, as one on another
# machine would; it stops with the server.
PROD_PORT ?= 8001
WORKER ?=
PROD_ENV = DJANGO_SETTINGS_MODULE=website.settings.production \
	SECRET_KEY="$$(cat var/serve-prod-secret-key)" \
	DATABASE_URL="$${DATABASE_URL:-sqlite:///$(CURDIR)/var/db.sqlite3}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT=false WEB_CONCURRENCY="$${WEB_CONCURRENCY:-2}" \
	TASKS_BACKEND="$${TASKS_BACKEND:-$(if $(WORKER),database,immediate)}"

serve-prod: install messages
	@mkdir -p var
	@test -s var/serve-prod-secret-key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/serve-prod-secret-key
	$(PROD_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(PROD_ENV) $(PY) manage.py migrate --noinput --verbosity 0
	$(PROD_ENV) $(PY) manage.py check --deploy --fail-level ERROR
	@echo "Serving the production settings on http://127.0.0.1:$(PROD_PORT)/  (plain http: for trying only)"
ifneq ($(WORKER),)
	@echo "With a task worker: manage.py db_worker"
	$(PROD_ENV) $(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PROD_ENV) $(PY) -m gunicorn -c website/gunicorn.conf.py --bind 127.0.0.1:$(PROD_PORT)
else
	$(PROD_ENV) $(PY) -m gunicorn -c website/gunicorn.conf.py --bind 127.0.0.1:$(PROD_PORT)
endif

check: install lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# ruff: lint and format, configured in pyproject.toml. `make format` rewrites the files.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The whole suite, once per database engine: on SQLite always, and on PostgreSQL as well
# when POSTGRES_URL=postgres://user@host:port/name names a server (.ci/run starts a
# throw-away one on loopback and sets it; pytest-django makes its own test_<name>, one per
# worker). Two worker processes (pytest-xdist) share the tests with --dist worksteal: each
# starts on half of them and an idle one takes tests from the other's queue, so a long
# module at the end of the order does not leave one core idle (a module's shared fixtures
# are made once in each worker that runs some of its tests). TEST_WORKERS=0 runs in this process.
# The demo content comes from a template each worker builds once (docs/testing.md); the 25
# slowest steps are listed at the end, so a run shows where its time went.
TEST_WORKERS ?= 2
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal --durations=25 $(PYTEST_ARGS)

test: install messages
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$(POSTGRES_URL)" ]; then \
		$(MAKE) --no-print-directory test-postgresql; \
	else \
		echo ""; \
		echo "*** Ran the suite on SQLite ONLY: set POSTGRES_URL=postgres://user@host:port/name to run it on PostgreSQL too. ***"; \
	fi

test-sqlite: install messages
	@echo "== The whole suite on SQLite"
	DATABASE_URL= $(PYTEST)

test-postgresql: install messages
	@test -n "$(POSTGRES_URL)" || { echo "Set POSTGRES_URL=postgres://user@host:port/name"; exit 2; }
	@echo "== The whole suite on PostgreSQL ($(POSTGRES_URL))"
	DATABASE_URL=$(POSTGRES_URL) $(PYTEST)

# The extension as a municipality installs it: plans, information and multilingual with
# their templates, static files, migrations, schema and compiled catalogues (setup.py),
# without the reference site. build/ is removed first: setuptools would otherwise carry
# files deleted from the source into the wheel.
wheel: install
	rm -rf build dist
	$(PY) -m pip wheel --no-deps --quiet --wheel-dir dist .
	@ls dist/*.whl

# The wheel installed into a fresh `wagtail start` project in a fresh venv, on the oldest
# and the newest Python the package supports (tests/install/README.md).
INSTALL_TEST_PYTHONS ?= 3.11 3.13
test-install: wheel
	tests/install/run $(INSTALL_TEST_PYTHONS)

bench: install messages
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var/db.sqlite3 var/static build dist
