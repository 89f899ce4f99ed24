import DiplomapCore
import DiplomapData
import DiplomapDocuments
import DiplomapFacts
import Testing

struct DocumentEvidenceTests {
    @Test func aGroupWithItselfBecomesEveryPairOfItsStates() throws {
        let registry = try KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
        let text = "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan signed a treaty on a nuclear-weapon-free zone among themselves."
        let document = SourceDocument(id: "zone.txt", text: text, file: "/tmp/zone.txt")
        let relations = Mapper.shared.extract(text)
        #expect(relations.contains { $0.a == "C5" && $0.b == "C5" })
        let rows = DocumentEvidence.evidence(relations, in: document) { registry.members(of: $0) }
        let joint = rows.filter { $0.a != "C5" && $0.b != "C5" && $0.issue == .nonproliferation }
        #expect(Set(joint.map { Dyad($0.a, $0.b) }).count == 10)
        #expect(rows.allSatisfy { $0.a != $0.b })
        #expect(rows.allSatisfy { $0.citation.quote == text })
    }
}
