# baseline: developer and CI entry points. See README.md.
#   make demo        set up .venv and run the main job on the bundled legacy fixture
#   make test        install test dependencies, provision what pip cannot, run pytest
#   make test-image  build the local Docker test image (no registry needed; reused when present)
#   make bench       run the benchmarks against the peers -> bench/RESULTS.md (BENCH_QUICK=1: a quick run)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-image bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the package metadata changed (the install is editable).
$(VENV)/.installed: pyproject.toml setup.py baseline/sql/_scanner.c baseline/sql/ddl/_lexer.c | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml setup.py baseline/sql/_scanner.c baseline/sql/ddl/_lexer.c | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	rm -rf demo-out && mkdir -p demo-out && cp -r fixtures/legacy/migrations demo-out/migrations
	$(BIN)/baseline generate fixtures/legacy/production.sql --migrations demo-out/migrations
	$(BIN)/baseline verify --migrations demo-out/migrations --against fixtures/legacy/production.sql

test: $(VENV)/.installed-test
	bash tests/provision.sh
	$(BIN)/pytest

test-image:
	bash baseline/scratch/image/build.sh

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf demo-out bench/out .pytest_cache
