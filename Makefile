# Two commands for a fresh machine (Python 3.11+): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/telework-bot: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## Run the bot on SQLite (./telework.db) on 127.0.0.1:3978 and chat with it in this terminal.
run: $(BIN)/telework-bot
	$(BIN)/telework-bot dev

## Run the whole test suite (PostgreSQL tests run when TELEWORK_TEST_POSTGRES_URL is set).
test: $(BIN)/telework-bot
	$(BIN)/pytest

## Lint, types and the import-direction contracts.
lint: $(BIN)/telework-bot
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(BIN)/telework-bot
	$(BIN)/python -m bench.turns

clean:
	rm -rf $(VENV) telework.db telework.db-wal telework.db-shm
