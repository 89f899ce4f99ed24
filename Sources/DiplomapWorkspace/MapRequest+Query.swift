import DiplomapCore

extension MapRequest {
    /// The parameters a request is written as in a URL, in the order `queryItems` writes them.
    public static let parameterNames = ["focus", "partners", "issues", "kinds", "since", "until", "as-of", "window"]

    /// Reads a request from URL query parameters (`focus`, `partners`, `issues`, `kinds`, `since`, `until`, `as-of`);
    /// a missing or empty parameter keeps its default. The error names the parameter at fault.
    public init(parameters: [String: String]) throws(MapRequestError) {
        func value(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }
        func list(_ name: String) -> [String]? {
            value(name).map { $0.split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty } }
        }
        var issues: Set<Issue>?
        if let codes = list("issues") {
            issues = []
            for code in codes {
                guard let issue = Issue(code: code) else { throw MapRequestError(parameter: "issues", message: "unknown issue \"\(code)\"") }
                issues?.insert(issue)
            }
        }
        var kinds: Set<SourceKind>?
        if let names = list("kinds") {
            kinds = []
            for name in names {
                guard let kind = SourceKind(rawValue: name) else {
                    throw MapRequestError(parameter: "kinds", message: "unknown kind \"\(name)\"; the kinds are fact, document, event, vote")
                }
                kinds?.insert(kind)
            }
        }
        let window: TimeWindow
        do {
            window = try TimeWindow(since: value("since"), until: value("until"), asOf: value("as-of"), window: value("window"))
        } catch {
            throw MapRequestError(parameter: error.bound, message: error.message)
        }
        self.init(
            focus: value("focus") ?? Self.defaultFocus, partners: value("partners") ?? Self.defaultPartners,
            window: window, issues: issues, kinds: kinds
        )
    }

    /// The request as URL query parameters, defaults left out, in a fixed order so that equal requests give equal URLs.
    public var queryItems: [(name: String, value: String)] {
        var items: [(String, String)] = []
        if focus != Self.defaultFocus { items.append(("focus", focus)) }
        if partners != Self.defaultPartners { items.append(("partners", partners)) }
        if let issues { items.append(("issues", issues.map(\.code).sorted().joined(separator: ","))) }
        if let kinds { items.append(("kinds", kinds.map(\.rawValue).sorted().joined(separator: ","))) }
        if let since = window.since { items.append(("since", since.description)) }
        if let until = window.until { items.append(("until", until.description)) }
        if let asOf = window.asOf { items.append(("as-of", asOf.description)) }
        if window.lookBack != TimeWindow.defaultLookBack { items.append(("window", String(window.lookBack))) }
        return items
    }
}

/// A URL parameter of a map request that cannot be read.
public struct MapRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var parameter: String
    public var message: String

    public var description: String { "\(parameter): \(message)" }
}
