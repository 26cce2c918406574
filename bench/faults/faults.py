#!/usr/bin/env python3
"""Fault tests: the real server binary on a throwaway PostgreSQL cluster of its own,
driven over loopback HTTP while its process or its database is made to fail.

    bench/faults/faults.py --server target/debug/patient-server --migrate target/debug/migration

Each test is bounded (seconds) and checks what a client and the database can observe:

  kill9        kill -9 of the server under write load loses no acknowledged create
               (each is readable after a restart, with its audit row, and its
               Idempotency-Key replays the same patient)
  pg_restart   PostgreSQL stopped and started under load: only 2xx or 503 not_ready
               (never 500), /readyz 503 while it is down, then full service again without
               restarting the server (broken pooled connections are replaced)
  pool         with every pool connection held (requests blocked on a row lock), another
               request is answered 503 not_ready within the acquire timeout, not queued
               without bound, and everything completes once the lock is gone
  two          two servers on one database: one Idempotency-Key sent to both at once
               creates one patient; one ETag raced on both gives exactly one winner
  sigterm      SIGTERM while requests are in flight: every one of them completes, the
               server exits 0, and no acknowledged create is lost

Standard library only. Exit status 0 when every selected test passed.
"""

import argparse
import concurrent.futures as futures
import hashlib
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOCAL_PG = os.path.join(REPO, "scripts", "local-postgres.sh")
API_KEY = secrets.token_hex(32)
KEY_HASH = hashlib.sha256(API_KEY.encode()).hexdigest()
API_KEYS = json.dumps(
    [{"name": "fault-tests", "sha256": KEY_HASH, "scopes": ["patient:read", "patient:write", "audit:read"]}]
)
# The pool's acquire timeout (startup.rs) plus scheduling slack on a loaded 2-core machine.
ACQUIRE_BOUND_S = 5 + 3


class Failed(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- HTTP ----------------------------------------------------------------------------------
class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body) if self.body else None

    @property
    def code(self):
        try:
            return (self.json() or {}).get("code")
        except ValueError:
            return None


def request(port, method, path, body=None, headers=None, timeout=30):
    """One request on a new connection. Raises OSError/HTTPException when the exchange
    does not complete (refused, reset, closed before a full response)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        hdrs = {"x-api-key": API_KEY, "Accept": "application/json"}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        hdrs.update(headers or {})
        conn.request(method, path, body=payload, headers=hdrs)
        r = conn.getresponse()
        return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()


def patient_body():
    return {
        "given_name": "Fault",
        "middle_name": None,
        "family_name": "Tolerance",
        "date_of_birth": "1980-02-03",
        "sex_at_birth": "female",
        "gender_identity": "woman",
        "email": f"fault.{uuid.uuid4().hex}@example.org",
        "address": None,
        "preferred_language": "en",
        "consent_to_contact": False,
    }


def create(port, key=None, body=None, timeout=30):
    return request(
        port, "POST", "/api/v1/patients", body or patient_body(),
        {"Idempotency-Key": key or str(uuid.uuid4())}, timeout=timeout,
    )


# --- processes -----------------------------------------------------------------------------
class Cluster:
    """A throwaway PostgreSQL cluster (scripts/local-postgres.sh), fsync on."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="patient-faults-pg.")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.start()
        self.db_url = self.admin_url.rsplit("/", 1)[0] + "/faults"
        self.psql_admin("CREATE DATABASE faults")

    def start(self):
        out = subprocess.run(
            [LOCAL_PG, "start", self.dir, str(self.port)], check=True, capture_output=True, text=True,
            env={**os.environ, "LOCAL_PG_FSYNC": "on"},
        )
        self.admin_url = out.stdout.strip()

    def stop(self):
        subprocess.run([LOCAL_PG, "stop", self.dir], check=True, capture_output=True)

    def destroy(self):
        subprocess.run([LOCAL_PG, "destroy", self.dir], capture_output=True)

    def psql_admin(self, sql):
        return psql(self.admin_url, sql)

    def psql(self, sql):
        return psql(self.db_url, sql)

    @property
    def log(self):
        return os.path.join(self.dir, "server.log")


def psql_bin():
    found = sorted(p for p in (f"/usr/lib/postgresql/{v}/bin/psql" for v in range(14, 30)) if os.path.exists(p))
    return found[-1] if found else "psql"


