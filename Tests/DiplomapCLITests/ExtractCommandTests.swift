import Foundation
import Testing

/// `diplomap extract` and `diplomap eval` through the real executable.
struct ExtractCommandTests {
    let cli = CommandLineTests()

    private func write(_ name: String, _ text: String) throws -> String {
        let url = cli.folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func extractWritesOneJSONLineADocumentAndImportsOnce() async throws {
        let file = try write("talks.txt", "Japan and Kazakhstan agreed to expand trade. Tokyo pledged new loans to Astana.")
        let result = try await cli.run(["extract", "--format", "jsonl", "--import", file])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(line["id"] as? String == "talks.txt")
        let relations = try #require(line["relations"] as? [[String: Any]])
        #expect(relations.contains { $0["issue"] as? String == "economy.trade" && $0["a"] as? [String] == ["JPN"] })
        let before = try await cli.run(["evidence", "--dyad", "JPN-KAZ", "--format", "csv"]).stdout
        #expect(before.contains("Japan and Kazakhstan agreed to expand trade."))
        _ = try await cli.run(["extract", "--import", file])
        let after = try await cli.run(["evidence", "--dyad", "JPN-KAZ", "--format", "csv"]).stdout
        #expect(after == before, "a re-import must replace the document's rows, not add to them")
    }

    @Test func extractOfAnEmptyFileFailsWithItsName() async throws {
        let file = try write("empty.txt", "")
        let result = try await cli.run(["extract", file])
        #expect(result.status != 0)
        #expect(result.stderr.contains("empty.txt: the file is empty"))
    }

    @Test func evalPrintsStrictAndLoosePerIssueAndOverall() async throws {
        let gold = try write("gold.jsonl", """
        {"id": "x", "text": "Japan and Kazakhstan agreed to expand trade.", "relations": [{"a": ["JPN"], "b": ["KAZ"], "issue": "economy.trade", "polarity": "cooperation", "evidence": "Japan and Kazakhstan agreed to expand trade."}]}
        """)
        let result = try await cli.run(["eval", gold, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("en,economy.trade,1.000,1.000,1.000,1.000,1.000,1.000,1,0,0,0"))
        // Overall: the annotated triple found (tp 1, fn 0), whatever else the model adds.
        let overall = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("en,overall,") })
        let fields = overall.split(separator: ",")
        #expect(fields.count == 12 && fields[3] == "1.000" && fields[8] == "1" && fields[10] == "0", "\(overall)")
    }

    @Test func evalCeilingStatesTheProposedPairsAsAnnotatedAndMissesTheOthers() async throws {
        // One annotated pair is named in the sentence, so the mapper proposes it; the other is named nowhere in the text.
        let sentence = "Kazakhstan and Kyrgyzstan agreed to share the water of the Syr Darya."
        let gold = try write("ceiling.jsonl", """
        {"id": "c", "text": "\(sentence)", "relations": [\
        {"a": ["KAZ"], "b": ["KGZ"], "issue": "resources.water", "polarity": "cooperation", "evidence": "\(sentence)"}, \
        {"a": ["IND"], "b": ["TKM"], "issue": "resources.energy", "polarity": "cooperation", "evidence": "\(sentence)"}]}
        """)
        let result = try await cli.run(["eval", "--ceiling", gold, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("en,resources.water,1.000,1.000,1.000,1.000,1.000,1.000,1,0,0,0"))
        #expect(result.stdout.contains("en,overall,1.000,0.500,0.667,1.000,0.500,0.667,1,0,1,0"), "\(result.stdout)")
        let both = try await cli.run(["eval", "--ceiling", "--folds", "2", gold])
        #expect(both.status != 0)
        #expect(both.stderr.contains("--ceiling"))
    }
}

/// `diplomap extract` of Russian documents, through the real executable.
struct RussianExtractCommandTests {
    let cli = CommandLineTests()

    @Test func russianDocumentIsDetectedImportedAndQuotedWithItsLanguage() async throws {
        let text = "Япония и Казахстан договорились расширить взаимную торговлю. Токио выделит Астане новые кредиты."
        let file = cli.folder.appendingPathComponent("talks-ru.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try await cli.run(["extract", "--format", "jsonl", "--import", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(line["lang"] as? String == "ru")
        let relations = try #require(line["relations"] as? [[String: Any]])
        #expect(relations.contains { $0["issue"] as? String == "economy.trade" && Set(($0["a"] as? [String] ?? []) + ($0["b"] as? [String] ?? [])) == ["JPN", "KAZ"] })
        #expect(relations.allSatisfy { text.contains($0["evidence"] as? String ?? "∅") })
        let evidence = try await cli.run(["evidence", "--dyad", "JPN-KAZ", "--format", "csv"]).stdout
        #expect(evidence.contains("Япония и Казахстан договорились расширить взаимную торговлю."))
        #expect(evidence.contains("in Russian"))
    }

    @Test func langOptionOverridesDetectionAndRejectsUnknownCodes() async throws {
        let file = cli.folder.appendingPathComponent("short.txt")
        try "Japan and Kazakhstan agreed to expand trade.".write(to: file, atomically: true, encoding: .utf8)
        let result = try await cli.run(["extract", "--format", "jsonl", "--lang", "ru", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"lang\":\"ru\""))
        let bad = try await cli.run(["extract", "--lang", "xx", file.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("lang"))
    }
}
