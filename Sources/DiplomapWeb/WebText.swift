import DiplomapCore
import DiplomapWorkspace

/// Sentences the pages share about what a request shows.
enum WebText {
    /// The period, issues and kinds of a request in words: "Period: all dates. Issues: Trade, Energy. Sources: every kind."
    static func filters(_ request: MapRequest) -> String {
        "Period: \(request.window.description). " + selection(request)
    }

    /// The issues and kinds alone, for pages whose period is their own (what changed between two dates).
    static func selection(_ request: MapRequest) -> String {
        let issues = request.issues.map { $0.sorted().map(\.label).joined(separator: ", ") } ?? "every issue"
        let kinds = request.kinds.map { kinds in SourceKind.allCases.filter(kinds.contains).map(FilterForm.kindLabel).joined(separator: ", ") } ?? "every kind"
        return "Issues: \(issues). Sources: \(kinds)."
    }
}
