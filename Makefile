# The first two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
CORPUS := $(wildcard corpus/*.txt)
STORE ?= data/store

.PHONY: run test setup build serve train-ner bench eval-ner clean browser virtuoso vendor

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# `make run` installs what the site needs; `make test` adds the test tools.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/pip install --quiet -e .  # setuptools' notice about editable installs
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	PYTHONWARNINGS=ignore $(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

setup: $(STAMP)

# The base IRI the site will have (as server/config.py computes it): a change rebuilds the store.
SITE_BASE := $(or $(KRONIKA_BASE),http://$(if $(filter 0.0.0.0 ::,$(KRONIKA_HOST)),127.0.0.1,$(or $(KRONIKA_HOST),127.0.0.1)):$(or $(KRONIKA_PORT),5000)/)
BASE_STAMP := $(STORE).base
$(shell mkdir -p $(dir $(STORE)) && [ "$$(cat $(BASE_STAMP) 2>/dev/null)" = "$(SITE_BASE)" ] || echo "$(SITE_BASE)" > $(BASE_STAMP))

# The store is rebuilt when the corpus, the extractor or the base changes; unchanged documents are
# skipped, and a store built for another base has its IRIs moved (decisions kept).
$(STORE)/.built: $(STAMP) $(BASE_STAMP) $(CORPUS) $(shell find extract graph shapes ontology -type f -not -name '*.pyc' 2>/dev/null)
	$(BIN)/kronika build --store $(STORE)
	touch $@

build: $(STORE)/.built

run: build
	@echo "Kronika: http://$${KRONIKA_HOST:-127.0.0.1}:$${KRONIKA_PORT:-5000}/"
	$(BIN)/kronika serve --store $(STORE)

# Headless Chromium for the end-to-end tests, from Debian's packages.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "could not install chromium: browser tests will be skipped"; \
	  else echo "chromium not installed and no root apt-get: browser tests will be skipped"; fi; }

# OpenLink Virtuoso, the second remote store the tests run on, from Debian's packages (server and isql).
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7-bin >/dev/null) \
	      || echo "could not install Virtuoso: its remote-store tests will be skipped"; \
	  else echo "virtuoso-t not installed and no root apt-get: the Virtuoso remote-store tests will be skipped"; fi; }

# The test files are shared out among one process per core (at most four: each holds the pipeline and its own
# servers); a file's tests run in one process, in order, with its fixtures built once.
TEST_JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)
test: $(TEST_STAMP) browser virtuoso
	$(BIN)/python -m pytest -q -n $(TEST_JOBS) --dist loadfile

train-ner: setup
	$(BIN)/python -m extract.train_ner

bench: setup
	$(BIN)/python bench/extract.py

# `kronika ner` and the model alone on NKJP's held-out documents, PolEval-style (bench/README.md).
eval-ner: setup
	$(BIN)/python bench/ner.py

clean:
	rm -rf $(STORE) .pytest_cache

YASGUI_VERSION := 4.6.2
VIS_TIMELINE_VERSION := 8.5.4
LEAFLET_VERSION := 1.9.4
TOPOJSON_VERSION := 3.1.0
WORLD_ATLAS_VERSION := 2.0.2
# Refresh the bundled YASGUI, vis-timeline and the map's Leaflet, topojson-client and world-atlas from the npm registry.
vendor:
	rm -rf .vendor && mkdir .vendor && cd .vendor && npm pack --silent @zazuko/yasgui@$(YASGUI_VERSION) && tar xzf *.tgz
	cp .vendor/package/build/yasgui.min.js .vendor/package/build/yasgui.min.css server/static/vendor/yasgui/
	mkdir .vendor/vis-timeline && cd .vendor/vis-timeline && npm pack --silent vis-timeline@$(VIS_TIMELINE_VERSION) && tar xzf *.tgz
	cd .vendor/vis-timeline/package && cp standalone/umd/vis-timeline-graph2d.min.js styles/vis-timeline-graph2d.min.css \
	  LICENSE.md LICENSE.MIT.txt LICENSE.Apache-2.0.txt $(CURDIR)/server/static/vendor/vis_timeline/
	mkdir .vendor/map && cd .vendor/map && npm pack --silent leaflet@$(LEAFLET_VERSION) topojson-client@$(TOPOJSON_VERSION) \
	  world-atlas@$(WORLD_ATLAS_VERSION) && for f in *.tgz; do mkdir $${f%-*} && tar xzf $$f -C $${f%-*}; done
	cd .vendor/map/leaflet/package && cp dist/leaflet.js dist/leaflet.css LICENSE $(CURDIR)/server/static/vendor/leaflet/ \
	  && cp dist/images/*.png $(CURDIR)/server/static/vendor/leaflet/images/
	cd .vendor/map/topojson-client/package && cp dist/topojson-client.min.js LICENSE $(CURDIR)/server/static/vendor/topojson/
	cd .vendor/map/world-atlas/package && cp countries-110m.json LICENSE $(CURDIR)/server/static/vendor/world_atlas/
	rm -rf .vendor
