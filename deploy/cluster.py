"""Stellwerk as on several machines, on one machine and loopback only (`make cluster`).

    .venv/bin/python deploy/cluster.py [--port 8000] [--folder var/cluster]

Starts what a deployment runs on machines of their own: a PostgreSQL
(.ci/postgres), Redis without persistence, an S3-compatible object store
(moto's standalone server, both buckets created), an SMTP sink that keeps
every mail as a file, the demo loaded (its media in the bucket), two gunicorn
instances with production settings, one task worker and varnishd with
deploy/varnish/stellwerk.vcl in front of both instances. Prints the addresses
and runs until Ctrl-C; Ctrl-C, SIGTERM or an error while starting stops every
process it started.

`Cluster` is a context manager: tests/test_cluster.py starts the very same
cluster and stops, kills and restarts its parts.
"""

import argparse
import base64
import contextlib
import http.client
import logging
import os
import secrets
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "stellwerk.vcl"
PG_SCRIPT = ROOT / ".ci" / "postgres"
# The backends' ports as deploy/varnish/stellwerk.vcl ships them.
SHIPPED_BACKEND_PORTS = ("8000", "8001")


# A port counts as free until its server has bound it: never hand it out twice.
_handed_out = set()


def free_port():
    """A free loopback port for a server: from STELLWERK_TEST_PORTS ("18000-18049")
    when set, so test and cluster servers keep to a range of their own, else
    one the system hands out."""
    first, _, last = os.environ.get("STELLWERK_TEST_PORTS", "0-0").partition("-")
    for port in range(int(first), int(last or first) + 1):
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            port = probe.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port
    raise RuntimeError(f"kein freier Port in STELLWERK_TEST_PORTS={first}-{last}")


def answers(port, path="/healthz", host="localhost", timeout=5):
    """The status of a GET on loopback, None while nothing answers."""
    with contextlib.suppress(OSError, http.client.HTTPException):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        connection.request("GET", path, headers={"Host": host, "X-Forwarded-Proto": "https"})
        status = connection.getresponse().status
        connection.close()
        return status
    return None


def wait_until_healthy(port, process, name="gunicorn", timeout=60):
    """Until the server on `port` answers /healthz with 200; fails if it ends first."""
    deadline = time.monotonic() + timeout
    while answers(port) != 200:
        if process.poll() is not None:
            raise RuntimeError(f"{name} hat sich beendet (Code {process.returncode})")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{name} auf Port {port} antwortet nicht")
        time.sleep(0.2)


class RedisServer:
    """A redis-server on a loopback port, without persistence, that may be
    stopped and started again."""

    def __init__(self, executable, folder):
        self.executable, self.folder = executable, folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                *(self.executable, "--bind", "127.0.0.1", "--port", str(self.port)),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C reaches the cluster, which stops it
        )
        self._wait(answering=True)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self._wait(answering=False)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def _wait(self, *, answering, timeout=30):
        deadline = time.monotonic() + timeout
        while self.answers() != answering:
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server auf Port {self.port}: kein Zustandswechsel")
            time.sleep(0.05)


class S3Server:
    """moto's standalone S3 server on a loopback port, in a thread of this
    process: the storages speak real S3 over HTTP to it."""

    REGION = "eu-central-1"
    ACCESS_KEY_ID = "stellwerk-test"
    SECRET_ACCESS_KEY = "stellwerk-test-secret"

    def __init__(self):
        from moto.server import ThreadedMotoServer

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)

    def start(self):
        # Its request log (werkzeug's) would drown everything else printed.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self.server.start()

    def stop(self):
        self.server.stop()

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=self.ACCESS_KEY_ID,
            aws_secret_access_key=self.SECRET_ACCESS_KEY,
            region_name=self.REGION,
        )

    def environ(self, media_bucket, applications_bucket, **variables):
        """The S3_* variables an operator sets for this server."""
        return {
            "S3_ENDPOINT_URL": self.url,
            "S3_ACCESS_KEY_ID": self.ACCESS_KEY_ID,
            "S3_SECRET_ACCESS_KEY": self.SECRET_ACCESS_KEY,
            "S3_REGION": self.REGION,
            "S3_MEDIA_BUCKET": media_bucket,
            "S3_APPLICATIONS_BUCKET": applications_bucket,
            **variables,
        }


