/// Reads a URL's query as the map request and the pages read it.
public enum WebQuery {
    /// Query pairs as one value per name: a repeated name (`issues=a&issues=b`, as a form with checkboxes sends it)
    /// becomes one comma-separated list, the form `MapRequest(parameters:)` reads; empty values are left out.
    public static func parameters(_ pairs: some Sequence<(String, String)>) -> [String: String] {
        var values: [String: [String]] = [:]
        for (name, value) in pairs where !value.isEmpty { values[name, default: []].append(value) }
        return values.mapValues { $0.joined(separator: ",") }
    }

    /// The page of evidence asked for by `page`: 1 when missing or not a positive number.
    public static func page(_ parameters: [String: String]) -> Int {
        parameters["page"].flatMap(Int.init).map { max(1, $0) } ?? 1
    }
}
