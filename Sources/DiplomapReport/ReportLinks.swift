import DiplomapCore

/// Where the map's pieces lead a reader: anchors within the one-file report, or the pages of the web app.
public struct ReportLinks: Sendable {
    /// The address of the evidence of a pair (focus side, partner).
    public var dyad: @Sendable (_ focus: String, _ partner: String) -> String
    /// The address of the evidence of one cell (focus side, partner, issue).
    public var cell: @Sendable (_ focus: String, _ partner: String, _ issue: Issue) -> String
    /// Whether the pair names heading the heatmap's rows are links to the pair too.
    public var linkRows: Bool

    public init(
        dyad: @escaping @Sendable (_ focus: String, _ partner: String) -> String,
        cell: @escaping @Sendable (_ focus: String, _ partner: String, _ issue: Issue) -> String, linkRows: Bool
    ) {
        self.dyad = dyad
        self.cell = cell
        self.linkRows = linkRows
    }

    /// The report's own anchors: every pair and cell has its section further down the page.
    public static let inPage = ReportLinks(
        dyad: { "#dyad-\($0)-\($1)" }, cell: { "#" + ReportNames.anchor(focus: $0, partner: $1, issue: $2) }, linkRows: false
    )
}
