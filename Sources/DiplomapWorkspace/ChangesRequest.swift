import DiplomapCore

/// Which changes to list: the map's filters, the two dates compared and the smallest move worth telling.
///
/// The command line, the "What changed" page and the Atom feed read the same request, so they list the same cells.
public struct ChangesRequest: Sendable, Hashable {
    /// The focus, partners, issues, kinds and look-back of the maps compared (their period is set by the two dates).
    public var map: MapRequest
    /// The map as it held on this date…
    public var from: PartialDate
    /// …against the map as it held on this one.
    public var to: PartialDate
    /// The smallest move of a score listed (a cell whose polarity turned is listed whatever its move).
    public var minDelta: Double

    public static let defaultMinDelta = 0.2
    /// The parameters a request adds to the map's in a URL.
    public static let parameterNames = ["from", "to", "min-delta"]

    public init(map: MapRequest = MapRequest(), from: PartialDate, to: PartialDate, minDelta: Double = ChangesRequest.defaultMinDelta) {
        self.map = map
        self.from = from
        self.to = to
        self.minDelta = minDelta
    }

    /// Reads a request from URL parameters: the map's filters (`since`, `until` and `as-of` have no use here), `from`
    /// (default: a year before `to`), `to` (default: `today`) and `min-delta` (0 to 2). The error names the parameter.
    public init(parameters: [String: String], today: PartialDate) throws(MapRequestError) {
        func value(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }
        func date(_ name: String) throws(MapRequestError) -> PartialDate? {
            guard let text = value(name) else { return nil }
            guard let date = PartialDate(text) else { throw MapRequestError(parameter: name, message: "takes a date as YYYY, YYYY-MM or YYYY-MM-DD; got \"\(text)\"") }
            return date
        }
        var mapParameters = parameters
        for name in Self.parameterNames + ["since", "until", "as-of"] { mapParameters[name] = nil }
        map = try MapRequest(parameters: mapParameters)
        to = try date("to") ?? today
        from = try date("from") ?? PartialDate(year: to.year - 1, month: to.month, day: to.day) ?? to
        guard from <= to else { throw MapRequestError(parameter: "from", message: "\(from) is after to \(to)") }
        minDelta = Self.defaultMinDelta
        if let text = value("min-delta") {
            guard let delta = Double(text), (0...2).contains(delta) else {
                throw MapRequestError(parameter: "min-delta", message: "takes a number from 0 to 2 (scores run from -1 to 1); got \"\(text)\"")
            }
            minDelta = delta
        }
    }

    /// The request as URL parameters, the map's first, defaults of the map left out.
    public var queryItems: [(name: String, value: String)] {
        var items = map.queryItems.filter { !["since", "until", "as-of"].contains($0.name) }
        items += [("from", from.description), ("to", to.description)]
        if minDelta != Self.defaultMinDelta { items.append(("min-delta", String(minDelta))) }
        return items
    }
}
