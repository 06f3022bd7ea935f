# Two commands set everything up on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install report validate test lint typecheck check schemas docs bench fmt clean lock test-latest axe editor-server

# Every install goes through the lock (constraints.txt): a fresh clone gets the same versions every
# time. pip, setuptools and wheel come from the lock too, and naravard is built without build
# isolation so that no unpinned setuptools is fetched for it.
PIP := $(BIN)/python -m pip install --quiet --constraint constraints.txt

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) pip setuptools wheel
	$(PIP) --no-build-isolation -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job on the shipped data: the report of the latest year, HTML and Markdown, in rapport/.
report: $(STAMP)
	$(BIN)/naravard validate
	$(BIN)/naravard report

# axe-core for the accessibility test (tests/test_report_accessibility.py): an npm package, not a
# Python one, installed at an exact version into build/axe/ (gitignored). Without it the test skips.
AXE_VERSION := 4.14.1
AXE_STAMP := build/axe/.installed-$(AXE_VERSION)

$(AXE_STAMP):
	npm install --prefix build/axe --no-save --no-package-lock --no-audit --no-fund axe-core@$(AXE_VERSION)
	touch $(AXE_STAMP)

axe: $(AXE_STAMP)

validate: $(STAMP)
	$(BIN)/naravard validate

# The suite in worker processes (pytest-xdist), one per core: each test module runs whole in one
# worker, so its module-scoped fixtures (a rendered report, a started Chromium) are made once.
# On the project's 2-core machines this is 1.7 times faster than one process when the cores are
# free. `make test PYTEST_JOBS=0` runs everything in one process.
PYTEST_JOBS ?= auto
test: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_JOBS) --dist loadscope

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/naravard fmt --check
	$(BIN)/naravard validate

typecheck: $(STAMP)
	$(BIN)/mypy src tests

check: lint typecheck test

fmt: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# Regenerate what is generated from the code (a test fails when these are stale).
schemas: $(STAMP)
	$(BIN)/naravard schema
docs: $(STAMP)
	$(BIN)/python -m naravard.codes docs/rules.md
	$(BIN)/python -m naravard.cli.reference docs/cli.md

# yaml-language-server, the server of VS Code's YAML extension, at the version in
# tools/yaml-language-server/package-lock.json (needs node and npm). tests/test_editor_lsp.py
# drives it (and skips without it); bench/editor_agreement.py measures editor against validate.
editor-server:
	npm ci --prefix tools/yaml-language-server --no-audit --no-fund --ignore-scripts --loglevel error

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(PIP) --no-build-isolation -e '.[dev,bench]'
	touch $(BENCH_STAMP)

# Minutes: a national-size corpus, naravard and its peers (bench/README.md).
bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/hostile.py

# Refresh the lock in a throw-away environment, for every extra. As pip-tools does, what is pinned
# stays pinned and only what is new gets the newest release pyproject's ranges allow;
# `make lock UPGRADE=1` takes the newest of everything. Then `make check` (README, "Beroenden").
LOCK_VENV := .venv-lock
KEEP_PINS := $(if $(UPGRADE),,$(if $(wildcard constraints.txt),--constraint constraints.txt))
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade $(KEEP_PINS) pip setuptools wheel
	$(LOCK_VENV)/bin/python -m pip install --quiet $(KEEP_PINS) -e '.[dev,bench,pdf]'
	{ echo "# The lock: exact versions that make and CI install (pip install -c constraints.txt)."; \
	  echo "# Made by \`make lock\` with $$($(LOCK_VENV)/bin/python -V) on $$(uname -sm); edit pyproject.toml, not this."; \
	  $(LOCK_VENV)/bin/python -m pip freeze --all --exclude-editable | LC_ALL=C sort -f; } > constraints.next
	mv constraints.next constraints.txt
	rm -rf $(LOCK_VENV)

# The suite against the newest releases, not the lock: the next dependency change is seen before
# it lands (not part of CI's critical path).
LATEST_VENV := .venv-latest
test-latest:
	rm -rf $(LATEST_VENV)
	$(PYTHON) -m venv $(LATEST_VENV)
	$(LATEST_VENV)/bin/python -m pip install --quiet --upgrade pip setuptools wheel
	$(LATEST_VENV)/bin/python -m pip install --quiet --upgrade -e '.[dev]'
	$(LATEST_VENV)/bin/python -m pip freeze --exclude-editable | diff constraints.txt - | grep '^[<>]' || true
	$(LATEST_VENV)/bin/python -m pytest

clean:
	rm -rf $(VENV) $(LOCK_VENV) $(LATEST_VENV) build *.egg-info src/*.egg-info
