#!/usr/bin/env python3
"""Crash safety check (issue 18), on SQLite and on PostgreSQL.

Starts the real `mottak serve` on a fresh database, drives concurrent writes through the API
(operators, centres, centre updates with their version), kills the server with SIGKILL in the
middle of the load, restarts it on the same database and proves that
  - every write acknowledged with 2xx is there with its content,
  - nothing is half-written: every operator and centre row has its events (one `created`, one
    `updated` per version after the first) and a centre its `created` history, and every such
    event has its row; a write in flight at the kill is either wholly there or not at all,
  - `mottak log verify` exits 0, before the restart and after it.
Python 3 standard library only; PostgreSQL through `psql`. Exit status 1 on any failure.

Usage: .ci/crash-check.py [--binary target/debug/mottak] [--backend sqlite|postgres|both]
`--damage delete-centre|unlogged-update` harms one acknowledged centre behind the server's back
after the kill, to show that the check catches it (the run must then fail).
"""

import argparse
import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

PASSWORD = "Fjordhest-Lyng-Krasj-2026"
ORGANISATION_NUMBER = "974760673"  # passes modulus 11 (R-REG-4)
SERIES = [f"{n:02d}" for n in range(1, 21) if n != 13]  # the county series of R-REG-1
PG = {k: os.environ.get(f"PG_{k.upper()}", d)
      for k, d in (("host", "127.0.0.1"), ("port", "5432"), ("user", "postgres"))}


class Server:
    """One `mottak serve` process on a free port, its output in a log file."""

    def __init__(self, binary, database_url, log_path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log_path = log_path
        log = open(log_path, "ab")
        self.process = subprocess.Popen(
            [binary, "serve", "--bind", f"127.0.0.1:{self.port}", "--database-url", database_url],
            stdout=log, stderr=log, env=clean_env())
        log.close()

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Failure(f"serve exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                status, _ = request(http.client.HTTPConnection("127.0.0.1", self.port, timeout=2),
                                    "GET", "/readyz")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)  # polling interval, not a guess at readiness
        raise Failure(f"serve not ready within {timeout} s:\n{self.log_tail()}")

    def kill(self):
        self.process.kill()  # SIGKILL: no shutdown handler runs
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def log_tail(self):
        with open(self.log_path, errors="replace") as log:
            return "".join(log.readlines()[-20:])


class Failure(Exception):
    pass


def clean_env():
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    return env


def request(connection, method, path, body=None, token=None):
    headers = {"content-type": "application/json"} if body is not None else {}
    if token:
        headers["authorization"] = f"Bearer {token}"
    connection.request(method, path, None if body is None else json.dumps(body), headers)
    response = connection.getresponse()
    data = response.read()
    try:
        return response.status, json.loads(data) if data else None
    except ValueError:
        return response.status, data.decode(errors="replace")


def mottak(binary, database_url, *args, stdin=""):
    return subprocess.run([binary, *args, "--database-url", database_url], input=stdin,
                          capture_output=True, text=True, env=clean_env(), timeout=120)


