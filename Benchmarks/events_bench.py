#!/usr/bin/env python3
"""Event aggregation benchmark: diplomap against the DuckDB reference, side by side, on one large GDELT 2.0 file.

    Benchmarks/events_bench.py [--rows N | --file PATH] [--threads N] [--keep]

Generates a GDELT 2.0 export of about 1 GB (3.4 million rows) in a temporary
folder outside the repository unless --file names one, reads it once so that
every run starts from the page cache, then runs, each under /usr/bin/time:

  * `cat` of the file, the speed of reading it;
  * diplomap events aggregate with one worker, and with all cores;
  * the DuckDB reference (peer_gdelt_duckdb.py) with threads=1, and with all threads.

It prints the wall time, throughput and peak resident memory of each run, the
ratios against DuckDB, whether the outputs are identical, and whether the
targets hold (3x DuckDB single-threaded, 2x with all cores, under 100 MB).
The generator and the reference live in ../shared/bench beside the repository,
or wherever --bench-dir or $DIPLOMAP_BENCH_DIR points. Build diplomap first:
`swift build -c release`. Needs `pip install duckdb`.
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
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="threads for the all-cores runs")
    parser.add_argument("--keep", action="store_true", help="keep the generated file and the outputs")
    parser.add_argument("--bench-dir", default=os.environ.get("DIPLOMAP_BENCH_DIR", os.path.join(ROOT, "..", "shared", "bench")))
    parser.add_argument("--diplomap", default=os.path.join(ROOT, ".build", "release", "diplomap"))
    args = parser.parse_args()

    generator = os.path.join(args.bench_dir, "gen_gdelt.py")
    peer = os.path.join(args.bench_dir, "peer_gdelt_duckdb.py")
    for path in [peer, args.diplomap] + ([] if args.file else [generator]):
        if not os.path.exists(path):
            sys.exit(f"missing {path} (see --help)")

    work = tempfile.mkdtemp(prefix="diplomap-bench-")
    try:
        data = args.file
        if not data:
            data = os.path.join(work, "gdelt2.export.tsv")
            print(f"generating {args.rows:,} rows into {data} …", flush=True)
            subprocess.run([sys.executable, generator, data, str(args.rows), "11"], check=True)
        size = os.path.getsize(data)
        gigabytes = size / 1e9
        subprocess.run(["cat", data], stdout=subprocess.DEVNULL, check=True)  # into the page cache

        runs = []
        seconds, rss = timed(["cat", data])
        runs.append(("cat (reading the file)", "-", seconds, rss, None))
        outputs = {}
        for threads in [1, args.threads]:
            out = os.path.join(work, f"diplomap-{threads}.csv")
            seconds, rss = timed([args.diplomap, "events", "aggregate", data, "--focus", "C5", "--threads", str(threads), "--quiet", "--out", out])
            runs.append(("diplomap", threads, seconds, rss, out))
            out = os.path.join(work, f"duckdb-{threads}.csv")
            seconds, rss = timed([sys.executable, peer, out, str(threads), data])
            runs.append(("duckdb reference", threads, seconds, rss, out))

        print(f"\nfile: {data} ({gigabytes:.2f} GB)\n")
        print(f"{'run':<24}{'threads':>8}{'seconds':>10}{'GB/s':>8}{'peak MB':>10}")
        for name, threads, seconds, rss, _ in runs:
            print(f"{name:<24}{threads!s:>8}{seconds:>10.2f}{gigabytes / max(seconds, 1e-9):>8.2f}{rss:>10.1f}")

        def run(name, threads):
            return next(r for r in runs if r[0] == name and r[1] == threads)

        reference = open(run("duckdb reference", 1)[4], "rb").read()
        identical = all(open(r[4], "rb").read() == reference for r in runs if r[4])
        single = run("duckdb reference", 1)[2] / run("diplomap", 1)[2]
        multi = run("duckdb reference", args.threads)[2] / run("diplomap", args.threads)[2]
        peak = max(run("diplomap", 1)[3], run("diplomap", args.threads)[3])
        print()
        print(f"single-threaded: diplomap is {single:.1f}x DuckDB threads=1   (target 3x)  {'ok' if single >= 3 else 'MISSED'}")
        print(f"all cores ({args.threads}):   diplomap is {multi:.1f}x DuckDB threads={args.threads}   (target 2x)  {'ok' if multi >= 2 else 'MISSED'}")
        print(f"diplomap peak memory {peak:.1f} MB   (target < 100 MB)  {'ok' if peak < 100 else 'MISSED'}")
        reading = run("cat (reading the file)", "-")[2]
        print(f"reading the file alone takes {reading:.2f} s: diplomap single-threaded takes {run('diplomap', 1)[2] / reading:.1f}x that")
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
