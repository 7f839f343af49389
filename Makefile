# referat: `make test` is the one command CI and the README use.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
SEED := fixtures/seeds/000_82c72205aff1f9b0.txt

.PHONY: default venv test lint format typecheck pytest demo schema bench bench-pdf hostile fuzz golden-diff pdfs office-pdfs html docx perturbed clean

default: test

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

## The README's test command: lint, type-check, tests.
test: venv lint typecheck pytest

lint: venv
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: venv
	$(BIN)/mypy

pytest: venv
	$(BIN)/pytest -q

format: venv
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

## The README's main job: parse a seed fixture and print its JSON.
demo: venv
	$(BIN)/referat parse $(SEED)

schema: venv
	$(BIN)/referat schema > schema/referat.schema.json

bench: venv
	$(PY) scripts/bench.py

## Hostile inputs under /usr/bin/time -v: time and peak RSS of each (README, Robustness).
hostile: venv
	$(PY) scripts/hostile.py

bench-pdf: venv
	$(PY) scripts/bench_pdf.py

## Every fuzzer mode, 100,000 inputs each; each reports its failures, and any failing fails.
fuzz: venv
	$(PY) scripts/fuzz.py --mode text --runs 100000; t=$$?; \
	$(PY) scripts/fuzz.py --mode html --runs 100000; h=$$?; \
	$(PY) scripts/fuzz.py --mode grammar --runs 100000; g=$$?; \
	test $$t -eq 0 && test $$h -eq 0 && test $$g -eq 0

golden-diff: venv
	$(PY) scripts/golden_diff.py

pdfs: venv
	$(PY) scripts/make_pdfs.py

html: venv
	$(PY) scripts/make_html.py

docx: venv
	$(PY) scripts/make_docx.py

## Office-suite PDF fixtures: needs LibreOffice (apt-get install libreoffice-writer).
office-pdfs: venv
	$(PY) scripts/make_office_pdfs.py

perturbed: venv
	$(PY) scripts/make_perturbed.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis .fuzz-crashes
