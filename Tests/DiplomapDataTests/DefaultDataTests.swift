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
        #expect(Set(registry.groups.map(\.code)).isSuperset(of: ["C5", "SCO", "OTS", "ECO", "CIS", "EAEU", "CSTO", "CICA", "UN", "OIC", "EU"]))
        #expect(registry.group(code: "C5")?.members == ["KAZ", "KGZ", "TJK", "TKM", "UZB"])
        #expect(registry.groups.allSatisfy { !$0.citation.address.isEmpty && $0.citation.summary?.isEmpty == false })
    }

    @Test func theOrganisationsTheSeedPapersNameAreGroups() throws {
        let registry = try registry()
        let un = try #require(registry.group(code: "UN"))
        #expect(Set(un.members) == Set(registry.countries.filter { $0.status == .member }.map(\.iso3)) && un.asOf == PartialDate("2011-07-14"))
        let oic = try #require(registry.group(code: "OIC"))
        #expect(oic.members.count == 57 && Set(oic.members).isSuperset(of: ["KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "IRN", "PAK", "TUR"]))
        #expect(!oic.members.contains("IND") && oic.observers.contains("RUS"))
        let eu = try #require(registry.group(code: "EU"))
        #expect(eu.members.count == 27 && !eu.members.contains("GBR"))
        for group in [un, oic, eu] { #expect(group.citation.address.hasPrefix("https://") && group.asOf != nil) }
    }

    @Test func theSourcePolicyLoadsAndNamesTheWeakDomains() throws {
        let policy = try KnowledgeBase.sourcePolicy(DefaultData.factsFolder.appendingPathComponent(KnowledgeBase.sourcePolicyFileName))
        #expect(policy.domains.count >= 20 && policy.domains.allSatisfy { !$0.reason.isEmpty })
        for address in ["https://someone.blogspot.com/x", "https://en.wikipedia.org/wiki/X", "https://wikimili.com/en/X", "https://gyaankosh.com/wiki/X"] {
            #expect(policy.weakDomain(of: address) != nil, "\(address)")
        }
        #expect(policy.weakDomain(of: "https://www.mofa.go.jp/region/") == nil)
        #expect(!(try KnowledgeBase.factFiles(in: [DefaultData.factsFolder]).map(\.name).contains(KnowledgeBase.sourcePolicyFileName)))
    }

    @Test func theSCOObserverFactsGiveEachStateItsOwnEnd() throws {
        let files = try KnowledgeBase.factFiles(in: [DefaultData.factsFolder.appendingPathComponent("memberships.yaml")])
        let facts = KnowledgeBase.loadFacts(files, registry: try registry()).files.flatMap(\.facts)
        let observers = facts.filter { $0.kind == .membership && $0.b == ["SCO"] && $0.period?.start == PartialDate("2005-07-05") }
        #expect(observers.first { $0.a == ["IRN"] }?.period?.end == PartialDate("2023-07-04"))
        #expect(observers.first { $0.a == ["PAK"] }?.period?.end == PartialDate("2017-06-09"))
        #expect(!observers.contains { $0.a.count > 1 })
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
