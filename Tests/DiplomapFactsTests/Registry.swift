import DiplomapCore

/// A small registry made in code: the states and the group the fixtures use.
enum TestRegistry {
    static func make() throws -> CountryRegistry {
        let countries = [
            Country(iso3: "KAZ", iso2: "KZ", name: "Republic of Kazakhstan", shortName: "Kazakhstan", capitals: ["Astana"], demonyms: ["Kazakh"]),
            Country(iso3: "KGZ", iso2: "KG", name: "Kyrgyz Republic", shortName: "Kyrgyzstan"),
            Country(iso3: "TJK", iso2: "TJ", name: "Republic of Tajikistan", shortName: "Tajikistan"),
            Country(iso3: "TKM", iso2: "TM", name: "Turkmenistan", shortName: "Turkmenistan"),
            Country(iso3: "UZB", iso2: "UZ", name: "Republic of Uzbekistan", shortName: "Uzbekistan"),
            Country(iso3: "JPN", iso2: "JP", name: "Japan", shortName: "Japan", capitals: ["Tokyo"], demonyms: ["Japanese"]),
            Country(iso3: "KOR", iso2: "KR", name: "Republic of Korea", shortName: "South Korea"),
        ]
        let source = Citation(title: "Test", publisher: "Test", address: "https://example.org", locator: "p. 1", summary: "The five.")
        return try CountryRegistry(countries: countries, groups: [
            Group(code: "C5", name: "Central Asia five", kind: .region, members: ["KAZ", "KGZ", "TJK", "TKM", "UZB"], aliases: ["Central Asian states"], citation: source),
        ])
    }
}
