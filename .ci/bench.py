"""Load run against the demo under gunicorn: `make bench`, `make bench GROWTH=1`.

Starts gunicorn with the environment it is given (the Makefile exports the
production settings; DATABASE_URL if set, SQLite in var/ otherwise) and lets
wrk load typical addresses of the demo sites, on 127.0.0.1 only and for a
bounded time each:

- the page list (with every part the sitemap index lists) with the page
  cache for anonymous visitors, warmed first, and once more
  without it (STELLWERK_PAGE_CACHE=off); every figure also as a share of the
  static stylesheet's throughput in the same run, and without the cache one
  visitor's answer time and the gunicorn workers' CPU time per request;
- a spike: many visitors at once on the Mitte home page, with the cache;
- the Mitte home page from the cache of varnishd (deploy/varnish/stellwerk.vcl)
  in front of the same gunicorn, as a share of the static stylesheet's rate;
- with --growth: a copy of the database grown by `manage.py grow_demo` and
  the page list once more without the cache, each page's answer time against
  its demo-size time.

Prints the tables and writes the same figures to var/bench.json. gunicorn
stops after each run, also on errors and Ctrl-C; the grown copy is removed.
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
MITTE = "mitte.localhost"
ZUKUNFTSORTE = "zukunftsorte.localhost"
DIRECTORY = "localhost"  # the installation's default site: every employer
LAST_API_PAGE = "(letzte Seite)"  # resolved per run: the number grows with the data


@dataclass(frozen=True)
class Address:
    label: str
    host: str
    path: str
    cpu_target_ms: float | None = None  # the limit without the cache
    answer_target_ms: float | None = None  # the limit for one request at grown size


PAGES = [
    Address("Startseite", MITTE, "/"),
    Address("Kampagne (Imagefilm)", MITTE, "/imagefilm/"),
    Address("Berufsfelder", MITTE, "/berufsfelder/"),
    # The grown copy gives each of Mitte's job fields about 1,250 postings.
    Address("Berufsfeld", MITTE, "/berufsfelder/wohngeld/"),
    Address("Stellenangebote", MITTE, "/stellenangebote/"),
    Address("Stellenangebot", MITTE, "/stellenangebote/sachbearbeiterin-wohngeld/"),
    Address("Suche: Volltext", MITTE, "/suche/?q=Verwaltung", cpu_target_ms=30),
    Address("Suche: Filter", MITTE, "/suche/?art=berufsfeld&entgelt=gehoben", cpu_target_ms=30),
    Address(
        "Berufsfeld-Finder",
        MITTE,
        "/berufsfeld-finden/?arbeitsweise=draussen&einstieg=ausbildung&wichtig=arbeitsweise",
    ),
    Address("Pressemitteilung", MITTE, "/presse/imagefilm-online/"),
    Address("API: Stellen", MITTE, "/api/v1/stellen"),
    Address("API: alle, letzte Seite", DIRECTORY, LAST_API_PAGE),
    Address("Verzeichnis", DIRECTORY, "/"),
    Address("Verzeichnis: Suche", DIRECTORY, "/suche/?q=Verwaltung", cpu_target_ms=30),
    Address(
        "Standort (Zukunftsorte)", "zukunftsorte.localhost", "/zukunftsorte/weinberg-campus-halle/"
    ),
    Address("Veranstaltungen (Ddorf)", "duesseldorf.localhost", "/veranstaltungen/"),
    Address("Sitemap", MITTE, "/sitemap.xml", answer_target_ms=1000),
]
SPIKE_PAGE = PAGES[0]
GROWTH_RATIO_LIMIT = 1.5  # a page's answer time at grown size against demo size
SITEMAP_PART_LIMIT_MS = 1000
SLOW_US = 2_000_000  # the spike's limit: nobody waits longer
PAGE_CACHE_HEADER = "X-Page-Cache"  # hit or miss, from the page cache for anonymous visitors
SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# wrk's own summary counts only 4xx/5xx as errors; this counts everything but
# 2xx, and the answers slower than SLOW_US: wrk hands the script only
# percentiles, so a binary search finds the rank of the last fast answer
# (percentile(100 * (k - 0.25) / n) is the k-th smallest of n). Requests
# still waiting when the run ends are in no figure of wrk's.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
local function slower_than(latency, total, limit)
  if total <= 0 or latency.max <= limit then return 0 end
  local low, high = 0, total
  while low < high do
    local middle = math.ceil((low + high) / 2)
    if latency:percentile(100 * (middle - 0.25) / total) <= limit then
      low = middle
    else
      high = middle - 1
    end
  end
  return total - low
end
function done(summary, latency, requests)
  local non2xx_total = 0
  for _, thread in ipairs(threads) do non2xx_total = non2xx_total + thread:get("non2xx") end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "non2xx": %d, "socket_errors": %d, "timeouts": %d, "slow": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, non2xx_total, errors.connect + errors.read + errors.write + errors.timeout,
    errors.timeout, slower_than(latency, summary.requests, SLOW_US) + errors.timeout))
end
""".replace("SLOW_US", str(SLOW_US))


