# Shortcuts for developers. The README's two quick-start commands are the scripts themselves.
.PHONY: run test app bench bench-startup crash-test bindings screenshots fmt lint

run:            ## Install what is missing, build and open the app
	scripts/run-app.sh

test:           ## Install what is missing and run every test (what CI runs)
	scripts/test-all.sh

app:            ## Build target/app/eftertanke-app with the UI embedded
	scripts/build-app.sh

bench:          ## Durable save and the timeline at 100,000 entries: core vs raw rusqlite
	cargo bench -p eftertanke-core --bench durable_save
	cargo bench -p eftertanke-core --bench timeline
	cargo bench -p eftertanke-core --bench encryption

bench-startup:  ## The real app: launch to first journal and timeline page, 0 vs 100,000 entries
	scripts/build-app.sh
	cargo build -p eftertanke-cli
	scripts/with-xvfb.sh bash -c 'cd tests/e2e && node bench-startup.mjs'

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
