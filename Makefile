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
	@# Browser tests: Debian's chromium and its driver (as root with apt; otherwise those tests skip).
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
	    || echo "chromium could not be installed: the browser tests will skip"; \
	else echo "chromium not installed (needs root and apt): the browser tests will skip"; fi
	@# The dashboard map's world borders: Natural Earth 1:110m as TopoJSON (npm world-atlas, ISC;
	@# Natural Earth is public domain), installed into the venv, never fetched at run time.
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --silent --no-audit --no-fund --prefix $(VENV)/share/chronicle world-atlas@2 \
	    || echo "world-atlas could not be installed: the dashboard map has no borders"; \
	else echo "npm not found: the dashboard map has no borders"; fi
	touch $(STAMP)

demo: install
	$(PY) -m chronicle.demo

test: install
	$(PY) -m pytest -q -p no:cacheprovider

bench: install
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) demo-out bench-results
