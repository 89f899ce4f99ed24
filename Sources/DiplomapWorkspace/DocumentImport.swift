import DiplomapCore
import DiplomapData
import DiplomapDocuments
import Foundation

extension Workspace {
    /// The document mapper of the embedded data: the registry's names, `Data/lexicon` and the models of `Data/model`,
    /// one for English and one for each other language that has a weights file.
    public static func documentMapper(registry: CountryRegistry) throws -> RelationExtractor {
        var others: [Language: RelationModel] = [:]
        for language in Language.allCases where language != .english {
            let file = DefaultData.relationModelFile(language: language.rawValue)
            if FileManager.default.fileExists(atPath: file.path) { others[language] = try RelationModel(contentsOf: file) }
        }
        return RelationExtractor(
            registry: registry, lexicon: try Lexicon(folder: DefaultData.lexiconFolder),
            model: try RelationModel(contentsOf: DefaultData.relationModelFile), others: others)
    }

    /// Stores a document's relations as one document source, replacing what an earlier import of the same document stored.
    ///
    /// `title`, when given, names the source and the citations in place of the document's id.
    @discardableResult
    public func importDocument(_ document: SourceDocument, relations: [ExtractedRelation], title: String? = nil) async throws -> EvidenceSource {
        var source = DocumentEvidence.source(document)
        var evidence = DocumentEvidence.evidence(relations, in: document) { registry.members(of: $0) }
        if let title {
            source.name = title
            for index in evidence.indices { evidence[index].citation.title = title }
        }
        try await replace(source, with: evidence)
        return source
    }
}
