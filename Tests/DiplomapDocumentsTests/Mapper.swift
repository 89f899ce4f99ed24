import DiplomapData
import DiplomapDocuments
import DiplomapFacts
import Foundation

/// The mapper of the embedded data, built once for all tests.
enum Mapper {
    static let shared: RelationExtractor = {
        let registry = try! KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
        return RelationExtractor(
            registry: registry, lexicon: try! Lexicon(folder: DefaultData.lexiconFolder),
            model: try! RelationModel(contentsOf: DefaultData.relationModelFile),
            others: [.russian: try! RelationModel(contentsOf: DefaultData.relationModelFile(language: "ru"))])
    }()

    /// The relations of a text as "A-B issue polarity" strings, sides sorted, for compact expectations.
    static func triples(_ text: String) -> Set<String> {
        Set(shared.extract(text).map { relation in
            let pair = [relation.a, relation.b].sorted().joined(separator: "-")
            return "\(pair) \(relation.issue.code) \(relation.polarity.rawValue)"
        })
    }
}
