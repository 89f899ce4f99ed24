import DiplomapCore
import Foundation

/// Turns a document's relations into evidence rows for the store, each citing its sentence.
public enum DocumentEvidence {
    /// The evidence source of a document: one per file and document id, so that a re-import replaces it.
    public static func source(_ document: SourceDocument) -> EvidenceSource {
        let fileName = URL(fileURLWithPath: document.file).lastPathComponent
        let id = document.id == fileName ? "document:\(document.file)" : "document:\(document.file)#\(document.id)"
        return EvidenceSource(id: id, kind: .document, name: document.id, sha256: Checksum.sha256(Data(document.text.utf8)))
    }

    /// One evidence row per relation: kind `.document`, weighed by the mapper's probability, the sentence quoted with its byte offsets
    /// and, for a document not in English, its language ("bytes 10-96 of the text, in Russian"), so that a reader knows what the quote is.
    ///
    /// A group related with itself (the five acting together) stands, as in the annotation contract,
    /// for every pair of its states; `members` expands a group code into its states.
    public static func evidence(_ relations: [ExtractedRelation], in document: SourceDocument, members: (String) -> [String]) -> [Evidence] {
        relations.flatMap { relation in
            let citation = Citation(
                title: document.id, address: document.file,
                locator: "bytes \(relation.start)-\(relation.end) of the text" + (relation.language == .english ? "" : ", in \(relation.language.name)"),
                quote: relation.evidence)
            return pairs(relation, members: members).map { a, b in
                Evidence(
                    kind: .document, a: a, b: b, issue: relation.issue, polarity: relation.polarity,
                    weight: relation.confidence, citation: citation)
            }
        }
    }

    /// The sides of a relation, or every pair of a group's states when the group is related with itself.
    private static func pairs(_ relation: ExtractedRelation, members: (String) -> [String]) -> [(String, String)] {
        guard relation.a == relation.b else { return [(relation.a, relation.b)] }
        let states = members(relation.a)
        return states.indices.flatMap { i in states[(i + 1)...].map { (states[i], $0) } }
    }
}
