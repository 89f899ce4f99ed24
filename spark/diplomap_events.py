#!/usr/bin/env python3
"""diplomap's event aggregation and import as an Apache Spark job.

    spark-submit --files event_layouts.csv,issue_map.csv,quad_classes.csv,countries.csv \\
        diplomap_events.py --focus KAZ,KGZ,TJK,TKM,UZB --out OUT INPUT...

Reads GDELT 1.0, GDELT 2.0 and ICEWS event files (plain, .zip or .gz; not POLECAT's,
whose PLOVER events only the Swift reader maps) from any path Spark reads, keeps the events with a side in the focus and writes to OUT:

    aggregate.csv   the dyad-month aggregate contract, as `diplomap events aggregate` writes it
    evidence.csv    the evidence rows `diplomap events import` stores, for `diplomap events load`
    report.json     rows read, kept and rejected (by reason), damaged files, each file's counts, size and
                    SHA-256, the damage policy, the source id and checksum (events load records them in the ledger)

A damaged file (a gzip or zip that fails its check, or more malformed rows than
--max-malformed) gives nothing unless --accept-damaged, as in the Swift reader.

Every rule is the Swift reader's (Sources/DiplomapEvents): the same checks in
the same order, the same reasons. The column layouts, the CAMEO issue map, the
quad classes and the country codes are read from diplomap's own data files
(Data/cameo, Data/countries), shipped with --files; `diplomap events spark
--print` writes the command line. See spark/README.md.
"""
import argparse
import csv
import io
import json
import math
import os
import unicodedata
import zipfile
import zlib
from decimal import ROUND_HALF_UP, Decimal

from pyspark import SparkFiles
from pyspark.sql import Observation, SparkSession, functions as F, types as T

# The fields a layout names, in the order of the columns of event_layouts.csv (its mode and context columns are PLOVER's).
FIELDS = ["date", "source", "target", "root", "event_code", "goldstein", "mentions", "source_type", "target_type", "url"]
# The formats whose events the job maps: the CAMEO-coded ones. POLECAT's PLOVER event types have an issue map of
# their own (Data/plover), which only the Swift reader applies.
CAMEO_FORMATS = ["gdelt1", "gdelt1-url", "gdelt2", "icews"]
# Rows of the row table: where a line came from, its text, and its file's layout (0-based columns, -1 for none).
LAYOUT_SCHEMA = T.StructType(
    [T.StructField("format", T.StringType()), T.StructField("label", T.StringType()), T.StructField("columns", T.IntegerType())]
    + [T.StructField(f, T.IntegerType()) for f in FIELDS] + [T.StructField(f + "_name", T.StringType()) for f in FIELDS]
)
ROW_SCHEMA = T.StructType(
    [T.StructField("file", T.IntegerType()), T.StructField("part", T.LongType()), T.StructField("seq", T.LongType()),
     T.StructField("value", T.StringType()), T.StructField("utf8", T.BooleanType()), T.StructField("header", T.BooleanType()),
     T.StructField("layout", LAYOUT_SCHEMA), T.StructField("a_code", T.StringType()), T.StructField("b_code", T.StringType())]
)
URL_LIMIT = 3
CODE_LIMIT = 5


# ---------------------------------------------------------------- data files

def data_file(name, given):
    """A data file from the command line, or the copy spark-submit --files put beside the job."""
    if given and os.path.exists(given):
        return given
    return SparkFiles.get(os.path.basename(given or name))


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class Layouts:
    """Data/cameo/event_layouts.csv: the formats, their column counts and where each needed field sits."""

    def __init__(self, path):
        self.rows = read_csv(path)
        self.by_name = {row["format"]: row for row in self.rows}

    def detect(self, first_line):
        """The layout of a file from its first line, as a dict; None when no format matches."""
        fields = first_line.split(b"\t")
        for row in self.rows:
            if row["columns"] != "header" and int(row["columns"]) == len(fields):
                return self._positional(row)
        names = [f.decode("utf-8", "replace").strip() for f in fields]
        for row in self.rows:
            if row["columns"] == "header":
                layout = self.from_header(row, names)
                if layout:
                    return layout
        return None

    def named(self, fmt, first_line):
        row = self.by_name[fmt]
        if row["columns"] != "header":
            return self._positional(row)
        return self.from_header(row, [f.decode("utf-8", "replace").strip() for f in first_line.split(b"\t")])

    @staticmethod
    def _positional(row):
        layout = {"format": row["format"], "label": row["label"], "columns": int(row["columns"]), "header": False}
        for field in FIELDS:
            cell = row[field].strip()
            layout[field] = int(cell.split(" ", 1)[0]) - 1 if cell else -1
            layout[field + "_name"] = cell.split(" ", 1)[1] if cell else ""
        return layout

    @staticmethod
    def from_header(row, names):
        layout = {"format": row["format"], "label": row["label"], "columns": len(names), "header": True}
        for field in FIELDS:
            cell = row[field].strip()
            # "A|B": a field some releases of the format call A and others B.
            column = next((names.index(name) for name in cell.split("|") if name in names), None) if cell else -1
            if column is None:
                return None
            layout[field] = column
            layout[field + "_name"] = names[column] if cell else ""
        return layout


