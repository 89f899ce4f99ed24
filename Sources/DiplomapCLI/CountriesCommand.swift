import ArgumentParser
import DiplomapCore
import DiplomapWorkspace

/// `diplomap countries`: looks up states by any code or name.
struct CountriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "countries",
        abstract: "List states, or look one up by code, name, alias, capital or demonym.",
        discussion: """
        Examples:
          diplomap countries                 # all 205
          diplomap countries Nur-Sultan      # Kazakhstan, through a former capital name
          diplomap countries KS              # South Korea, through its FIPS code
          diplomap countries stan            # every state whose names contain "stan"
        """
    )

    @Argument(help: "A code or a name; part of a name lists every state whose names contain it.")
    var query: String?

    @Option(help: "table, json or csv.")
    var format: ListFormat = .table

    func run() async throws {
        let registry = try Workspace.registry()
        let countries = query.map(registry.search) ?? registry.countries
        if countries.isEmpty, let query {
            throw LookupError(query: query, suggestions: registry.suggestions(for: query))
        }
        let rows = countries.map { country in
            [country.iso3, country.iso2 ?? "", country.isoNumeric ?? "", country.shortName, country.name, country.capitals.joined(separator: "; "),
             country.demonyms.joined(separator: "; "), country.cowNumber.map(String.init) ?? "", country.fips.joined(separator: ";"),
             country.cameo ?? "", country.status.rawValue]
        }
        try Output.list(format, header: ["iso3", "iso2", "m49", "short_name", "name", "capital", "demonyms", "cow", "fips", "cameo", "status"], rows: rows, json: countries)
    }
}
