import DiplomapCore
import Testing

struct CountryRegistryTests {
    @Test(arguments: [
        ("Nur-Sultan", "KAZ"), ("nur sultan", "KAZ"), ("Kyrgyz", "KGZ"), ("Republic of Korea", "KOR"), ("South Korea", "KOR"),
        ("Seoul", "KOR"), ("KS", "KOR"), ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("TURKEY", "TUR"), ("Ankara", "TUR"),
        ("kaz", "KAZ"), ("KZ", "KAZ"), ("398", "KAZ"), ("Tajik", "TJK"), ("Ashgabat", "TKM"), ("Persia", "IRN"),
        ("Moscow", "RUS"), ("Russia", "RUS"), ("USSR", "SUN"), ("NA", "NAM"), ("Namibia", "NAM"), ("AUS", "AUS"), ("AU", "AUS"),
        ("Austria", "AUT"), ("Kazakstan", "KAZ"), ("the United States", "USA"), ("DRC", "COD"),
    ])
    func resolvesNamesAndCodes(query: String, iso3: String) throws {
        let registry = try Fixture.registry()
        #expect(try registry.resolve(query).code == iso3)
    }

    @Test(arguments: [
        ("365", CodeSystem.cow, "RUS"), ("RUS", .cow, "RUS"), ("705", .cow, "KAZ"), ("KZK", .gw, "KAZ"), ("USR", .cameo, "SUN"),
        ("YEM", .cameo, "YEM"), ("KS", .fips, "KOR"), ("AU", .fips, "AUT"), ("WE", .fips, "PSE"), ("GZ", .fips, "PSE"),
        ("36", .m49, "AUS"), ("417", .m49, "KGZ"), ("KR", .iso2, "KOR"), ("AUS", .cow, "AUT"),
    ])
    func looksUpEachCodeSystem(code: String, system: CodeSystem, iso3: String) throws {
        #expect(try Fixture.registry().country(code: code, system: system)?.iso3 == iso3)
    }

    @Test func resolvesGroupsByCodeAndName() throws {
        let registry = try Fixture.registry()
        #expect(try registry.resolve("c5") == .group(Fixture.c5))
        #expect(try registry.resolve("Central Asian states").code == "C5")
        #expect(registry.members(of: "C5") == ["KAZ", "KGZ", "TJK", "TKM", "UZB"])
        #expect(registry.members(of: "JPN") == ["JPN"])
    }

    @Test func unknownNameSuggestsTheNearest() throws {
        let registry = try Fixture.registry()
        let error = #expect(throws: LookupError.self) { try registry.resolve("Kazakhsatn") }
        #expect(error?.suggestions.first == "Kazakhstan")
        #expect(error?.description.contains("\"Kazakhsatn\"") == true)
        #expect(throws: LookupError.self) { try registry.resolve("Narnia") }
    }

    @Test func searchFindsPartsOfNames() throws {
        #expect(try Fixture.registry().search("korea").map(\.iso3) == ["KOR", "PRK"])
        #expect(try Fixture.registry().search("Seoul").map(\.iso3) == ["KOR"])
        #expect(try Fixture.registry().search("atlantis").isEmpty)
    }

    @Test func rejectsGroupsWithUnknownMembers() throws {
        let countries = try Fixture.registry().countries
        let bad = Group(code: "XX", name: "Bad", kind: .organisation, members: ["KAZ", "ZZZ"], citation: Fixture.citation)
        #expect(throws: RegistryError(message: "group XX names unknown country ZZZ")) {
            try CountryRegistry(countries: countries, groups: [bad])
        }
        let clash = Group(code: "KAZ", name: "Clash", kind: .region, members: [], citation: Fixture.citation)
        #expect(throws: RegistryError.self) { try CountryRegistry(countries: countries, groups: [clash]) }
    }
}

struct CountryListTests {
    @Test func resolvesAListOfNamesAndCodesInOrderEachOnce() throws {
        let registry = try Fixture.registry()
        #expect(try registry.resolveList(" C5, Japan ,KOR,,Tokyo").map(\.code) == ["C5", "JPN", "KOR"])
        #expect(try registry.resolveStates("KAZ, C5, India").map { $0 } == ["KAZ", "KGZ", "TJK", "TKM", "UZB", "IND"])
        #expect(try registry.resolveStates("").isEmpty)
        let error = #expect(throws: LookupError.self) { try registry.resolveList("JPN,Narnia") }
        #expect(error?.query == "Narnia")
    }
}

/// Found by fuzzing map queries (`Fuzz/run`, target map-query): the suggestions for an unknown name measured its edit
/// distance to every name in the registry, so one long name in a request (8 KiB fit in an address) took seconds of CPU.
/// For names of 200,000 characters that measure is some 10^10 steps, minutes in a debug build: the time limit fails it,
/// while the names' lengths alone answer at once. (No timed assertion: a busy machine would fail it for nothing.)
struct LongQueryTests {
    @Test(.timeLimit(.minutes(1)))
    func aLongUnknownNameIsAnsweredAtOnce() throws {
        let registry = try Fixture.registry()
        for query in [String(repeating: "x", count: 200_000), String(repeating: "Kazakhstan ", count: 20_000)] {
            let error = #expect(throws: LookupError.self) { try registry.resolve(query) }
            #expect(error?.suggestions == [])
        }
        // Near misses still find their state.
        #expect(registry.suggestions(for: "Kazakhsatn").first == "Kazakhstan")
    }
}
