#!/usr/bin/env python3
"""Soak test of `diplomap serve` on loopback: sustained reads and writes, with stalled clients alongside.

    Checks/soak.py [--binary .build/debug/diplomap] [--db PATH] [--duration 120] [--clients 8] [--stalled 100]

Starts the server on a temporary SQLite store (or the one --db names) with a short idle timeout, then for
--duration seconds:

  * --clients threads each loop over a mix of requests: the web pages (map, pair, state, search), maps with
    random filters (half of them gzip-compressed), evidence paging (a pair's pages followed by their cursors),
    and writes: a posted document and a posted fact file, each under a new name;
  * --stalled connections that hold a socket without finishing a request: half idle (they send nothing), half
    slowloris (a request head that never ends, one byte a second); each one the server closes is opened again;
  * the server's resident memory is sampled every two seconds, in its two parts: anonymous (RssAnon: the heap
    and stacks, what a leak grows) and file-backed (RssFile: the binary's pages and the store's mapped pages,
    which the kernel may drop and which grow as more of the store is read).

It fails (exit 1) on any error response or failed request, on a stalled connection the server kept open past
its idle timeout and a margin, on anonymous memory still growing at the end (the highest sample of the last
quarter more than 10% and 16 MB above the highest of the second quarter), or on a write answered 201 that the store, read
after the server has stopped, does not hold with the row count the answer gave. It prints the requests per
kind, their latency percentiles, the stalled connections opened and closed, and the memory at start and end.
"""
import argparse
import gzip
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.client import HTTPConnection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOCUS = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
PARTNERS = ["JPN", "IND", "IRN", "TUR", "KOR", "CHN", "RUS", "PAK", "AFG", "USA"]
NAMES = {"KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan", "TKM": "Turkmenistan", "UZB": "Uzbekistan",
         "JPN": "Japan", "IND": "India", "IRN": "Iran", "TUR": "Turkey", "KOR": "South Korea", "CHN": "China",
         "RUS": "Russia", "PAK": "Pakistan", "AFG": "Afghanistan", "USA": "the United States"}
TOKEN = "soak"