# --- talking to gunicorn -------------------------------------------------------------


def get(port, host, path, timeout=60):
    """One request as a visitor of `host`; redirects are not followed."""
    status, body, _ = request(port, host, path, timeout)
    return status, body


def request(port, host, path, timeout=60):
    """Status, body and headers of one request as a visitor of `host`."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": host})
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        return response.status, body, response.headers
    finally:
        conn.close()


def warm(port, address, tries=3):
    """Ask until the page cache answers from its store; what it said last.

    The cache learns on the first request which query parameters a view reads
    and keeps an address with parameters only from the second on, so one
    request is not always enough. None: no page cache answered.
    """
    state = None
    for _ in range(tries):
        _, _, headers = request(port, address.host, address.path)
        state = headers.get(PAGE_CACHE_HEADER)
        if state != "miss":
            break
    return state


def answer_ms(port, address, tries=(3, 9), budget_seconds=2):
    """How long one visitor waits for the page while nobody else asks.

    The shortest of a few tries (at least 3, more while the page is quick):
    what other processes on the machine take away only ever adds, so the
    minimum is the figure that repeats best.
    """
    fewest, most = tries
    durations = []
    started = time.perf_counter()
    while len(durations) < most:
        start = time.perf_counter()
        get(port, address.host, address.path)
        durations.append((time.perf_counter() - start) * 1000)
        if len(durations) >= fewest and time.perf_counter() - started > budget_seconds:
            break
    return min(durations)


def port_in_use(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_health(server, port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn hat sich beendet (Code {server.returncode})")
        try:
            status, _ = get(port, MITTE, "/healthz", timeout=2)
        except OSError:
            status = None
        if status == 200:
            return
        time.sleep(0.3)
    raise SystemExit(f"/healthz antwortet nach {timeout}s nicht mit 200")


@contextlib.contextmanager
def gunicorn(args, log, **environment):
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
        env={**os.environ, **environment},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_health(server, args.port)
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


def _stat_fields(pid):
    """/proc/PID/stat after the process name, which may itself hold spaces."""
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rpartition(")")[2].split()


def cpu_seconds(master):
    """CPU time gunicorn's workers used so far.

    The live workers' own time and, for workers that already ended, what the
    master collected from them (cutime, cstime); the master's own bookkeeping
    is left out. Field numbers as in proc(5), counted from the state (3).
    """
    ticks = sum(int(field) for field in _stat_fields(master)[13:15])
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            fields = _stat_fields(entry.name)
            if int(fields[1]) == master:
                ticks += int(fields[11]) + int(fields[12])
    return ticks / CLOCK_TICKS


def run_wrk(args, script, address, *, connections=None, duration=None, port=None):
    connections = connections or args.connections
    duration = duration or args.duration
    command = [
        "wrk",
        f"--threads={min(args.threads, connections)}",
        f"--connections={connections}",
        f"--duration={duration}s",
        # Longer than the run: every answer that comes is counted, none dropped as
        # a timeout, however slow (the spike counts those over SLOW_US).
        f"--timeout={duration + 10}s",
        f"--script={script}",
        f"--header=Host: {address.host}",
        f"http://127.0.0.1:{port or args.port}{address.path}",
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=duration + 60
    )
    for line in result.stdout.splitlines():
        if line.startswith("BENCH "):
            figures = json.loads(line.removeprefix("BENCH "))
            figures["rate"] = figures["requests"] / (figures["duration_us"] / 1_000_000)
            if not figures["requests"]:  # no answer within the run: no latency either
                figures.update(p50_us=None, p99_us=None, max_us=None)
            return figures
    raise SystemExit(
        f"wrk lieferte kein Ergebnis für {address.path}:\n{result.stdout}{result.stderr}"
    )


# --- the addresses of one run ----------------------------------------------------------


def addresses(port):
    """The page list as this database has it, the stylesheet last.

    Every address must answer 200; the API's last page and the sitemap's
    parts are read from the site itself.
    """
    resolved = []
    for address in PAGES:
        if address.path == LAST_API_PAGE:
            address = replace(address, path=last_api_page(port, address.host))
        resolved.append(address)
        if address.path == "/sitemap.xml":
            resolved.extend(sitemap_parts(port, address))
    for address in resolved:
        status, _ = get(port, address.host, address.path)
        if status != 200:
            raise SystemExit(f"{address.host}{address.path} antwortet mit {status} statt 200")
    return [*resolved, Address("Stylesheet (statisch)", MITTE, stylesheet_url(port))]


def last_api_page(port, host):
    status, body = get(port, host, "/api/v1/stellen")
    if status != 200:
        raise SystemExit(f"{host}/api/v1/stellen antwortet mit {status} statt 200")
    return f"/api/v1/stellen?seite={json.loads(body)['pages']}"


def sitemap_parts(port, sitemap):
    """The parts a sitemap index lists; none while /sitemap.xml is one list of pages."""
    status, body = get(port, sitemap.host, sitemap.path)
    if status != 200:
        raise SystemExit(f"{sitemap.host}{sitemap.path} antwortet mit {status} statt 200")
    root = ElementTree.fromstring(body)
    if root.tag != f"{SITEMAP_NAMESPACE}sitemapindex":
        return []
    parts = []
    for location in root.iter(f"{SITEMAP_NAMESPACE}loc"):
        url = urlsplit(location.text.strip())
        path = f"{url.path}?{url.query}" if url.query else url.path
        parts.append(
            Address(
                f"Sitemap: {path.lstrip('/')}",
                url.hostname or sitemap.host,
                path,
                answer_target_ms=SITEMAP_PART_LIMIT_MS,
            )
        )
    return parts


def stylesheet_url(port):
    """The hashed URL of css/stellwerk.css (18 KB, the size of the stylesheet the
    issue's first figures compare with), from collectstatic's manifest: pages
    link it inside the bundle of front_end.py now, which is five times larger."""
    static_root = Path(os.environ.get("STATIC_ROOT", ROOT / "var" / "static"))
    manifest = json.loads((static_root / "staticfiles.json").read_text(encoding="utf-8"))
    url = f"/static/{manifest['paths']['css/stellwerk.css']}"
    status, _body = get(port, MITTE, url)
    if status != 200:
        raise SystemExit(f"{url}: Status {status}")
    return url


def through_proxy(args, script, static_rate):
    """The cached home page through varnishd with deploy/varnish/stellwerk.vcl in
    front of this gunicorn (both backends on it), as a share of the static
    stylesheet's rate straight from gunicorn in the same run."""
    sys.path.insert(0, str(ROOT))
    from deploy.cluster import Proxy, free_port, varnishd

    if varnishd() is None:
        print("varnishd fehlt (apt-get install varnish): kein Lauf durch den Proxy")
        return None
    with tempfile.TemporaryDirectory(prefix="stellwerk-bench-proxy-") as folder:
        proxy = Proxy(folder, [args.port, args.port], free_port())
        try:
            proxy.wait_until_healthy()
            for _ in range(2):  # the second from the proxy's cache
                _, _, headers = request(proxy.port, SPIKE_PAGE.host, SPIKE_PAGE.path)
            row = {"label": f"{SPIKE_PAGE.label} durch Varnish", "cache": headers.get("X-Cache")}
            row.update(run_wrk(args, script, SPIKE_PAGE, port=proxy.port))
        finally:
            proxy.stop()
    row["static_share"] = row["rate"] / static_rate if static_rate else 0
    return row


def measure(server, args, script, paths, *, cached=False):
    """wrk on each address in turn and the workers' CPU time.

    With the cache: each address warmed first, and whether the cache then
    answers it. Without: also how long one visitor waits.
    """
    rows = []
    for address in paths:
        row = {
            "label": address.label,
            "host": address.host,
            "path": address.path,
            "cpu_target_ms": address.cpu_target_ms,
            "answer_target_ms": address.answer_target_ms,
        }
        if cached:
            row["page_cache"] = warm(args.port, address)
        else:
            row["answer_ms"] = answer_ms(args.port, address)
        before = cpu_seconds(server.pid)
        row.update(run_wrk(args, script, address))
        used_ms = (cpu_seconds(server.pid) - before) * 1000
        row["cpu_ms"] = used_ms / row["requests"] if row["requests"] else None
        rows.append(row)
        print(".", end="", flush=True)
    print()
    static_rate = rows[-1]["rate"]
    for row in rows:
        row["static_share"] = row["rate"] / static_rate if static_rate else 0
    return rows


# --- the grown copy ----------------------------------------------------------------------


@contextlib.contextmanager
def grown_database(args, log):
    """A copy of the database, grown by `manage.py grow_demo`; its DATABASE_URL."""
    url = os.environ.get("DATABASE_URL", "")
    scheme = url.split(":", 1)[0]
    if scheme in {"postgres", "postgresql"}:
        copy = postgres_copy(url)
    elif scheme in {"", "sqlite"}:
        copy = sqlite_copy(url)
    else:
        raise SystemExit(f"Der Wachstumslauf kennt nur SQLite und PostgreSQL, nicht {scheme}.")
    with copy as copy_url:
        command = [
            sys.executable,
            "manage.py",
            "grow_demo",
            f"--site={MITTE}",
            f"--postings={args.growth_postings}",
            f"--employers={args.growth_employers}",
            f"--per-employer={args.growth_per_employer}",
        ]
        started = time.monotonic()
        grown = subprocess.run(
            command,
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": copy_url},
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
        if grown.returncode != 0:
            raise SystemExit(f"grow_demo ist gescheitert (Code {grown.returncode})")
        print(f"gewachsen in {time.monotonic() - started:.0f} s")
        try:
            yield copy_url
        finally:
            forget_grown_sites()


def forget_grown_sites():
    """Wagtail keeps the list of sites in the shared cache: the copy's must not outlive it."""
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--command=from wagtail.models import Site; Site.clear_site_root_paths_cache()",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        check=False,
    )


@contextlib.contextmanager
def sqlite_copy(url):
    source = Path(urlsplit(url).path[1:]) if url else default_sqlite()
    if not source.is_file():
        raise SystemExit(f"Die SQLite-Datenbank {source} fehlt.")
    target = source.with_name("bench-wachstum.sqlite3")
    # SQLite's own backup: a consistent copy, also of what is still in the WAL.
    original = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    with contextlib.closing(original), contextlib.closing(copy):
        original.backup(copy)
    try:
        yield f"sqlite:///{target.resolve()}"
    finally:
        for suffix in ("", "-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)


def default_sqlite():
    """Where the settings put SQLite without a DATABASE_URL."""
    return Path(os.environ.get("STELLWERK_VAR_DIR", ROOT / "var")) / "stellwerk.sqlite3"


@contextlib.contextmanager
def postgres_copy(url):
    """A second database made from the first as its template, dropped afterwards."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    copy_name = f"{name}_bench_wachstum"
    # The template must have no other session, this one included: talk to `postgres`.
    maintenance = parts._replace(path="/postgres").geturl()
    copy_url = parts._replace(path=f"/{copy_name}").geturl()
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(copy_name))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(drop)
        try:
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(copy_name), sql.Identifier(name)
                )
            )
        except psycopg.errors.ObjectInUse as error:
            raise SystemExit(
                f"Die Datenbank {name} lässt sich nicht kopieren, solange andere mit ihr "
                "verbunden sind (make serve, run_worker?)."
            ) from error
    try:
        yield copy_url
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(drop)


# --- output ------------------------------------------------------------------------------


def as_time(milliseconds):
    if milliseconds is None:
        return "–"
    if milliseconds >= 1000:
        return f"{milliseconds / 1000:.2f} s"
    return f"{milliseconds:.1f} ms"


def as_time_us(microseconds):
    return as_time(None if microseconds is None else microseconds / 1000)


def percent(share):
    return f"{share * 100:.1f} %"


def errors(*rows):
    return sum(row["non2xx"] + row["socket_errors"] for row in rows if row)


def print_table(header, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    for number, line in enumerate([header, *rows]):
        cells = [
            f"{cell:<{width}}" if column == 0 else f"{cell:>{width}}"
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


def print_runs(cached, uncached):
    """One row per address: with the cache, without it.

    Both runs read the same database, so their addresses are the same; a
    sitemap part only one of them found shows dashes in the other's columns.
    """
    cached_by_label = {row["label"]: row for row in cached}
    rows = []
    for without in uncached:
        with_cache = cached_by_label.get(without["label"])
        rows.append(
            [
                without["label"],
                *(
                    [
                        with_cache["page_cache"] or "–",
                        f"{with_cache['rate']:.1f}",
                        percent(with_cache["static_share"]),
                        as_time_us(with_cache["p99_us"]),
                    ]
                    if with_cache
                    else ["–"] * 4
                ),
                f"{without['rate']:.1f}",
                percent(without["static_share"]),
                as_time_us(without["p50_us"]),
                as_time_us(without["p99_us"]),
                as_time(without["answer_ms"]),
                as_time(without["cpu_ms"]),
                str(errors(with_cache, without)),
            ]
        )
    print_table(
        [
            "Seite",
            "Cache",
            "mit: Anfr./s",
            "Anteil",
            "p99",
            "ohne: Anfr./s",
            "Anteil",
            "p50",
            "p99",
            "einzeln",
            "CPU/Anfr.",
            "Fehler",
        ],
        rows,
    )
    print(
        "\nCache: was X-Page-Cache nach dem Aufwärmen sagt (hit: aus dem Cache, –: kein Cache);\n"
        "Anteil: Anfragen je Sekunde im Verhältnis zum statischen Stylesheet desselben Laufs;\n"
        "einzeln: Antwortzeit ohne andere Anfragen (die kürzeste von 3 bis 9 Versuchen);\n"
        "CPU/Anfr.: CPU-Zeit der gunicorn-Worker je Anfrage;\n"
        "Fehler: nicht 2xx oder Verbindungsfehler, in beiden Läufen zusammen."
    )


def print_growth(rows):
    table = []
    for row in rows:
        demo = row["demo_answer_ms"]
        ratio = row.get("ratio")
        if row["target"] == "answer_ms":
            target = f"< {as_time(row['limit'])}"
        else:
            target = f"≤ {row['limit']:.1f}×"
        table.append(
            [
                row["label"],
                as_time(demo),
                as_time(row["answer_ms"]),
                f"{ratio:.2f}×" if ratio is not None else "–",
                as_time(row["demo_cpu_ms"]),
                as_time(row["cpu_ms"]),
                f"{row['rate']:.1f}",
                str(errors(row)),
                target,
                "ja" if row["met"] else "NEIN",
            ]
        )
    print_table(
        [
            "Seite",
            "einzeln Demo",
            "gewachsen",
            "Verhältnis",
            "CPU Demo",
            "gewachsen",
            "Anfr./s",
            "Fehler",
            "Ziel",
            "erreicht",
        ],
        table,
    )


def growth_rows(demo, grown):
    """Each grown page against its demo-size figures and its target.

    A page's target is its answer time against the demo's; the sitemap's
    parts, which list every posting, have a fixed limit instead.
    """
    demo_by_label = {row["label"]: row for row in demo}
    rows = []
    for row in grown[:-1]:  # the stylesheet does not grow
        before = demo_by_label.get(row["label"])
        demo_answer = before["answer_ms"] if before else None
        ratio = row["answer_ms"] / demo_answer if demo_answer else None
        if row["answer_target_ms"]:
            target, limit = "answer_ms", row["answer_target_ms"]
            met = row["answer_ms"] < limit
        else:
            target, limit = "ratio", GROWTH_RATIO_LIMIT
            met = ratio is not None and ratio <= limit
        rows.append(
            {
                **row,
                "demo_answer_ms": demo_answer,
                "demo_cpu_ms": before["cpu_ms"] if before else None,
                "ratio": ratio,
                "target": target,
                "limit": limit,
                "met": met,
            }
        )
    return rows


# --- the runs ----------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8077)
    parser.add_argument("--duration", type=int, default=4, help="Sekunden je Adresse")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--spike-connections", type=int, default=200)
    parser.add_argument("--spike-duration", type=int, default=20, help="Sekunden")
    parser.add_argument("--growth", action="store_true", help="auch der Wachstumslauf")
    parser.add_argument("--growth-postings", type=int, default=10_000)
    parser.add_argument("--growth-employers", type=int, default=50)
    parser.add_argument("--growth-per-employer", type=int, default=100)
    parser.add_argument("--json", type=Path, default=ROOT / "var" / "bench.json")
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
            with log_path.open("w") as log:
                report = run(args, script, log)
        except KeyboardInterrupt:
            print("\nabgebrochen", file=sys.stderr)
            return 130
        except BaseException:
            tail = log_path.read_text(errors="replace").splitlines()[-30:]
            print("--- Protokoll (Ende) ---", *tail, sep="\n", file=sys.stderr)
            raise
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rounded(report), indent=2, ensure_ascii=False) + "\n")
    print(f"\nZahlen auch in {args.json}")
    if report["failed"]:
        print("Fehlerhafte Antworten unter Last – siehe Tabellen.", file=sys.stderr)
        return 1
    return 0


def rounded(value):
    """Floats to three decimals, so the file reads like the table."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [rounded(item) for item in value]
    return value


def run(args, script, log):
    """Every run in turn; the report that goes to var/bench.json."""
    started = time.monotonic()
    database = os.environ.get("DATABASE_URL", "").split(":", 1)[0] or "sqlite"
    print(
        f"wrk: {args.threads} Threads, {args.connections} Verbindungen, {args.duration} s je "
        f"Adresse; gunicorn mit {args.workers} Workern; Datenbank: {database}"
    )
    report = {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": database,
        "workers": args.workers,
        "wrk": {"threads": args.threads, "connections": args.connections, "seconds": args.duration},
    }

    print("mit Seiten-Cache ", end="", flush=True)
    with gunicorn(args, log, STELLWERK_PAGE_CACHE="on") as server:
        paths = addresses(args.port)
        cached = measure(server, args, script, paths, cached=True)
        print(f"Ansturm: {args.spike_connections} Verbindungen", flush=True)
        spike = run_wrk(
            args,
            script,
            SPIKE_PAGE,
            connections=args.spike_connections,
            duration=args.spike_duration,
        )
        print("durch den Proxy", flush=True)
        proxied = through_proxy(args, script, cached[-1]["rate"])
    print("ohne Seiten-Cache ", end="", flush=True)
    with gunicorn(args, log, STELLWERK_PAGE_CACHE="off") as server:
        uncached = measure(server, args, script, addresses(args.port))

    print()
    print_runs(cached, uncached)
    spike.update(
        label=SPIKE_PAGE.label,
        host=SPIKE_PAGE.host,
        path=SPIKE_PAGE.path,
        connections=args.spike_connections,
        seconds=args.spike_duration,
        slow_limit_ms=SLOW_US / 1000,
    )
    targets = [
        target(row["label"], "cpu_ms_uncached", row["cpu_ms"], row["cpu_target_ms"])
        for row in uncached
        if row["cpu_target_ms"]
    ]
    for cpu in targets:
        print(
            f"Ziel {cpu['label']}: ohne Cache ≤ {cpu['limit']:.0f} ms CPU je Anfrage – "
            f"{as_time(cpu['value'])}, {'erreicht' if cpu['met'] else 'VERFEHLT'}"
        )
    targets.append(target("Ansturm", "slower_than_2s", spike["slow"], 0))
    if proxied is not None:
        share = proxied["static_share"]
        # The target: a cached page through the proxy at least as fast
        # as a static file through gunicorn.
        targets.append(target(proxied["label"], "static_share", share, 1.0, met=share >= 1.0))
        print(
            f"Ziel {proxied['label']} (X-Cache: {proxied['cache']}): "
            f"{proxied['rate']:.0f} Anfragen/s = {share:.0%} des Stylesheets über gunicorn "
            f"(Ziel ≥ 100 %), {'erreicht' if share >= 1.0 else 'VERFEHLT'}"
        )
    print(
        f"\nAnsturm auf {SPIKE_PAGE.label} ({SPIKE_PAGE.host}), mit Cache: "
        f"{args.spike_connections} Verbindungen, {args.spike_duration} s: "
        f"{spike['requests']} Antworten, {errors(spike)} Fehler, "
        f"{spike['slow']} länger als {SLOW_US // 1_000_000} s (Ziel: keine), "
        f"p50 {as_time_us(spike['p50_us'])}, p99 {as_time_us(spike['p99_us'])}, "
        f"längste {as_time_us(spike['max_us'])}"
    )
    report.update(cached=cached, uncached=uncached, spike=spike, proxied=proxied)
    failed = errors(*cached, *uncached) > 0

    if args.growth:
        grown = run_growth(args, script, log)
        rows = growth_rows(uncached, grown)
        print()
        print_growth(rows)
        print(
            f"\nZiel: je Seite höchstens {GROWTH_RATIO_LIMIT}× die Antwortzeit der Demo; "
            f"Sitemap und jeder ihrer Teile in unter {as_time(SITEMAP_PART_LIMIT_MS)}."
        )
        report["growth"] = {
            "postings": args.growth_postings,
            "employers": args.growth_employers,
            "per_employer": args.growth_per_employer,
            "pages": rows,
        }
        targets.extend(
            target(
                row["label"],
                f"growth_{row['target']}",
                row["ratio"] if row["target"] == "ratio" else row["answer_ms"],
                row["limit"],
                met=row["met"],
            )
            for row in rows
        )
        failed = failed or errors(*grown) > 0
    seconds = time.monotonic() - started
    print(f"\nDauer der Messung: {seconds // 60:.0f} min {seconds % 60:.0f} s")
    report.update(targets=targets, failed=failed, seconds=round(seconds))
    return report


def run_growth(args, script, log):
    print(
        f"\nWachstum: {MITTE} auf {args.growth_postings} Stellen, {args.growth_employers} "
        f"Arbeitgeber mehr mit je {args.growth_per_employer}",
        flush=True,
    )
    with grown_database(args, log) as url:
        print("gewachsen, ohne Seiten-Cache ", end="", flush=True)
        with gunicorn(args, log, STELLWERK_PAGE_CACHE="off", DATABASE_URL=url) as server:
            return measure(server, args, script, addresses(args.port))


def target(label, what, value, limit, met=None):
    """One of the issue's targets as var/bench.json names it; met unless told: value ≤ limit."""
    return {
        "label": label,
        "what": what,
        "value": value,
        "limit": limit,
        "met": value is not None and value <= limit if met is None else met,
    }


if __name__ == "__main__":
    sys.exit(main())