def psql(url, sql):
    out = subprocess.run([psql_bin(), url, "-XtAq", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Locker:
    """A psql session that holds a patient's row lock until released."""

    def __init__(self, cluster, patient_id):
        self.proc = subprocess.Popen([psql_bin(), cluster.db_url, "-XtAq", "-v", "ON_ERROR_STOP=1"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.proc.stdin.write(f"BEGIN; SELECT 'locked' FROM patients WHERE patient_id = '{patient_id}' FOR UPDATE;\n")
        self.proc.stdin.flush()
        check(self.proc.stdout.readline().strip() == "locked", "psql took the row lock")

    def release(self):
        self.proc.stdin.write("ROLLBACK;\n\\q\n")
        self.proc.stdin.flush()
        self.proc.wait(timeout=10)


class Server:
    def __init__(self, binary, cluster, logdir, name, **env):
        self.port = free_port()
        self.name = name
        self.log_path = os.path.join(logdir, f"{name}.log")
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [binary],
            env={
                "PATH": os.environ.get("PATH", ""), "DATABASE_URL": cluster.db_url, "API_KEYS": API_KEYS,
                "HOST": "127.0.0.1", "PORT": str(self.port), "METRICS_PORT": "0",
                "LOG_LEVEL": "warn", "DB_MAX_CONNECTIONS": "8",
                # The load comes from one key; the per-key rate limit is not under test here.
                "RATE_LIMIT_RPS": "100000", "RATE_LIMIT_BURST": "100000",
                **{k: str(v) for k, v in env.items()},
            },
            stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            check(self.proc.poll() is None, f"{name} exited at start-up (see {self.log_path})")
            try:
                if request(self.port, "GET", "/readyz", timeout=2).status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.1)
        raise Failed(f"{name} did not become ready")

    def kill9(self):
        self.proc.kill()
        self.proc.wait()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


# --- load ----------------------------------------------------------------------------------
class Writers:
    """Threads sending keyed creates until stopped; records every acknowledged one."""

    def __init__(self, port, threads=8):
        self.port, self.stop_flag = port, threading.Event()
        self.acked, self.outcomes, self.lock = [], {}, threading.Lock()
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(threads)]
        for t in self.threads:
            t.start()

    def note(self, outcome):
        with self.lock:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def run(self):
        while not self.stop_flag.is_set():
            key, body = str(uuid.uuid4()), patient_body()
            try:
                r = create(self.port, key, body, timeout=15)
            except (OSError, http.client.HTTPException):
                self.note("no response")
                time.sleep(0.02)
                continue
            self.note(r.status if r.status != 503 else f"503 {r.code}")
            if r.status != 201:
                time.sleep(0.02)  # the service is down or refusing: do not spin
            else:
                with self.lock:
                    self.acked.append((key, body, r.json()["patient_id"]))

    def stop(self):
        self.stop_flag.set()
        for t in self.threads:
            t.join(timeout=30)
        return self.acked, dict(self.outcomes)


def verify_acknowledged(port, cluster, acked):
    """Every acknowledged create is stored with its audit row and replays by its key."""
    ids = [pid for _, _, pid in acked]
    id_list = ",".join(f"'{pid}'" for pid in ids)
    stored = int(cluster.psql(f"SELECT count(*) FROM patients WHERE patient_id IN ({id_list})"))
    audited = int(cluster.psql(
        f"SELECT count(DISTINCT patient_id) FROM audit_log WHERE action = 'create' AND patient_id IN ({id_list})"))
    check(stored == len(ids), f"{len(ids) - stored} of {len(ids)} acknowledged creates are missing")
    check(audited == len(ids), f"{len(ids) - audited} acknowledged creates have no audit row")
    for key, body, pid in acked[:: max(1, len(acked) // 25)]:
        r = create(port, key, body)
        check(r.status == 201 and r.json()["patient_id"] == pid, "an acknowledged key replays its patient")


# --- the tests -----------------------------------------------------------------------------
def test_kill9(ctx):
    server = ctx.server("kill9-a")
    writers = Writers(server.port)
    time.sleep(3)
    server.kill9()
    acked, outcomes = writers.stop()
    check(len(acked) >= 20, f"the write load was too light to mean anything ({outcomes})")
    check(set(outcomes) <= {201, "no response"}, f"only 201 or no response before the kill: {outcomes}")
    after = ctx.server("kill9-b")
    verify_acknowledged(after.port, ctx.cluster, acked)
    after.stop()
    return f"{len(acked)} acknowledged creates before kill -9, all stored, audited and replayable"


def test_pg_restart(ctx):
    server = ctx.server("pg-restart", DB_MAX_CONNECTIONS=4)
    known = create(server.port).json()["patient_id"]
    stop_flag, statuses, lock = threading.Event(), {}, threading.Lock()

    def reader():
        while not stop_flag.is_set():
            try:
                r = request(server.port, "GET", f"/api/v1/patients/{known}", timeout=15)
                key = r.status if r.status != 503 else f"503 {r.code}"
            except (OSError, http.client.HTTPException):
                key = "no response"
            with lock:
                statuses[key] = statuses.get(key, 0) + 1
            if key != 200:
                time.sleep(0.02)

    readers = [threading.Thread(target=reader, daemon=True) for _ in range(4)]
    for t in readers:
        t.start()
    writers = Writers(server.port, threads=4)
    time.sleep(1.5)
    ctx.cluster.stop()
    down_at = time.monotonic()
    ready_while_down = set()
    while time.monotonic() - down_at < 3:
        ready_while_down.add(request(server.port, "GET", "/readyz", timeout=10).status)
        time.sleep(0.2)
    ctx.cluster.start()
    recovered_in = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if (request(server.port, "GET", "/readyz", timeout=10).status == 200
                and request(server.port, "GET", f"/api/v1/patients/{known}").status == 200
                and create(server.port).status == 201):
            recovered_in = time.monotonic() - down_at
            break
        time.sleep(0.2)
    # Every pooled connection was cut by the restart: the pool must have replaced all of them.
    for _ in range(40):
        check(request(server.port, "GET", f"/api/v1/patients/{known}").status == 200, "full recovery")
    stop_flag.set()
    for t in readers:
        t.join(timeout=30)
    acked, write_outcomes = writers.stop()
    check(recovered_in is not None, "the service recovered within 30 s of the restart")
    check(ready_while_down == {503}, f"/readyz while the database was down: {sorted(ready_while_down)}")
    allowed = {200, 201, "503 not_ready"}
    check(set(statuses) <= allowed, f"reads while the database restarted: {statuses}")
    check(set(write_outcomes) <= allowed, f"writes while the database restarted: {write_outcomes}")
    check("503 not_ready" in statuses or "503 not_ready" in write_outcomes, "the outage was seen as 503")
    verify_acknowledged(server.port, ctx.cluster, acked)
    check(server.proc.poll() is None, "the server kept running")
    server.stop()
    return (f"reads {statuses}, writes {write_outcomes}, /readyz 503 while down, "
            f"recovered {recovered_in:.1f} s after the stop without a restart")


def test_pool(ctx):
    pool = 3
    # The lock waits must outlast the acquire timeout, or lock_timeout (2 s by default) frees
    # the connections before the pool is seen exhausted.
    server = ctx.server("pool", DB_MAX_CONNECTIONS=pool, DB_LOCK_TIMEOUT_MS=9000)
    r = create(server.port)
    pid, etag = r.json()["patient_id"], r.headers["etag"]
    body = {k: v for k, v in r.json().items() if k in patient_body()}
    locker = Locker(ctx.cluster, pid)
    with futures.ThreadPoolExecutor(pool + 1) as ex:
        blocked = [ex.submit(request, server.port, "PUT", f"/api/v1/patients/{pid}", body, {"If-Match": etag})
                   for _ in range(pool)]
        time.sleep(1.0)  # every pool connection is now waiting on the row lock
        started = time.monotonic()
        starved = request(server.port, "GET", f"/api/v1/patients/{pid}", timeout=30)
        waited = time.monotonic() - started
        locker.release()
        results = [f.result(timeout=30) for f in blocked]
    check(starved.status == 503 and starved.code == "not_ready",
          f"a request without a free connection gets 503 not_ready, got {starved.status}")
    check(waited <= ACQUIRE_BOUND_S, f"it was answered after {waited:.1f} s, beyond the acquire timeout")
    codes = sorted(r.status for r in results)
    check(codes == [200] + [412] * (pool - 1), f"the blocked writes completed with one winner: {codes}")
    check(request(server.port, "GET", f"/api/v1/patients/{pid}").status == 200, "the pool is usable again")
    server.stop()
    return f"503 not_ready after {waited:.1f} s with all {pool} connections held; blocked writes then {codes}"


def test_two_instances(ctx):
    a, b = ctx.server("two-a"), ctx.server("two-b")
    ports = [a.port, b.port]
    key, body = str(uuid.uuid4()), patient_body()
    with futures.ThreadPoolExecutor(16) as ex:
        replies = list(ex.map(lambda i: create(ports[i % 2], key, body), range(16)))
    ids = {r.json()["patient_id"] for r in replies if r.status == 201}
    check(all(r.status == 201 for r in replies), f"every same-key request succeeds: {[r.status for r in replies]}")
    check(len(ids) == 1, f"one Idempotency-Key created {len(ids)} patients")
    stored = int(ctx.cluster.psql(f"SELECT count(*) FROM patients WHERE email = '{body['email']}'"))
    check(stored == 1, f"{stored} rows for one key")
    (pid,) = ids
    etag = request(a.port, "GET", f"/api/v1/patients/{pid}").headers["etag"]
    changed = {**body, "consent_to_contact": True}
    with futures.ThreadPoolExecutor(16) as ex:
        puts = list(ex.map(
            lambda i: request(ports[i % 2], "PUT", f"/api/v1/patients/{pid}", changed, {"If-Match": etag}),
            range(16)))
    codes = sorted(r.status for r in puts)
    check(codes == [200] + [412] * 15, f"one winner of an ETag race across instances: {codes}")
    version = int(ctx.cluster.psql(f"SELECT version FROM patients WHERE patient_id = '{pid}'"))
    check(version == 2, f"the raced patient is at version {version}")
    updates = int(ctx.cluster.psql(
        f"SELECT count(*) FROM audit_log WHERE patient_id = '{pid}' AND action = 'update'"))
    check(updates == 1, f"{updates} audit rows for one winning update")
    a.stop()
    b.stop()
    return "16 same-key creates over 2 instances: 1 patient; 16 raced PUTs: 1 × 200, 15 × 412"


def test_sigterm(ctx):
    server = ctx.server("sigterm", SHUTDOWN_GRACE_SECONDS=20)
    r = create(server.port)
    pid, etag = r.json()["patient_id"], r.headers["etag"]
    body = {k: v for k, v in r.json().items() if k in patient_body()}
    locker = Locker(ctx.cluster, pid)
    writers = Writers(server.port, threads=4)
    with futures.ThreadPoolExecutor(4) as ex:
        in_flight = [ex.submit(request, server.port, "PUT", f"/api/v1/patients/{pid}", body, {"If-Match": etag})
                     for _ in range(4)]
        time.sleep(1.0)
        server.proc.send_signal(signal.SIGTERM)
        time.sleep(1.0)  # draining: the PUTs are still blocked on the lock
        check(server.proc.poll() is None, "the server waits for in-flight requests")
        locker.release()
        outcomes = []
        for f in in_flight:
            try:
                outcomes.append(f.result(timeout=30).status)
            except (OSError, http.client.HTTPException) as err:
                outcomes.append(type(err).__name__)
    status = server.proc.wait(timeout=30)
    acked, write_outcomes = writers.stop()
    server.log.close()
    check(sorted(outcomes) == [200, 412, 412, 412], f"in-flight requests across SIGTERM: {outcomes}")
    check(status == 0, f"the server exited {status} after draining")
    check(set(write_outcomes) <= {201, "no response"}, f"creates across SIGTERM: {write_outcomes}")
    after = ctx.server("sigterm-after")
    verify_acknowledged(after.port, ctx.cluster, acked)
    after.stop()
    return f"4 in-flight PUTs completed after SIGTERM ({sorted(outcomes)}), exit 0, {len(acked)} creates kept"


TESTS = {"kill9": test_kill9, "pg_restart": test_pg_restart, "pool": test_pool,
         "two": test_two_instances, "sigterm": test_sigterm}


class Context:
    def __init__(self, args):
        self.args, self.servers = args, []
        self.logdir = tempfile.mkdtemp(prefix="patient-faults-logs.")
        self.cluster = Cluster()
        subprocess.run([args.migrate, "up"], check=True, capture_output=True,
                       env={**os.environ, "DATABASE_URL": self.cluster.db_url})

    def server(self, name, **env):
        s = Server(self.args.server, self.cluster, self.logdir, name, **env)
        self.servers.append(s)
        return s

    def close(self):
        for s in self.servers:
            if s.proc.poll() is None:
                s.proc.kill()
                s.proc.wait()
        self.cluster.destroy()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default=os.path.join(REPO, "target/debug/patient-server"))
    parser.add_argument("--migrate", default=os.path.join(REPO, "target/debug/migration"))
    parser.add_argument("tests", nargs="*", metavar="TEST", help=f"any of {', '.join(TESTS)} (default: all)")
    args = parser.parse_args()
    unknown = [name for name in args.tests if name not in TESTS]
    if unknown:
        parser.error(f"unknown tests: {', '.join(unknown)}")
    args.tests = args.tests or list(TESTS)
    ctx = Context(args)
    passed = failed = 0
    try:
        for name in args.tests:
            started = time.monotonic()
            try:
                summary = TESTS[name](ctx)
                passed += 1
                print(f"fault {name}: PASS ({time.monotonic() - started:.1f} s) {summary}", flush=True)
            except Exception as err:  # noqa: BLE001 - every failure is reported, then the next test runs
                failed += 1
                print(f"fault {name}: FAIL ({time.monotonic() - started:.1f} s) {type(err).__name__}: {err}",
                      flush=True)
                for s in ctx.servers:
                    if s.proc.poll() is None:
                        s.proc.kill()
                        s.proc.wait()
        log_check = subprocess.run([os.path.join(REPO, "scripts", "check-postgres-log.sh"), ctx.cluster.log])
        if log_check.returncode != 0:
            failed += 1
            print("fault postgres-log: FAIL (the cluster's log holds patient data)")
        if failed:
            print(f"server logs kept in {ctx.logdir}")
        else:
            shutil.rmtree(ctx.logdir, ignore_errors=True)
    finally:
        ctx.close()
    print(f"fault tests: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
