#!/usr/bin/env python3
"""Event aggregation benchmark: diplomap against the DuckDB reference, side by side, on one large GDELT 2.0 file,
plain, gzip-compressed and zip-compressed, and on the same rows cut into many small compressed files, as the feed
ships them.

    Benchmarks/events_bench.py [--rows N | --file PATH] [--feed-rows N] [--threads N] [--baseline PATH] [--keep]

Generates a GDELT 2.0 export of about 1 GB (3.4 million rows) in a temporary
folder outside the repository unless --file names one, compresses it with
`gzip` and `zip` (as GDELT ships it), cuts the same rows into files of
--feed-rows rows each compressed both ways (GDELT 2.0 publishes one zip every
fifteen minutes), reads them all once so that every run starts from the page
cache, then runs, each under /usr/bin/time:

  * `cat` of the file, the speed of reading it;
  * diplomap events aggregate on the plain, the .gz and the .zip file, and on
    the small .gz and .zip files, with one worker and with all cores (one file
    is inflated by one worker whatever the number: the second figure shows the
    cost of the idle ones);
  * the DuckDB reference (peer_gdelt_duckdb.py) on the plain file, the .gz file
    and the small .gz files (DuckDB does not read zip), with threads=1 and with
    all threads;
  * with --baseline, another diplomap build (an older one, say) on every compressed form, one worker.

It prints the wall time, throughput (of the uncompressed text) and peak
resident memory of each run, whether the outputs are identical, and whether
the targets hold: plain 3x DuckDB single-threaded and 2x with all cores,
under 100 MB; the zips with one worker 3x DuckDB on the same rows gzipped with
threads=1, and 2x faster than the baseline's. The generator and the reference live
in ../shared/bench beside the repository, or wherever --bench-dir or
$DIPLOMAP_BENCH_DIR points. Build diplomap first: `swift build -c release`.
Needs `pip install duckdb`, gzip and zip.
"""
import argparse, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, stdout=subprocess.DEVNULL):
    """Runs a command under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name] + command, stdout=stdout, check=True)
        seconds, kilobytes = report.read().split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=3_400_000, help="rows to generate (3.4 million is about 1.05 GB)")
    parser.add_argument("--file", help="an existing GDELT 2.0 export to use instead of generating one")
    parser.add_argument("--feed-rows", type=int, default=3500, help="rows per small compressed file (GDELT 2.0 files hold about 3,500)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="threads for the all-cores runs")
    parser.add_argument("--keep", action="store_true", help="keep the generated file and the outputs")
    parser.add_argument("--bench-dir", default=os.environ.get("DIPLOMAP_BENCH_DIR", os.path.join(ROOT, "..", "shared", "bench")))
    parser.add_argument("--diplomap", default=os.path.join(ROOT, ".build", "release", "diplomap"))
    parser.add_argument("--baseline", help="another diplomap executable to time on the compressed files, for comparison")
    args = parser.parse_args()

    generator = os.path.join(args.bench_dir, "gen_gdelt.py")
    peer = os.path.join(args.bench_dir, "peer_gdelt_duckdb.py")
    for path in [peer, args.diplomap] + ([] if args.file else [generator]) + ([args.baseline] if args.baseline else []):
        if not os.path.exists(path):
            sys.exit(f"missing {path} (see --help)")
    for tool in ["gzip", "zip"]:
        if not shutil.which(tool):
            sys.exit(f"missing {tool} (apt-get install {tool})")

    work = tempfile.mkdtemp(prefix="diplomap-bench-")
    try:
        data = args.file
        if not data:
            data = os.path.join(work, "gdelt2.export.CSV")
            print(f"generating {args.rows:,} rows into {data} …", flush=True)
            subprocess.run([sys.executable, generator, data, str(args.rows), "11"], check=True)
        print("compressing with gzip and zip …", flush=True)
        gz = os.path.join(work, os.path.basename(data) + ".gz")
        with open(gz, "wb") as out:
            subprocess.run(["gzip", "-c", "-n", data], stdout=out, check=True)
        zipped = os.path.join(work, os.path.basename(data) + ".zip")
        subprocess.run(["zip", "-q", "-j", zipped, data], check=True)
        files = {"plain": [data], "gzip": [gz], "zip": [zipped], "gz files": [], "zip files": []}
        feed = os.path.join(work, "feed")
        os.mkdir(feed)
        with open(data, "rb") as text:
            while chunk := [line for _, line in zip(range(args.feed_rows), text)]:
                part = os.path.join(feed, f"{len(files['zip files']):06d}.export.CSV")
                with open(part, "wb") as out:
                    out.writelines(chunk)
                subprocess.run(["zip", "-q", "-j", part + ".zip", part], check=True)
                subprocess.run(["gzip", "-n", part], check=True)
                files["zip files"].append(part + ".zip")
                files["gz files"].append(part + ".gz")
        size = os.path.getsize(data)
        gigabytes = size / 1e9
        for paths in files.values():
            subprocess.run(["cat"] + paths, stdout=subprocess.DEVNULL, check=True)  # into the page cache

        load = os.getloadavg()
        runs = []
        # Through a pipe: cat writing straight to /dev/null may skip the reading altogether.
        seconds, rss = timed(["sh", "-c", 'cat "$0" | cat', data])
        runs.append(("cat (reading the file)", "plain", "-", seconds, rss, None))

        def diplomap(executable, name, form, threads):
            out = os.path.join(work, f"{name}-{form}-{threads}.csv")
            command = [executable, "events", "aggregate", *files[form], "--focus", "C5", "--threads", str(threads), "--quiet", "--out", out]
            seconds, rss = timed(command)
            runs.append((name, form, threads, seconds, rss, out))

        for form in files:
            for threads in [1, args.threads]:
                diplomap(args.diplomap, "diplomap", form, threads)
                if form not in ("zip", "zip files"):
                    out = os.path.join(work, f"duckdb-{form}-{threads}.csv")
                    seconds, rss = timed([sys.executable, peer, out, str(threads), *files[form]])
                    runs.append(("duckdb reference", form, threads, seconds, rss, out))
            if args.baseline and form != "plain":
                diplomap(args.baseline, "baseline diplomap", form, 1)

        print(f"\nfile: {data} ({gigabytes:.2f} GB; .gz {os.path.getsize(gz) / 1e6:.0f} MB, .zip {os.path.getsize(zipped) / 1e6:.0f} MB)")
        print(f"small files: {len(files['zip files'])} of {args.feed_rows:,} rows each, .gz and .zip")
        print(f"load average before the runs: {' '.join(f'{x:.2f}' for x in load)}\n")
        print(f"{'run':<24}{'file':>10}{'threads':>8}{'seconds':>10}{'GB/s':>8}{'peak MB':>10}")
        for name, form, threads, seconds, rss, _ in runs:
            print(f"{name:<24}{form:>10}{threads!s:>8}{seconds:>10.2f}{gigabytes / max(seconds, 1e-9):>8.2f}{rss:>10.1f}")

        def run(name, form, threads):
            return next(r for r in runs if r[0] == name and r[1] == form and r[2] == threads)

        reference = open(run("duckdb reference", "plain", 1)[5], "rb").read()
        identical = all(open(r[5], "rb").read() == reference for r in runs if r[5])
        single = run("duckdb reference", "plain", 1)[3] / run("diplomap", "plain", 1)[3]
        multi = run("duckdb reference", "plain", args.threads)[3] / run("diplomap", "plain", args.threads)[3]
        peak = max(r[4] for r in runs if r[0] == "diplomap")
        print()
        print(f"plain, one thread:  diplomap is {single:.1f}x DuckDB threads=1   (target 3x)  {'ok' if single >= 3 else 'MISSED'}")
        print(f"plain, all cores ({args.threads}): diplomap is {multi:.1f}x DuckDB threads={args.threads}   (target 2x)  {'ok' if multi >= 2 else 'MISSED'}")
        for form, gzipped in [("zip", "gzip"), ("zip files", "gz files")]:
            ratio = run("duckdb reference", gzipped, 1)[3] / run("diplomap", form, 1)[3]
            print(f"{form}, one thread: diplomap is {ratio:.1f}x DuckDB on the {gzipped.replace('gzip', '.gz')}, threads=1   (target 3x)  {'ok' if ratio >= 3 else 'MISSED'}")
        if args.baseline:
            for form in [f for f in files if f != "plain"]:
                speedup = run("baseline diplomap", form, 1)[3] / run("diplomap", form, 1)[3]
                target = "   (target 2x)  " + ("ok" if speedup >= 2 else "MISSED") if form in ("zip", "zip files") else ""
                print(f"{form}, one thread:  {speedup:.1f}x faster than the baseline{target}")
        print(f"diplomap peak memory {peak:.1f} MB   (target < 100 MB)  {'ok' if peak < 100 else 'MISSED'}")
        reading = run("cat (reading the file)", "plain", "-")[3]
        print(f"reading the file alone takes {reading:.2f} s: diplomap single-threaded takes {run('diplomap', 'plain', 1)[3] / reading:.1f}x that")
        rows = reference.count(b"\n") - 1
        print(f"outputs identical to the reference: {'yes' if identical else 'NO'} ({rows} rows)")
        if args.keep:
            print(f"kept {work}")
        return 0 if identical else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
