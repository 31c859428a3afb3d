"""Load run against the demo under gunicorn: `make bench`.

Starts gunicorn with the environment it is given (the Makefile exports the
production settings; DATABASE_URL if set, SQLite in var/ otherwise), waits for
/healthz, lets wrk load a few typical addresses of the Mitte demo site for a
bounded time on 127.0.0.1 only, prints one line per address and stops
gunicorn again, also on errors and Ctrl-C.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOST = "mitte.localhost"
PAGES = [
    "/",
    "/imagefilm/",
    "/berufsfelder/",
    "/suche/?q=Verwaltung",
    "/suche/?art=berufsfeld&entgelt=gehoben",
    "/berufsfeld-finden/?arbeitsweise=draussen&einstieg=ausbildung&wichtig=arbeitsweise",
    "/api/v1/stellen",
]
CSS_PATTERN = re.compile(r'href="(/static/css/stellwerk(?:\.[0-9a-f]+)?\.css)"')

# wrk's own summary counts only 4xx/5xx as errors; this counts everything but
# 2xx and prints the figures as one JSON line that is easy to read back.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local non2xx_total = 0
  for _, thread in ipairs(threads) do non2xx_total = non2xx_total + thread:get("non2xx") end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"non2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    non2xx_total, errors.connect + errors.read + errors.write + errors.timeout))
end
"""


def get(port, path, timeout=10):
    """One request as a visitor of Mitte; redirects are not followed."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": HOST})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def port_in_use(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_health(server, port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn hat sich beendet (Code {server.returncode})")
        try:
            status, _ = get(port, "/healthz", timeout=2)
        except OSError:
            status = None
        if status == 200:
            return
        time.sleep(0.3)
    raise SystemExit(f"/healthz antwortet nach {timeout}s nicht mit 200")


def stylesheet_url(port):
    """The hashed URL of css/stellwerk.css, as the home page links it."""
    status, html = get(port, "/")
    match = CSS_PATTERN.search(html)
    if status != 200 or match is None:
        raise SystemExit(f"Startseite: Status {status}, kein Link auf css/stellwerk.css")
    return match.group(1)


def run_wrk(port, path, script, args):
    command = [
        "wrk",
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={args.duration}s",
        "--timeout=10s",
        f"--script={script}",
        f"--header=Host: {HOST}",
        f"http://127.0.0.1:{port}{path}",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=args.duration + 60
    )
    for line in result.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line.removeprefix("BENCH "))
    raise SystemExit(f"wrk lieferte kein Ergebnis für {path}:\n{result.stdout}{result.stderr}")


def milliseconds(microseconds):
    return f"{microseconds / 1000:.1f} ms"


@contextlib.contextmanager
def gunicorn(args, log):
    """gunicorn in its own session: Ctrl-C reaches only this script, which then stops it."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "campaign.project.wsgi",
            f"--bind=127.0.0.1:{args.port}",
            f"--workers={args.workers}",
            # Leaves the control socket to a gunicorn of `make serve` running beside.
            "--no-control-socket",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield server
    finally:
        # SIGTERM lets gunicorn finish its workers; kill only if it hangs.
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def measure(server, script, args):
    """Print one line per address; return whether any response was not 2xx."""
    wait_for_health(server, args.port)
    paths = [*PAGES, stylesheet_url(args.port)]
    for path in paths:
        status, _ = get(args.port, path)
        if status != 200:
            raise SystemExit(f"{path} antwortet mit {status} statt 200")

    database = os.environ.get("DATABASE_URL", "").split(":", 1)[0] or "sqlite"
    print(
        f"wrk: {args.threads} Threads, {args.connections} Verbindungen, "
        f"{args.duration}s je Adresse; gunicorn mit {args.workers} Workern, "
        f"Datenbank: {database}, Host: {HOST}\n"
    )
    width = max(len(path) for path in paths)
    print(f"{'Adresse':<{width}}  {'Anfr./s':>9}  {'p50':>9}  {'p99':>9}  {'nicht 2xx':>9}")
    failed = False
    for path in paths:
        result = run_wrk(args.port, path, script, args)
        rate = result["requests"] / (result["duration_us"] / 1_000_000)
        sockets = result["socket_errors"]
        failed = failed or result["non2xx"] > 0 or sockets > 0
        note = f"  ({sockets} Verbindungsfehler)" if sockets else ""
        print(
            f"{path:<{width}}  {rate:>9.1f}  {milliseconds(result['p50_us']):>9}  "
            f"{milliseconds(result['p99_us']):>9}  {result['non2xx']:>9}{note}",
            flush=True,
        )
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8077)
    parser.add_argument("--duration", type=int, default=10, help="Sekunden je Adresse")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        print("wrk fehlt. Installieren mit: apt-get install wrk", file=sys.stderr)
        return 2
    if port_in_use(args.port):
        print(f"Port {args.port} ist schon belegt; anderer Port: --port", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="stellwerk-bench-") as folder:
        script = Path(folder) / "count.lua"
        script.write_text(WRK_SCRIPT)
        log_path = Path(folder) / "gunicorn.log"
        try:
            with log_path.open("w") as log, gunicorn(args, log) as server:
                failed = measure(server, script, args)
        except KeyboardInterrupt:
            print("\nabgebrochen", file=sys.stderr)
            return 130
        except BaseException:
            tail = log_path.read_text(errors="replace").splitlines()[-30:]
            print("--- gunicorn-Protokoll (Ende) ---", *tail, sep="\n", file=sys.stderr)
            raise
    if failed:
        print("\nFehlerhafte Antworten unter Last – siehe Tabelle.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
