#!/usr/bin/env python3
"""Load test of the cached map endpoint: `diplomap serve` on loopback under wrk.

Builds the release binary, starts the server on a temporary SQLite store (or
on the store --db names, such as a postgres:// URL), times uncached maps (each
request a new filter, so each is built from the store), warms the cache, then
runs wrk against /api/v1/map three ways: the full body, the body
gzip-compressed (as browsers ask for it), and revalidation with If-None-Match
(304, as a browser that has the map already asks). Prints requests per second
and the 99th percentile latency beside the targets (>= 20,000 requests/s,
p99 < 10 ms).
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

TARGET_RPS = 20_000
TARGET_P99_MS = 10.0
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, args, headers):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = milliseconds(re.search(r"\s99%\s+([\d.]+(?:us|ms|s))", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return " ".join(command), rps, p99, int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (default 15)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=3,
                        help="wrk runs per case (default 3); the median is compared with the targets, since runs on a shared machine vary")
    parser.add_argument("--log-level", default="warning",
                        help="the server's log level (default warning); info logs every request, which costs about a quarter of the rate here")
    parser.add_argument("--no-build", action="store_true", help="use the release binary as it is")
    parser.add_argument("--db", help="the store to serve: a SQLite path or a postgres:// URL (default: a new temporary SQLite file)")
    parser.add_argument("--uncached", type=int, default=20, help="uncached maps to time, each under a filter not asked before (default 20)")
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "diplomap"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, ".build", "release", "diplomap")

    work = tempfile.mkdtemp(prefix="diplomap-web-bench-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--db", args.db or os.path.join(work, "store.sqlite"), "--log-level", args.log_level],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 300
        while True:
            try:
                if fetch(base + "/api/v1/issues")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.time() > deadline:
                sys.exit("the server did not start; see " + log.name)
            time.sleep(0.5)

        url = base + "/api/v1/map"
        started = time.time()
        status, headers, body = fetch(url)
        build_seconds = time.time() - started
        # Uncached: every request a filter set not asked before (a different start year and window), built from the store.
        uncached = []
        for index in range(args.uncached):
            started = time.time()
            assert fetch(f"{url}?since={1950 + index}&until={2030 - index % 7}")[0] == 200
            uncached.append(time.time() - started)
        _, gzip_headers, gzip_body = fetch(url, {"Accept-Encoding": "gzip"})
        assert status == 200 and gzip_headers.get("Content-Encoding") == "gzip"
        runs = [
            ("full body", {}, len(body)),
            ("gzip", {"Accept-Encoding": "gzip"}, len(gzip_body)),
            ("If-None-Match (304)", {"If-None-Match": headers["ETag"]}, 0),
        ]
        # The URL without its password.
        shown = re.sub(r"//([^:@/]+):[^@/]*@", lambda match: "//" + match.group(1) + "@", args.db) if args.db else "temporary SQLite"
        print(f"store: {shown}")
        print(f"first /api/v1/map (builds and caches the map): {build_seconds:.2f} s; server log level {args.log_level}")
        if uncached:
            print(f"uncached /api/v1/map, {len(uncached)} filters: median {statistics.median(uncached) * 1000:.1f} ms, "
                  f"slowest {max(uncached) * 1000:.1f} ms")
        print(f"median of {args.repeat} wrk runs per case")
        print(f"{'run':<22} {'bytes':>9} {'requests/s':>11} {'target':>9} {'p99 ms':>8} {'target':>7}  met  every run (requests/s, p99 ms)")
        for name, extra, size in runs:
            results = [run_wrk(url, args, extra) for _ in range(args.repeat)]
            rps = statistics.median(r[1] for r in results)
            p99 = statistics.median(r[2] for r in results)
            errors = sum(r[3] for r in results)
            met = "yes" if rps >= TARGET_RPS and p99 < TARGET_P99_MS and errors == 0 else "no"
            every = ", ".join(f"{r[1]:,.0f}/{r[2]:.1f}" for r in results)
            print(f"{name:<22} {size:>9} {rps:>11,.0f} {'>= 20,000':>9} {p99:>8.2f} {'< 10':>7}  {met:<4} {every}"
                  + (f"  ({errors} non-2xx/3xx)" if errors else ""))
            print(f"  {results[0][0]}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
