import DiplomapDocuments
import DiplomapWorkspace
import Foundation

/// The document mapper of the embedded data: the registry's names and `Data/lexicon`.
enum DocumentMapper {
    static func make() throws -> RelationExtractor {
        try Workspace.documentMapper(registry: try Workspace.registry())
    }

    /// The documents of the files, in order; the first unreadable file stops with its error.
    static func read(_ paths: [String]) throws -> [SourceDocument] {
        let reader = DocumentReader()
        return try paths.flatMap { try reader.read(URL(fileURLWithPath: $0)) }
    }
}
