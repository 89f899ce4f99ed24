import DiplomapCore
import Foundation

/// A document with the relations a reader annotated in it, as the evaluation files hold them.
public struct AnnotatedDocument: Sendable, Codable {
    /// One annotated relation: each side a list of actor codes.
    public struct Relation: Sendable, Codable, Hashable {
        public var a: [String]
        public var b: [String]
        public var issue: String
        public var polarity: String
        public var evidence: String?
        /// The mapper's probability for a relation it found; annotations have none.
        public var confidence: Double?

        public init(a: [String], b: [String], issue: String, polarity: String, evidence: String? = nil, confidence: Double? = nil) {
            self.a = a
            self.b = b
            self.issue = issue
            self.polarity = polarity
            self.evidence = evidence
            self.confidence = confidence
        }

        /// A mapper's relation in the annotation form.
        public init(_ relation: ExtractedRelation) {
            self.init(a: [relation.a], b: [relation.b], issue: relation.issue.code, polarity: relation.polarity.rawValue, evidence: relation.evidence,
                      confidence: (relation.confidence * 1000).rounded() / 1000)
        }
    }

    public var id: String
    /// Where the text comes from: the address of the page it was written from, for the corpus.
    public var source: String?
    /// The language's code (`en`, `ru`) when the file gives it.
    public var lang: String?
    public var text: String
    public var relations: [Relation]

    public init(id: String, text: String, relations: [Relation]) {
        self.id = id
        self.text = text
        self.relations = relations
    }

    /// The language the document is written in: as the file gives it, else detected from its letters.
    public var language: Language {
        lang.flatMap(Language.init(rawValue:)) ?? Language.detect(text)
    }

    /// Reads an annotation file, one document a line; errors name the line.
    public static func load(_ url: URL) throws -> [AnnotatedDocument] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError(file: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        let text = try DocumentReader.utf8Text(data, file: url.path)
        var documents: [AnnotatedDocument] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                let document = try decoder.decode(AnnotatedDocument.self, from: Data(line.utf8))
                if let lang = document.lang, Language(rawValue: lang) == nil {
                    let known = Language.allCases.map(\.rawValue).joined(separator: ", ")
                    throw InputError(file: url.path, line: index + 1, field: "lang", message: "unknown language \(lang); expected one of \(known)")
                }
                documents.append(document)
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError(file: url.path, line: index + 1, message: "not an annotated document (id, text, relations): \(error)")
            }
        }
        guard !documents.isEmpty else { throw InputError(file: url.path, message: "the file holds no documents") }
        return documents
    }
}
