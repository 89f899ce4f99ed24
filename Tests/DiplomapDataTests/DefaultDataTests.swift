import DiplomapCore
import DiplomapData
import DiplomapFacts
import DiplomapStore
import Testing

/// The embedded data is what a new user's first map is made of: it must load, whole and valid.
struct DefaultDataTests {
    func registry() throws -> CountryRegistry {
        try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
    }

    @Test func theRegistryHoldsEveryStateAndGroup() throws {
        let registry = try registry()
        #expect(registry.countries.count == 205)
        #expect(registry.countries.filter { $0.status == .member }.count == 193)
        for code in ["TWN", "XKX", "PSE", "SUN", "YUG", "CSK", "DDR", "YAR", "YMD"] { #expect(registry.country(iso3: code) != nil, "\(code)") }
        #expect(Set(registry.groups.map(\.code)).isSuperset(of: ["C5", "SCO", "OTS", "ECO", "CIS", "EAEU", "CSTO", "CICA"]))
        #expect(registry.group(code: "C5")?.members == ["KAZ", "KGZ", "TJK", "TKM", "UZB"])
        #expect(registry.groups.allSatisfy { !$0.citation.address.isEmpty && $0.citation.summary?.isEmpty == false })
    }

    @Test func everyFactFileIsValid() throws {
        let files = try KnowledgeBase.factFiles(in: [DefaultData.factsFolder])
        let (loaded, errors) = KnowledgeBase.loadFacts(files, registry: try registry())
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(loaded.map(\.name).contains("seeds.yaml"))
    }

    @Test(arguments: [
        ("C5", "TUR", Issue.multilateral, Polarity.cooperation), ("C5", "JPN", .multilateral, .cooperation),
        ("C5", "IRN", .borders, .conflict), ("C5", "KOR", .defense, .cooperation), ("C5", "RUS", .sovereignty, .conflict),
        ("JPN", "USA", .defense, .cooperation), ("C5", "KOR", .culture, .cooperation),
    ])
    func theSeedRelationsAreFacts(a: String, b: String, issue: Issue, polarity: Polarity) throws {
        let files = try KnowledgeBase.factFiles(in: [DefaultData.factsFolder.appendingPathComponent("seeds.yaml")])
        let registry = try registry()
        let evidence = KnowledgeBase.loadFacts(files, registry: registry).files.flatMap { $0.facts.flatMap { $0.evidence(members: registry.members) } }
        #expect(evidence.contains { $0.dyad == Dyad(a, b) && $0.issue == issue && $0.polarity == polarity })
    }
}

/// The whole knowledge base, loaded as the tool loads it.
struct KnowledgeBaseLoadTests {
    @Test func loadsIntoAStoreAndCoversEveryPairOfTheRegion() async throws {
        let registry = try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
        let (files, errors) = KnowledgeBase.loadFacts(try KnowledgeBase.factFiles(in: [DefaultData.factsFolder]), registry: registry)
        #expect(errors.isEmpty)
        #expect(FactChecker.check(files, registry: registry).errors.isEmpty)
        let store = try SQLiteStore.inMemory()
        var expected = 0
        for file in files {
            let rows = file.facts.flatMap { $0.evidence(members: registry.members) }
            expected += rows.count
            try await store.replace(file.source, with: rows)
        }
        let evidence = try await store.evidence(EvidenceQuery())
        #expect(evidence.count == expected)
        #expect(files.reduce(0) { $0 + $1.facts.count } >= 250)
        let dyads = Set(evidence.map(\.dyad))
        for state in ["KAZ", "KGZ", "TJK", "TKM", "UZB"] {
            for partner in ["IND", "JPN", "IRN", "TUR", "KOR", "CHN", "PAK", "AFG", "RUS"] {
                #expect(dyads.contains(Dyad(state, partner)), "no fact for \(state)-\(partner)")
            }
        }
    }
}
