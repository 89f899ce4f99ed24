import DiplomapCore
import DiplomapDocuments
import DiplomapWorkspace
import Foundation

/// The document mapper of the embedded data: the registry's names and `Data/lexicon`.
enum DocumentMapper {
    static func make() throws -> RelationExtractor {
        try Workspace.documentMapper(registry: try Workspace.registry())
    }

    /// The documents of the files that are whole, in order, and the damaged files, each named on standard error and left
    /// out; any other unreadable file stops with its error.
    static func read(_ paths: [String]) throws -> (documents: [SourceDocument], damaged: [DamagedFile]) {
        let reader = DocumentReader()
        var documents: [SourceDocument] = [], damaged: [DamagedFile] = []
        for path in paths {
            do {
                documents += try reader.read(URL(fileURLWithPath: path))
            } catch let damage as DamagedFile {
                Output.error("\(damage) (nothing of it used)")
                damaged.append(damage)
            }
        }
        return (documents, damaged)
    }
}
