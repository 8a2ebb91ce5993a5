# A Field Guide to asyncio. Quick start: `make serve` (read the book at
# http://127.0.0.1:8000 while editing) and `make test` (check everything).
# Both build the environment from uv.lock the first time; Python 3.11+ is all
# a machine needs beforehand.

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .uv/bin/uv
VENV := .venv
BIN := $(VENV)/bin

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export NO_MKDOCS_2_WARNING := 1
# Compiled once at install time: otherwise every example that imports aiohttp
# (run with PYTHONDONTWRITEBYTECODE, to keep examples/ clean) compiles it anew.
export UV_COMPILE_BYTECODE := 1

.PHONY: help serve test check ci test-versions coverage bench build pdf offline \
	update-examples update-notebooks api-index real-time bench-crawler bench-server pictures lint format env clean

help: ## List the commands, with what each does
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  make %-16s %s\n", $$1, $$2 }' \
	  $(MAKEFILE_LIST)
	@echo "  (check and update-examples take EXAMPLE=chapter/file.py or CHAPTER=chapter)"

serve: env ## Serve the book with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Tests run in parallel on every core (pytest-xdist); tests that share a build
# of the site, the PDF or the offline copy stay together (tests/conftest.py).
PARALLEL := -n auto --dist loadgroup

# `make check EXAMPLE=futures/x.py` (or CHAPTER=futures), and the same for
# update-examples, limit the run to one example or one chapter's examples and
# page code. One example runs in a single process: spawning workers costs more.
ONLY := $(foreach name,$(EXAMPLE),--example $(name)) \
	$(foreach name,$(CHAPTER),--chapter $(name))
SOME := $(if $(EXAMPLE),-q,$(PARALLEL))

test: check ## Run the whole test suite: the quick checks, then the builds
	$(BIN)/pytest $(PARALLEL) -m slow

check: env ## The quick checks: examples, pages, lint, harness (EXAMPLE=, CHAPTER=)
ifeq ($(strip $(ONLY)),)
	$(BIN)/pytest $(PARALLEL) -m "not slow"
else
	$(BIN)/pytest $(SOME) $(ONLY) tests/test_examples.py tests/test_book.py
endif

ci: test build test-versions coverage ## Everything CI runs (.ci/run): do this before a pull request

# Interpreters installed by pyenv, if any, go on PATH by their versioned folders
# (pyenv's shims do not work here); nox looks for python3.11 to python3.15.
empty :=
space := $(empty) $(empty)
PYENV_BINS := $(wildcard $(HOME)/.pyenv/versions/3.1[1-5].*/bin)
VERSIONS_PATH := $(subst $(space),:,$(strip $(abspath .uv/bin) $(PYENV_BINS)))

test-versions: env ## Run every example on Python 3.11 to 3.15 (those present)
	PATH="$(VERSIONS_PATH):$$PATH" $(BIN)/nox

real-time: env ## Run the examples for real, as a reader does, and compare (EXAMPLE=, CHAPTER=)
	$(BIN)/python -m fieldguide.real_time $(foreach name,$(EXAMPLE),--example $(name)) \
	  $(foreach name,$(CHAPTER),--chapter $(name))

# Coverage is measured on the newest of those Pythons (noxfile.py says why).
NEWEST := $(or $(basename $(lastword $(sort $(notdir $(PYENV_BINS:/bin=))))),3.11)

coverage: env ## Check that every line of every example runs in the suite
	rm -rf build/coverage && mkdir -p build/coverage
	PATH="$(VERSIONS_PATH):$$PATH" $(BIN)/nox -s coverage-$(NEWEST)

bench: env ## Measure threads, processes and asyncio on loopback (about 20 minutes)
	$(BIN)/python -m fieldguide.benchmark --output benchmarks/results.json
	@echo "review with git diff; the chapter's tables and plots follow the data"

bench-server: env ## Measure the server chapter's application, layer by layer (about 5 minutes)
	$(BIN)/python -m fieldguide.benchmark.app --output benchmarks/server.json
	@echo "review with git diff; the server chapter's figures follow the data"

bench-crawler: env ## Measure the crawler chapter's tool against a bare loop and threads (about 20 minutes)
	$(BIN)/python -m fieldguide.benchmark.crawler --output benchmarks/crawler.json
	@echo "review with git diff; the crawler chapter's figures follow the data"

build: env ## Build the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

PAPER ?= a4
EDITION ?= Edition $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml), $(shell date +%Y-%m-%d)

pdf: env ## Build the whole book as build/a-field-guide-to-asyncio.pdf (PAPER=a4|letter)
	BOOK_EDITION="$(EDITION)" BOOK_PAPER_CSS=stylesheets/paper-$(PAPER).css \
	  $(BIN)/mkdocs build -f mkdocs-pdf.yml
	@echo "wrote build/a-field-guide-to-asyncio.pdf"

offline: env ## Build the site for reading from disk: build/a-field-guide-to-asyncio-html.zip
	$(BIN)/mkdocs build --strict -f mkdocs-offline.yml
	$(BIN)/python -m fieldguide.offline build/offline-site build/a-field-guide-to-asyncio-html.zip

# Ends with the list of files it rewrote or created (tests/conftest.py).
update-examples: env ## Re-record example outputs and page code results (EXAMPLE=, CHAPTER=, VERSION=)
ifeq ($(strip $(VERSION)),)
	$(BIN)/pytest $(SOME) $(ONLY) tests/test_examples.py \
	  tests/test_book.py::test_code_block_in_the_docs --update-examples
else
	# An example with output-per-version records each Python's output there.
	PATH="$(VERSIONS_PATH):$$PATH" $(BIN)/nox -s examples-$(VERSION) -- \
	  --update-examples $(ONLY)
endif

api-index: env ## Write the API index (docs/appendices/api-index.md) from the examples
	$(BIN)/python -m fieldguide.api_index

update-notebooks: env ## Run the book's notebook pages in a kernel and store their outputs
	$(BIN)/python -m fieldguide.notebooks --record

# Timelines are recorded from the examples; diagrams need Graphviz's `dot`.
pictures: env ## Record every timeline and draw every diagram the pages show (lists changes)
	$(BIN)/python -m fieldguide.pictures

# Every file git would add, new ones too: pre-commit's --all-files sees only
# the files git already tracks. The tests run the same checks (tests/test_book.py).
LINTED = $(shell git ls-files --cached --others --exclude-standard \
	| while read -r f; do [ -f "$$f" ] && echo "$$f"; done)

lint: env ## The pre-commit checks on every file, new ones too: ruff, spelling, Markdown, whitespace
	@echo "pre-commit run on the $(words $(LINTED)) files git would add"
	@PATH="$(abspath $(BIN)):$$PATH" $(BIN)/pre-commit run --files $(LINTED)

format: env ## Format the examples and the support code in place
	$(BIN)/ruff format examples fieldguide tests
	$(BIN)/ruff check --fix examples fieldguide tests

env: $(VENV)/.synced node_modules/.package-lock.json

# axe-core for the accessibility checks, exactly as package-lock.json says.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error; \
	else \
	  echo "npm not found: the accessibility checks will be skipped"; \
	fi

# uv itself, pinned, in a small virtual environment of its own.
$(UV):
	$(PYTHON) -m venv .uv
	.uv/bin/python -m pip install --quiet "uv==$(UV_VERSION)"

# The book's environment, exactly as uv.lock describes it.
$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --locked --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	@touch $@

clean: ## Remove the environments and build output
	rm -rf .uv $(VENV) node_modules site build .pytest_cache .ruff_cache