def name_key(text):
    """diplomap's NameKey: case and diacritics folded, punctuation as spaces, a leading "the" dropped."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    words = "".join(c if c.isalnum() else " " for c in folded).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class Countries:
    """Data/countries/countries.csv: CAMEO codes to ISO3, and ICEWS country names to CAMEO codes.

    Names resolve as CountryRegistry.resolveCountry does: a short code (ISO3, ISO2, M49), then a
    name, short name, alias, capital or demonym (the strongest kind wins, then a current state),
    then FIPS, CAMEO, COW and G&W codes.
    """

    RANK = {"member": 0, "observer": 1, "non-member": 2, "historical": 3}

    def __init__(self, path):
        self.rows = {row["iso3"]: row for row in read_csv(path)}
        self.codes = {}
        self.names = {}

        def code(system, key, iso3):
            if key:
                self.codes.setdefault(system, {}).setdefault(key.upper(), []).append(iso3)

        def name(text, iso3, strength):
            key = name_key(text)
            if key:
                self.names.setdefault(key, []).append((iso3, strength))

        for iso3, row in sorted(self.rows.items()):
            code("iso3", iso3, iso3)
            code("iso2", row["iso2"], iso3)
            code("m49", row["iso_numeric"], iso3)
            for system, column in [("cow", "cow_num"), ("cow", "cow_abb"), ("gw", "gw_num"), ("gw", "gw_abb"), ("cameo", "cameo")]:
                code(system, row[column], iso3)
            for fips in row["fips10_4"].split(";"):
                code("fips", fips, iso3)
            name(row["name"], iso3, 0)
            name(row["short_name"], iso3, 0)
            for alias in filter(None, row["aliases"].split(";")):
                name(alias, iso3, 1)
            for other in filter(None, row["capital"].split(";") + row["demonyms"].split(";")):
                name(other, iso3, 2)

    def best(self, candidates):
        known = [(strength, self.RANK[self.rows[iso3]["un_status"]], iso3) for iso3, strength in candidates if iso3 in self.rows]
        return min(known)[2] if known else None

    def by_code(self, text, system):
        key = text.strip().upper()
        if system == "m49" and len(key) < 3 and key.isdigit():
            key = key.zfill(3)
        return self.best([(iso3, 0) for iso3 in self.codes.get(system, {}).get(key, [])])

    def iso3_of_cameo(self, cameo):
        return self.by_code(cameo, "cameo")

    def cameo_of_name(self, text):
        """The CAMEO code (or ISO3) of a country name; None for a name that is no state."""
        text = text.strip()
        plain = len(text) <= 4 and text.isalnum()
        iso3 = None
        if plain:
            iso3 = next(filter(None, (self.by_code(text, s) for s in ["iso3", "iso2", "m49"])), None)
        if iso3 is None and name_key(text) in self.names:
            iso3 = self.best(self.names[name_key(text)])
        if iso3 is None and plain:
            iso3 = next(filter(None, (self.by_code(text, s) for s in ["fips", "cameo", "cow", "gw"])), None)
        return None if iso3 is None else (self.rows[iso3]["cameo"] or iso3)


class IssueMap:
    """Data/cameo/issue_map.csv and quad_classes.csv, applied as IssueMap.swift applies them."""

    def __init__(self, issue_map, quad_classes):
        self.rules = [(r["code_prefix"], r["actor_type"] or None, r["issue"]) for r in read_csv(issue_map)]
        self.quads = {root: int(r["quad_class"]) for r in read_csv(quad_classes) for root in r["root_codes"].split(";")}

    def issue(self, code, actor_types):
        best, best_rank = None, -1
        for prefix, actor_type, issue in self.rules:
            if not code.startswith(prefix) or (actor_type is not None and actor_type not in actor_types):
                continue
            rank = (0 if actor_type is None else 100) + len(prefix)
            if rank > best_rank:
                best, best_rank = issue, rank
        return best or "political.dialogue"

    def polarity(self, root):
        quad = self.quads.get(root)
        return "cooperation" if quad in (1, 2) else "conflict" if quad in (3, 4) else "neutral"


# ---------------------------------------------------------------- input files

class Files:
    """The input paths, expanded (globs, folders) through Hadoop's file systems, in the order given."""

    def __init__(self, spark, patterns):
        jvm = spark._jvm
        self.jvm = jvm
        self.conf = spark._jsc.hadoopConfiguration()
        self.paths, self.sizes = [], []
        for pattern in patterns:
            path = jvm.org.apache.hadoop.fs.Path(pattern)
            fs = path.getFileSystem(self.conf)
            statuses = fs.globStatus(path)
            if statuses is None or len(statuses) == 0:
                raise SystemExit(f"{pattern}: no such file")
            found = []
            for status in statuses:
                if status.isDirectory():
                    found += [(s.getPath().toString(), s.getLen()) for s in fs.listStatus(status.getPath()) if s.isFile()]
                else:
                    found.append((status.getPath().toString(), status.getLen()))
            for path, size in sorted(found):
                self.paths.append(path)
                self.sizes.append(size)

    def open(self, path):
        jpath = self.jvm.org.apache.hadoop.fs.Path(path)
        return jpath.getFileSystem(self.conf).open(jpath)

    def head(self, path, size=1 << 16):
        stream = self.open(path)
        try:
            return bytes(stream.readNBytes(size))
        finally:
            stream.close()

    def checksums(self):
        """The SHA-256 and MD5 of each file, for the import ledger, and the SHA-256 of the files read one after the
        other, as diplomap records an event source: all in one read of every byte."""
        security = self.jvm.java.security
        whole, each = security.MessageDigest.getInstance("SHA-256"), []
        for path in self.paths:
            sha, md5 = security.MessageDigest.getInstance("SHA-256"), security.MessageDigest.getInstance("MD5")
            stream = security.DigestInputStream(security.DigestInputStream(self.open(path), sha), md5)
            try:
                self.jvm.org.apache.commons.codec.digest.DigestUtils.updateDigest(whole, stream)
            finally:
                stream.close()
            each.append((bytes(sha.digest()).hex(), bytes(md5.digest()).hex()))
        return each, bytes(whole.digest()).hex()


