import Foundation

/// One import as the store's ledger keeps it: what was read, from which files, what became of it.
///
/// Every import leaves one, the refused ones too, so that anyone can later tell which evidence came from
/// which bytes, and which came from a file that failed its integrity check.
public struct ImportRecord: Sendable, Hashable, Codable {
    /// One input file: its name as given, its size, the SHA-256 and MD5 of its bytes, and whether it failed its integrity check.
    public struct File: Sendable, Hashable, Codable {
        public var name: String
        public var bytes: Int
        public var sha256: String
        /// The MD5 GDELT's file lists give, so that a listed file already imported is not downloaded again; `nil` for
        /// files recorded before the ledger kept it.
        public var md5: String?
        public var damaged: Bool

        public init(name: String, bytes: Int, sha256: String, md5: String? = nil, damaged: Bool = false) {
            self.name = name
            self.bytes = bytes
            self.sha256 = sha256
            self.md5 = md5
            self.damaged = damaged
        }

        /// The record of the file at `path`: its name, size and checksums, read now in one pass.
        public static func reading(_ path: String) throws -> File {
            let url = URL(fileURLWithPath: path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            let (sha256, md5) = try Checksum.sha256AndMD5(contentsOf: url)
            return File(name: url.lastPathComponent, bytes: size, sha256: sha256, md5: md5)
        }
    }

    /// What became of an import.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// The source's rows were replaced by those of the files that passed their integrity check (a damaged file,
        /// marked among the files, gave none).
        case imported
        /// A file was damaged and `--accept-damaged` kept the rows read before the damage, their evidence marked.
        case partial
        /// Nothing was stored, the source stayed as it was: every file was damaged.
        case refused

        /// What the damage policy makes of an import of `files`, whose damaged ones are marked: partial when the rows
        /// before the damage were kept, refused when every file was damaged and none kept, imported otherwise.
        public static func of(_ files: [File], keptDamaged: Bool) -> Outcome {
            let damaged = files.filter(\.damaged).count
            return damaged == 0 ? .imported : keptDamaged ? .partial : damaged == files.count ? .refused : .imported
        }
    }

    /// The ledger's number for this import, given by the store (`nil` before it is recorded).
    public var id: Int64?
    public var sourceID: String
    public var kind: SourceKind
    public var files: [File]
    /// The choices that shape what the files give (such as the focus of an event import): the same files read with other
    /// settings are a new import, not a repeat.
    public var settings: String
    /// Rows read from the files (for events, data rows; for facts, facts; for documents, sentences).
    public var rowsRead: Int
    /// Rows that passed the checks and the filters.
    public var rowsKept: Int
    /// Malformed rows, skipped.
    public var rowsMalformed: Int
    /// Evidence rows the import stored: 0 when it was refused.
    public var evidenceRows: Int
    public var outcome: Outcome
    public var toolVersion: String
    public var importedAt: Date

    public init(
        id: Int64? = nil, sourceID: String, kind: SourceKind, files: [File], settings: String = "", rowsRead: Int, rowsKept: Int, rowsMalformed: Int,
        evidenceRows: Int, outcome: Outcome, toolVersion: String = ToolVersion.current, importedAt: Date = Date()
    ) {
        self.id = id
        self.sourceID = sourceID
        self.kind = kind
        self.files = files
        self.settings = settings
        self.rowsRead = rowsRead
        self.rowsKept = rowsKept
        self.rowsMalformed = rowsMalformed
        self.evidenceRows = evidenceRows
        self.outcome = outcome
        self.toolVersion = toolVersion
        // Whole seconds, so that the time reads back the same from either store.
        self.importedAt = Date(timeIntervalSince1970: importedAt.timeIntervalSince1970.rounded(.down))
    }

    /// Whether a file of this import failed its integrity check.
    public var damaged: Bool { outcome != .imported || files.contains(where: \.damaged) }

    /// The record of an import whose rows are the evidence itself (a copy between stores, a posted fact file, the
    /// pairs computed from the vote data, a benchmark): one row read and kept for each piece of evidence.
    public static func stored(_ source: EvidenceSource, evidenceRows: Int, files: [File] = [], settings: String = "") -> ImportRecord {
        ImportRecord(
            sourceID: source.id, kind: source.kind, files: files, settings: settings, rowsRead: evidenceRows, rowsKept: evidenceRows, rowsMalformed: 0,
            evidenceRows: evidenceRows, outcome: .imported)
    }
}

/// The version of diplomap, as the ledger records it beside each import.
public enum ToolVersion {
    public static let current = "0.9.0"
}