class Tally:
    """Requests, failures and latencies per kind, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = []
        self.writes = []  # (source id, rows) of every write answered 201

    def record(self, kind, seconds):
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)

    def error(self, message):
        with self.lock:
            self.errors.append(message)


class Client:
    """One client thread's keep-alive connection and its mix of requests."""

    def __init__(self, port, number, tally, rng):
        self.port, self.number, self.tally, self.rng = port, number, tally, rng
        self.connection = HTTPConnection("127.0.0.1", port, timeout=60)
        self.writes = 0

    def request(self, kind, method, path, body=None, headers=None, expect=(200,)):
        headers = dict(headers or {})
        started = time.monotonic()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except Exception as error:  # a reset or a timeout is a failure of the server under load
            self.connection.close()
            self.connection = HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.tally.error(f"{method} {path}: {type(error).__name__}: {error}")
            return None
        self.tally.record(kind, time.monotonic() - started)
        if response.status not in expect:
            self.tally.error(f"{method} {path}: {response.status} {data[:200]!r}")
            return None
        if response.getheader("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        return data

    def page(self):
        a, b = self.rng.choice(FOCUS), self.rng.choice(PARTNERS)
        path = self.rng.choice(["/", f"/dyad/{a}-{b}", f"/country/{a}", "/search?q=water", f"/?focus={a}&partners={b}"])
        self.request("page", "GET", path)

    def map(self):
        query = {"focus": ",".join(self.rng.sample(FOCUS, self.rng.randint(1, 5))),
                 "partners": ",".join(self.rng.sample(PARTNERS, self.rng.randint(1, 10)))}
        if self.rng.random() < 0.3:
            query["evidence"] = "strongest"
        if self.rng.random() < 0.3:
            query["since"] = str(self.rng.randint(1995, 2020))
        headers = {"Accept-Encoding": "gzip"} if self.rng.random() < 0.5 else {}
        data = self.request("map", "GET", "/api/v1/map?" + urllib.parse.urlencode(query), headers=headers)
        if data is not None and "cells" not in json.loads(data) and "focus" not in json.loads(data):
            self.tally.error("GET /api/v1/map: a body without the map")

    def evidence(self):
        a, b = self.rng.choice(FOCUS), self.rng.choice(PARTNERS)
        cursor = None
        for _ in range(5):
            path = f"/api/v1/dyads/{a}-{b}/evidence?limit=20" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
            data = self.request("evidence", "GET", path)
            if data is None:
                return
            cursor = json.loads(data)["next"]
            if cursor is None:
                return

    def post_document(self):
        self.writes += 1
        name = f"soak-{self.number}-{self.writes}"
        a, b = self.rng.choice(FOCUS), self.rng.choice(PARTNERS)
        text = f"{NAMES[a]} and {NAMES[b]} signed an agreement on water cooperation. Their ministers met again on trade."
        body = json.dumps({"id": name, "title": f"Soak note {name}", "address": f"https://example.org/soak/{name}", "text": text})
        data = self.request("post document", "POST", "/api/v1/documents", body=body,
                            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}, expect=(201,))
        if data is not None:
            result = json.loads(data)
            with self.tally.lock:
                self.tally.writes.append((result["source"]["id"], len(result["relations"])))

    def post_facts(self):
        self.writes += 1
        name = f"soak-{self.number}-{self.writes}.yaml"
        a, b = self.rng.choice(FOCUS), self.rng.choice(PARTNERS)
        body = f"""facts:
  - id: soak-{self.number}-{self.writes}
    kind: agreement
    a: [{a}]
    b: [{b}]
    issues: [economy.trade]
    polarity: cooperation
    start: 2024-0{self.rng.randint(1, 9)}
    citations:
      - title: Soak agreement {self.number}-{self.writes}
        publisher: Ministry of Foreign Affairs
        address: https://mfa.example.org/soak/{self.number}/{self.writes}
        locator: paragraph 1
        summary: The two states signed a trade agreement.
"""
        data = self.request("post facts", "POST", f"/api/v1/facts?name={name}", body=body.encode(),
                            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/yaml"}, expect=(201,))
        if data is not None:
            result = json.loads(data)
            with self.tally.lock:
                self.tally.writes.append((result["source"]["id"], result["evidence"]))

    def run(self, deadline):
        actions = [self.page] * 3 + [self.map] * 4 + [self.evidence] * 2 + [self.post_document, self.post_facts]
        while time.monotonic() < deadline:
            self.rng.choice(actions)()
        self.connection.close()


class Stalled:
    """Connections that never finish a request: half idle, half slowloris. Each closed by the server is reopened."""

    def __init__(self, port, count, tally):
        self.port, self.count, self.tally = port, count, tally
        self.opened = self.closed = 0
        self.longest = 0.0  # the longest a stalled connection lived before the server closed it

    def open(self, slow):
        sock = socket.create_connection(("127.0.0.1", self.port))
        sock.setblocking(False)
        if slow:
            sock.send(b"GET /api/v1/issues HTTP/1.1\r\nHost: soak\r\n")
        self.opened += 1
        return {"socket": sock, "slow": slow, "opened": time.monotonic()}

    def run(self, deadline):
        connections = [self.open(index % 2 == 1) for index in range(self.count)]
        while time.monotonic() < deadline:
            time.sleep(1)
            for index, connection in enumerate(connections):
                sock = connection["socket"]
                try:
                    if connection["slow"]:
                        sock.send(b"X")
                    if sock.recv(4096) == b"":
                        raise ConnectionResetError
                except BlockingIOError:
                    continue
                except OSError:
                    pass
                self.closed += 1
                self.longest = max(self.longest, time.monotonic() - connection["opened"])
                sock.close()
                connections[index] = self.open(connection["slow"])
        for connection in connections:
            connection["socket"].close()


def resident_megabytes(pid):
    """The process's resident memory as (anonymous, file-backed) megabytes, from /proc/PID/status."""
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("RssAnon", "RssFile"):
                fields[name] = int(value.split()[0]) / 1024
    return fields.get("RssAnon", 0.0), fields.get("RssFile", 0.0)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "diplomap"))
    parser.add_argument("--db", help="a SQLite file for the store (default: a new one in a temporary folder)")
    parser.add_argument("--duration", type=float, default=120, help="seconds of load (default 120)")
    parser.add_argument("--clients", type=int, default=8, help="client threads (default 8)")
    parser.add_argument("--stalled", type=int, default=100, help="idle and slowloris connections held open (default 100)")
    parser.add_argument("--idle-timeout", type=int, default=5, help="the server's --idle-timeout (default 5 seconds)")
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="diplomap-soak-")
    store = args.db or os.path.join(work, "soak.sqlite")
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.binary, "serve", "--port", str(port), "--db", store, "--token", TOKEN,
                               "--log-level", "warning", "--idle-timeout", str(args.idle_timeout)],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                HTTPConnection("127.0.0.1", port, timeout=5).request("GET", "/api/v1/issues")
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit(f"the server stopped: see {log.name}")
                time.sleep(0.2)
        # The vote data loads on the first chart: once here, not in the measured run.
        warm = HTTPConnection("127.0.0.1", port, timeout=600)
        warm.request("GET", "/api/v1/votes/agreement?a=KAZ&b=JPN")
        warm.getresponse().read()
        rss = [(0.0, *resident_megabytes(server.pid))]

        tally = Tally()
        started = time.monotonic()
        deadline = started + args.duration
        clients = [Client(port, number, tally, random.Random(args.seed + number)) for number in range(args.clients)]
        stalled = Stalled(port, args.stalled, tally)
        threads = [threading.Thread(target=client.run, args=(deadline,)) for client in clients]
        threads.append(threading.Thread(target=stalled.run, args=(deadline,)))
        for thread in threads:
            thread.start()
        while time.monotonic() < deadline:
            time.sleep(2)
            rss.append((time.monotonic() - started, *resident_megabytes(server.pid)))
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started

        server.send_signal(signal.SIGTERM)
        status = server.wait(timeout=120)
    finally:
        if server.poll() is None:
            server.kill()
    failures = list(tally.errors)
    if status != 0:
        failures.append(f"the server exited with {status} on SIGTERM")

    # Every write answered 201 is in the store, with its rows, once the server has stopped.
    database = sqlite3.connect(store)
    stored = dict(database.execute("SELECT s.id, (SELECT count(*) FROM evidence e WHERE e.source_id = s.id) FROM source s"))
    database.close()
    lost = [(source, rows) for source, rows in tally.writes if stored.get(source) != rows]
    failures += [f"write lost: {source} should hold {rows} rows, holds {stored.get(source)}" for source, rows in lost[:10]]

    # Anonymous memory levels off: the last quarter's highest sample is within 10% (and 16 MB) of the second quarter's.
    quarter = args.duration / 4
    second = max((anon for t, anon, _ in rss if quarter <= t < 2 * quarter), default=rss[0][1])
    last = max((anon for t, anon, _ in rss if t >= 3 * quarter), default=rss[-1][1])
    if last > second * 1.10 and last > second + 16:
        failures.append(f"anonymous memory still growing: {second:.0f} MB in the second quarter, {last:.0f} MB in the last")
    limit = args.idle_timeout + 10
    if stalled.longest > limit:
        failures.append(f"a stalled connection was kept {stalled.longest:.0f} s, past the idle timeout of {args.idle_timeout} s")
    if stalled.closed == 0 and args.stalled > 0 and args.duration > limit:
        failures.append("no stalled connection was closed by the server")

    total = sum(len(values) for values in tally.latencies.values())
    print(f"{total} requests in {elapsed:.0f} s ({total / elapsed:.0f}/s) from {args.clients} clients, "
          f"{len(tally.errors)} failed; {len(tally.writes)} writes, {len(lost)} lost")
    print(f"{'kind':<15} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, values in sorted(tally.latencies.items()):
        print(f"{kind:<15} {len(values):>8} {percentile(values, .5) * 1000:>8.1f} {percentile(values, .99) * 1000:>8.1f} {max(values) * 1000:>8.1f}")
    print(f"stalled connections (half idle, half slowloris): {stalled.opened} opened, {stalled.closed} closed by the server, "
          f"the longest kept {stalled.longest:.1f} s (idle timeout {args.idle_timeout} s)")
    samples = rss[::max(1, len(rss) // 12)]
    print("anonymous memory, MB: " + " ".join(f"{anon:.0f}" for _, anon, _ in samples) +
          f" (start {rss[0][1]:.0f}, second quarter's highest {second:.0f}, last quarter's highest {last:.0f}, end {rss[-1][1]:.0f})")
    print("file-backed memory, MB: " + " ".join(f"{mapped:.0f}" for _, _, mapped in samples) +
          f" (start {rss[0][2]:.0f}, end {rss[-1][2]:.0f})")
    for failure in failures[:20]:
        print("FAIL", failure)
    log.close()
    if failures:
        print(f"the server's log and store are kept in {work}")
    else:
        shutil.rmtree(work)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
