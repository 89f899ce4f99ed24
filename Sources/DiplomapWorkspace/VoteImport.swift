import DiplomapCore
import DiplomapData
import DiplomapVotes
import Foundation
import Logging
import NIOConcurrencyHelpers

/// Imports vote agreement into the store: on request, and on first use for the default pairs.
public enum VoteImport {
    public static let defaultFocus = "C5"
    public static let defaultPartners = "IND,JPN,IRN,TUR,KOR,CHN,RUS,PAK,AFG,USA"

    /// Computes the evidence of the chosen pairs and replaces the vote source with it; returns the row count.
    @discardableResult
    static func run(workspace: Workspace, folder: URL, focus: String, partners: String) async throws -> Int {
        let registry = workspace.registry
        let focusStates = try registry.resolveStates(focus), partnerStates = try registry.resolveStates(partners)
        var dyads: [(String, String)] = []
        var seen = Set<Dyad>()
        for (position, a) in focusStates.enumerated() {
            for b in focusStates[(position + 1)...] + partnerStates where a != b && seen.insert(Dyad(a, b)).inserted { dyads.append((a, b)) }
        }
        let data = try loaded(folder, registry: registry)
        let evidence = VoteEvidenceBuilder().evidence(data, dyads: dyads)
        let source = try source(folder: folder, focus: focus, partners: partners)
        // Rows are the pair-year evidence rows computed: the vote data is read whole or refused, never in part.
        let files = try [VoteLoader.rollCallsFile, VoteLoader.issuesFile, VoteLoader.votesFile].map {
            try ImportRecord.File.reading(folder.appendingPathComponent($0).path)
        }
        try await workspace.replace(source, with: evidence, recording: .stored(source, evidenceRows: evidence.count, files: files, settings: "--focus \(focus) --partners \(partners)"))
        return evidence.count
    }

    /// Imports the default pairs when the store has no vote source yet.
    static func importDefaultIfMissing(workspace: Workspace) async throws {
        guard try await !workspace.sources().contains(where: { $0.source.id == VoteEvidenceBuilder.sourceID }) else { return }
        try await run(workspace: workspace, folder: DefaultData.unvotesFolder, focus: defaultFocus, partners: defaultPartners)
    }

    /// Agreement per year for every focus state × partner state of a map, when the store holds vote evidence.
    public static func agreementSeries(_ map: RelationMap, workspace: Workspace) async throws -> [AgreementSeries] {
        guard try await workspace.sources().contains(where: { $0.source.kind == .vote }), let data = await workspace.votes.data() else { return [] }
        return agreementSeries(map, registry: workspace.registry, data: data)
    }

    /// The embedded vote data, read once per process (see `loaded(_:registry:)`).
    public static func defaultData(registry: CountryRegistry) throws -> VoteData {
        try loaded(DefaultData.unvotesFolder, registry: registry)
    }

    /// Agreement per year for every focus state × partner state of a map, from vote data already read.
    public static func agreementSeries(_ map: RelationMap, registry: CountryRegistry, data: VoteData) -> [AgreementSeries] {
        let states = map.focus.filter { registry.country(iso3: $0) != nil }
        return map.partners.filter { registry.country(iso3: $0) != nil }.flatMap { partner in
            states.map { state in
                AgreementSeries(focus: state, partner: partner, points: data.agreementSeries(state, partner).compactMap { point in
                    point.counts.agreement.map { AgreementSeries.Point(year: point.year, agreement: $0, votes: point.counts.commonVotes) }
                })
            }
        }
    }

    /// The vote data of a folder, loaded once per process: loading takes seconds, and a first map needs it twice
    /// (to import the default pairs, then to chart them), a server for every chart.
    public static func loaded(_ folder: URL, registry: CountryRegistry) throws -> VoteData {
        try cache.withLockedValue { loaded in
            if let data = loaded[folder] { return data }
            var logger = Logger(label: "diplomap.votes")
            logger.logLevel = .warning
            let data = try VoteLoader.load(folder: folder, registry: registry, logger: logger)
            loaded[folder] = data
            return data
        }
    }

    private static let cache = NIOLockedValueBox<[URL: VoteData]>([:])

    /// The store's record of the vote source: the data's checksum and the pairs chosen.
    private static func source(folder: URL, focus: String, partners: String) throws -> EvidenceSource {
        EvidenceSource(
            id: VoteEvidenceBuilder.sourceID, kind: .vote,
            name: "UN General Assembly votes 1946–2019 (Voeten; unvotes 0.3.0): \(focus) × \(partners)",
            sha256: try VoteLoader.checksum(folder: folder)
        )
    }
}

extension Workspace {
    /// Computes the vote evidence of focus × partner pairs (and pairs among the focus) from the vote data in `folder`
    /// and replaces the vote source with it; returns the row count.
    @discardableResult
    public func importVotes(folder: URL, focus: String, partners: String) async throws -> Int {
        try await VoteImport.run(workspace: self, folder: folder, focus: focus, partners: partners)
    }
}
