# One entry point per task. CI (.ci/run) runs `make lint` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
APP := $(VENV)/bin/gesi-app
PYTEST_WORKERS ?= 2

.PHONY: install packages compile run test fuzz lint messages bench audio clean vnu snapshot

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $@

install: $(VENV)/.installed

compile: install
	$(PY) scripts/messages.py compile

# The Debian packages the app uses: installed when root or `sudo -n` can, else the one apt-get
# line to run and what stays off until then (scripts/system_packages.py). Stops only when the
# app could not start (pango).
packages:
	python3 scripts/system_packages.py

run: packages compile
	$(APP) db upgrade
	$(APP) demo --if-empty
	@# Audio prompts: files already made are kept; without espeak-ng this step fails (make
	@# packages said so), the run goes on and the Listen controls stay hidden.
	-$(APP) audio build
	$(APP) serve --host 127.0.0.1 --port 8000

# The Nu Html Checker that the browser tests run over every page they visit (scripts/vnu_jar.py).
vnu: install
	$(PY) scripts/vnu_jar.py

test: compile vnu
	$(PY) -m pytest -n $(PYTEST_WORKERS) --cov=gesi_app --cov-branch --cov-report=term --cov-fail-under=80 --durations=30 $(PYTEST_ARGS)

# The property tests with many more examples a route, a new seed each run (make test runs few).
fuzz: compile
	GESI_FUZZ_PROFILE=fuzz $(PY) -m pytest tests/property $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check gesi_app tests bench scripts setup.py
	$(VENV)/bin/ruff format --check gesi_app tests bench scripts setup.py
	$(VENV)/bin/mypy --strict gesi_app
	$(VENV)/bin/lint-imports  # the floors: imports only go down (pyproject.toml)

messages: install
	$(PY) scripts/messages.py

# wrk (Debian), the HTTP benchmarks' load generator, installed when missing; then one table of
# every figure with its target (bench/all.py, recorded in docs/performance.md).
bench: compile
	python3 scripts/system_packages.py bench
	$(PY) bench/all.py
	$(PY) bench/page_weight.py
	$(PY) bench/audio_build.py
	$(PY) bench/event_loop_stalls.py

# Every rendered page of two commits, compared byte for byte (docs/refactoring.md):
# make snapshot BEFORE=<commit> AFTER=<commit>. Worktrees and captures go to .cache/snapshot.
SNAP := .cache/snapshot
snapshot: install
	@test -n "$(BEFORE)" && test -n "$(AFTER)" || { echo "usage: make snapshot BEFORE=<commit> AFTER=<commit>"; exit 2; }
	@for tree in $(SNAP)/before-tree $(SNAP)/after-tree; do \
		if [ -d $$tree ]; then git worktree remove --force $$tree; fi; done
	rm -rf $(SNAP) && git worktree prune && mkdir -p $(SNAP)
	git worktree add --detach $(SNAP)/before-tree $(BEFORE)
	git worktree add --detach $(SNAP)/after-tree $(AFTER)
	$(PY) scripts/page_snapshot.py capture $(SNAP)/before-tree $(SNAP)/before
	$(PY) scripts/page_snapshot.py capture $(SNAP)/after-tree $(SNAP)/after
	$(PY) scripts/page_snapshot.py compare $(SNAP)/before $(SNAP)/after

clean:
	rm -rf $(VENV) var .cache .pytest_cache .mypy_cache .ruff_cache
