#!/usr/bin/env python3
"""The Spark event job beside the Swift reader, on the same generated GDELT 2.0 files, at several sizes.

    Benchmarks/spark_bench.py [--sizes 0.1,0.4,1.1] [--master local[2]] [--keep]

For each size (in GB) it generates a GDELT 2.0 export with Benchmarks/gen_gdelt.py
in a temporary folder, reads it once into the page cache, then times under
/usr/bin/time:

  * diplomap events aggregate with one worker and with two (release build);
  * the Spark job (spark/diplomap_events.py) on --master, through
    `diplomap events spark --submit`, which writes the aggregate, the evidence
    and the report in one run.

A run of the job on a 1,000-row file measures Spark's fixed cost (the JVM,
the session, the planning of every stage); the table gives each run's wall
time and throughput, the job's time less that fixed cost, and whether the
job's aggregate is byte for byte the Swift reader's. The files are deleted
afterwards unless --keep. Build first: `swift build -c release`; needs
`pip install pyspark` and Java 17.
"""
import argparse, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROWS_PER_GB = 3_240_000  # gen_gdelt.py writes about 309 bytes a row


def timed(command):
    """Runs a command under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name] + command,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        seconds, kilobytes = report.read().split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.1,0.4,1.1", help="file sizes in GB, comma-separated")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--diplomap", default=os.path.join(ROOT, ".build", "release", "diplomap"))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(args.diplomap):
        sys.exit(f"missing {args.diplomap}: swift build -c release")

    work = tempfile.mkdtemp(prefix="diplomap-spark-bench-")
    generator = os.path.join(ROOT, "Benchmarks", "gen_gdelt.py")

    def spark(path, out):
        return timed([args.diplomap, "events", "spark", "--submit", "--master", args.master, "--conf", "spark.ui.enabled=false",
                      "--job", os.path.join(ROOT, "spark", "diplomap_events.py"), "--out", out, path])

    try:
        tiny = os.path.join(work, "tiny.export.CSV")
        subprocess.run([sys.executable, generator, tiny, "1000", "11"], check=True)
        fixed, _ = spark(tiny, os.path.join(work, "tiny-out"))
        print(f"Spark's fixed cost (a 1,000-row file): {fixed:.1f} s", flush=True)
        rows = []
        for size in [float(s) for s in args.sizes.split(",")]:
            data = os.path.join(work, f"gdelt2-{size}.export.CSV")
            subprocess.run([sys.executable, generator, data, str(int(size * ROWS_PER_GB)), "11"], check=True)
            gigabytes = os.path.getsize(data) / 1e9
            subprocess.run(["cat", data], stdout=subprocess.DEVNULL, check=True)
            swift_csv = os.path.join(work, "swift.csv")
            runs = []
            for threads in (1, 2):
                seconds, peak = timed([args.diplomap, "events", "aggregate", "-q", "--threads", str(threads), "--out", swift_csv, data])
                runs.append((f"diplomap events aggregate, {threads} {'thread' if threads == 1 else 'threads'}", seconds, peak))
            out = os.path.join(work, "spark-out")
            seconds, peak = spark(data, out)
            same = open(os.path.join(out, "aggregate.csv"), "rb").read() == open(swift_csv, "rb").read()
            runs.append((f"Spark job, {args.master}", seconds, peak))
            for name, seconds, peak in runs:
                rows.append((f"{gigabytes:.2f}", name, seconds, gigabytes / seconds, peak))
            marginal = seconds - fixed
            print(f"{gigabytes:.2f} GB: Spark {seconds:.1f} s ({marginal:.1f} s past its fixed cost, "
                  f"{gigabytes / marginal * 1000:.0f} MB/s), aggregate {'identical' if same else 'DIFFERENT'}", flush=True)
            os.remove(data)
        print("\n| GB | run | seconds | GB/s | peak MB |\n|---|---|---|---|---|")
        for gigabytes, name, seconds, rate, peak in rows:
            print(f"| {gigabytes} | {name} | {seconds:.2f} | {rate:.3f} | {peak:.0f} |")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
