import DiplomapCore
import DiplomapData
import DiplomapEvents
import Foundation
import Testing

/// The CAMEO → issue table of Data/cameo and the polarity of quad classes.
struct IssueMapTests {
    @Test(arguments: [
        ("042", [String](), Issue.dialogue),
        ("042", ["MIL"], .defense),
        ("0311", [], .trade),
        ("0311", ["BUS"], .investment),
        ("0312", [], .defense),
        ("071", [], .development),
        ("072", [], .defense),
        ("163", [], .trade),
        ("1831", [], .terrorism),
        ("1831", ["INS"], .terrorism),
        ("192", [], .borders),
        ("2042", [], .nonproliferation),
        ("046", ["IGO"], .multilateral),
        ("043", ["EDU"], .culture),
        ("99", [], .dialogue),
    ])
    func codesAndActorTypesGiveIssues(code: String, types: [String], issue: Issue) throws {
        #expect(try Fixture.issueMap().issue(code: code, actorTypes: types) == issue)
    }

    @Test func quadClassesGivePolarity() throws {
        let map = try Fixture.issueMap()
        #expect(["01", "05", "06", "08"].allSatisfy { map.polarity(root: $0) == .cooperation })
        #expect(["09", "13", "14", "20"].allSatisfy { map.polarity(root: $0) == .conflict })
        #expect(map.polarity(root: "") == .neutral)
    }

    @Test func everyRuleNamesACAMEOCode() throws {
        let table = try String(contentsOf: DefaultData.cameoFolder.appendingPathComponent("cameo_event_codes.csv"), encoding: .utf8)
        let codes = Set(try CSVRecords.parse(table, file: "cameo_event_codes.csv").dropFirst().map { $0.fields[0] })
        #expect(codes.count > 300)
        let unknown = try Fixture.issueMap().rules.map(\.codePrefix).filter { !$0.isEmpty && !codes.contains($0) }
        #expect(unknown.isEmpty)
    }

    @Test func aBadTableIsRejectedWithItsLine() {
        #expect {
            try IssueMap(issueMapCSV: "code_prefix,actor_type,issue,reason\n,,political.dialogue,default\n04,,security.nothing,typo\n", quadClassesCSV: "quad_class,label,root_codes\n")
        } throws: { error in
            "\(error)" == "issue_map.csv:3: issue: unknown issue security.nothing"
        }
    }
}
