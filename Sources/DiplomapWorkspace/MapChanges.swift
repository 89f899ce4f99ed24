import DiplomapCore

extension Workspace {
    /// The cells of the map `changes.map` selects whose score moved by at least `changes.minDelta`, or turned, between
    /// the map as it held on `from` and as it held on `to` (each with the request's look-back for point evidence),
    /// largest move first, each with the evidence that entered or left the window.
    public func changes(_ changes: ChangesRequest) async throws -> [CellChange] {
        let request = changes.map
        func asOf(_ date: PartialDate) -> MapRequest {
            var dated = request
            dated.window = TimeWindow(asOf: date, lookBack: request.window.lookBack)
            return dated
        }
        let first = asOf(changes.from), second = asOf(changes.to)
        var moved = CellChange.between(try await map(first).map, try await map(second).map, minDelta: changes.minDelta)
        for index in moved.indices {
            let change = moved[index]
            func evidence(_ dated: MapRequest) async throws -> [Evidence] {
                try await self.evidence(EvidenceQuery(dyad: Dyad(change.focus, change.partner), issues: [change.issue], kinds: request.kinds, window: dated.window))
            }
            let before = try await evidence(first), after = try await evidence(second)
            let was = Set(before), now = Set(after)
            moved[index].entered = after.filter { !was.contains($0) }
            moved[index].left = before.filter { !now.contains($0) }
        }
        return moved
    }
}
