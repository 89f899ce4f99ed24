/// Counts the map's rows into a builder from their fields' bytes, as every store reads them: the codes matched to the
/// builder's positions and the dates parsed without making a string, the time window applied.
///
/// Each store takes its rows apart its own way (SQLite's column buffers, PostgreSQL's packed blocks) and hands the
/// fields here, so that what a row counts for is decided in one place.
public struct MapRowCounter {
    private var sides: CodeTable, firstSides: CodeTable
    // `allCases` makes a new array on every call: read once.
    private let allKinds = SourceKind.allCases, allIssues = Issue.allCases, allPolarities = Polarity.allCases
    private var kinds: CodeTable, issues: CodeTable, polarities: CodeTable
    private let window: TimeWindow

    /// Counts for `builder`'s sides the rows that `window` keeps.
    public init(builder: RelationMapBuilder, window: TimeWindow) {
        sides = CodeTable(builder.sides)
        firstSides = sides
        kinds = CodeTable(allKinds.map(\.rawValue))
        issues = CodeTable(allIssues.map(\.rawValue))
        polarities = CodeTable(allPolarities.map(\.rawValue))
        self.window = window
    }

    /// Counts one row. The schema's checks guarantee valid kinds, issues and polarities; a row whose sides are
    /// outside the map is skipped. The end date is read only when the window needs it: a column SQLite would
    /// otherwise decode for every row.
    public mutating func count(
        id: Int64, weight: Double, kind: UnsafeBufferPointer<UInt8>, a: UnsafeBufferPointer<UInt8>, b: UnsafeBufferPointer<UInt8>,
        issue: UnsafeBufferPointer<UInt8>, polarity: UnsafeBufferPointer<UInt8>, start: UnsafeBufferPointer<UInt8>,
        end: () -> UnsafeBufferPointer<UInt8>, into builder: inout RelationMapBuilder
    ) {
        guard let a = firstSides.position(of: a), let b = sides.position(of: b), let kind = kinds.position(of: kind),
              let issue = issues.position(of: issue), let polarity = polarities.position(of: polarity)
        else { return }
        let start = PartialDate(ascii: start)
        if !window.isUnbounded {
            let period = start.flatMap { Period(start: $0, end: PartialDate(ascii: end())) }
            guard window.contains(period, kind: allKinds[kind]) else { return }
        }
        builder.add(
            id: id, kind: allKinds[kind], a: a, b: b, issue: allIssues[issue], polarity: allPolarities[polarity], weight: weight, start: start)
    }
}
