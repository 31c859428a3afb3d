# Stellwerk: `make run` and `make test` are the two commands a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
VENDOR := static/vendor

.PHONY: run test serve cluster bench backup restore install lock static migrate demo lint format messages interface-languages check-deploy clean

run demo: export WAGTAILADMIN_BASE_URL ?= http://localhost:$(PORT)
run: install static interface-languages migrate demo  ## set up everything, load the demo, serve on :$(PORT)
	@echo "Stellwerk läuft auf http://localhost:$(PORT)/ (Admin: /admin/)"
	@echo "Demo-Sites: http://mitte.localhost:$(PORT)/  http://zukunftsorte.localhost:$(PORT)/  http://jobcenter-essen.localhost:$(PORT)/  http://duesseldorf.localhost:$(PORT)/"
	$(MANAGE) run_worker & worker=$$!; trap 'kill $$worker' EXIT; $(MANAGE) runserver $(PORT)

test: install static  ## ruff, Django's own checks and the whole pytest suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) --no-print-directory messages
	DJANGO_SETTINGS_MODULE=campaign.project.settings.test $(MANAGE) makemigrations --check --dry-run
	$(MAKE) --no-print-directory check-deploy
	$(BIN)/pytest $(PYTEST_ARGS)
	@# The fuzz test once more on SQLite, the embedded default, whose full-text search has a syntax of its own.
	if [ -n "$$DATABASE_URL" ] && [ -z "$(PYTEST_ARGS)" ]; then env -u DATABASE_URL $(BIN)/pytest tests/test_fuzz.py; fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock
	$(BIN)/pip install --quiet --requirement requirements.lock
	touch $@

lock:  ## re-resolve pyproject.toml's ranges into requirements.lock
	rm -rf var/lock-venv && $(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet --upgrade pip
	var/lock-venv/bin/pip install --quiet ".[test]"
	var/lock-venv/bin/pip freeze --exclude stellwerk > requirements.lock

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.package-lock.json

# KERN's stylesheet reduced to the components our templates and code name, with ours in the same file, and
# Fira Sans subset to the faces and characters our pages use (campaign/sites/front_end.py).
static: $(VENDOR)/kern/stellwerk.min.css  ## build KERN and its fonts (and copy axe for tests) into static/vendor
	mkdir -p $(VENDOR)/axe
	cp node_modules/axe-core/axe.min.js $(VENDOR)/axe/

# Rebuilt when KERN, a template, a Python module or a script of ours changes.
$(VENDOR)/kern/stellwerk.min.css: node_modules/.package-lock.json campaign/sites/front_end.py \
		$(shell find templates campaign careers media_library static/css static/media_library \
		  -name '*.html' -o -name '*.py' -o -name '*.js' -o -name '*.css' 2>/dev/null)
	$(MANAGE) build_assets

migrate: install
	mkdir -p var
	$(MANAGE) migrate --noinput

demo: migrate  ## load the four demo employers (idempotent) and an admin login
	$(MANAGE) load_demo --port $(PORT)

messages: install  ## compile the German/English message catalogues
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

# For `make run`: the English pages' interface needs the compiled catalogue;
# without gettext the site still runs, its interface in German throughout.
interface-languages: install
	@if command -v msgfmt >/dev/null; then $(MAKE) --no-print-directory messages; \
	else echo "Hinweis: msgfmt fehlt (apt-get install gettext): die Oberfläche bleibt auch auf englischen Seiten deutsch."; fi

# A throwaway key for the applications' files, as the README shows how to make one.
APPLICATION_KEY := $(BIN)/python -c "import secrets,base64;print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())"

# The checks never connect to the cache production requires.
check-deploy: install static  ## production settings: deploy checks and collectstatic
	SECRET_KEY=check-only-$$RANDOM$$RANDOM$$RANDOM$$RANDOM$$RANDOM-not-used-anywhere-else ALLOWED_HOSTS=stellwerk.example \
	  REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	  APPLICATION_FILES_KEY=$$($(APPLICATION_KEY)) \
	  STATIC_ROOT=var/check-static DJANGO_SETTINGS_MODULE=campaign.project.settings.production \
	  bash -c '$(MANAGE) check --deploy --fail-level WARNING && $(MANAGE) collectstatic --noinput -v 0'

# Production settings on plain HTTP for a look on this machine; a real
# deployment sets its own SECRET_KEY and ALLOWED_HOSTS and terminates TLS.
# The applications' file key likewise: stable per machine and user, so files
# stored in one `make serve` still open in the next.
SERVE_ENV := DJANGO_SETTINGS_MODULE=campaign.project.settings.production SERVE_IMAGES=1 SECURE_SSL_REDIRECT=0 \
	SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-for-production-use-$$(id -u)} \
	APPLICATION_FILES_KEY=$${APPLICATION_FILES_KEY:-$$(printf 'local-serve-%s-%s' "$$(hostname)" "$$(id -u)" | sha256sum | head -c 32 | base64 -w0 | tr '+/' '-_')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-localhost,.localhost,127.0.0.1}

