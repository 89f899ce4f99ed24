import DiplomapCore

/// What a scan saw: rows read, kept and skipped, the damaged files, and the first problems found, located by file and line.
public struct ScanReport: Sendable, Hashable {
    /// Rows read, not counting blank lines and header rows.
    public var rowsRead = 0
    /// Rows that passed the checks and the focus filter and went into the sink: none of a damaged file left out.
    public var rowsKept = 0
    /// Malformed rows, skipped.
    public var rowsSkipped = 0
    /// The files that failed their integrity check or had too many malformed rows, in the order read.
    public var damaged: [DamagedFile] = []
    /// Whether the damaged files' rows read before the damage were kept (`--accept-damaged`) rather than left out.
    public var keptDamaged = false
    /// The formats of the files read.
    public var formats: Set<EventFormat> = []
    /// Lines seen, blank and header lines included, to turn a worker's line numbers into the file's.
    public var lines = 0
    /// The first problems, in file and line order; `rowsSkipped` counts them all.
    public var problems: [InputError] = []

    /// How many problems are kept for the report; the rest are counted only.
    public static let problemLimit = 20

    public init() {}

    mutating func record(_ problem: InputError) {
        if problems.count < Self.problemLimit { problems.append(problem) }
    }

    /// Adds the report of the next part of the same file, whose line numbers continue after ours.
    mutating func append(_ next: ScanReport) {
        combine(next, lineOffset: lines)
    }

    /// Adds the report of another file, whose line numbers are its own.
    public mutating func add(_ other: ScanReport) {
        combine(other, lineOffset: 0)
    }

    private mutating func combine(_ other: ScanReport, lineOffset: Int) {
        rowsRead += other.rowsRead
        rowsKept += other.rowsKept
        rowsSkipped += other.rowsSkipped
        damaged += other.damaged
        keptDamaged = keptDamaged || other.keptDamaged
        formats.formUnion(other.formats)
        lines += other.lines
        for var problem in other.problems where problems.count < Self.problemLimit {
            if let line = problem.line { problem.line = line + lineOffset }
            problems.append(problem)
        }
    }
}
