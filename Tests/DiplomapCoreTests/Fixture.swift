import DiplomapCore
import Foundation

/// The test registry: real rows of the country table and two groups.
enum Fixture {
    static let countriesFile = Bundle.module.url(forResource: "countries", withExtension: "csv", subdirectory: "Fixtures")!

    static let citation = Citation(title: "Test source", publisher: "Tests", address: "https://example.org/source", locator: "paragraph 1", summary: "A test summary about Kazakhstan.")

    static let c5 = Group(code: "C5", name: "Central Asia five", kind: .region, members: ["KAZ", "KGZ", "TJK", "TKM", "UZB"],
                          aliases: ["Central Asia", "Central Asian states"], citation: citation)

    static func registry() throws -> CountryRegistry {
        let countries = try CountryTable.parse(String(contentsOf: countriesFile, encoding: .utf8), file: countriesFile.path)
        return try CountryRegistry(countries: countries, groups: [c5])
    }
}
