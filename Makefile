# newsroom: `make run` serves the demo site, `make test` runs the whole suite.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run serve test install install-test check-python messages lint clean bench bench-smoke soak

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null || { \
	  echo "newsroom needs Python 3.12 or newer (Django 6.1); '$(PYTHON)' is $$($(PYTHON) --version 2>&1)."; \
	  echo "Install Python 3.13 (for example 'pyenv install 3.13', which .python-version selects),"; \
	  echo "or run: make PYTHON=/path/to/python3.13 run"; \
	  exit 1; }

$(PY): | check-python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

install: $(STAMP)
install-test: $(STAMP)

# Compiled catalogues are built, not committed.
messages: $(STAMP)
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v0

run: install messages
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py load_demo
	@echo "newsroom: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production on this machine: DEBUG off, gunicorn from gunicorn.conf.py on 127.0.0.1:$(PORT).
# Needs SECRET_KEY and DATABASE_URL; ALLOWED_HOSTS defaults to the local names. Behind no TLS
# proxy, add SECURE_SSL_REDIRECT=0 to browse it over plain HTTP (docs/operations.md).
SERVE_ENV = DEBUG=0 ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}"
serve: install
	@test -n "$$SECRET_KEY" || { echo "make serve: SECRET_KEY is not set (export a long random string)."; exit 1; }
	@test -n "$$DATABASE_URL" || { echo "make serve: DATABASE_URL is not set (e.g. postgres://newsroom@127.0.0.1:5432/newsroom)."; exit 1; }
	$(SERVE_ENV) $(PY) manage.py compilemessages --ignore=.venv -v0
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v0
	$(SERVE_ENV) $(PY) manage.py migrate --no-input
	$(SERVE_ENV) PORT=$(PORT) exec $(VENV)/bin/gunicorn -c gunicorn.conf.py

test: install-test messages
	DEBUG=1 $(PY) -m pytest $(PYTEST_ARGS)

# Benchmarks (bench/README.md): PostgreSQL, gunicorn and wrk (Debian: apt-get install -y wrk).
bench: install
	$(PY) -m bench.run

bench-smoke: install
	BENCH_SIZES=200 BENCH_SECONDS=2 $(PY) -m bench.run

# A bounded soak (tests/resilience/soak.py): 60 s of mixed reads at 32 connections against
# gunicorn on PostgreSQL (SOAK_DATABASE_URL, default newsroom_soak) and Redis, an editor
# publishing meanwhile; fails on any 5xx or worker memory growing 10% or more. Needs wrk.
soak: install messages
	$(PY) -m tests.resilience.soak --seconds $${SOAK_SECONDS:-60} --connections $${SOAK_CONNECTIONS:-32}

lint: install-test
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var .pytest_cache
