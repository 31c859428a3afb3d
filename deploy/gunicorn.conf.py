"""gunicorn for Stellwerk, always behind the buffering proxy of deploy/nginx.conf.

Sync workers serve one request at a time and read it straight from the
socket: a client that sends its headers or body one byte a second holds a
worker until `timeout`, and a handful of them stall the whole site. The proxy
reads each request whole before it passes it on and takes each response at
once, so the workers only ever talk to it (README, "Betrieb").

`make serve` uses this file; a deployment passes it with `--config` and sets
the address with `--bind` or GUNICORN_BIND.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual 2 × cores + 1: workers wait on the database as much as they compute.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer is a fault (the calendar PDF, the slowest work,
# is rendered by the task worker): the worker is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Restarted now and then, so that no worker grows without bound.
# The app is imported once in the master, so a worker that is replaced (after
# max_requests, or killed) is a fork serving in milliseconds, not a second of
# imports; from the page cache a worker answers a thousand requests a second.
preload_app = True
max_requests = 20_000
max_requests_jitter = 2_000

# Requests larger than the proxy lets through are refused here too: the
# request line and each header at most 8 KB (nginx's large_client_header_buffers),
# at most 100 headers.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# X-Forwarded-Proto is believed only from the proxy on the same host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None  # the proxy logs the requests
errorlog = "-"
