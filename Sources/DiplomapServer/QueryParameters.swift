import Foundation
import Hummingbird

/// The query parameters of a request, decoded as forms write them (`+` for a space, percent escapes).
struct QueryParameters: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ request: Request) {
        self.init(query: request.uri.query)
    }

    /// Reads `a=1&b=x+y`; the first of repeated names wins.
    init(query: String?) {
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if !name.isEmpty, values[name] == nil { values[name] = value }
        }
    }

    /// The value, or `nil` when missing or empty.
    func text(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value, `nil` when missing; a 400 naming the parameter when it is given empty.
    func nonEmpty(_ name: String) throws(APIError) -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty else { throw .badParameter(name, "is empty; leave it out or give a value") }
        return value
    }

    /// A whole number in `range`, `fallback` when missing; else a 400 naming the parameter.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(APIError) -> Int {
        guard let text = try nonEmpty(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .badParameter(name, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return value
    }

    /// A name or value of a query as forms write it: `+` for a space, percent escapes.
    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
