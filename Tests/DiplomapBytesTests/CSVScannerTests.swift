import DiplomapBytes
import DiplomapCore
import Testing

@Suite struct CSVScannerTests {
    /// The records after the header, each as its fields read every way the vote loader reads them.
    func read(_ text: String, header: [String] = ["id", "code", "name"]) throws(InputError) -> [(line: Int, id: Int?, code: String?, name: String)] {
        var rows: [(line: Int, id: Int?, code: String?, name: String)] = []
        try CSVScanner.scan(Array(text.utf8), file: "rows.csv", header: header) { record in
            rows.append((record.line, record.int(0), record.code(1)?.description, record.string(2)))
        }
        return rows
    }

    @Test func fieldsAreReadInPlaceWithQuotesUndone() throws {
        let rows = try read("id,code,name\r\n007,NA,\"Namibia, \"\"the\"\" republic\"\r\n\n12,KAZ,\"two\nlines\"\n13,,x")
        #expect(rows.map(\.line) == [2, 4, 6])
        #expect(rows.map(\.id) == [7, 12, 13])
        #expect(rows.map(\.code) == ["NA", "KAZ", ""])
        #expect(rows.map(\.name) == ["Namibia, \"the\" republic", "two\nlines", "x"])
    }

    @Test func onlyPlainDigitsAreAnInteger() throws {
        let rows = try read("id,code,name\n-1,A,x\n+1,A,x\n1.5,A,x\n,A,x\n1234567890123456789,A,x\n123456789012345678,A,x\n")
        #expect(rows.map(\.id) == [nil, nil, nil, nil, nil, 123_456_789_012_345_678])
    }

    @Test func aWrongHeaderOrFieldCountOrOpenQuoteSaysWhere() {
        #expect(throws: InputError(file: "rows.csv", line: 1, message: "expected the header id,code,name, found id,name")) { try read("id,name\n1,x\n") }
        #expect(throws: InputError(file: "rows.csv", line: 3, message: "expected 3 fields, found 2")) { try read("id,code,name\n1,A,x\n2,B\n") }
        #expect(throws: InputError(file: "rows.csv", line: 2, message: "a quoted field is not closed before the end of the file")) { try read("id,code,name\n1,A,\"x\n") }
        #expect(throws: InputError(file: "rows.csv", message: "no header: the file holds no text")) { try read("\n\n") }
    }
}
