# Two promises of the README: `make run` opens the app, `make test` runs the tests.
# Both create a virtual environment in .venv on first use and install into it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	scripts/install-system-deps desktop
	$(BIN)/epochviz $(ARGS)

test: $(BIN)/.installed
	scripts/install-system-deps offscreen
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(BIN)/.installed
	$(BIN)/python -m epochviz.bench $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
