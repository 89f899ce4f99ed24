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

    /// A name for people, as summaries print it.
    public var label: String {
        switch self {
        case .gdelt1: "GDELT 1.0 (57 columns)"
        case .gdelt1URL: "GDELT 1.0 (58 columns)"
        case .gdelt2: "GDELT 2.0 (61 columns)"
        case .icews: "ICEWS"
        }
    }

    /// Tells the format from the first line of a file: GDELT by its column count, ICEWS by its header.
    public static func detect(firstLine: some Sequence<UInt8>) -> EventFormat? {
        let fields = firstLine.split(separator: ByteScan.tab, omittingEmptySubsequences: false)
        switch fields.count {
        case 57: return .gdelt1
        case 58: return .gdelt1URL
        case 61: return .gdelt2
        default:
            let names = Set(fields.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) })
            return names.isSuperset(of: EventLayout.icewsColumns) ? .icews : nil
        }
    }
}

/// Where the fields diplomap needs sit in a row of one format.
public struct EventLayout: Sendable, Hashable {
    public var format: EventFormat
    /// Fields a well-formed row has.
    public var columns: Int
    /// The first line names the columns and is not an event.
    public var hasHeader: Bool
    var date: Int
    var source: Int
    var target: Int
    /// GDELT's EventRootCode; ICEWS has none and takes the first two digits of the event code.
    var root: Int?
    var eventCode: Int
    var goldstein: Int
    /// GDELT's NumMentions; ICEWS has none and counts one mention an event.
    var mentions: Int?
    var sourceType: Int?
    var targetType: Int?
    var url: Int?

    /// Column names of an ICEWS file that diplomap needs.
    static let icewsColumns: Set<String> = ["Event Date", "Source Country", "Target Country", "CAMEO Code", "Intensity"]

    /// Field names for error messages, in the words of each format's codebook.
    func name(of column: Int) -> String {
        switch format {
        case .icews: icewsNames[column] ?? "column \(column + 1)"
        default: Self.gdeltNames[column] ?? "column \(column + 1)"
        }
    }

    private var icewsNames: [Int: String] = [:]

    private static let gdeltNames: [Int: String] = [
        1: "SQLDATE", 7: "Actor1CountryCode", 12: "Actor1Type1Code", 17: "Actor2CountryCode", 22: "Actor2Type1Code",
        26: "EventCode", 28: "EventRootCode", 30: "GoldsteinScale", 31: "NumMentions",
    ]

    /// The layout of a GDELT format; the first 57 columns are the same in 1.0 and 2.0.
    public static func gdelt(_ format: EventFormat) -> EventLayout {
        let columns = switch format {
        case .gdelt1: 57
        case .gdelt1URL: 58
        default: 61
        }
        return EventLayout(
            format: format, columns: columns, hasHeader: false, date: 1, source: 7, target: 17, root: 28, eventCode: 26,
            goldstein: 30, mentions: 31, sourceType: 12, targetType: 22, url: format == .gdelt1 ? nil : columns - 1
        )
    }

    /// The layout of an ICEWS file from its header line; `nil` when a needed column is missing.
    public static func icews(header: some Sequence<UInt8>) -> EventLayout? {
        let names = header.split(separator: ByteScan.tab, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let date = index("Event Date"), let source = index("Source Country"), let target = index("Target Country"),
              let code = index("CAMEO Code"), let intensity = index("Intensity")
        else { return nil }
        var layout = EventLayout(
            format: .icews, columns: names.count, hasHeader: true, date: date, source: source, target: target, root: nil,
            eventCode: code, goldstein: intensity, mentions: nil, sourceType: nil, targetType: nil, url: nil
        )
        layout.icewsNames = Dictionary(names.enumerated().map { ($0.offset, $0.element) }, uniquingKeysWith: { first, _ in first })
        return layout
    }
}