class MailSink(socketserver.ThreadingTCPServer):
    """An SMTP server that delivers nowhere: each message lands as a file in
    `folder` (what an operator's relay would pass on). Just enough SMTP for
    Django's smtp backend: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", free_port()), _SmtpSession)
        self.port = self.server_address[1]
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.shutdown()
        self.server_close()

    def keep(self, message):
        with self.lock:
            self.count += 1
            (self.folder / f"{self.count:05d}.eml").write_bytes(message)

    def messages(self):
        return [path.read_text(errors="replace") for path in sorted(self.folder.glob("*.eml"))]


class _SmtpSession(socketserver.StreamRequestHandler):
    def handle(self):
        self._reply("220 stellwerk-cluster SMTP")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"EHLO":
                self._reply("250-stellwerk-cluster\r\n250 8BITMIME")
            elif verb == b"DATA":
                self._reply("354 Ende mit <CRLF>.<CRLF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                self.server.keep(b"".join(lines))
                self._reply("250 OK")
            elif verb == b"QUIT":
                self._reply("221 Tschüss")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                self._reply("250 OK")

    def _reply(self, text):
        self.wfile.write(f"{text}\r\n".encode())


class Process:
    """A server process in a process group of its own: Ctrl-C reaches only the
    cluster, which stops it; killable whole, as a machine lost."""

    def __init__(self, command, log, environment, name):
        self.name = name
        self.log = open(log, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def poll(self):
        return self.process.poll()

    @property
    def returncode(self):
        return self.process.returncode

    def kill(self):
        """Every process of the group at once, no goodbye."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


class AppServer(Process):
    """gunicorn with the settings `environment` names, on a port of its own."""

    def __init__(self, folder, environment, workers=1):
        self.port = free_port()
        command = [sys.executable, "-m", "gunicorn", "campaign.project.wsgi"]
        command += ["--config", str(ROOT / "deploy" / "gunicorn.conf.py")]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)]
        command += ["--no-control-socket"]
        super().__init__(
            command, Path(folder) / f"gunicorn-{self.port}.log", environment, "gunicorn"
        )

    def wait_until_healthy(self, timeout=60):
        wait_until_healthy(self.port, self, timeout=timeout)


def varnishd():
    return shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/sbin")


def proxy_config(app_ports):
    """deploy/varnish/stellwerk.vcl with its two backends on these ports."""
    vcl = VCL.read_text()
    for shipped, port in zip(SHIPPED_BACKEND_PORTS, app_ports, strict=True):
        line = f'.port = "{shipped}";'
        assert vcl.count(line) == 2, line  # probed and unprobed
        vcl = vcl.replace(line, f'.port = "{port}";')
    return vcl


class Proxy(Process):
    """varnishd with the shipped VCL in front of the app servers."""

    def __init__(self, folder, app_ports, port=None):
        folder = Path(folder)
        self.port = port or free_port()
        (folder / "stellwerk.vcl").write_text(proxy_config(app_ports))
        command = [varnishd(), "-F", "-j", "none", "-n", str(folder / "varnish")]
        command += ["-a", f"127.0.0.1:{self.port}", "-T", "none", "-s", "malloc,64m"]
        command += ["-f", str(folder / "stellwerk.vcl"), "-p", "ban_lurker_sleep=0.1"]
        super().__init__(command, folder / "varnishd.log", os.environ.copy(), "varnishd")
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_until_healthy(self, timeout=30):
        # Until the probes found an app server healthy: /healthz through it.
        wait_until_healthy(self.port, self, name="varnishd", timeout=timeout)


class PostgreSQL:
    """A throwaway cluster made and run by .ci/postgres."""

    def __init__(self, folder):
        self.data = Path(folder) / "postgres"
        self.port = free_port()
        self.url = f"postgres://stellwerk:stellwerk@127.0.0.1:{self.port}/stellwerk"

    def _run(self, *arguments):
        subprocess.run(
            [str(PG_SCRIPT), *arguments], check=True, timeout=120, stdout=subprocess.DEVNULL
        )

    def init(self):
        # As root, .ci/postgres runs the server as user postgres, who must reach the folder.
        self.data.parent.chmod(0o755)
        self._run("init", str(self.data), str(self.port))

    def start(self):
        self._run("start", str(self.data))

    def stop(self):
        self._run("stop", str(self.data))


def _application_key():
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


