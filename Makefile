# Chronicle: every set-up step lives here, so `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CHRONICLE_SHARED ?= $(abspath ../shared)
export CHRONICLE_SHARED

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[serve,scale,test]'
	touch $(STAMP)

demo: install
	$(PY) -m chronicle.demo

test: install
	$(PY) -m pytest -q -p no:cacheprovider

bench: install
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) demo-out bench-results
