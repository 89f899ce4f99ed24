"""Benchmark: the full pair agreement table, diplomap against the vectorised DuckDB/pandas reference.

Both read the same three gzip CSV files (Data/unvotes), compute the 3 x 3
vote table, agreement, kappa and S score of every pair of states in every
session 1946-2019, and write the same CSV. This script runs each several
times, keeps the best time, checks that the two CSV files are identical byte
for byte, and prints the times side by side with the ratio.

Usage: python3 Benchmarks/votes/bench.py [--runs N] [--diplomap PATH]
(default PATH: the release build, made with `swift build -c release`).
"""
import argparse
import filecmp
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "Data", "unvotes")
TIMES = re.compile(r"load ([\d.]+) s, compute ([\d.]+) s, write ([\d.]+) s, rows (\d+)")


def run(command):
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{done.stderr}")
    match = TIMES.search(done.stderr)
    load, compute, write, rows = float(match[1]), float(match[2]), float(match[3]), int(match[4])
    return {"load": load, "compute": compute, "write": write, "rows": rows, "wall": wall}


def best(command, runs):
    results = [run(command) for _ in range(runs)]
    return {key: min(r[key] for r in results) for key in results[0]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--diplomap")
    args = parser.parse_args()
    binary = args.diplomap
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "diplomap"], cwd=ROOT, check=True, capture_output=True)
        path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
        binary = os.path.join(path, "diplomap")
    out = tempfile.mkdtemp(prefix="votes-bench-")
    ours_csv, reference_csv = os.path.join(out, "diplomap.csv"), os.path.join(out, "reference.csv")
    ours = best([binary, "votes", "matrix", "--all-years", "--format", "csv", "--data", DATA, "--out", ours_csv, "--timing"], args.runs)
    reference = best([sys.executable, os.path.join(ROOT, "Benchmarks", "votes", "reference.py"), DATA, reference_csv], args.runs)
    identical = filecmp.cmp(ours_csv, reference_csv, shallow=False)

    print(f"full pair table, every session 1946-2019: {ours['rows']} rows (reference {reference['rows']}); best of {args.runs} runs")
    print(f"{'':22}{'diplomap':>12}{'reference':>12}{'ratio':>10}")
    for key, label in (("load", "load (s)"), ("compute", "compute (s)"), ("write", "write (s)"), ("wall", "whole process (s)")):
        print(f"{label:22}{ours[key]:12.3f}{reference[key]:12.3f}{reference[key] / max(ours[key], 1e-9):9.1f}x")
    in_process = (reference["load"] + reference["compute"]) / (ours["load"] + ours["compute"])
    print(f"{'load + compute':22}{ours['load'] + ours['compute']:12.3f}{reference['load'] + reference['compute']:12.3f}{in_process:9.1f}x")
    print(f"outputs identical: {'yes' if identical else 'NO'} ({ours_csv}, {reference_csv})")
    sys.exit(0 if identical else 1)


if __name__ == "__main__":
    main()