class Cluster:
    """The whole installation on loopback; `with Cluster(folder) as cluster:`.

    The folder is emptied first: a cluster starts from a fresh database,
    buckets and demo every time.
    """

    MEDIA_BUCKET = "stellwerk-medien"
    APPLICATIONS_BUCKET = "stellwerk-bewerbungen"

    def __init__(self, folder, *, port=None, workers_per_instance=2, log=print):
        self.folder = Path(folder).resolve()
        self.proxy_port = port or free_port()
        self.workers_per_instance = workers_per_instance
        self.log = log
        self._stack = contextlib.ExitStack()
        self.instances = []

    # --- starting and stopping -------------------------------------------------

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc_info):
        self._stack.close()

    def _start(self):
        if self.folder.exists():
            shutil.rmtree(self.folder)
        (self.folder / "var").mkdir(parents=True)
        self.postgres = PostgreSQL(self.folder)
        self.postgres.init()
        self.postgres.start()
        self._stack.callback(self.postgres.stop)
        self.log(f"PostgreSQL     {self.postgres.url}")

        redis = shutil.which("redis-server")
        if redis is None:
            raise RuntimeError("redis-server fehlt (apt-get install redis-server)")
        self.redis = RedisServer(redis, self.folder)
        self.redis.start()
        self._stack.callback(self.redis.stop)
        self.log(f"Redis          {self.redis.url}")

        self.s3 = S3Server()
        self.s3.start()
        self._stack.callback(self.s3.stop)
        client = self.s3.client()
        for bucket in (self.MEDIA_BUCKET, self.APPLICATIONS_BUCKET):
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": self.s3.REGION}
            )
        self.log(f"S3 (moto)      {self.s3.url}  Buckets {self.MEDIA_BUCKET}, ")
        self.log(f"               {self.APPLICATIONS_BUCKET}")

        self.mail = MailSink(self.folder / "mail")
        self.mail.start()
        self._stack.callback(self.mail.stop)
        self.log(f"SMTP (Ablage)  127.0.0.1:{self.mail.port} -> {self.mail.folder}")

        self.environment = self._environment()
        self._prepare()

        for name in ("A", "B"):
            instance = AppServer(self.folder, self.environment, workers=self.workers_per_instance)
            self._stack.callback(instance.stop)
            self.instances.append(instance)
            # One after the other: a port counts as free until its server has bound it.
            instance.wait_until_healthy(timeout=90)
            self.log(f"gunicorn {name}     http://127.0.0.1:{instance.port}/")

        self.worker = self.start_worker()
        self.proxy = Proxy(self.folder, [app.port for app in self.instances], self.proxy_port)
        self._stack.callback(self.proxy.stop)
        self.proxy.wait_until_healthy()
        self.log(f"Varnish        http://127.0.0.1:{self.proxy.port}/")

    def _environment(self):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign.project.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost,.localhost,127.0.0.1",
            # TLS would end in front of the proxy; on loopback everything is plain HTTP.
            "SECURE_SSL_REDIRECT": "0",
            "APPLICATION_FILES_KEY": _application_key(),
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url,
            "EMAIL_URL": f"smtp://127.0.0.1:{self.mail.port}",
            "PROXY_PURGE_URLS": f"http://127.0.0.1:{self.proxy_port}",
            "CLIENT_IP_HEADER": "X-Real-IP",
            "WAGTAILADMIN_BASE_URL": f"http://localhost:{self.proxy_port}",
            # Nothing of an instance on its own disk but what every release ships.
            "STELLWERK_VAR_DIR": str(self.folder / "var"),
            "STATIC_ROOT": str(self.folder / "static"),
            **self.s3.environ(self.MEDIA_BUCKET, self.APPLICATIONS_BUCKET),
        }

    def _prepare(self):
        """What a release runs once before its instances start; the static files
        are collected meanwhile (they need no database)."""
        with ThreadPoolExecutor(max_workers=1) as background:
            static = background.submit(self.manage, "collectstatic", "--noinput", "-v", "0")
            self.manage("migrate", "--noinput", "-v", "0")
            self.log(self.manage("load_demo", "--port", str(self.proxy_port)).strip())
            static.result()

    def manage(self, *arguments, timeout=600):
        """`manage.py` with the instances' settings; its output, or an error naming it."""
        result = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(arguments)}: Code {result.returncode}\n{result.stderr}"
            )
        return result.stdout

    def start_worker(self):
        worker = Process(
            [sys.executable, "manage.py", "run_worker", "--restart-delay", "1"],
            self.folder / "worker.log",
            self.environment,
            "run_worker",
        )
        self._stack.callback(worker.stop)
        return worker


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="Port des Proxys (Varnish)")
    parser.add_argument("--folder", default=str(ROOT / "var" / "cluster"))
    args = parser.parse_args()
    # SIGTERM as Ctrl-C: the with block stops everything either way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("Stellwerk-Cluster startet (Datenbank, Demo, Instanzen) ...", flush=True)
    with Cluster(args.folder, port=args.port, log=lambda line: print(line, flush=True)):
        print(
            f"\nBereit: http://mitte.localhost:{args.port}/  http://localhost:{args.port}/admin/\n"
            "Beenden mit Strg+C.",
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    print("Alle Prozesse des Clusters beendet.")


if __name__ == "__main__":
    main()
