"""Reference implementation of the pair agreement table, vectorised with DuckDB and pandas.

Computes, for every General Assembly session and every pair of states a < b
that voted on at least one common roll call, the 3 x 3 counts of their votes
and from them Voeten's agreement index, Cohen's kappa and the Signorino-Ritter
S score, with the same formulas (and the same order of floating-point
operations) as DiplomapVotes, so that the output is identical byte for byte.

Usage: python3 reference.py DATA_FOLDER OUT.csv
Prints "load S compute S write S rows N" to standard error.
"""
import sys
import time

import duckdb
import numpy as np
import pandas as pd


def load(folder):
    con = duckdb.connect()
    # all_varchar: no field is guessed as missing; Namibia's "NA" stays a code.
    con.execute(f"""
        create table votes as
        select cast(rcid as integer) as rcid, iso3,
               case vote when 'yes' then 1 when 'abstain' then 2 when 'no' then 3 end as v
        from read_csv('{folder}/votes.csv.gz', header = true, all_varchar = true)
    """)
    con.execute(f"""
        create table calls as
        select cast(rcid as integer) as rcid, cast(session as integer) as session
        from read_csv('{folder}/roll_calls.csv.gz', header = true, all_varchar = true)
    """)
    return con


def compute(con):
    counts = con.execute("""
        select c.session + 1945 as year, x.iso3 as a, y.iso3 as b,
               count(*) as n,
               count(*) filter (where x.v = y.v) as same,
               count(*) filter (where x.v <> y.v and (x.v = 2 or y.v = 2)) as half,
               count(*) filter (where x.v <> y.v and x.v <> 2 and y.v <> 2) as opposite,
               count(*) filter (where x.v = 1) as a1, count(*) filter (where x.v = 2) as a2, count(*) filter (where x.v = 3) as a3,
               count(*) filter (where y.v = 1) as b1, count(*) filter (where y.v = 2) as b2, count(*) filter (where y.v = 3) as b3
        from votes x
        join votes y on x.rcid = y.rcid and x.iso3 < y.iso3
        join calls c on c.rcid = x.rcid
        group by all
        order by year, a, b
    """).df()
    n = counts["n"].to_numpy(dtype=np.float64)
    same = counts["same"].to_numpy(dtype=np.int64)
    half = counts["half"].to_numpy(dtype=np.int64)
    opposite = counts["opposite"].to_numpy(dtype=np.int64)
    agreement = (2 * same + half).astype(np.float64) / (2 * counts["n"].to_numpy(dtype=np.int64)).astype(np.float64)
    chance = np.zeros(len(counts))
    for k in (1, 2, 3):
        chance = chance + (counts[f"a{k}"].to_numpy(dtype=np.float64) / n) * (counts[f"b{k}"].to_numpy(dtype=np.float64) / n)
    observed = same.astype(np.float64) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = np.where(chance < 1, (observed - chance) / (1 - chance), np.nan)
    distance = half + 2 * opposite
    s_score = 1 - (2 * distance.astype(np.float64)) / (2 * n)
    return pd.DataFrame({
        "year": counts["year"], "a": counts["a"], "b": counts["b"], "issue": "all",
        "common_votes": counts["n"], "agreement": agreement, "kappa": kappa, "s_score": s_score,
    })


def write(table, path):
    # pandas writes a float as repr() does: the shortest text that reads back to the same number, as Swift prints it.
    table.to_csv(path, index=False, na_rep="", lineterminator="\n")


def main():
    folder, path = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    con = load(folder)
    loaded = time.perf_counter()
    table = compute(con)
    computed = time.perf_counter()
    write(table, path)
    written = time.perf_counter()
    print(f"load {loaded - started:.3f} s, compute {computed - loaded:.3f} s, write {written - computed:.3f} s, rows {len(table)}", file=sys.stderr)


if __name__ == "__main__":
    main()
