# `make extract` and `make test` work on a fresh clone with only Python 3.11:
# the first use creates .venv and installs the project from pyproject.toml.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# `make extract SRC=dir OUT=dir` extracts another folder.
SRC ?= sources
OUT ?= output
# The tests' own copy of the sample corpus and the output the golden test expects of it.
TEST_SOURCES := tests/data/sources
TEST_EXPECTED := tests/data/expected

.DEFAULT_GOAL := extract
.PHONY: extract test schema lint clean bench expected

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

extract: $(STAMP)
	$(PY) -m pipeline extract $(SRC) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest

# Regenerate the golden test's expected output after a deliberate change in behaviour; review the diff.
expected: $(STAMP)
	rm -rf $(TEST_EXPECTED)
	$(PY) -m pipeline extract $(TEST_SOURCES) --out $(TEST_EXPECTED) --no-cache --no-progress
	rm -f $(TEST_EXPECTED)/.lock

schema: $(STAMP)
	$(PY) -m pipeline schema --out output/schema

# Throughput and memory of the pipeline beside the bare model (see pipeline/run/bench.py); a few minutes.
bench: $(STAMP)
	$(PY) -m pipeline.run.bench

lint: $(STAMP)
	$(PY) -m ruff check pipeline tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
