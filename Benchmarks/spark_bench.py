#!/usr/bin/env python3
"""The Spark event job beside the Swift reader, on the same generated GDELT 2.0 files, at several sizes.

    Benchmarks/spark_bench.py [--rows 340000,1360000,3400000] [--master local[2]] [--keep]

For each size (in rows; 3.4 million is the 1.05 GB file of events_bench.py) it generates a GDELT 2.0 export with Benchmarks/gen_gdelt.py
in a temporary folder, reads it once into the page cache, then times under
/usr/bin/time:

  * diplomap events aggregate with one worker and with two (the release build;
    left out, with a note, when there is none);
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


def timed(command):
    """Runs a command under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name] + command,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        seconds, kilobytes = report.read().split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", default="340000,1360000,3400000", help="rows of each file, comma-separated")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--diplomap", default=os.path.join(ROOT, ".build", "release", "diplomap"))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    swift = os.path.exists(args.diplomap)
    if not swift:
        print(f"no release build at {args.diplomap}: timing the Spark job only (swift build -c release for both)")
        args.diplomap = os.path.join(ROOT, ".build", "debug", "diplomap")  # only to start spark-submit

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
        for count in [int(r) for r in args.rows.split(",")]:
            data = os.path.join(work, f"gdelt2-{count}.export.CSV")
            subprocess.run([sys.executable, generator, data, str(count), "11"], check=True)
            gigabytes = os.path.getsize(data) / 1e9
            subprocess.run(["cat", data], stdout=subprocess.DEVNULL, check=True)
            swift_csv = os.path.join(work, "swift.csv")
            runs = []
            for threads in (1, 2) if swift else ():
                seconds, peak = timed([args.diplomap, "events", "aggregate", "-q", "--threads", str(threads), "--out", swift_csv, data])
                runs.append((f"diplomap events aggregate, {threads} {'thread' if threads == 1 else 'threads'}", seconds, peak))
            out = os.path.join(work, "spark-out")
            seconds, peak = spark(data, out)
            if not swift:  # the reference aggregate from the debug build, untimed
                subprocess.run([args.diplomap, "events", "aggregate", "-q", "--out", swift_csv, data], check=True)
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
