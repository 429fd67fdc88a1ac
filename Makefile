# The README's two commands are `make run` and `make test`; the rest are helpers.

# Django 6.1 needs Python 3.12+; take the first interpreter that qualifies.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
DEMO_NETWORKS ?= 400
# DEMO=0: the real networks only, no demo networks and no survey demo
DEMO ?= 1
BENCH_NETWORKS ?= 5000

.PHONY: run test install lock setup demo lint format messages bench bench-load clean outage-check scale-demo

# the exact versions and hashes of requirements.lock, then the project without resolving again
$(VENV)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 oder neuer wird benötigt."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade 'pip>=25,<27'
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	$(BIN)/python -m pip check
	@touch $@

# the current Nu Html Checker for tests/test_html.py (skipped without it, never in CI);
# --ignore-scripts: the package's postinstall would download a Java runtime
NU_JAR := tests/nu/node_modules/vnu-jar/build/dist/vnu.jar
$(NU_JAR): tests/nu/package.json tests/nu/package-lock.json
	npm ci --prefix tests/nu --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NU_JAR); \
	else echo "npm fehlt: ohne das aktuelle vnu.jar wird der Nu-Html-Checker-Test übersprungen."; fi

# after changing pyproject.toml: pins and hashes for every platform and Python >= 3.12,
# resolved by uv in a throw-away environment (nothing lands in .venv)
LOCK_TOOLS ?= /tmp/netzwerke-lock-tools
lock:
	@test -n "$(PYTHON)" || { echo "Python 3.12 oder neuer wird benötigt."; exit 1; }
	rm -rf $(LOCK_TOOLS)
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install -q 'uv>=0.13,<0.14'
	$(LOCK_TOOLS)/bin/uv pip compile pyproject.toml --extra dev --extra browser \
		--universal --python-version 3.12 --generate-hashes --quiet \
		--custom-compile-command 'make lock' --output-file requirements.lock
	rm -rf $(LOCK_TOOLS)

# setup_demo loads the reference data, vocabularies, real and demo networks (each only once)
setup: install
	$(BIN)/python manage.py migrate --noinput
ifeq ($(DEMO),0)
	$(BIN)/python manage.py setup_demo --networks 0
else
	$(BIN)/python manage.py setup_demo --networks $(DEMO_NETWORKS)
	$(BIN)/python manage.py setup_survey_demo
endif
	@$(BIN)/python manage.py setup_demo --login-only

run: setup
	$(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The English catalog of every marked string, then every .mo (README "Languages"). Our
# msgids are German, so German needs no catalog of them: locale/de only holds German for
# texts Django's admin leaves in English and is edited by hand, never by makemessages.
# The .mo files are committed; tests/test_i18n.py fails when a .po or .mo is not current
# or a marked string has no English translation. Needs GNU gettext (xgettext, msgfmt).
MESSAGES_IGNORE := -i .venv -i tests -i static -i staticfiles -i benchmarks -i scripts -i node_modules
messages: install
	$(BIN)/python manage.py makemessages -l en -e html,txt,py --add-location=file --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages $(MESSAGES_IGNORE)

# generate_demo, CSV export and import on a throw-away database; figures in the README
bench: install
	$(BIN)/python scripts/bench_bulk.py --networks $(BENCH_NETWORKS)

# stops and starts a private PostgreSQL under light load; output recorded in the README
outage-check: install
	$(BIN)/python -m benchmarks.outage

# two gunicorn servers on one PostgreSQL database and one Redis; also run by .ci/run
scale-demo: install
	$(BIN)/python -m benchmarks.scale

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache tests/nu/node_modules

# every public page under gunicorn against a Fortunes-style page; figures in the README
bench-load: install
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(BIN)/python -m benchmarks.load
