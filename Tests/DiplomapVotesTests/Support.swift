import DiplomapCore
import DiplomapData
import DiplomapFacts
@testable import DiplomapVotes
import Foundation
import Testing
import Logging

/// What the vote tests share: the registry, the fixture folders and the embedded data, loaded once.
enum Support {
    static let registry: CountryRegistry = try! KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)

    static func fixture(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func load(_ folder: URL) throws -> VoteData {
        try VoteLoader.load(folder: folder, registry: registry, logger: Logger(label: "test"))
    }

    /// The whole embedded data set, 1946–2019, loaded once for all tests.
    static let full: Result<VoteData, any Error> = Result { try load(DefaultData.unvotesFolder) }

    /// The counts of a pair in the year a session opened.
    static func counts(_ data: VoteData, _ a: String, _ b: String, year: Int, issues: UNIssueSet = .all) throws -> PairCounts {
        let i = try #require(data.index(of: a)), j = try #require(data.index(of: b))
        return data.counts(i, j, session: RollCall.session(ofYear: year), issues: issues)
    }
}
