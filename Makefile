# Shortcuts for developers. The README's two quick-start commands are the scripts themselves.
.PHONY: run test app package measure rehearsal licences bench bench-startup bench-search crash-test bindings screenshots fmt lint

run:            ## Install what is missing, build and open the app
	scripts/run-app.sh

test:           ## Install what is missing and run every test (what CI runs)
	scripts/test-all.sh

app:            ## Build the release app, target/app/eftertanke-app, with the UI embedded
	scripts/build-app.sh

package:        ## The release app packaged as .deb and .rpm, then checked (contents, dependencies, first screen)
	scripts/build-app.sh --bundle
	scripts/check-package.sh

measure:        ## The release binary's size and the running app's memory (PSS, all processes)
	scripts/build-app.sh
	scripts/measure-release.sh

rehearsal:      ## CI from a clean clone with empty caches (a newcomer's machine), then again warm
	scripts/ci-fresh.sh
	scripts/ci-fresh.sh --warm

licences:       ## Regenerate assets/licences.json (the shipped components' licences)
	node scripts/licences.mjs

bench:          ## Durable save, the timeline and search at 100,000 entries: core vs raw rusqlite and FTS5
	cargo bench -p eftertanke-core --bench durable_save
	cargo bench -p eftertanke-core --bench timeline
	cargo bench -p eftertanke-core --bench encryption
	cargo bench -p eftertanke-core --bench search
	cargo bench -p eftertanke-core --bench index_writes

bench-startup:  ## The real app: launch to first journal and timeline page, 0 vs 100,000 entries
	scripts/build-app.sh
	cargo build -p eftertanke-cli
	scripts/with-xvfb.sh bash -c 'cd tests/e2e && node bench-startup.mjs'

bench-search:   ## The real app: typing to results in the search field, 200 vs 100,000 entries
	scripts/build-app.sh
	cargo build -p eftertanke-cli
	scripts/with-xvfb.sh bash -c 'cd tests/e2e && node bench-search.mjs'

crash-test:     ## SIGKILL a saving process 500 times; every reported save must survive, file intact
	cargo run -p eftertanke-core --example crash_test --locked -- --kills $${KILLS:-500}

bindings:       ## Regenerate the committed TypeScript bindings from the Rust types
	UPDATE_BINDINGS=1 cargo test -p eftertanke-app --test shell bindings

screenshots:    ## Screens in Danish and English into screenshots/
	scripts/build-app.sh
	cargo build -p eftertanke-cli
	scripts/with-xvfb.sh bash -c 'cd tests/e2e && npm run screenshots --silent'

fmt:
	cargo fmt --all

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check
