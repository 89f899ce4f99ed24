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

    /// One evidence row per relation: kind `.document`, weight 1, the sentence quoted with its byte offsets.
    ///
    /// A group related with itself (the five acting together) has no dyad in the map and is left out.
    public static func evidence(_ relations: [ExtractedRelation], in document: SourceDocument) -> [Evidence] {
        relations.filter { $0.a != $0.b }.map { relation in
            Evidence(
                kind: .document, a: relation.a, b: relation.b, issue: relation.issue, polarity: relation.polarity,
                citation: Citation(
                    title: document.id, address: document.file,
                    locator: "bytes \(relation.start)-\(relation.end) of the text", quote: relation.evidence))
        }
    }
}
