#!/usr/bin/env bash
# The Spark event job against the Swift reader, on every event fixture and a generated GDELT 2.0 export:
# the aggregate byte for byte, the counts of rows read, kept, rejected (by reason) and of damaged files,
# the evidence stored by `events load` of the job's output row for row against `events import`, and the
# maps of the two stores byte for byte. The job runs once, over all the files: Spark is slow to start.
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
files=("$fixtures"/gdelt1_sample.tsv "$fixtures"/gdelt1_sample57.tsv "$fixtures"/gdelt2_generated.tsv "$fixtures"/gdelt2_generated.tsv.gz
       "$fixtures"/gdelt2_generated.zip "$fixtures"/icews_handmade.tab "$fixtures"/bad_rows.tsv "$fixtures"/truncated.tsv.gz
       "$fixtures"/truncated.zip "$work/generated.export.CSV")

"$diplomap" events spark --submit --master 'local[2]' --conf spark.ui.enabled=false --out "$work/spark" "${files[@]}" \
    >"$work/spark.out" 2>"$work/spark.log" || { tail -40 "$work/spark.log"; exit 1; }
"$diplomap" events aggregate "${files[@]}" --out "$work/aggregate.csv" 2>"$work/aggregate.log"
cmp "$work/spark/aggregate.csv" "$work/aggregate.csv" || { echo "the Spark aggregate differs from events aggregate" >&2; exit 1; }

# The counts: the Swift summary line and the problems it lists, against the job's report.
python3 - "$work/aggregate.log" "$work/spark/report.json" <<'PY'
import json, re, sys
log, report = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
summary = re.search(r"Read (\d+) rows .* kept (\d+) with .* skipped (\d+) malformed(?:; (\d+) files damaged)?", log)
swift = [int(summary[1]), int(summary[2]), int(summary[3]), int(summary[4] or 0)]
spark = [report["rows_read"], report["rows_kept"], report["rows_rejected"], report["files_damaged"]]
assert swift == spark, f"read, kept, rejected, damaged: events aggregate {swift}, the Spark job {spark}"
reasons = {}
for line in log.splitlines():
    problem = re.match(r"\S+:\d+: (.*)$", line)
    if problem:
        reasons[problem[1]] = reasons.get(problem[1], 0) + 1
assert reasons == report["rejected"], f"rejected by reason: events aggregate {reasons}, the Spark job {report['rejected']}"
print(f"counts agree: read {swift[0]}, kept {swift[1]}, rejected {swift[2]} ({len(reasons)} reasons), damaged files {swift[3]}")
PY

# The evidence: events import of the files beside events load of the job's output, each in a store of its own.
"$diplomap" events import -q "${files[@]}" --db "$work/import.sqlite" >/dev/null 2>&1
"$diplomap" events load "$work/spark" --db "$work/load.sqlite"
"$diplomap" events load "$work/spark" --db "$work/load.sqlite" >/dev/null # a re-load replaces
python3 - "$work/import.sqlite" "$work/load.sqlite" <<'PY'
import sqlite3, sys
def rows(path):
    db = sqlite3.connect(path)
    source = "SELECT id, kind, name, sha256 FROM source WHERE kind = 'event'"
    evidence = "SELECT e.* FROM evidence e JOIN source s ON s.id = e.source_id WHERE s.kind = 'event' ORDER BY e.source_id, e.ordinal"
    return db.execute(source).fetchall(), [row[1:] for row in db.execute(evidence)]
(imported, a), (loaded, b) = rows(sys.argv[1]), rows(sys.argv[2])
assert imported == loaded, f"sources differ: {imported} against {loaded}"
assert a == b, f"evidence differs: {len(a)} rows imported, {len(b)} loaded; first difference {next((x, y) for x, y in zip(a, b) if x != y) if len(a) == len(b) else ''}"
print(f"evidence agrees: {len(a)} rows of source {imported[0][0][:60]}…")
PY
"$diplomap" map --db "$work/import.sqlite" --out "$work/import.html"
"$diplomap" map --db "$work/load.sqlite" --out "$work/load.html"
cmp "$work/import.html" "$work/load.html" || { echo "the map from events load differs from the map from events import" >&2; exit 1; }
if [ -n "$pgurl" ]; then
    psql -q "$pgurl/postgres" -c "CREATE DATABASE diplomap_spark"
    "$diplomap" events load "$work/spark" --db "$pgurl/diplomap_spark" >/dev/null
    "$diplomap" map --db "$pgurl/diplomap_spark" --out "$work/load-postgres.html"
    cmp "$work/import.html" "$work/load-postgres.html" || { echo "the map from events load into PostgreSQL differs" >&2; exit 1; }
fi
echo "the Spark job gives what the Swift reader gives"
