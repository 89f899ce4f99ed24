import DiplomapCore
import DiplomapWorkspace

/// Sentences the pages share about what a request shows.
enum WebText {
    /// The period, issues and kinds of a request in words: "Period: all dates. Issues: Trade, Energy. Sources: every kind."
    static func filters(_ request: MapRequest) -> String {
        let issues = request.issues.map { $0.sorted().map(\.label).joined(separator: ", ") } ?? "every issue"
        let kinds = request.kinds.map { kinds in SourceKind.allCases.filter(kinds.contains).map(FilterForm.kindLabel).joined(separator: ", ") } ?? "every kind"
        return "Period: \(request.window.description). Issues: \(issues). Sources: \(kinds)."
    }
}
