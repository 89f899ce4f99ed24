@testable import DiplomapCore
import Testing

struct CountryTableTests {
    @Test func readsEveryColumn() throws {
        let kaz = try #require(try Fixture.registry().country(iso3: "KAZ"))
        #expect(kaz.iso2 == "KZ" && kaz.isoNumeric == "398" && kaz.cowNumber == 705 && kaz.gwCode == "KZK")
        #expect(kaz.capitals == ["Astana"] && kaz.demonyms == ["Kazakh", "Kazakhstani"] && kaz.status == .member)
        let korea = try #require(try Fixture.registry().country(iso3: "KOR"))
        #expect(korea.aliases.contains("Korea, Republic of"))
        #expect(try Fixture.registry().country(iso3: "NAM")?.iso2 == "NA")
    }

    @Test func reportsTheLineAndFieldOfABadRow() {
        let text = """
        iso3,iso2,iso_numeric,name,short_name,cow_num,cow_abb,gw_num,gw_abb,fips10_4,cameo,capital,aliases,demonyms,un_status
        KAZ,KZ,398,Kazakhstan,Kazakhstan,705,KZK,705,KZK,KZ,KAZ,Astana,,Kazakh,member
        JPN,JP,392,Japan,Japan,seven,JPN,740,JPN,JA,JPN,Tokyo,,Japanese,member
        KOR,KR,410,Korea
        """
        let errors = #expect(throws: InputErrors.self) { try CountryTable.parse(text, file: "countries.csv") }
        #expect(errors?.errors.map(\.description) == [
            "countries.csv:3: cow_num: not a number: seven",
            "countries.csv:4: expected 15 fields, found 4",
        ])
    }

    @Test func csvKeepsQuotedCommasAndReportsOpenQuotes() throws {
        let records = try CSVRecords.parse("a,\"b, c\",\"d \"\"e\"\"\"\nf,g,h\n", file: "t.csv")
        #expect(records.map(\.fields) == [["a", "b, c", "d \"e\""], ["f", "g", "h"]])
        #expect(records.map(\.line) == [1, 2])
        #expect(throws: InputError(file: "t.csv", line: 2, message: "a quoted field is not closed")) {
            try CSVRecords.parse("a,b\nc,\"d\n", file: "t.csv")
        }
    }
}
