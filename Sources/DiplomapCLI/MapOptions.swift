import ArgumentParser
import DiplomapCore
import DiplomapWorkspace

/// Which cells a map or a comparison of maps covers: the store, the focus, the partners, the issues and the kinds of
/// source; shared by `map`, `export` and `changes`.
struct MapSelection: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "The focus: a group (its members become rows too) or a comma-separated list of states.")
    var focus = MapRequest.defaultFocus

    @Option(help: "Comma-separated partner states or groups: codes or names.")
    var partners = MapRequest.defaultPartners

    @Option(help: ArgumentHelp("Only these issues: comma-separated codes (see `diplomap issues`).", valueName: "codes"))
    var issues: String?

    @Option(help: ArgumentHelp("Only these kinds of source: comma-separated, of fact, document, event, vote.", valueName: "kinds"))
    var kinds: String?

    /// The options as the web pages' URL parameters, the ones left out absent.
    var parameters: [String: String?] { ["focus": focus, "partners": partners, "issues": issues, "kinds": kinds] }
}

/// What a map is made of: the selection and the period; shared by `map` and `export`.
struct MapOptions: ParsableArguments {
    @OptionGroup var selection: MapSelection

    @OptionGroup(title: "Period") var time: TimeOptions

    func validate() throws {
        _ = try request()
    }

    /// The request the options describe, read as the web pages read their URL parameters.
    func request() throws -> MapRequest {
        let parameters = selection.parameters.merging(["since": time.since, "until": time.until, "as-of": time.asOf, "window": time.lookBack]) { $1 }
        do {
            return try MapRequest(parameters: parameters.compactMapValues { $0 })
        } catch {
            throw ValidationError("--\(error)")
        }
    }

    /// Opens the store and makes the map.
    func build() async throws -> (workspace: Workspace, built: BuiltMap) {
        let workspace = try await selection.store.open()
        return (workspace, try await workspace.map(try request()))
    }
}
