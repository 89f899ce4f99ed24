import DiplomapCore
import Testing

/// The capitals table: read as written, and every bad row named by line and column.
struct CapitalsTests {
    @Test func readsQuotedNamesAndDegrees() throws {
        let text = "iso3,capital,lat,lon\nUSA,\"Washington, D.C.\",38.899549,-77.009419\nKAZ,Astana,51.181125,71.427774\n"
        let capitals = try Capitals(csv: text, file: "capitals.csv")
        #expect(capitals["USA"] == Capitals.Capital(name: "Washington, D.C.", lon: -77.009419, lat: 38.899549))
        #expect(capitals["KAZ"]?.lat == 51.181125 && capitals["UZB"] == nil)
    }

    @Test func reportsEachBadRowWithItsLineAndField() {
        let text = "iso3,capital,lat,lon\nkaz,Astana,51.2,71.4\nUZB,Tashkent,141.3,69.3\nTJK,Dushanbe,38.6\nUZB,Tashkent,41.3,69.3\nUZB,Again,41.3,69.3\n"
        #expect {
            try Capitals(csv: text, file: "capitals.csv")
        } throws: { error in
            (error as? InputErrors)?.errors.map(\.description) == [
                "capitals.csv:2: iso3: not a three-letter upper-case code: kaz",
                "capitals.csv:3: lat: not a lat in degrees: 141.3",
                "capitals.csv:4: expected 4 fields, found 3",
                "capitals.csv:6: iso3: a second row for UZB",
            ]
        }
    }
}
