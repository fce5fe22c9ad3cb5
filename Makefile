# `make extract` and `make test` work on a fresh clone with only Python 3.11:
# the first use creates .venv and installs the project from pyproject.toml.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := extract
.PHONY: extract test schema lint clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

extract: $(STAMP)
	$(PY) -m pipeline extract sources --out output

test: $(STAMP)
	$(PY) -m pytest

schema: $(STAMP)
	$(PY) -m pipeline schema --out output/schema

# Throughput and memory of the pipeline beside the bare model (see pipeline/run/bench.py); ~10 minutes.
# BENCH_ARGS=--quick: 100 documents only.
BENCH_ARGS ?=
bench: $(STAMP)
	$(PY) -m pipeline.run.bench $(BENCH_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check pipeline tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