class Ledger:
    """What the clients sent and what the server acknowledged, shared by the worker threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.killed = threading.Event()
        self.operators = {}  # id -> acknowledged body
        self.centres = {}  # id -> {"number", "name", "operator_id", "version", "phone"}
        self.in_flight = []  # (kind, detail) sent but unanswered at the kill
        self.errors = []
        self.acknowledged = Counter()

    def ack(self, kind, store, key, value):
        with self.lock:
            store[key] = value
            self.acknowledged[kind] += 1

    def total(self):
        with self.lock:
            return sum(self.acknowledged.values())


def worker(index, workers, port, token, ledger):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    series = SERIES[index::workers]
    sent = None
    updates = 0

    def call(kind, detail, method, path, body):
        nonlocal sent
        sent = (kind, detail)
        status, answer = request(connection, method, path, body, token)
        sent = None
        return status, answer

    try:
        for round_number in range(10_000):
            if ledger.killed.is_set():
                return
            name = f"Krasj {index}-{round_number} AS"
            body = {"name": name, "organisation_number": ORGANISATION_NUMBER, "experienced": True}
            status, operator = call("operator", {"name": name}, "POST", "/api/v1/operators", body)
            if status != 201:
                raise Failure(f"POST /api/v1/operators: {status} {operator}")
            ledger.ack("operator", ledger.operators, operator["id"], body)
            for place in range(2):
                if not series:
                    return
                name = f"Krasj {index}-{round_number}-{place} asylmottak"
                body = {"name": name, "category": "ordinary", "series": series[0],
                        "municipality_number": "0301", "postal_code": "0010",
                        "operator_id": operator["id"]}
                status, centre = call("centre", {"name": name}, "POST", "/api/v1/centres", body)
                if status == 400 and centre.get("field") == "series":
                    series.pop(0)  # the series is full: go on with the next
                    continue
                if status != 201:
                    raise Failure(f"POST /api/v1/centres: {status} {centre}")
                record = {"number": centre["number"], "name": name,
                          "operator_id": operator["id"], "version": 1, "phone": None}
                ledger.ack("centre", ledger.centres, centre["id"], record)
                for _ in range(2):
                    updates += 1
                    phone = f"4{index:02d}{updates:05d}"  # unique, so a value names its write
                    patch = {"version": record["version"], "phone": phone}
                    detail = {"id": centre["id"], "version": record["version"] + 1, "phone": phone}
                    status, updated = call("update", detail, "PATCH",
                                           f"/api/v1/centres/{centre['id']}", patch)
                    if status != 200 or updated["version"] != detail["version"]:
                        raise Failure(f"PATCH centre {centre['id']}: {status} {updated}")
                    record = dict(record, version=updated["version"], phone=updated["phone"])
                    ledger.ack("update", ledger.centres, centre["id"], record)
    except (OSError, http.client.HTTPException) as error:
        if not ledger.killed.is_set():
            ledger.errors.append(f"worker {index}: {error!r} before the kill")
        elif sent is not None and not isinstance(error, ConnectionRefusedError):
            with ledger.lock:
                ledger.in_flight.append(sent)
    except Failure as failure:
        ledger.errors.append(f"worker {index}: {failure}")


class Database:
    """Direct reads of the database, to find rows without events and events without rows."""

    def __init__(self, backend, location):
        self.backend, self.location = backend, location

    def rows(self, sql):
        if self.backend == "sqlite":
            with sqlite3.connect(f"file:{self.location}?mode=ro", uri=True) as connection:
                return [tuple(str(v) for v in row) for row in connection.execute(sql)]
        output = psql(sql, database=self.location, fields=True)
        return [tuple(line.split("\t")) for line in output.splitlines() if line]

    def execute(self, *statements):
        if self.backend == "sqlite":
            with sqlite3.connect(self.location) as connection:
                for statement in statements:
                    connection.execute(statement)
        else:
            for statement in statements:
                psql(statement, database=self.location)


def psql(sql, database="postgres", fields=False):
    command = ["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", database,
               "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]
    if fields:
        command[-2:-2] = ["-F", "\t"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def check_acknowledged(port, token, ledger, problems):
    """Every acknowledged write is there with its content; in-flight updates wholly or not."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for operator_id, sent in ledger.operators.items():
        status, found = request(connection, "GET", f"/api/v1/operators/{operator_id}", None, token)
        if status != 200 or any(found.get(k) != sent[k] for k in ("name", "organisation_number")):
            problems.append(f"acknowledged operator {operator_id} {sent['name']!r}: {status}")
    in_flight_updates = {d["id"]: d for kind, d in ledger.in_flight if kind == "update"}
    committed_in_flight = 0
    for centre_id, sent in ledger.centres.items():
        status, found = request(connection, "GET", f"/api/v1/centres/{centre_id}", None, token)
        if status != 200:
            problems.append(f"acknowledged centre {centre_id} {sent['number']}: {status}")
            continue
        same = all(found[k] == sent[k] for k in ("number", "name"))
        if not same or found["operator"]["id"] != sent["operator_id"]:
            problems.append(f"centre {centre_id}: {found['number']} {found['name']!r}, "
                            f"acknowledged as {sent['number']} {sent['name']!r}")
        pending = in_flight_updates.get(centre_id)
        if (found["version"], found["phone"]) == (sent["version"], sent["phone"]):
            continue
        if pending and (found["version"], found["phone"]) == (pending["version"], pending["phone"]):
            committed_in_flight += 1
            continue
        problems.append(f"centre {centre_id}: version {found['version']} phone {found['phone']}, "
                        f"acknowledged version {sent['version']} phone {sent['phone']}")
    return committed_in_flight


def check_rows_and_events(database, ledger, problems):
    """No row without its events or history, no event without its row."""
    events = Counter()
    for entity_type, entity_id, action, count in database.rows(
            "SELECT entity_type, entity_id, action, COUNT(*) FROM events "
            "WHERE entity_type IN ('centre', 'operator') GROUP BY entity_type, entity_id, action"):
        events[(entity_type, entity_id, action)] = int(count)
    history = Counter({centre_id: int(count) for centre_id, count in database.rows(
        "SELECT centre_id, COUNT(*) FROM centre_history WHERE operation = 'created' "
        "GROUP BY centre_id")})
    rows = {}
    for centre_id, number, name, version in database.rows(
            "SELECT id, number, name, version FROM centres"):
        rows[("centre", number)] = (int(version), name)
        if history[centre_id] != 1:
            problems.append(f"centre {number} has {history[centre_id]} 'created' history rows")
    for operator_id, name, version in database.rows("SELECT id, name, version FROM operators"):
        rows[("operator", operator_id)] = (int(version), name)
    for (entity_type, entity_id), (version, _) in rows.items():
        created = events[(entity_type, entity_id, f"{entity_type}.created")]
        updated = events[(entity_type, entity_id, f"{entity_type}.updated")]
        if created != 1 or updated != version - 1:
            problems.append(f"{entity_type} {entity_id} at version {version} has {created} "
                            f"created and {updated} updated events")
    for entity_type, entity_id, action in events:
        if (entity_type, entity_id) not in rows:
            problems.append(f"event {action} on {entity_type} {entity_id}, which has no row")
    sent_names = {d["name"] for kind, d in ledger.in_flight if kind in ("operator", "centre")}
    sent_names |= {o["name"] for o in ledger.operators.values()}
    sent_names |= {c["name"] for c in ledger.centres.values()}
    for key, (_, name) in rows.items():
        if name not in sent_names:
            problems.append(f"{key[0]} {key[1]} {name!r} was never sent")
    return len(rows), sum(events.values())


