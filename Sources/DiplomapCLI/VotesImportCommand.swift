import ArgumentParser
import DiplomapCore
import DiplomapVotes
import DiplomapWorkspace

/// `diplomap votes import`: stores the yearly agreement of chosen dyads as evidence for the map.
struct VotesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store the yearly vote agreement of focus × partner pairs as evidence for the map.",
        discussion: """
        Each pair and year gives evidence on political.multilateral (all roll calls), \
        security.nonproliferation (nu and di roll calls) and economy.development (ec roll calls). \
        Its weight is the number of common votes / 100. Its polarity compares the pair's agreement \
        with the agreement expected of it, the mean of each side's average agreement with every \
        state that year: more than 0.05 above is cooperation, more than 0.05 below conflict, \
        else neutral. Importing again replaces the previous vote evidence.

        The map imports the default pairs on first use; run this for other pairs.

        Examples:
          diplomap votes import
          diplomap votes import --focus C5 --partners CHN,RUS,USA
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var source: VoteDataOptions

    @Option(help: "Focus states or a group, comma-separated; pairs among them are imported too.")
    var focus = VoteImport.defaultFocus

    @Option(help: "Partner states or groups, comma-separated.")
    var partners = VoteImport.defaultPartners

    func run() async throws {
        let workspace = try await store.open()
        let count = try await workspace.importVotes(folder: source.folder, focus: focus, partners: partners)
        try Output.print("Imported \(count) pieces of vote evidence for \(focus) × \(partners).\n")
    }
}
