import DiplomapBytes

/// One kept event, as the scanner hands it to a sink: codes packed, numbers parsed, other fields as bytes.
///
/// The byte views point into the scanner's read buffer and are valid only
/// during the call that receives the row.
public struct EventRow {
    /// Actor 1 country (CAMEO code).
    public var source: PackedCode
    /// Actor 2 country (CAMEO code).
    public var target: PackedCode
    /// `YYYYMM` of the event date.
    public var month: PackedCode
    /// CAMEO root code, as the file writes it; for a PLOVER event type, the CAMEO root PLOVER draws it from.
    public var root: PackedCode
    /// The ontology of `eventCode`.
    public var coding: EventCoding
    /// The Goldstein scale value; `nil` when the field is empty.
    public var goldstein: Double?
    /// Mentions of the event; `nil` when the field is empty.
    public var mentions: Int?
    /// The full CAMEO event code, or the PLOVER event type.
    public var eventCode: UnsafeRawBufferPointer
    /// Actor type codes (GOV, MIL, BUS…), empty when the format has none.
    public var sourceType: UnsafeRawBufferPointer
    public var targetType: UnsafeRawBufferPointer
    /// The news report the event was coded from, empty when the format has none.
    public var url: UnsafeRawBufferPointer
    /// PLOVER's modes and contexts, semicolon-separated lists; empty for CAMEO formats.
    public var modes: UnsafeRawBufferPointer
    public var contexts: UnsafeRawBufferPointer
}

/// Where a scanner puts the rows it keeps: one aggregate per worker, merged at the end.
public protocol EventSink: Sendable {
    /// Counts one kept event.
    mutating func add(_ row: EventRow)
    /// Adds another worker's partial aggregate of the same files.
    mutating func merge(_ other: Self)
}

/// The focus group as packed CAMEO codes: a row is kept when either side is one of them.
public struct FocusCodes: Sendable {
    private let codes: [UInt64]

    /// The focus from CAMEO country codes such as `KAZ`; codes longer than eight bytes cannot occur in a file and are dropped.
    public init(_ cameoCodes: [String]) {
        codes = cameoCodes.compactMap { PackedCode($0)?.value }
    }

    /// A linear scan: the focus is a handful of codes, fewer than a hash costs.
    @inline(__always)
    func contains(_ code: PackedCode) -> Bool {
        for candidate in codes where candidate == code.value { return true }
        return false
    }
}
