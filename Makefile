# PartnerNet: `make run` installs what is missing, builds and opens the app on
# a demo database; `make test` runs every test. See README.md.

SHELL := /bin/bash
# One cargo target dir outside the clone, reused between clones and CI runs.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/partnernet/target
export PATH := $(HOME)/.cargo/bin:$(PATH)
FEATURES := --features partnernet-app/custom-protocol
APP := $(CARGO_TARGET_DIR)/debug/partnernet-app
CLI := $(CARGO_TARGET_DIR)/debug/partnernet
DEMO_DIR ?= $(HOME)/.local/share/partnernet-demo

.PHONY: run test deps ui build demo lint test-core test-ui e2e bench bench-ui icons bindings deb deb-test fuzz fuzz-smoke fuzz-stats crash

run: deps build
	@# A demo folder from a version without events is kept aside and made anew.
	@if [ -f "$(DEMO_DIR)/partnernet.sqlite3" ] && \
	  listed=$$("$(CLI)" --data-dir "$(DEMO_DIR)" events list --from 01.01.2000 --to 31.12.2100) && [ -z "$$listed" ]; then \
	  mv "$(DEMO_DIR)" "$(DEMO_DIR).old-$$(date +%Y%m%d%H%M%S)"; fi
	@if [ ! -f "$(DEMO_DIR)/partnernet.sqlite3" ]; then "$(CLI)" --data-dir "$(DEMO_DIR)" demo; fi
	"$(APP)" --data-dir "$(DEMO_DIR)"

test: deps build lint test-core fuzz-smoke test-ui e2e deb-test

deps:
	@scripts/install-deps.sh

ui:
	cd ui && npm run build

# The app and the CLI, in the same profile and features as the tests, so
# everything is compiled once.
build: ui
	cargo build --workspace $(FEATURES)

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets $(FEATURES) -- -D warnings

test-core:
	cargo test --workspace $(FEATURES)

test-ui:
	cd ui && npm run check && npm test

e2e: build
	scripts/e2e.sh "$(APP)"

# The crash test (tests/crash.rs) with more kills: the CLI killed with
# SIGKILL at random moments; `make test` runs 50 trials. The seed is
# printed, CRASH_SEED=… repeats a run.
CRASH_TRIALS ?= 500
crash:
	CRASH_TRIALS=$(CRASH_TRIALS) cargo test -p partnernet --test crash -- --nocapture

# Coverage-guided fuzzing of the readers (fuzz/README.md): cargo-fuzz on
# stable Rust, FUZZ_SECONDS per target one after another; the smoke run in
# `make test` gives each of the six targets 10 s.
FUZZ_SECONDS ?= 3600
fuzz: deps
	fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke: deps
	fuzz/run.sh 10

# The executions of every fuzz run so far, per target.
fuzz-stats:
	fuzz/stats.sh

bench:
	scripts/bench_documents.sh
	cargo run --release -q -p partnernet --bin bench_events
	cargo run --release -q -p partnernet --bin bench_network
	cargo run --release -q -p partnernet --bin bench_search
	cargo run --release -q -p partnernet --bin bench_lists
	cargo run --release -q -p partnernet --bin bench_imports
	cargo run --release -q -p partnernet --bin bench_backups

# The window at scale (issue 13 §3, not in `make test`): the release app
# under Xvfb on 10 000 partners and 20 000 events of this school year
# (bench_ui_data, made once a day), every section and switch timed in the
# page; the table goes to the terminal and build/e2e/bench-ui.txt.
BENCH_UI_DB = build/bench-ui/$(shell date +%F)/partnernet.sqlite3
bench-ui: deps ui
	cargo build --release -p partnernet -p partnernet-app --bin bench_ui_data --bin partnernet-app $(FEATURES)
	@if [ ! -f "$(BENCH_UI_DB)" ]; then rm -rf build/bench-ui; \
	  "$(CARGO_TARGET_DIR)/release/bench_ui_data" "$(dir $(BENCH_UI_DB))"; fi
	BENCH_UI_DB="$(CURDIR)/$(BENCH_UI_DB)" E2E_TESTS=e2e/bench/ui_scale.bench.mjs E2E_TEST_TIMEOUT_MS=900000 \
	  scripts/e2e.sh "$(CARGO_TARGET_DIR)/release/partnernet-app"

bindings:
	UPDATE_BINDINGS=1 cargo test --test bindings

icons:
	cd ui && npx tauri icon ../icons/source.png -o ../build/icons
	cd build/icons && cp 32x32.png 64x64.png 128x128.png 128x128@2x.png icon.icns icon.ico icon.png ../../icons/

# The .deb: the release app and CLI in one cargo build, then `tauri bundle`
# with packaging/tauri.deb.json merged in (package `partnernet`, Russian menu
# entry, the CLI as /usr/bin/partnernet). See packaging/README.md.
deb: deps ui
	cargo build --release -p partnernet -p partnernet-app --bin partnernet --bin partnernet-app $(FEATURES)
	install -D -m 755 "$(CARGO_TARGET_DIR)/release/partnernet" build/deb/partnernet
	rm -rf "$(CARGO_TARGET_DIR)/release/bundle/deb"
	cd ui && TAURI_APP_PATH=../src-tauri npx tauri bundle --bundles deb --config ../packaging/tauri.deb.json
	@ls -l "$(CARGO_TARGET_DIR)"/release/bundle/deb/*.deb

# The same package from the debug build: installed, run, removed (root or sudo).
deb-test: build
	scripts/deb-test.sh
