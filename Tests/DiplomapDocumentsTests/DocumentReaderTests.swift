import DiplomapCore
import DiplomapDocuments
import Foundation
import Testing

struct DocumentReaderTests {
    private func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    }

    private func errorText(_ body: () throws -> Void) -> String {
        do {
            try body()
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["note.txt", "note.md", "page.html"])
    func eachTextFormatGivesTheRelation(_ name: String) throws {
        let documents = try DocumentReader().read(try fixture(name))
        #expect(documents.count == 1)
        #expect(documents[0].id == name)
        #expect(Mapper.triples(documents[0].text).contains("JPN-KAZ economy.trade cooperation"))
    }

    @Test func htmlLosesTagsScriptsAndEntities() throws {
        let text = try DocumentReader().read(try fixture("page.html"))[0].text
        #expect(text.contains("Japan & Kazakhstan agreed to expand trade – a first."))
        #expect(!text.contains("<") && !text.contains("Iran") && !text.contains("color"))
    }

    @Test func markdownLosesLinkTargetsAndEmphasis() throws {
        let text = try DocumentReader().read(try fixture("note.md"))[0].text
        #expect(text.contains("Japan and Kazakhstan agreed"))
        #expect(!text.contains("example.org") && !text.contains("**"))
    }

    @Test func jsonLinesGiveOneDocumentEach() throws {
        let documents = try DocumentReader().read(try fixture("docs.jsonl"))
        #expect(documents.map(\.id) == ["a", "b"])
        #expect(Mapper.triples(documents[1].text).contains("KGZ-TUR economy.connectivity cooperation"))
    }

    @Test func badJSONLinesNameLineAndField() throws {
        let message = errorText { _ = try DocumentReader().read(try fixture("bad.jsonl")) }
        #expect(message.contains("bad.jsonl:2: text: missing"))
        #expect(message.contains("bad.jsonl:3: not a JSON object"))
    }

    @Test func emptyFileIsAClearError() throws {
        let message = errorText { _ = try DocumentReader().read(try fixture("empty.txt")) }
        #expect(message.contains("empty.txt: the file is empty"))
    }

    @Test func binaryFileIsDamagedAtItsFirstZeroByte() throws {
        let damage = try #require(throws: DamagedFile.self) { _ = try DocumentReader().read(try fixture("binary.txt")) }
        #expect(damage.file.hasSuffix("binary.txt") && damage.offset == 4 && damage.reason == "a zero byte: binary data, not text")
    }

    @Test func textThatIsNotUTF8IsDamagedAtItsFirstBadByte() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).txt")
        try Data("Kazakhstan and Japan signed an agreement in Almaty ".utf8 + [0xE9, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let damage = try #require(throws: DamagedFile.self) { _ = try DocumentReader().read(url) }
        #expect(damage.offset == 51 && damage.reason.hasPrefix("not UTF-8 text"))
    }

    @Test func pdfWithoutPdftotextSaysWhatToInstall() throws {
        let message = errorText { _ = try DocumentReader(searchPath: []).read(try fixture("note.pdf")) }
        #expect(message.contains("pdftotext") && message.contains("poppler-utils"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")))
    func pdfIsReadThroughPdftotext() throws {
        let documents = try DocumentReader().read(try fixture("note.pdf"))
        #expect(Mapper.triples(documents[0].text).contains("JPN-KAZ economy.trade cooperation"))
    }
}
