# newsroom: `make run` serves the demo site, `make test` runs the whole suite.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install install-test check-python messages lint clean bench bench-smoke

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

test: install-test messages
	DEBUG=1 $(PY) -m pytest $(PYTEST_ARGS)

# Benchmarks (bench/README.md): PostgreSQL, gunicorn and wrk (Debian: apt-get install -y wrk).
bench: install
	$(PY) -m bench.run

bench-smoke: install
	BENCH_SIZES=200 BENCH_SECONDS=2 $(PY) -m bench.run

lint: install-test
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var .pytest_cache
