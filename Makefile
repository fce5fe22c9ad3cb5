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
.PHONY: extract test schema lint clean bench eval expected

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

# Throughput and memory of the pipeline beside the bare model (see pipeline/run/bench.py); ~10 minutes.
# BENCH_ARGS=--quick: 100 documents only.
BENCH_ARGS ?=
bench: $(STAMP)
	$(PY) -m pipeline.run.bench $(BENCH_ARGS)

# Extracts the annotated sample shipped with the tests and scores it against its gold
# (README: "Measure and correct on your own documents"); --verbose lists every miss.
eval: $(STAMP)
	$(PY) -m pipeline extract tests/data/eval/corpus --out build/eval --no-progress
	$(PY) -m pipeline evaluate build/eval tests/data/eval/gold --sources tests/data/eval/corpus

lint: $(STAMP)
	$(PY) -m ruff check pipeline tests

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

.PHONY: report export report-bench report-screenshot

# One self-contained HTML report of output/: timeline, network, documents (README "Report and exports").
report: $(STAMP)
	$(PY) -m pipeline report output

# output/ as flat Parquet tables in output/export/ (`--format csv` for CSV).
export: $(STAMP)
	$(PY) -m pipeline export output --format parquet

# Size and build time of the report on output/ and on a synthetic 5,000-document output (build/report-bench/).
report-bench: $(STAMP)
	$(PY) -m pipeline.report.bench --documents 5000

# The README's screenshot: headless chromium over the report of the committed output.
report-screenshot: report
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --hide-scrollbars --window-size=1280,1600 --force-device-scale-factor=0.75 \
		--virtual-time-budget=15000 --screenshot=docs/report.png "file://$(CURDIR)/output/report.html" 2>/dev/null
