# Two commands do all the set-up: `make demo` and `make test` create .venv and install the project when
# missing (quick when already done), then run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install demo test test-fast bench ui serve report clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@# pip compiles the bytecode of what it installs, but not of an editable project; without it (and with
	@# PYTHONDONTWRITEBYTECODE set, as on CI machines) every command compiles ~15k lines first (~0.15 s).
	$(BIN)/python -m compileall -q flows transforms warehouse >/dev/null
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/hkstp-monitor demo

# Two workers (the machine has two cores; most slow tests wait on servers): one test file stays on one worker.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not server and not browser and not slow"

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	$(BIN)/python -m benchmarks.run

report: $(STAMP)
	$(BIN)/hkstp-monitor report

ui: $(STAMP)
	bash deployments/ui.sh

serve: $(STAMP)
	$(BIN)/hkstp-monitor serve

clean:
	rm -rf $(VENV) .pytest_cache data/raw
