import DiplomapCore
import DiplomapFacts
import Testing

struct GroupFileTests {
    @Test func readsGroupsWithMembersObserversAndSource() throws {
        let groups = try GroupFile.parse("""
            groups:
              - code: OTS
                name: Organization of Turkic States
                kind: organisation
                members: [AZE, KAZ, KGZ, TUR, UZB]
                observers: [HUN, TKM]
                as_of: 2022-10
                citation:
                  title: A page
                  publisher: A publisher
                  address: https://example.org/ots
                  locator: paragraph 1
                  summary: The Turkic states' organisation has five members.
            """, file: "groups.yaml")
        #expect(groups.count == 1)
        #expect(groups[0].members == ["AZE", "KAZ", "KGZ", "TUR", "UZB"] && groups[0].observers == ["HUN", "TKM"])
        #expect(groups[0].asOf == PartialDate("2022-10"))
    }

    @Test func aGroupWithoutMembersOrSourceIsAnError() {
        let errors = #expect(throws: InputErrors.self) {
            try GroupFile.parse("groups:\n  - code: X\n    name: X\n    kind: club\n", file: "groups.yaml")
        }
        #expect(errors?.errors.map(\.description) == [
            "groups.yaml:4: kind: unknown value \"club\"; expected one of region, organisation",
            "groups.yaml:2: members: missing",
            "groups.yaml:2: citation: missing",
        ])
    }
}