# Harm done behind the server's back after the kill, to show that the check sees it.
DAMAGE = {
    "delete-centre": lambda centre_id: [
        f"DELETE FROM centre_history WHERE centre_id = {centre_id}",
        f"DELETE FROM centres WHERE id = {centre_id}"],
    "unlogged-update": lambda centre_id: [
        f"UPDATE centres SET phone = '99999999', version = version + 1 WHERE id = {centre_id}"],
}


def verify_log(binary, database_url, when, problems):
    result = mottak(binary, database_url, "log", "verify")
    if result.returncode != 0:
        problems.append(f"log verify {when}: exit {result.returncode}: {result.stderr.strip()}")
    return result.stdout.strip()


def run(backend, binary, workers, kill_after, damage, directory):
    if backend == "sqlite":
        location = os.path.join(directory, "mottak.db")
        database_url = f"sqlite:{location}"
    else:
        location = f"mottak_crash_check_{os.getpid()}_{int(time.time())}"
        psql(f"CREATE DATABASE {location}")
        database_url = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{location}"
    database = Database(backend, location)
    log_path = os.path.join(directory, f"serve-{backend}.log")
    server = Server(binary, database_url, log_path)
    try:
        started = time.monotonic()
        server.wait_ready()
        added = mottak(binary, database_url, "user", "add", "--username", "krasj", "--role",
                       "admin", "--password-stdin", stdin=PASSWORD)
        issued = mottak(binary, database_url, "token", "issue", "--username", "krasj")
        if added.returncode or issued.returncode:
            raise Failure(f"user add / token issue: {added.stderr}{issued.stderr}")
        token = issued.stdout.strip()

        ledger = Ledger()
        threads = [threading.Thread(target=worker, args=(i, workers, server.port, token, ledger))
                   for i in range(workers)]
        for thread in threads:
            thread.start()
        load_started = time.monotonic()
        while ledger.total() < kill_after and time.monotonic() - load_started < 20:
            if ledger.errors or not any(t.is_alive() for t in threads):
                break
            time.sleep(0.01)
        load_ended = not any(t.is_alive() for t in threads)
        ledger.killed.set()
        server.kill()
        for thread in threads:
            thread.join(timeout=60)
        problems = list(ledger.errors)
        if load_ended and not problems:
            problems.append(f"the load ended after {ledger.total()} writes, before the kill")

        verify_log(binary, database_url, "after the kill", problems)
        if damage:
            database.execute(*DAMAGE[damage](next(iter(ledger.centres))))
        server = Server(binary, database_url, log_path)
        server.wait_ready()
        committed = check_acknowledged(server.port, token, ledger, problems)
        rows, events = check_rows_and_events(database, ledger, problems)
        verified = verify_log(binary, database_url, "after the restart", problems)
        counts = ledger.acknowledged
        print(f"{backend}: {ledger.total()} writes acknowledged ({counts['operator']} operators, "
              f"{counts['centre']} centres, {counts['update']} updates) by {workers} clients; "
              f"{len(ledger.in_flight)} in flight at the kill; {rows} rows and {events} of their "
              f"events checked; {committed} in-flight updates committed whole; {verified}; "
              f"{time.monotonic() - started:.1f} s")
        if problems:
            raise Failure("\n  ".join([f"{len(problems)} problems:"] + problems[:30]))
    finally:
        server.stop()
        if backend == "postgres":
            psql(f"DROP DATABASE IF EXISTS {location} WITH (FORCE)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.environ.get("MOTTAK_BIN", "target/debug/mottak"))
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--kill-after", type=int, default=1000,
                        help="acknowledged writes before the SIGKILL")
    parser.add_argument("--damage", choices=sorted(DAMAGE),
                        help="harm one acknowledged centre after the kill: the check must fail")
    arguments = parser.parse_args()
    backends = ["sqlite", "postgres"] if arguments.backend == "both" else [arguments.backend]
    failed = False
    for backend in backends:
        with tempfile.TemporaryDirectory(prefix="mottak-crash-") as directory:
            try:
                run(backend, os.path.abspath(arguments.binary), arguments.workers,
                    arguments.kill_after, arguments.damage, directory)
            except (Failure, subprocess.CalledProcessError) as failure:
                detail = getattr(failure, "stderr", "") or ""
                print(f"CRASH CHECK FAILED on {backend}: {failure}\n{detail}", file=sys.stderr)
                failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
