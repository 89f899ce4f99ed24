import Foundation

/// The event file formats diplomap reads.
public enum EventFormat: String, Sendable, CaseIterable, Codable {
    /// GDELT 1.0 historical files: 57 columns, no source URL.
    case gdelt1 = "gdelt1"
    /// GDELT 1.0 daily files since 2013-04-01: 58 columns, the last one the source URL.
    case gdelt1URL = "gdelt1-url"
    /// GDELT 2.0 15-minute exports: 61 columns, with ADM2 codes and the source URL.
    case gdelt2 = "gdelt2"
    /// ICEWS coded event files: tab-separated with a header row, countries by name.
    case icews = "icews"
    /// POLECAT, ICEWS's successor: tab-separated with a header row, PLOVER event types, countries by name or code.
    case polecat = "polecat"

    /// A name for people, as summaries print it (from `Data/cameo/event_layouts.csv`).
    public var label: String { EventLayoutTable.standard.label(self) }

    /// The event ontology of the format's codes.
    public var coding: EventCoding { self == .polecat ? .plover : .cameo }

    /// Sides are named (ICEWS, POLECAT) and resolved through the registry, rather than written as CAMEO codes.
    var namesCountries: Bool { self == .icews || self == .polecat }

    /// Dates are `YYYY-MM-DD` rather than GDELT's `YYYYMMDD`.
    var dashedDates: Bool { self == .icews || self == .polecat }

    /// Tells the format from the first line of a file: by its column count, or by a header that names the fields.
    public static func detect(firstLine: some Sequence<UInt8>) -> EventFormat? {
        EventLayoutTable.standard.detect(firstLine: firstLine)
    }
}

/// The ontology an event's type is coded in.
public enum EventCoding: Sendable {
    /// CAMEO event codes (GDELT, ICEWS): numbers whose first two digits are the root.
    case cameo
    /// PLOVER event types (POLECAT): words such as CONSULT or ASSAULT, with modes and contexts.
    case plover
}

/// Where the fields diplomap needs sit in a row of one file, as `Data/cameo/event_layouts.csv` says.
struct EventLayout: Sendable {
    var format: EventFormat
    var label: String
    /// Fields a well-formed row has.
    var columns: Int
    /// The first line names the columns and is not an event.
    var hasHeader: Bool
    var date: Int
    var source: Int
    var target: Int
    /// GDELT's EventRootCode; ICEWS has none and takes the first two digits of the event code, POLECAT the CAMEO
    /// root of its PLOVER event type.
    var root: Int?
    var eventCode: Int
    var goldstein: Int
    /// GDELT's NumMentions; ICEWS and POLECAT have none and count one mention an event.
    var mentions: Int?
    var sourceType: Int?
    var targetType: Int?
    var url: Int?
    /// PLOVER's mode and context fields (POLECAT's Event Mode and Contexts).
    var mode: Int?
    var context: Int?
    /// Field names for error messages, in the words of each format's codebook or header.
    var columnNames: [Int: String]

    func name(of column: Int) -> String { columnNames[column] ?? "column \(column + 1)" }
}
