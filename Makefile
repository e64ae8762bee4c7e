# Wattprint: `make run` starts the app, `make test` runs the whole suite. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := extension/node_modules/.installed
ARTIFACTS := test-artifacts

# Debian packages: what the app needs to draw a window, and what the tests need on top (browsers, a virtual display,
# Chinese fonts, certificate tools, desktop-file and AppStream validators, Node.js for the extension).
RUN_DEBS := libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 \
	libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libxcb-shm0 fonts-noto-cjk
TEST_DEBS := $(RUN_DEBS) chromium firefox-esr xvfb libnss3-tools openssl desktop-file-utils appstream binutils \
	poppler-utils

# The extension's sources: the built extension (extension/dist) is remade when one changes. The build needs Node.js
# only, no npm packages.
EXTENSION_SOURCES := $(shell find extension -path extension/node_modules -prune -o -path extension/dist -prune \
	-o -path extension/tests -prune -o -type f -print 2>/dev/null)
EXTENSION_BUILT := extension/dist/.built

.PHONY: run test bench lint typecheck pytest extension-test extension venv debs-run debs-test npm clean

run: venv debs-run extension
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "No display found. Run it on a desktop session, or: QT_QPA_PLATFORM=offscreen make run"; exit 1; fi
	@echo "The browser extension is built in $(CURDIR)/extension/dist (chromium/, firefox/, .zip, .xpi)."
	@echo "Next, in the app's Get started tab: load it into your browser, then click 'Connect the browsers'."
	$(VENV)/bin/wattprint

# extension/dist/{chromium,firefox} unpacked and packed (.zip, .xpi), as the wheel, the sdist and the bundle carry them.
extension: $(EXTENSION_BUILT)

$(EXTENSION_BUILT): $(EXTENSION_SOURCES)
	@command -v node >/dev/null || $(MAKE) --no-print-directory _apt DEBS=nodejs
	cd extension && node scripts/build.mjs >/dev/null && node scripts/package.mjs >/dev/null
	@touch $@

test: venv debs-test npm
	@mkdir -p $(ARTIFACTS)
	$(VENV)/bin/ruff check core desktop tests bench packaging
	$(VENV)/bin/mypy
	npm --prefix extension run --silent lint
	npm --prefix extension run --silent build
	npm --prefix extension run --silent lint:firefox
	npm --prefix extension test
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -ra

bench: venv debs-test npm
	$(PY) -m bench

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Wattprint needs Python 3.11 or newer")'
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || $(MAKE) --no-print-directory _apt DEBS=python3-venv
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

debs-run:
	@$(MAKE) --no-print-directory _apt DEBS="$(RUN_DEBS)"

debs-test:
	@$(MAKE) --no-print-directory _apt DEBS="$(TEST_DEBS) $$(command -v npm >/dev/null || echo nodejs npm)"

# Installs the Debian packages in DEBS that are missing: with apt when root, otherwise prints the exact command.
_apt:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Missing Debian packages. Run:  sudo apt-get install -y $$missing"; exit 1; \
		fi; \
	fi

npm: $(NPM_STAMP)

$(NPM_STAMP): extension/package.json extension/package-lock.json
	npm --prefix extension ci --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf $(VENV) extension/node_modules extension/dist $(ARTIFACTS) build dist *.egg-info