# Production settings require the cache all workers share: without a REDIS_URL
# of yours, serve and bench run a redis-server of their own (Debian package
# redis-server) on a socket in var/, without persistence, stopped with them.
# A command may start a process of its own in the background and name it in
# $$companion: it is stopped on exit too.
define with_redis
trap 'kill $$companion 2>/dev/null; if [ -f "$(CURDIR)/var/redis.pid" ]; then kill $$(cat "$(CURDIR)/var/redis.pid"); fi' EXIT; \
if [ -n "$$REDIS_URL" ]; then rm -f "$(CURDIR)/var/redis.pid"; $(1); exit; fi; \
command -v redis-server >/dev/null || { echo "REDIS_URL fehlt, und redis-server ist nicht installiert (apt-get install redis-server)." >&2; exit 1; }; \
mkdir -p var; redis-server --port 0 --unixsocket "$(CURDIR)/var/redis.sock" --unixsocketperm 700 \
  --save '' --appendonly no --daemonize yes --pidfile "$(CURDIR)/var/redis.pid" --logfile "$(CURDIR)/var/redis.log"; \
export REDIS_URL="unix://$(CURDIR)/var/redis.sock?db=0"; $(1)
endef

# The task worker runs beside gunicorn and ends with it.
serve: install static migrate  ## gunicorn and the task worker with production settings on 127.0.0.1:$(PORT)
	@$(call with_redis,$(SERVE_ENV) $(MANAGE) collectstatic --noinput -v 0 && \
	  { $(SERVE_ENV) $(MANAGE) run_worker & companion=$$!; \
	  $(SERVE_ENV) WEB_CONCURRENCY=$${WEB_CONCURRENCY:-2} $(BIN)/gunicorn campaign.project.wsgi --config deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT) --no-control-socket; })

backup: install  ## database, media and applicants' files into var/backups/stellwerk-<time>.tar
	$(MANAGE) backup

restore: install  ## make restore ARCHIVE=var/backups/stellwerk-….tar, into an empty database and folders
	@test -n "$(ARCHIVE)" || { echo "Bitte angeben: make restore ARCHIVE=var/backups/stellwerk-….tar"; exit 2; }
	$(MANAGE) restore "$(ARCHIVE)"

# PostgreSQL, Redis, S3 (moto), two gunicorns, the worker and Varnish on loopback,
# as on machines of their own (deploy/cluster.py); Ctrl-C stops them all.
cluster: install static  ## the several-machines setup on this machine: the proxy on :$(PORT), demo loaded
	$(BIN)/python deploy/cluster.py --port $(PORT)

BENCH_PORT ?= 8077
bench: install static migrate  ## load run (wrk) against the demo under gunicorn, production settings; GROWTH=1 also at a large installation's size
	$(MANAGE) load_demo --port $(BENCH_PORT) --no-admin
	@$(call with_redis,$(SERVE_ENV) $(MANAGE) collectstatic --noinput -v 0 && \
	  $(SERVE_ENV) $(BIN)/python .ci/bench.py --port $(BENCH_PORT) $(if $(GROWTH),--growth) $(BENCH_ARGS))

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var
