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

## Run the bot on SQLite (./telework.db) on 127.0.0.1:3978 with the demo roster, start Microsoft 365
## Agents Playground (a local Teams; needs Node.js) on http://127.0.0.1:56150, and chat in this terminal.
## The Playground is (re)installed from tools/playground/package-lock.json only when that changed.
PLAYGROUND_LOCK := tools/playground/package-lock.json
PLAYGROUND_INSTALLED := tools/playground/node_modules/.package-lock.json
run: $(BIN)/telework-bot
	@if command -v npm >/dev/null 2>&1; then \
	  if [ ! -f $(PLAYGROUND_INSTALLED) ] || [ $(PLAYGROUND_LOCK) -nt $(PLAYGROUND_INSTALLED) ]; then \
	    npm ci --prefix tools/playground --no-audit --no-fund --loglevel=error \
	      || echo "npm ci failed: the Playground will not start; the terminal chat still works"; \
	  fi; \
	fi
	$(BIN)/telework-bot dev --demo

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
