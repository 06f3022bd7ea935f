# Two commands set everything up on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install report validate test lint typecheck check schemas docs bench fmt clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job on the shipped data: the report of the latest year, HTML and Markdown, in rapport/.
report: $(STAMP)
	$(BIN)/naravard validate
	$(BIN)/naravard report

validate: $(STAMP)
	$(BIN)/naravard validate

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/naravard fmt --check

typecheck: $(STAMP)
	$(BIN)/mypy src

check: lint typecheck test

fmt: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# Regenerate what is generated from the code (a test fails when these are stale).
schemas: $(STAMP)
	$(BIN)/python -m naravard.model.schema schemas
docs: $(STAMP)
	$(BIN)/python -m naravard.codes docs/rules.md

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

# Minutes: a national-size corpus, naravard and its peers (bench/README.md).
bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/hostile.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
