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

    @Test func aFactWithSeveralSourcesGivesOneRowPerPairAndIssueWithTheOthersAlongside() throws {
        let text = Self.valid.joined(separator: "\n") + "\n" + [
            "      - title: A second page", "        publisher: Another publisher", "        address: https://example.com/q",
            "        published: 2019-12-20", "        locator: heading Visits", "        summary: Tokyo received the Kazakh president.",
        ].joined(separator: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var withEvent = lines
        withEvent.insert("    event: kaz-jpn-visit-2019", at: 3)
        let facts = try parse(withEvent.joined(separator: "\n"))
        let fact = try #require(facts.first?.fact)
        #expect(fact.event == "kaz-jpn-visit-2019" && fact.eventKey == "kaz-jpn-visit-2019")
        #expect(fact.citations.map(\.address) == ["https://example.org/p", "https://example.com/q"])
        #expect(fact.citations[1].published == PartialDate("2019-12-20") && fact.citations[1].locator == "heading Visits")
        #expect(facts[0].citationLines == [11, 16] && facts[0].summaryLines == [15, 21])
        let rows = fact.evidence(members: try TestRegistry.make().members)
        #expect(rows.count == 1)
        #expect(rows[0].citation.address == "https://example.org/p" && rows[0].citation.locator == "paragraph 1; fact kaz-jpn-visit")
        #expect(rows[0].citation.also.map(\.address) == ["https://example.com/q"])
        #expect(rows[0].citation.all.map(\.title) == ["A page", "A second page"])
        let single = try parse(Self.valid.joined(separator: "\n"))[0].fact
        #expect(single.event == nil && single.eventKey == "kaz-jpn-visit")
        #expect(single.evidence(members: try TestRegistry.make().members)[0].citation.also.isEmpty)
    }

    @Test func aCitationWritesItsFurtherSourcesOnlyWhenItHasThem() throws {
        let one = Citation(title: "t", address: "https://a.org")
        let encoded = String(decoding: try JSONEncoder().encode(one), as: UTF8.self)
        #expect(!encoded.contains("also"))
        let two = Citation(title: "t", address: "https://a.org", also: [Citation(title: "u", address: "https://b.org", locator: "p. 2")])
        let decoded = try JSONDecoder().decode(Citation.self, from: JSONEncoder().encode(two))
        #expect(decoded == two && decoded.also[0].locator == "p. 2")
        #expect(try JSONDecoder().decode(Citation.self, from: Data(#"{"title":"t","address":"https://a.org"}"#.utf8)).also.isEmpty)
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
            "bad.yaml:12: citations[1].address: is empty",
            "bad.yaml:10: citations[1].summary: missing",
            "bad.yaml:22: sumary: unknown field",
            "bad.yaml:21: end: 2019 is before the start 2020-05",
            "bad.yaml:31: event: use lower-case letters, digits and hyphens: Summit_2021",
            "bad.yaml:43: citations[2].locator: missing",
            "bad.yaml:54: citation: a fact lists its sources under `citations:`",
            "bad.yaml:67: citations: is empty: a fact cites at least one source",
        ]
        for line in expected {
            #expect(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\nin:\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.count == expected.count, "\(lines.joined(separator: "\n"))")
    }

    /// A valid fact, line by line, so that each case below breaks one line of it.
    static let valid = [
        "facts:", "  - id: kaz-jpn-visit", "    kind: summit", "    a: [KAZ]", "    b: [JPN]", "    issues: [political.dialogue]",
        "    polarity: cooperation", "    start: 2019-12", "    citations:", "      - title: A page", "        publisher: A publisher",
        "        address: https://example.org/p", "        locator: paragraph 1", "        summary: Kazakhstan's president visited Tokyo.",
    ]

    @Test(arguments: [
        (4, "    a: [QAZ]", "test.yaml:4: a: unknown country or group code \"QAZ\""),
        (5, "    b: []", "test.yaml:5: b: is empty"),
        (6, "    issues: [politics]", "test.yaml:6: issues: unknown issue \"politics\""),
        (7, "    polarity: friendly", "test.yaml:7: polarity: unknown value \"friendly\""),
        (8, "    start: 2019-13", "test.yaml:8: start: not a date (YYYY, YYYY-MM or YYYY-MM-DD): 2019-13"),
        (8, "    start: 2019-12\n    end: 2018", "test.yaml:9: end: 2018 is before the start 2019-12"),
        (8, "    end: 2018", "test.yaml:8: end: an end needs a start"),
        (12, "        address: ", "test.yaml:12: citations[1].address: missing"),
        (13, "        locator: \"\"", "test.yaml:13: citations[1].locator: is empty"),
        (14, "        summary: [a, b]", "test.yaml:14: citations[1].summary: must be text"),
        (11, "        publisher: A publisher\n        pages: 3", "test.yaml:12: citations[1].pages: unknown field"),
        (9, "    citations: https://example.org", "test.yaml:9: citations: must be a list of citations"),
        (9, "    citations:\n      - https://example.org", "test.yaml:10: citations[1]: a citation must be a mapping of fields"),
        (3, "    kind: summit\n    country: KAZ", "test.yaml:4: country: unknown field"),
        (3, "    kind: summit\n    event: Kaz Visit", "test.yaml:4: event: use lower-case letters, digits and hyphens: Kaz Visit"),
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