def layout_tuple(layout):
    """A layout as a value of LAYOUT_SCHEMA."""
    return tuple(layout[f.name] for f in LAYOUT_SCHEMA.fields)


def first_line(data):
    line = data.split(b"\n", 1)[0]
    return line[:-1] if line.endswith(b"\r") else line


def layout_for(layouts, fmt, data, name):
    """The layout of one file or archive entry from its first line, or the error diplomap gives."""
    line = first_line(data)
    layout = layouts.named(fmt, line) if fmt else layouts.detect(line)
    if layout is not None and layout["format"] not in CAMEO_FORMATS:
        raise SystemExit(f"{name}: {layout['label']} files are coded in PLOVER, which the Spark job does not map; "
                         "read them with diplomap events aggregate or events import")
    if layout is not None:
        return layout
    if fmt:
        names = [c for c in (layouts.by_name[fmt][f] for f in FIELDS) if c]
        raise SystemExit(f"{name}: {layouts.by_name[fmt]['label']} files need a header row naming "
                         + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)))
    fields = len(line.split(b"\t"))
    raise SystemExit(
        f"{name}: cannot tell the format: the first line has {fields} tab-separated fields "
        "(GDELT 1.0 has 57 or 58, GDELT 2.0 has 61, ICEWS starts with a header row); name it with --format")


def inflate(data, wbits):
    """Inflates one zlib stream (a gzip member, a zip entry), keeping the bytes zlib gives before any error.

    Returns (text, rest, error): the bytes after the stream, and the error when the data is damaged or
    ends inside the stream. The input goes in slices; a slice that fails is fed again a byte at a time,
    so that the text is what zlib gave before it stopped, as the Swift reader keeps it.
    """
    inflater, text, at, slice_size = zlib.decompressobj(wbits=wbits), [], 0, 1 << 16
    while at < len(data) and not inflater.eof:
        saved = inflater.copy()
        try:
            text.append(inflater.decompress(data[at:at + slice_size]))
            at += slice_size
        except zlib.error:
            inflater = saved
            for byte in range(at, min(at + slice_size, len(data))):
                try:
                    text.append(inflater.decompress(data[byte:byte + 1]))
                except zlib.error as error:
                    return b"".join(text), b"", f"corrupt data ({error})"
            raise AssertionError("zlib failed on a slice and not on its bytes")
    if not inflater.eof:
        return b"".join(text), b"", "the file ends in the middle of the compressed data (truncated)"
    return b"".join(text), inflater.unused_data + data[at:], None


def zip_entry(data, entry):
    """The text of a zip entry and the damage found in it: its data inflated and checked against the CRC-32 and
    length of the directory, as the Swift reader checks them (Python's zipfile drops the last text it read when
    the CRC fails)."""
    local = entry.header_offset
    if data[local:local + 4] != b"PK\x03\x04":
        return b"", "its local header is missing"
    start = local + 30 + int.from_bytes(data[local + 26:local + 28], "little") + int.from_bytes(data[local + 28:local + 30], "little")
    stored = data[start:start + entry.compress_size]
    if entry.compress_type == zipfile.ZIP_STORED:
        text, error = stored, None
    elif entry.compress_type == zipfile.ZIP_DEFLATED:
        text, _, error = inflate(stored, -15)
    else:
        return b"", f"compression method {entry.compress_type} is not read"
    if error is None and len(text) != entry.file_size:
        error = f"it holds {len(text)} bytes of text where its directory says {entry.file_size}"
    if error is None and zlib.crc32(text) != entry.CRC:
        error = "its CRC-32 does not match its data"
    return text, error


def compressed_rows(layouts, fmt, countries):
    """A function from (file index, path, bytes) of a .gz or .zip file to its rows, for flatMap.

    Compressed files cannot be split, so each is read whole by one task, as the Swift reader does. A damaged
    file gives its whole lines before the damage and a damage row; whether they are kept is the damage
    policy's choice, made over the whole file once every row is counted.
    """

    def codes(line, header):
        """The CAMEO codes of an ICEWS row's two country names; none for a format that has codes."""
        if not header["header"]:
            return None, None
        fields = line.split("\t")
        if len(fields) != header["columns"]:
            return None, None
        return tuple(countries.cameo_of_name(fields[header[side]]) if fields[header[side]] else None for side in ("source", "target"))

    def lines(index, part, data, header):
        layout = layout_tuple(header)
        skip = header["header"]
        for seq, line in enumerate(data.split(b"\n")):
            if line.endswith(b"\r"):
                line = line[:-1]
            if not line:
                continue
            if skip:
                skip = False
                continue
            try:
                text = line.decode("utf-8")
                yield (index, part, seq, text, True, False, layout) + codes(text, header)
            except UnicodeDecodeError:
                yield (index, part, seq, line.decode("utf-8", "replace"), False, False, layout, None, None)

    def damaged(index, part, name, message):
        return (index, part, -1, f"{name}\t{message}", True, False, None, None, None)

    def whole_lines(text):
        return text[: text.rfind(b"\n") + 1]  # the partial last line before the damage is dropped

    def rows(item):
        index, path, data = item
        name = path[len("file:"):] if path.startswith("file:") else path
        if path.lower().endswith(".zip"):
            try:
                archive = zipfile.ZipFile(io.BytesIO(data))
                entries = [e for e in archive.infolist() if not e.is_dir()]
            except (zipfile.BadZipFile, OSError):
                yield damaged(index, 0, name, "zip: not a zip archive, or truncated (its directory at the end is missing)")
                return
            for part, entry in enumerate(entries):
                content, damage = zip_entry(data, entry)
                if damage:
                    damage = f"zip: entry {entry.filename} is damaged after {len(content)} bytes of text: {damage}"
                    content = whole_lines(content)
                if content:
                    yield from lines(index, part, content, layout_for(layouts, fmt, content, f"{name}:{entry.filename}"))
                if damage:
                    yield damaged(index, part, name, damage)
            return
        content, rest, damage = [], data, None
        while rest and damage is None:
            text, rest, damage = inflate(rest, 31)
            content.append(text)
        text = b"".join(content)
        if damage:
            text = whole_lines(text)
        if text:
            yield from lines(index, 0, text, layout_for(layouts, fmt, text, name))
        if damage:
            yield damaged(index, 1 << 62, name, f"gzip: {damage}")

    return rows


# ---------------------------------------------------------------- the checks

def checked(rows, focus):
    """Every row with its verdict: `reason` for a malformed row, `kept` for a row in the focus.

    The checks and their order are EventScanner.row's: field count, UTF-8, the two sides
    (rows without both, or outside the focus, are dropped silently), the date, the root code,
    the Goldstein value, the mentions.
    """
    rows = rows.withColumn("lay", F.col("layout"))

    def at(field):
        index = F.col("lay")[field]
        return F.when(index >= 0, F.try_element_at("fields", index + 1))

    def name(field):
        return F.col("lay")[field + "_name"]

    icews = F.col("lay")["format"] == "icews"
    rows = rows.withColumn("fields", F.split("value", "\t", -1)).withColumn("nfields", F.size("fields"))
    # ICEWS names its countries: their codes were found beside the row (a_code, b_code), where Python reads it anyway.
    a_raw, b_raw = at("source"), at("target")
    rows = rows.withColumn("a", F.when(icews, F.col("a_code")).otherwise(a_raw)).withColumn(
        "b", F.when(icews, F.col("b_code")).otherwise(b_raw))
    date, root_field, code_field, gold, ment = at("date"), at("root"), at("event_code"), at("goldstein"), at("mentions")

    month = F.when(icews & date.rlike(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), F.concat(F.substring(date, 1, 4), F.substring(date, 6, 2))) \
        .when(~icews & date.rlike(r"^[0-9]{8}$"), F.substring(date, 1, 6))
    root = F.when(F.col("lay")["root"] >= 0, root_field).otherwise(F.substring(code_field, 1, 2))
    decimal_ok = gold.rlike(r"^[+-]?[0-9]*\.?[0-9]*$") & (F.length(F.regexp_replace(gold, r"[^0-9]", "")).between(1, 15))
    integer_ok = ment.rlike(r"^[+-]?[0-9]{1,18}$")

    def quoted(column):
        return F.concat(F.lit('"'), column, F.lit('"'))

    in_focus = F.col("a").isin(focus) | F.col("b").isin(focus)
    reason = (
        F.when(F.col("nfields") != F.col("lay")["columns"],
               F.concat(F.lit("row: has "), F.col("nfields").cast("string"), F.lit(" fields, expected "), F.col("lay")["columns"].cast("string"),
                        F.lit(" for "), F.col("lay")["label"]))
        .when(~F.col("utf8"), F.lit("row: invalid UTF-8"))
        .when(~icews & (F.octet_length(a_raw) > 8) & (F.length(b_raw) > 0) & (F.length(a_raw) > 0),
              F.concat(name("source"), F.lit(": longer than 8 bytes")))
        .when(~icews & (F.octet_length(b_raw) > 8) & (F.length(a_raw) > 0),
              F.concat(name("target"), F.lit(": longer than 8 bytes")))
        .when(F.coalesce(F.col("a"), F.lit("")).eqNullSafe("") | F.coalesce(F.col("b"), F.lit("")).eqNullSafe("")
              | (F.col("a") == F.col("b")) | ~in_focus, F.lit(None))
        .when(month.isNull(), F.concat(name("date"), F.when(icews, F.lit(": not a date YYYY-MM-DD")).otherwise(F.lit(": not a date YYYYMMDD"))))
        .when(~icews & (F.length(root_field) == 0), F.concat(name("root"), F.lit(": empty")))
        .when(~icews & (F.octet_length(root_field) > 8), F.concat(name("root"), F.lit(": longer than 8 bytes")))
        .when(icews & (F.octet_length(code_field) < 2), F.concat(name("event_code"), F.lit(": not a CAMEO code")))
        .when((F.length(gold) > 0) & ~decimal_ok, F.concat(name("goldstein"), F.lit(": not a number: "), quoted(gold)))
        .when(ment.isNotNull() & (F.length(ment) > 0) & ~integer_ok, F.concat(name("mentions"), F.lit(": not an integer: "), quoted(ment)))
    )
    kept = F.col("reason").isNull() & F.col("a").isNotNull() & F.col("b").isNotNull() & (F.col("a") != "") & (F.col("b") != "") \
        & (F.col("a") != F.col("b")) & in_focus
    valid = F.col("lay").isNotNull()
    rows = rows.withColumn("reason", F.when(valid, reason)).withColumn("kept", F.coalesce(valid & kept, F.lit(False))) \
        .withColumn("damage", F.when(~valid, F.col("value")))
    goldstein = F.when(F.length(gold) > 0, F.regexp_replace(gold, r"^\+", "").try_cast(T.DecimalType(38, 15)))
    mentions = F.when(icews, F.lit(1).cast("long")).when(F.length(ment) > 0, F.regexp_replace(ment, r"^\+", "").try_cast("long"))

    def packed(column):  # a field longer than eight bytes does not pack: the Swift reader treats it as empty
        return F.when(F.octet_length(column) <= 8, column).otherwise(F.lit(""))

    return rows.select(
        "file", "part", "seq", "reason", "kept", "damage", F.col("lay")["label"].alias("label"), F.col("a").alias("source"), F.col("b").alias("target"), month.alias("month"),
        root.alias("root"), goldstein.alias("goldstein"), mentions.alias("mentions"),
        F.coalesce(packed(code_field), F.lit("")).alias("code"), F.coalesce(packed(at("source_type")), F.lit("")).alias("source_type"),
        F.coalesce(packed(at("target_type")), F.lit("")).alias("target_type"), F.coalesce(at("url"), F.lit("")).alias("url"),
    )


# ---------------------------------------------------------------- outputs

def one_decimal(value):
    """DyadMonthAggregate.oneDecimal: half away from zero, printed as Swift prints a Double."""
    return repr(float(Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)))


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def aggregate_csv(kept):
    cells = kept.groupBy("source", "target", "month", "root").agg(
        F.count("*").alias("events"), F.sum("goldstein").alias("goldstein_sum"), F.sum("mentions").alias("mentions"))
    lines = ["source,target,month,root,events,goldstein_sum,mentions\n"]
    for c in sorted(cells.collect(), key=lambda c: (c.source.encode(), c.target.encode(), c.month, c.root.encode())):
        gold = "" if c.goldstein_sum is None else one_decimal(c.goldstein_sum)
        mentions = "" if c.mentions is None else str(c.mentions)
        lines.append(f"{c.source},{c.target},{c.month},{c.root},{c.events},{gold},{mentions}\n")
    return "".join(lines)


def evidence_csv(spark, kept, issue_map, countries, dataset, names):
    """EvidenceAggregate.evidence: one row per directed dyad, month, issue and polarity, between registry states."""
    combos = kept.select("code", "source_type", "target_type").distinct().collect()
    issues = spark.createDataFrame(
        [(c.code, c.source_type, c.target_type, issue_map.issue(c.code, [t for t in (c.source_type, c.target_type) if t]))
         for c in combos],
        "code string, source_type string, target_type string, issue string")
    polarity = F.create_map(*[x for root in issue_map.quads for x in (F.lit(root), F.lit(issue_map.polarity(root)))])
    rows = kept.join(F.broadcast(issues), ["code", "source_type", "target_type"]) \
        .withColumn("polarity", F.coalesce(polarity[F.col("root")], F.lit("neutral")))
    key = ["source", "target", "month", "issue", "polarity"]
    totals = rows.groupBy(key).agg(
        F.count("*").alias("events"), F.sum(F.coalesce("goldstein", F.lit(0))).alias("goldstein_sum"),
        F.sum(F.coalesce("mentions", F.lit(0))).alias("mentions"))
    codes = rows.groupBy(key + ["code"]).count().groupBy(key).agg(F.collect_list(F.struct("count", "code")).alias("codes"))
    # The first distinct source URLs in file order, as the Swift reader meets them.
    first = rows.where(F.col("url") != "").groupBy(key + ["url"]).agg(F.min(F.struct("file", "part", "seq")).alias("at"))
    urls = first.groupBy(key).agg(F.collect_list(F.struct("at", "url")).alias("urls"))
    cells = totals.join(codes, key).join(urls, key, "left").collect()

    out = []
    # EvidenceAggregate.evidence's order: CAMEO codes and month, then issue and polarity, as bytes.
    for c in sorted(cells, key=lambda c: (c.source.encode(), c.target.encode(), c.month, c.issue, c.polarity)):
        a, b = countries.iso3_of_cameo(c.source), countries.iso3_of_cameo(c.target)
        year, month = int(c.month[:4]), int(c.month[4:])
        if not a or not b or a == b or not (1 <= year <= 9999 and 1 <= month <= 12):
            continue
        date = f"{year:04d}-{month:02d}"
        top = sorted(c.codes, key=lambda x: (-x["count"], x["code"]))[:CODE_LIMIT]
        code_text = ", ".join(f"{x['code']} ×{x['count']}" for x in top)
        reports = [u["url"] for u in sorted(c.urls or [], key=lambda u: tuple(u["at"]))][:URL_LIMIT]
        summary = f"{c.events} {'event' if c.events == 1 else 'events'} of {c.polarity} from {a} to {b} in {date}, "
        summary += f"Goldstein sum {one_decimal(c.goldstein_sum)}, {c.mentions} mentions."
        if reports:
            summary += " Reports: " + " ".join(reports)
        out.append([
            a, b, c.issue, c.polarity, repr(1 + math.log2(c.events)), date, f"{dataset} events {a}→{b}, {date}", dataset,
            ", ".join(names), f"month {c.month}, CAMEO codes {code_text}", summary,
        ])
    return csv_text(["a", "b", "issue", "polarity", "weight", "month", "title", "publisher", "address", "locator", "summary"], out)


def percent(value):
    """DamagePolicy.percent: a share in per cent with as many decimals as it needs, at most two."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + " %"


def malformed_damage(read, malformed, max_malformed):
    """DamagePolicy.malformedDamage: the damage of a file with more malformed rows than the share allows, or None."""
    if read == 0 or malformed <= read * max_malformed:
        return None
    return (f"{malformed} of {read} rows are malformed ({percent(malformed / read * 100)}), "
            f"more than the {percent(max_malformed * 100)} allowed (--max-malformed)")


def write(spark, path, text):
    jvm = spark._jvm
    jpath = jvm.org.apache.hadoop.fs.Path(path)
    stream = jpath.getFileSystem(spark._jsc.hadoopConfiguration()).create(jpath, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


# ---------------------------------------------------------------- the job

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="event files, folders or globs, on any file system Spark reads")
    parser.add_argument("--out", required=True, help="the folder to write aggregate.csv, evidence.csv and report.json to")
    parser.add_argument("--focus", required=True, help="CAMEO country codes, comma-separated (diplomap events spark resolves groups)")
    parser.add_argument("--format", choices=CAMEO_FORMATS, help="the format of every file")
    parser.add_argument("--accept-damaged", action="store_true",
                        help="keep the rows of a damaged file read before the damage (events load marks their evidence) instead of none")
    parser.add_argument("--max-malformed", type=float, default=1.0, metavar="PERCENT",
                        help="the largest share of a file's rows, in per cent, that may be malformed before the file counts as damaged")
    parser.add_argument("--settings", default="", help="the settings the import ledger records (diplomap events spark gives them)")
    parser.add_argument("--layouts", default="event_layouts.csv", help="Data/cameo/event_layouts.csv")
    parser.add_argument("--issue-map", default="issue_map.csv", help="Data/cameo/issue_map.csv")
    parser.add_argument("--quad-classes", default="quad_classes.csv", help="Data/cameo/quad_classes.csv")
    parser.add_argument("--countries", default="countries.csv", help="Data/countries/countries.csv")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("diplomap events").getOrCreate()
    layouts = Layouts(data_file("event_layouts.csv", args.layouts))
    issue_map = IssueMap(data_file("issue_map.csv", args.issue_map), data_file("quad_classes.csv", args.quad_classes))
    countries = Countries(data_file("countries.csv", args.countries))
    focus = [code.strip() for code in args.focus.split(",") if code.strip()]
    files = Files(spark, args.inputs)
    indexed = list(enumerate(files.paths))
    compressed = [(i, p) for i, p in indexed if p.lower().endswith((".zip", ".gz"))]
    plain = [(i, p) for i, p in indexed if not p.lower().endswith((".zip", ".gz"))]

    parts = []
    header_files = set()
    for index, path in plain:
        # Plain files are split by Spark; each file's layout comes from its first line, read here.
        head = files.head(path)
        if not head:
            continue
        layout = layout_for(layouts, args.format, head, path)
        header = first_line(head).decode("utf-8", "replace") if layout["header"] else None
        if header is not None:
            header_files.add(index)
        # UTF-8 is checked before any string function, which would replace a bad byte.
        text = spark.read.option("lineSep", "\n").text(path).select(
            F.expr("is_valid_utf8(value)").alias("utf8"),
            F.when(F.col("value").endswith("\r"), F.expr("substring(value, 1, length(value) - 1)")).otherwise(F.col("value")).alias("value"),
            F.col("_metadata.file_block_start").alias("part"), F.monotonically_increasing_id().alias("seq"))
        text = text.where(F.col("value") != "")
        if layout["header"]:
            # A file that names its countries (ICEWS, a small dataset) has them resolved in Python; only its rows pay for it.
            resolve = F.udf(lambda text: countries.cameo_of_name(text) if text else None, T.StringType())
            fields = F.split("value", "\t", -1)
            whole = F.size(fields) == layout["columns"]
            text = text.withColumn("a_code", F.when(whole, resolve(F.try_element_at(fields, F.lit(layout["source"] + 1))))) \
                .withColumn("b_code", F.when(whole, resolve(F.try_element_at(fields, F.lit(layout["target"] + 1)))))
        else:
            text = text.withColumn("a_code", F.lit(None).cast("string")).withColumn("b_code", F.lit(None).cast("string"))
        parts.append(text.select(
            F.lit(index).alias("file"), "part", "seq", "value", "utf8",
            (F.col("value") == header if header is not None else F.lit(False)).alias("header"),
            F.struct(*[F.lit(v).cast(f.dataType).alias(f.name) for v, f in zip(layout_tuple(layout), LAYOUT_SCHEMA.fields)]).alias("layout"),
            "a_code", "b_code"))
    if compressed:
        by_path = {p: i for i, p in compressed}
        raw = spark.sparkContext.binaryFiles(",".join(p for _, p in compressed), minPartitions=len(compressed))
        rows = raw.map(lambda item: (by_path[item[0]], item[0], item[1])).flatMap(compressed_rows(layouts, args.format, countries))
        parts.append(spark.createDataFrame(rows, ROW_SCHEMA))
    rows = parts[0]
    for part in parts[1:]:
        rows = rows.unionByName(part)

    # One pass over the input: the rows read are counted on the way (an ICEWS header row repeated inside
    # a file is read, and then dropped as no country, as the Swift reader does); what is kept, rejected
    # or damaged, a small part of the input, is cached for the outputs.
    # The rows of each file are counted by a numeric histogram over the file index: with a bin for every file it
    # is exact (bins of the same index are only ever added up), and it costs a lookup per row, not a grouping.
    seen = Observation("read")
    rows = rows.observe(seen, F.histogram_numeric(F.when(F.col("layout").isNotNull(), F.col("file")), F.lit(len(files.paths) + 1)).alias("rows"),
                        F.collect_set(F.col("layout")["label"]).alias("formats"))
    events = checked(rows.where(~F.col("header")), focus)
    slim = events.where(F.col("kept") | F.col("reason").isNotNull() | F.col("damage").isNotNull()).cache()
    slim.count()
    observed = seen.get
    counts = slim.groupBy("file", "reason", "kept").count().collect()
    formats = set(observed["formats"])

    # The damage policy, file by file as EventReader.scanFiles applies it: a file that failed its integrity check,
    # or has more malformed rows than --max-malformed allows, gives nothing unless --accept-damaged.
    read = [0] * len(files.paths)
    for cell in observed["rows"]:
        read[int(cell["x"])] += int(cell["y"])
    for index in header_files:
        read[index] -= 1  # the header row of a plain file that has one
    malformed, kept_rows = [0] * len(files.paths), [0] * len(files.paths)
    for r in counts:
        if r.reason is not None:
            malformed[r.file] += r["count"]
        if r.kept:
            kept_rows[r.file] += r["count"]
    damage = [[] for _ in files.paths]
    for r in slim.where(F.col("damage").isNotNull()).select("file", "part", "damage").orderBy("file", "part").collect():
        damage[r.file].append(dict(zip(["file", "reason"], r.damage.split("\t", 1))))
    for index, path in enumerate(files.paths):
        reason = None if damage[index] else malformed_damage(read[index], malformed[index], args.max_malformed / 100)
        if reason:
            damage[index].append({"file": path[len("file:"):] if path.startswith("file:") else path, "reason": reason})
    left_out = [] if args.accept_damaged else [index for index, found in enumerate(damage) if found]
    for index in left_out:
        kept_rows[index] = 0
    kept = slim.where(F.col("kept") & ~F.col("file").isin(left_out))
    sums, sha = files.checksums()

    names = [os.path.basename(p.rstrip("/")) for p in files.paths]
    dataset = "ICEWS" if "ICEWS" in formats else "GDELT"
    write(spark, f"{args.out}/aggregate.csv", aggregate_csv(kept))
    write(spark, f"{args.out}/evidence.csv", evidence_csv(spark, kept, issue_map, countries, dataset, names))
    rejected = {}
    for r in counts:
        if r.reason is not None:
            rejected[r.reason] = rejected.get(r.reason, 0) + r["count"]
    report = {
        "files": [
            {"name": name, "path": path, "bytes": size, "sha256": file_sha, "md5": file_md5, "damaged": bool(damage[index]),
             "rows_read": read[index], "rows_kept": kept_rows[index], "rows_malformed": malformed[index]}
            for index, (name, path, size, (file_sha, file_md5)) in enumerate(zip(names, files.paths, files.sizes, sums))
        ],
        "formats": sorted(formats),
        "rows_read": sum(read),
        "rows_kept": sum(kept_rows),
        "rows_rejected": sum(rejected.values()),
        "rejected": dict(sorted(rejected.items())),
        "files_damaged": sum(len(found) for found in damage),
        "damaged": [found for found_in_file in damage for found in found_in_file],
        "accept_damaged": args.accept_damaged,
        "max_malformed": args.max_malformed,
        "settings": args.settings,
        "source": {"id": "events/" + "+".join(sorted(names)), "name": ", ".join(names), "sha256": sha},
    }
    write(spark, f"{args.out}/report.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({k: report[k] for k in ["rows_read", "rows_kept", "rows_rejected", "files_damaged"]}))
    spark.stop()


if __name__ == "__main__":
    main()
