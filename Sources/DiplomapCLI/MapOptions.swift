import ArgumentParser
import DiplomapCore
import DiplomapData
import Foundation

/// What a map is made of: the store, the focus, the partners and the period; shared by `map` and `export`.
struct MapOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "The focus: a group (its members become rows too) or a comma-separated list of states.")
    var focus = "C5"

    @Option(help: "Comma-separated partner states or groups: codes or names.")
    var partners = "IND,JPN,IRN,TUR,KOR"

    @OptionGroup(title: "Period") var time: TimeOptions

    /// A map with everything needed to show or export it.
    struct Built {
        var workspace: Workspace
        var map: RelationMap
        var patterns: Patterns
        var window: TimeWindow
        var boundaries: WorldBoundaries
    }

    /// Reads the evidence of the focus and partners in the period and aggregates it.
    func build() async throws -> Built {
        let workspace = try await Workspace.open(store)
        let registry = workspace.registry
        let focusSides = try sides(focus, registry: registry, expandGroups: true)
        let partnerSides = try sides(partners, registry: registry, expandGroups: false)
        let window = try time.window()
        let evidence = try await workspace.store.evidence(EvidenceQuery(sides: Set(focusSides + partnerSides)))
            .filter { window.contains($0.period) }
        let map = RelationMap(evidence: evidence, focus: focusSides, partners: partnerSides)
        let group = registry.group(code: focusSides[0])
        let patterns = Patterns(map: map, group: group?.code, states: group?.members ?? focusSides)
        let boundaries = try WorldBoundaries(geoJSON: Data(contentsOf: DefaultData.boundariesFile), file: DefaultData.boundariesFile.path)
        return Built(workspace: workspace, map: map, patterns: patterns, window: window, boundaries: boundaries)
    }

    /// Resolves a comma-separated list; a group in the focus brings its members as rows after it.
    private func sides(_ list: String, registry: CountryRegistry, expandGroups: Bool) throws -> [String] {
        let codes = try registry.resolveList(list).flatMap { actor in
            if expandGroups, case .group(let group) = actor { return [actor.code] + group.members }
            return [actor.code]
        }
        guard !codes.isEmpty else { throw ValidationError("give at least one state or group") }
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }
}
