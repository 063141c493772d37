# lado-intake: `make run` starts the service on embedded defaults; `make test` runs every check.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-packages run test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/lado-intake db upgrade
	$(BIN)/lado-intake demo --history
	LADO_WEB_COOKIE_SECURE=$${LADO_WEB_COOKIE_SECURE:-false} $(BIN)/lado-intake run  # plain http on 127.0.0.1

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

system-packages:
	sh scripts/install-system-packages.sh

test: system-packages lint typecheck
	$(BIN)/pytest

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache
