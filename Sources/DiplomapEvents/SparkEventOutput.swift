import DiplomapCore
import Foundation

/// What the Spark job (`spark/diplomap_events.py`) writes to its output folder, read back for the store.
///
/// `evidence.csv` holds the rows `diplomap events import` would store, one per directed
/// dyad, month, issue and polarity; `report.json` the counts, each file with its size, SHA-256, MD5,
/// damage and counts, and the source (id, file names, SHA-256 of the files). Every row is checked before anything is stored, and every problem
/// is reported with its line and field, so that a damaged or foreign file is never half-loaded.
public struct SparkEventOutput: Sendable {
    /// The job's counts and its source, from `report.json`.
    public struct Report: Sendable, Decodable {
        public struct Source: Sendable, Decodable {
            public var id: String
            public var name: String
            public var sha256: String
        }

        /// One input file as the job read it: for the import ledger, and for the damage policy's verdict on it.
        public struct File: Sendable, Decodable {
            public var name: String
            public var bytes: Int
            public var sha256: String
            /// `nil` in the output of a job older than the ledger's MD5.
            public var md5: String?
            /// Whether it failed its integrity check or had more malformed rows than `--max-malformed` allows.
            public var damaged: Bool
            public var rowsRead: Int
            /// Rows that passed the checks and the focus: 0 for a damaged file left out.
            public var rowsKept: Int
            public var rowsMalformed: Int
        }

        public var files: [File]
        public var rowsRead: Int
        public var rowsKept: Int
        public var rowsRejected: Int
        public var filesDamaged: Int
        /// Whether the damaged files' rows before the damage were kept (`--accept-damaged`).
        public var acceptDamaged: Bool
        /// The settings the ledger records, as `events import` forms them (given to the job by `events spark`).
        public var settings: String
        public var source: Source
    }

    /// The header of `evidence.csv`.
    public static let header = ["a", "b", "issue", "polarity", "weight", "month", "title", "publisher", "address", "locator", "summary"]

    public var report: Report
    public var evidence: [Evidence]

    /// Reads `evidence.csv` and `report.json` from the job's output folder.
    public init(folder: URL) throws {
        let csvURL = folder.appendingPathComponent("evidence.csv"), reportURL = folder.appendingPathComponent("report.json")
        let csv: String, json: Data
        do {
            csv = try String(contentsOf: csvURL, encoding: .utf8)
            json = try Data(contentsOf: reportURL)
        } catch {
            throw InputError(file: folder.path, message: "needs evidence.csv and report.json as the Spark job writes them: \(error.localizedDescription)")
        }
        try self.init(evidenceCSV: csv, reportJSON: json, files: (csvURL.path, reportURL.path))
    }

    /// Parses the two files' contents; `files` name them in errors.
    public init(evidenceCSV: String, reportJSON: Data, files: (evidence: String, report: String)) throws {
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            report = try decoder.decode(Report.self, from: reportJSON)
        } catch {
            throw InputError(file: files.report, message: "not the job's report: \(error)")
        }
        let records = try CSVRecords.parse(evidenceCSV, file: files.evidence)
        guard records.first?.fields == Self.header else {
            throw InputError(file: files.evidence, line: 1, message: "the header must be " + Self.header.joined(separator: ","))
        }
        var evidence: [Evidence] = [], errors: [InputError] = []
        for record in records.dropFirst() {
            do throws(InputError) {
                evidence.append(try Self.row(record, file: files.evidence))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        self.evidence = evidence
    }

    /// One row as evidence, as `EvidenceAggregate.evidence` makes it.
    private static func row(_ record: CSVRecords.Record, file: String) throws(InputError) -> Evidence {
        func fail(_ field: String?, _ message: String) -> InputError { InputError(file: file, line: record.line, field: field, message: message) }
        guard record.fields.count == header.count else { throw fail(nil, "has \(record.fields.count) fields, expected \(header.count)") }
        let value = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
        let a = value["a"]!, b = value["b"]!
        for (field, code) in [("a", a), ("b", b)] where code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            throw fail(field, "not an ISO 3166 alpha-3 code: \"\(code)\"")
        }
        guard a != b else { throw fail("b", "the same state as a") }
        guard let issue = Issue(code: value["issue"]!) else { throw fail("issue", "unknown issue \"\(value["issue"]!)\"") }
        guard let polarity = Polarity(rawValue: value["polarity"]!) else { throw fail("polarity", "not cooperation, conflict or neutral: \"\(value["polarity"]!)\"") }
        guard let weight = Double(value["weight"]!), weight >= 1, weight < Evidence.weightLimit else {
            throw fail("weight", "not a number from 1 up to 2^40: \"\(value["weight"]!)\"")
        }
        let monthText = value["month"]!
        let parts = monthText.split(separator: "-")
        guard monthText.count == 7, parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              let date = PartialDate(year: year, month: month), let period = Period(start: date) else {
            throw fail("month", "not a month YYYY-MM: \"\(monthText)\"")
        }
        for field in ["title", "publisher", "address", "locator", "summary"] where value[field]!.isEmpty { throw fail(field, "empty") }
        let citation = Citation(
            title: value["title"]!, publisher: value["publisher"]!, address: value["address"]!, published: date,
            locator: value["locator"]!, summary: value["summary"]!
        )
        return Evidence(kind: .event, a: a, b: b, issue: issue, polarity: polarity, weight: weight, period: period, citation: citation)
    }
}
