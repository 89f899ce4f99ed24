import DiplomapCore
@testable import DiplomapFacts
import Foundation
import Testing

struct FactFileTests {
    func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Fixtures")!
    }

    func parse(_ text: String) throws -> [LocatedFact] {
        try FactFile.parse(text, file: "test.yaml", registry: TestRegistry.make())
    }

    @Test func readsAValidFile() throws {
        let facts = try FactFile.parse(String(contentsOf: fixture("good"), encoding: .utf8), file: "good.yaml", registry: TestRegistry.make())
        #expect(facts.map(\.fact.id) == ["test-c5-jpn-kor-dialogue", "test-kaz-uzb-border"])
        #expect(facts.map(\.line) == [2, 16] && facts[0].summaryLine == 15)
        let first = facts[0].fact
        #expect(first.kind == .dialogueFormat && first.a == ["C5"] && first.b == ["JPN", "KOR"])
        #expect(first.period?.start == PartialDate("2004-08") && first.period?.end == nil)
        #expect(first.citation.published == PartialDate("2004-08-28"))
        #expect(facts[1].fact.period?.end == PartialDate("2002-12"))
    }

    @Test func aFactBecomesOneRowPerPairAndIssueWithTheGroupKept() throws {
        let facts = try FactFile.parse(String(contentsOf: fixture("good"), encoding: .utf8), file: "good.yaml", registry: TestRegistry.make())
        let registry = try TestRegistry.make()
        let rows = facts[0].fact.evidence(members: registry.members)
        #expect(rows.count == 4)
        #expect(Set(rows.map { "\($0.a)-\($0.b)-\($0.issue.code)" }) == [
            "C5-JPN-political.multilateral", "C5-JPN-economy.trade", "C5-KOR-political.multilateral", "C5-KOR-economy.trade",
        ])
        #expect(rows.allSatisfy { $0.kind == .fact && $0.polarity == .cooperation && $0.citation.locator == "paragraph 2; fact test-c5-jpn-kor-dialogue" })
    }

    @Test func aJointActOfAGroupRelatesEveryPairOfItsStates() throws {
        let registry = try TestRegistry.make()
        let fact = Fact(id: "nwfz", kind: .agreement, a: ["C5"], b: ["C5"], issues: [.nonproliferation], polarity: .cooperation, period: nil,
                        citation: Citation(title: "t", address: "a"))
        let rows = fact.evidence(members: registry.members)
        #expect(rows.count == 10)
        #expect(Set(rows.map(\.dyad)).count == 10 && rows.allSatisfy { $0.a != $0.b && $0.a != "C5" })
        let threeWay = Fact(id: "rail", kind: .agreement, a: ["KAZ", "UZB", "JPN"], b: ["KAZ", "UZB", "JPN"], issues: [.connectivity, .trade],
                            polarity: .cooperation, period: nil, citation: Citation(title: "t", address: "a"))
        #expect(threeWay.evidence(members: registry.members).count == 6)
    }

    @Test func reportsEveryProblemWithItsLineAndField() throws {
        let url = fixture("bad")
        let errors = #expect(throws: InputErrors.self) {
            try FactFile.parse(String(contentsOf: url, encoding: .utf8), file: "bad.yaml", registry: TestRegistry.make())
        }
        let lines = errors?.errors.map(\.description) ?? []
        let expected = [
            "bad.yaml:2: id: use lower-case letters, digits and hyphens: Bad_Id",
            "bad.yaml:3: kind: unknown value \"treaty\"",
            "bad.yaml:4: a: a group code stands alone on its side",
            "bad.yaml:5: b: unknown country or group code \"Japan\"; the code of \"Japan\" is JPN",
            "bad.yaml:6: issues: unknown issue \"security.terror\"",
            "bad.yaml:8: start: not a date (YYYY, YYYY-MM or YYYY-MM-DD): 2019-02-30",
            "bad.yaml:12: address: is empty",
            "bad.yaml:10: summary: missing",
            "bad.yaml:22: sumary: unknown field",
            "bad.yaml:21: end: 2019 is before the start 2020-05",
        ]
        for line in expected {
            #expect(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\nin:\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.count == expected.count, "\(lines.joined(separator: "\n"))")
    }

    /// A valid fact, line by line, so that each case below breaks one line of it.
    static let valid = [
        "facts:", "  - id: kaz-jpn-visit", "    kind: summit", "    a: [KAZ]", "    b: [JPN]", "    issues: [political.dialogue]",
        "    polarity: cooperation", "    start: 2019-12", "    citation:", "      title: A page", "      publisher: A publisher",
        "      address: https://example.org/p", "      locator: paragraph 1", "      summary: Kazakhstan's president visited Tokyo.",
    ]

    @Test(arguments: [
        (4, "    a: [QAZ]", "test.yaml:4: a: unknown country or group code \"QAZ\""),
        (5, "    b: []", "test.yaml:5: b: is empty"),
        (6, "    issues: [politics]", "test.yaml:6: issues: unknown issue \"politics\""),
        (7, "    polarity: friendly", "test.yaml:7: polarity: unknown value \"friendly\""),
        (8, "    start: 2019-13", "test.yaml:8: start: not a date (YYYY, YYYY-MM or YYYY-MM-DD): 2019-13"),
        (8, "    start: 2019-12\n    end: 2018", "test.yaml:9: end: 2018 is before the start 2019-12"),
        (8, "    end: 2018", "test.yaml:8: end: an end needs a start"),
        (12, "      address: ", "test.yaml:12: address: missing"),
        (13, "      locator: \"\"", "test.yaml:13: locator: is empty"),
        (14, "      summary: [a, b]", "test.yaml:14: summary: must be text"),
        (9, "    citation: https://example.org", "test.yaml:9: citation: the citation must be a mapping of fields"),
        (3, "    kind: summit\n    country: KAZ", "test.yaml:4: country: unknown field"),
    ])
    func eachBrokenFieldGivesItsMessage(line: Int, replacement: String, message: String) throws {
        var lines = Self.valid
        if replacement.hasSuffix(": ") {
            lines[line - 1] = String(replacement.dropLast(1))
        } else {
            lines[line - 1] = replacement
        }
        if line == 9 { lines.removeSubrange(9...) }
        let error = #expect(throws: InputErrors.self) { try parse(lines.joined(separator: "\n")) }
        #expect(error?.errors.contains { $0.description.hasPrefix(message) } == true, "\(error?.errors.map(\.description) ?? [])")
        #expect(try parse(Self.valid.joined(separator: "\n")).count == 1)
    }

    @Test func reportsYAMLSyntaxErrorsWithTheirLine() throws {
        let error = #expect(throws: InputErrors.self) { try parse("facts:\n  - id: x\n    a: [KAZ\n    b: JPN\n") }
        #expect(error?.errors.first?.description.hasPrefix("test.yaml:") == true)
        #expect(error?.errors.first?.line != nil)
        #expect(throws: InputErrors.self) { try parse("- just\n- a list\n") }
    }

    @Test func anEmptyFileHasNoFacts() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("facts:\n").isEmpty)
    }

    @Test func findsDuplicateIdsAcrossFilesAndLoadsNothingOfABadFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try String(contentsOf: fixture("good"), encoding: .utf8)
        try good.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try good.write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try String(contentsOf: fixture("bad"), encoding: .utf8).write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        let files = try KnowledgeBase.factFiles(in: [folder])
        #expect(files.map(\.name) == ["a.yaml", "b.yaml", "c.yaml"])
        let (loaded, errors) = KnowledgeBase.loadFacts(files, registry: try TestRegistry.make())
        #expect(loaded.map(\.name) == ["a.yaml"])
        #expect(loaded.first?.source.id == "facts/a.yaml" && loaded.first?.sha256.count == 64)
        #expect(errors.contains { $0.file.hasSuffix("b.yaml") && $0.message.contains("test-c5-jpn-kor-dialogue is already defined in") })
        #expect(errors.contains { $0.file.hasSuffix("c.yaml") })
    }
}
