# The two commands of the README:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= demo.duckdb

.PHONY: demo test install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: $(VENV)/.installed
	rm -f $(DB)
	$(BIN)/rashomon ingest examples/demo --db $(DB)
	$(BIN)/rashomon analyze --db $(DB)
	$(BIN)/rashomon docs --db $(DB)
	$(BIN)/rashomon findings --db $(DB)
	$(BIN)/rashomon export --db $(DB) --format json --out demo-export.json

test: $(VENV)/.installed-test
	PYTHON=$(BIN)/python bash scripts/gate.sh
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) $(DB) demo-export.json
