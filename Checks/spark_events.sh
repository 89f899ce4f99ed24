#!/usr/bin/env bash
# The Spark event job against the Swift reader, on every event fixture, damaged copies of them and a generated
# GDELT 2.0 export: the aggregate byte for byte, the counts of rows read, kept, rejected (by reason) and of damaged
# files, the evidence stored by `events load` of the job's output row for row against `events import`, the import
# ledger entries of the two, and the maps of the two stores byte for byte. The job runs twice: over all the files
# with the default damage policy, then over the damaged ones and one good file with --accept-damaged.
#
#     Checks/spark_events.sh DIPLOMAP WORK [POSTGRES_URL]
#
# DIPLOMAP is the built tool, WORK an empty folder; with POSTGRES_URL (a server URL without a database)
# the job's evidence is loaded into PostgreSQL as well, and its map compared too.
set -euo pipefail
diplomap=$(realpath "$1"); work=$2; pgurl=${3:-}
cd "$(dirname "$0")/.."
fixtures=Tests/DiplomapEventsTests/Fixtures
python3 Benchmarks/gen_gdelt.py "$work/generated.export.CSV" 20000 11

# Damaged copies: a flipped byte inside a gzip's and a zip's compressed data, and a zip whose entry's data is
# whole but whose CRC-32 (in its local header and its directory) is not that of the data.
python3 - "$fixtures" "$work" <<'PY'
import sys, zipfile
fixtures, work = sys.argv[1:]
for name in ["gdelt2_generated.tsv.gz", "gdelt2_generated.zip"]:
    data = bytearray(open(f"{fixtures}/{name}", "rb").read())
    data[len(data) // 2] ^= 0xFF
    open(f"{work}/flipped-{name}", "wb").write(data)
data = bytearray(open(f"{fixtures}/gdelt2_generated.zip", "rb").read())
entry = zipfile.ZipFile(f"{fixtures}/gdelt2_generated.zip").infolist()[0]
central = data.rfind(b"PK\x01\x02")
for crc in [entry.header_offset + 14, central + 16]:
    data[crc] ^= 0x01
open(f"{work}/crc-gdelt2_generated.zip", "wb").write(data)
PY
damaged=("$fixtures"/truncated.tsv.gz "$fixtures"/truncated.zip "$work"/flipped-gdelt2_generated.tsv.gz
         "$work"/flipped-gdelt2_generated.zip "$work"/crc-gdelt2_generated.zip)
files=("$fixtures"/gdelt1_sample.tsv "$fixtures"/gdelt1_sample57.tsv "$fixtures"/gdelt2_generated.tsv "$fixtures"/gdelt2_generated.tsv.gz
       "$fixtures"/gdelt2_generated.zip "$fixtures"/icews_handmade.tab "$fixtures"/bad_rows.tsv "${damaged[@]}" "$work/generated.export.CSV")

# Runs a command that exits 3 when it met a damaged file; any other failure stops the check.
damaged_ok() { "$@" || [ $? -eq 3 ]; }

# compare NAME [POLICY...] -- FILE...: the job and the Swift reader over FILE, with the damage POLICY options.
compare() {
    local name=$1; shift
    local policy=()
    while [ "$1" != "--" ]; do policy+=("$1"); shift; done
    shift
    local out=$work/$name
    mkdir -p "$out"
    "$diplomap" events spark --submit --master 'local[2]' --conf spark.ui.enabled=false "${policy[@]}" --out "$out/spark" "$@" \
        >"$out/spark.out" 2>"$out/spark.log" || { tail -40 "$out/spark.log"; exit 1; }
    damaged_ok "$diplomap" events aggregate "${policy[@]}" "$@" --out "$out/aggregate.csv" 2>"$out/aggregate.log"
    cmp "$out/spark/aggregate.csv" "$out/aggregate.csv" || { echo "$name: the Spark aggregate differs from events aggregate" >&2; exit 1; }

    # The counts: the Swift summary line and the problems it lists, against the job's report.
    python3 - "$out/aggregate.log" "$out/spark/report.json" <<'PY'
import json, os, re, sys
log, report = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
summary = re.search(r"Read (\d+) rows .* kept (\d+) with .* skipped (\d+) malformed(?:; (\d+) files? damaged)?", log)
swift = [int(summary[1]), int(summary[2]), int(summary[3]), int(summary[4] or 0)]
spark = [report["rows_read"], report["rows_kept"], report["rows_rejected"], report["files_damaged"]]
assert swift == spark, f"read, kept, rejected, damaged: events aggregate {swift}, the Spark job {spark}"
reasons, more = {}, re.search(r"… and (\d+) more malformed rows", log)
for line in log.splitlines():
    problem = re.match(r"\S+:\d+: (.*)$", line)
    if problem:
        reasons[problem[1]] = reasons.get(problem[1], 0) + 1
if more:  # the Swift reader lists the first problems only: theirs must be among the job's
    assert all(report["rejected"].get(reason, 0) >= count for reason, count in reasons.items()), f"{reasons} not in {report['rejected']}"
else:
    assert reasons == report["rejected"], f"rejected by reason: events aggregate {reasons}, the Spark job {report['rejected']}"
damaged = sorted(os.path.realpath(file) for file in re.findall(r"^(\S+): damaged", log, re.M))
assert damaged == sorted(os.path.realpath(d["file"]) for d in report["damaged"]), f"damaged files: events aggregate {damaged}, the Spark job {report['damaged']}"
print(f"counts agree: read {swift[0]}, kept {swift[1]}, rejected {swift[2]} ({len(reasons)} reasons), damaged files {swift[3]}")
PY

    # The evidence and the ledger: events import of the files beside events load of the job's output, each in a store of its own.
    damaged_ok "$diplomap" events import -q "${policy[@]}" "$@" --db "$out/import.sqlite" >/dev/null 2>&1
    damaged_ok "$diplomap" events load "$out/spark" --db "$out/load.sqlite"
    damaged_ok "$diplomap" events load "$out/spark" --db "$out/load.sqlite" >/dev/null # a re-load replaces
    "$diplomap" sources --format json --db "$out/import.sqlite" >"$out/import-ledger.json"
    "$diplomap" sources --format json --db "$out/load.sqlite" >"$out/load-ledger.json"
    python3 - "$out/import.sqlite" "$out/load.sqlite" "$out/import-ledger.json" "$out/load-ledger.json" <<'PY'
import json, sqlite3, sys
def rows(path):
    db = sqlite3.connect(path)
    source = "SELECT id, kind, name, sha256 FROM source WHERE kind = 'event'"
    evidence = "SELECT e.* FROM evidence e JOIN source s ON s.id = e.source_id WHERE s.kind = 'event' ORDER BY e.source_id, e.ordinal"
    return db.execute(source).fetchall(), [row[1:] for row in db.execute(evidence)]
(imported, a), (loaded, b) = rows(sys.argv[1]), rows(sys.argv[2])
assert imported == loaded, f"sources differ: {imported} against {loaded}"
assert a == b, f"evidence differs: {len(a)} rows imported, {len(b)} loaded; first difference {next((x, y) for x, y in zip(a, b) if x != y) if len(a) == len(b) else ''}"
def ledger(path):  # the event entries, without the ledger's numbers and times
    return [{k: v for k, v in entry.items() if k not in ("id", "importedAt")} for entry in json.load(open(path)) if entry["kind"] == "event"]
imports, loads = ledger(sys.argv[3]), ledger(sys.argv[4])
assert len(imports) == 1 and loads == imports * 2, f"ledger: events import recorded {imports}, events load (twice) {loads}"
print(f"evidence agrees: {len(a)} rows of source {imported[0][0][:60]}…; ledger agrees: {imports[0]['outcome']}, {len(imports[0]['files'])} files")
PY
    "$diplomap" map --db "$out/import.sqlite" --out "$out/import.html"
    "$diplomap" map --db "$out/load.sqlite" --out "$out/load.html"
    cmp "$out/import.html" "$out/load.html" || { echo "$name: the map from events load differs from the map from events import" >&2; exit 1; }
}

compare all -- "${files[@]}"
compare accept-damaged --accept-damaged -- "${damaged[@]}" "$fixtures"/gdelt1_sample.tsv
if [ -n "$pgurl" ]; then
    psql -q "$pgurl/postgres" -c "CREATE DATABASE diplomap_spark"
    damaged_ok "$diplomap" events load "$work/all/spark" --db "$pgurl/diplomap_spark" >/dev/null
    "$diplomap" map --db "$pgurl/diplomap_spark" --out "$work/all/load-postgres.html"
    cmp "$work/all/import.html" "$work/all/load-postgres.html" || { echo "the map from events load into PostgreSQL differs" >&2; exit 1; }
fi
echo "the Spark job gives what the Swift reader gives"
