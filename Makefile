# Two commands do all set-up on a fresh machine:
#   make run    install, assemble the model, build the index if needed, start the app
#   make test   the same set-up, then lint and the whole test suite (unit, e2e, browser)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Models come from PyPI packages only: never reach for a model hub at run time.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test test-fast lint setup browser eval bench

run: setup
	$(BIN)/rag serve

test: setup browser
	$(BIN)/rag prepare
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Unit tests only: no models, a few seconds.
test-fast: setup
	$(BIN)/python -m pytest -m "not e2e and not browser"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

eval: setup
	$(BIN)/rag eval --dataset eval/qa.jsonl --report eval/report.json

bench: setup
	$(BIN)/python bench/latency.py

setup: $(STAMP)

# llama.cpp is compiled for this CPU (-march=native) but without AMX: its AMX
# kernels segfault on virtualized Sapphire/Granite Rapids (llama.cpp#20824);
# AVX-512 and VNNI stay. pip caches the wheel by sdist, not by these flags,
# so its cache is skipped for this one package.
LLAMA_FLAGS := -mno-amx-tile -mno-amx-int8 -mno-amx-bf16
LLAMA_CMAKE_ARGS := -DCMAKE_C_FLAGS="$(LLAMA_FLAGS)" -DCMAKE_CXX_FLAGS="$(LLAMA_FLAGS)"

# Re-runs only when the pins or this recipe change. torch goes first and pinned:
# its CPU wheel is local; an unpinned torch pulled in by another package would
# fetch CUDA.
$(STAMP): pyproject.toml constraints.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check torch==2.13.0
	CMAKE_ARGS='$(LLAMA_CMAKE_ARGS)' $(BIN)/python -m pip install --quiet \
		--disable-pip-version-check --no-cache-dir --force-reinstall --no-deps \
		-c constraints.txt llama-cpp-python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# Debian's chromium for the browser tests (never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }
