import DiplomapCore
import DiplomapData
import DiplomapEvents
import Foundation
import Testing

/// The PLOVER tables of Data/plover: event types with their polarity and CAMEO root, and the first-match issue rules.
struct PloverMapTests {
    static func tables() throws -> (types: String, rules: String) {
        let folder = DefaultData.ploverFolder
        return (
            try String(contentsOf: folder.appendingPathComponent("event_types.csv"), encoding: .utf8),
            try String(contentsOf: folder.appendingPathComponent("issue_map.csv"), encoding: .utf8)
        )
    }

    @Test(arguments: [
        ("CONSULT", "visit", "diplomatic", ["GOV", "GOV"], Issue.dialogue),
        ("CONSULT", "None", "military", [], .defense),
        ("COOPERATE", "None", "economic;natural_resource", [], .energy),
        ("COOPERATE", "None", "None", ["BUS", "GOV"], .investment),
        ("COOPERATE", "", "", [], .trade),
        ("ASSAULT", "firearms", "territory; military", ["MIL", "MIL"], .borders),
        ("ASSAULT", "firearms", "", [], .defense),
        ("ASSAULT", "explosives", "", [], .terrorism),
        ("ASSAULT", "firearms", "", ["GOV", "REB"], .terrorism),
        ("ASSAULT", "unconventional", "", [], .nonproliferation),
        ("assault", "Heavy-Weapons", "Terrorism", [], .terrorism),
        ("AID", "", "health", [], .development),
        ("AID", "", "military", [], .defense),
        ("SANCTION", "discontinue", "", [], .trade),
        ("SANCTION", "convict", "", [], .dialogue),
        ("THREATEN", "territory", "", [], .borders),
        ("THREATEN", "violence", "", [], .sovereignty),
        ("PROTEST", "demo", "", [], .sovereignty),
        ("REQUEST", "assist", "trafficking", [], .narcotics),
        ("ACCUSE", "disapprove", "environment", [], .water),
        ("REJECT", "meet", "", [], .dialogue),
    ])
    func typesModesContextsAndSectorsGiveIssues(type: String, modes: String, contexts: String, sectors: [String], issue: Issue) {
        #expect(PloverMap.standard.issue(eventType: type, modes: modes, contexts: contexts, sectors: sectors) == issue)
    }

    @Test func theSixteenTypesOfThePloverManualHaveTheirPolarityAndRoot() throws {
        let map = PloverMap.standard
        #expect(map.types.count == 16)
        let cooperative = map.types.filter { $0.value.polarity == .cooperation }.keys.sorted()
        #expect(Set(cooperative) == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"])
        #expect(map.types.filter { $0.value.polarity == .conflict }.count == 9)
        #expect(map.eventType("accuse")?.cameoRoot == "11")
        #expect(map.eventType("ASSAULT")?.cameoRoot == "18")
        #expect(map.eventType("RETREAT")?.polarity == .cooperation)
        #expect(map.eventType("SANCTION")?.polarity == .conflict)
        // FIGHT and CRIME were types of PLOVER drafts, not of the 16 that POLECAT codes.
        #expect(map.eventType("FIGHT") == nil)
    }

    @Test func aRuleWithAnUnknownTypeOrIssueIsAnErrorWithLineAndField() throws {
        let (types, rules) = try Self.tables()
        let broken = rules.replacingOccurrences(of: "MOBILIZE,,,,security.defense", with: "FIGHT,,,,security.defense")
            .replacingOccurrences(of: "AID,,,,economy.development", with: "AID,,,,economy.aid")
        #expect {
            try PloverMap(eventTypesCSV: types, issueMapCSV: broken)
        } throws: { error in
            guard let errors = error as? InputErrors else { return false }
            return errors.errors.map { "\($0.line ?? 0) \($0.field ?? "")" } == ["14 event_type", "28 issue"]
        }
    }

    @Test func aTableWithoutADefaultLastRuleIsAnError() throws {
        let (types, rules) = try Self.tables()
        let withoutDefault = rules.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        #expect(throws: InputErrors.self) { try PloverMap(eventTypesCSV: types, issueMapCSV: withoutDefault) }
    }

    @Test func aTypeWithoutAQuadCategoryIsAnErrorWithLineAndField() throws {
        let (types, rules) = try Self.tables()
        #expect {
            try PloverMap(eventTypesCSV: types.replacingOccurrences(of: "AID,MATERIAL COOPERATION", with: "AID,MATERIAL"), issueMapCSV: rules)
        } throws: { error in
            (error as? InputErrors)?.errors.contains { $0.line == 7 && $0.field == "quad_category" } ?? false
        }
    }
}
