"""Validation: diplomap's ideal points against Bailey, Strezhnev and Voeten's published ones, year by year.

Reads the CSV of `diplomap votes idealpoints --all-years --format csv` and the
published extract (Tests/DiplomapVotesTests/Fixtures/bsv_idealpoints_jun2024_extract.csv),
and prints Pearson's r per year over the states both have, with a summary.

Usage: diplomap votes idealpoints --all-years --format csv > points.csv
       python3 Benchmarks/votes/validate.py points.csv
"""
import os
import sys

import pandas as pd

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EXTRACT = os.path.join(ROOT, "Tests", "DiplomapVotesTests", "Fixtures", "bsv_idealpoints_jun2024_extract.csv")


def main():
    ours = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=[""])
    published = pd.read_csv(EXTRACT, keep_default_na=False, na_values=[""])
    published["year"] = published["session"] + 1945
    # The extract keeps Russia's code for the Soviet seat; the votes data calls it SUN before 1992.
    published["country"] = published.apply(lambda r: "SUN" if r.iso3c == "RUS" and r.year < 1992 else r.iso3c, axis=1)
    both = ours.merge(published[["country", "year", "IdealPointAll"]], on=["country", "year"])
    rows = []
    for year, group in both.groupby("year"):
        if len(group) >= 5:
            rows.append((year, len(group), group["ideal_point"].corr(group["IdealPointAll"])))
    table = pd.DataFrame(rows, columns=["year", "states", "r"])
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    recent = table[table.year >= 1992]
    for label, part in (("all years", table), ("1992-2019", recent)):
        print(f"{label}: {len(part)} years, median r {part.r.median():.3f}, mean {part.r.mean():.3f}, min {part.r.min():.3f} ({int(part.loc[part.r.idxmin(), 'year'])})")


if __name__ == "__main__":
    main()
