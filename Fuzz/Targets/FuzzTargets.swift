#if FUZZING
import DiplomapBytes
import DiplomapCore
import DiplomapData
@testable import DiplomapDocuments
@testable import DiplomapEvents
import DiplomapFacts
@testable import DiplomapServer
@testable import DiplomapVotes
import DiplomapWeb
import DiplomapWorkspace
import Dispatch
import Foundation

/// One fuzz target: a parser of outside input, fed arbitrary bytes; only a crash, a hang or a sanitizer report is a failure.
struct FuzzTarget: Sendable {
    var name: String
    /// The longest input tried: a few rows or paragraphs keep each run short; seeds are cut to it.
    var maxLength: Int
    /// The test fixtures its seed corpus is made of, relative to the package root.
    var seeds: [String]
    var run: @Sendable (UnsafeRawBufferPointer) -> Void
}

/// Every parser that reads bytes from outside: files a user imports, pages and requests the server is sent.
enum FuzzTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "gdelt1", maxLength: 4096, seeds: ["Tests/DiplomapEventsTests/Fixtures/gdelt1_sample.tsv", "Tests/DiplomapEventsTests/Fixtures/gdelt1_sample57.tsv", "Tests/DiplomapEventsTests/Fixtures/bad_rows.tsv"]) {
            events($0, suffix: "tsv", format: .gdelt1)
        },
        FuzzTarget(name: "gdelt2", maxLength: 4096, seeds: ["Tests/DiplomapEventsTests/Fixtures/gdelt2_generated.tsv", "Tests/DiplomapEventsTests/Fixtures/bad_rows.tsv"]) {
            events($0, suffix: "tsv", format: .gdelt2)
        },
        FuzzTarget(name: "icews", maxLength: 4096, seeds: ["Tests/DiplomapEventsTests/Fixtures/icews_handmade.tab"]) {
            events($0, suffix: "tab", format: .icews)
        },
        FuzzTarget(name: "polecat", maxLength: 4096, seeds: ["Tests/DiplomapEventsTests/Fixtures/polecat_handmade.DV.txt", "Tests/DiplomapEventsTests/Fixtures/polecat_bad_rows.DV.txt"]) {
            events($0, suffix: "txt", format: .polecat)
        },
        // Format told from the first line, as `diplomap events` does by default.
        FuzzTarget(name: "events-detect", maxLength: 4096, seeds: ["Tests/DiplomapEventsTests/Fixtures/gdelt1_sample.tsv", "Tests/DiplomapEventsTests/Fixtures/gdelt2_generated.tsv", "Tests/DiplomapEventsTests/Fixtures/icews_handmade.tab", "Tests/DiplomapEventsTests/Fixtures/polecat_handmade.DV.txt"]) {
            events($0, suffix: "tsv", format: nil)
        },
        FuzzTarget(name: "events-gzip", maxLength: 65536, seeds: ["Tests/DiplomapEventsTests/Fixtures/gdelt2_generated.tsv.gz", "Tests/DiplomapEventsTests/Fixtures/truncated.tsv.gz"]) {
            events($0, suffix: "gz", format: nil)
        },
        FuzzTarget(name: "events-zip", maxLength: 65536, seeds: ["Tests/DiplomapEventsTests/Fixtures/gdelt2_generated.zip", "Tests/DiplomapEventsTests/Fixtures/truncated.zip"]) {
            events($0, suffix: "zip", format: nil)
        },
        FuzzTarget(name: "votes-gzip", maxLength: 65536, seeds: ["Tests/DiplomapVotesTests/Fixtures/sample/votes.csv.gz", "Tests/DiplomapVotesTests/Fixtures/bad/roll_calls.csv.gz"]) { bytes in
            _ = try? Gzip.decompress(Array(bytes), file: "fuzz.csv.gz")
        },
        // The vote CSV itself (the three files of a vote folder, the input cut into three at its first two form feeds), gzipped as they ship.
        FuzzTarget(name: "votes-csv", maxLength: 16384, seeds: ["Fuzz/seeds/votes-csv"]) { bytes in
            let parts = Array(bytes).split(separator: 0x0c, maxSplits: 2, omittingEmptySubsequences: false).compactMap { Gzip.compress(Array($0)) }
            guard parts.count == 3 else { return }
            _ = try? VoteLoader.load(rollCalls: ("roll_calls.csv.gz", parts[0]), issues: ("issues.csv.gz", parts[1]), votes: ("votes.csv.gz", parts[2]), registry: shared.registry)
        },
        FuzzTarget(name: "fact-yaml", maxLength: 16384, seeds: ["Tests/DiplomapFactsTests/Fixtures/good.yaml", "Tests/DiplomapFactsTests/Fixtures/bad.yaml", "Tests/DiplomapServerTests/Fixtures/partners.yaml", "Data/facts"]) { bytes in
            facts(bytes, name: "fuzz.yaml")
        },
        FuzzTarget(name: "fact-json", maxLength: 16384, seeds: ["Tests/DiplomapServerTests/Fixtures/partners.json"]) { bytes in
            facts(bytes, name: "fuzz.json")
        },
        FuzzTarget(name: "html", maxLength: 16384, seeds: ["Tests/DiplomapDocumentsTests/Fixtures/page.html"]) { bytes in
            _ = HTMLText.text(String(decoding: bytes, as: UTF8.self))
        },
        FuzzTarget(name: "markdown", maxLength: 16384, seeds: ["Tests/DiplomapDocumentsTests/Fixtures/note.md"]) { bytes in
            _ = MarkdownText.text(String(decoding: bytes, as: UTF8.self))
        },
        FuzzTarget(name: "sentences", maxLength: 16384, seeds: ["Tests/DiplomapDocumentsTests/Fixtures/note.txt", "Tests/DiplomapDocumentsTests/Fixtures/binary.txt"]) { bytes in
            let typed = bytes.bindMemory(to: UInt8.self)
            for range in SentenceSplitter.sentences(typed) { precondition(range.lowerBound >= 0 && range.upperBound <= typed.count) }
        },
        // The document mapper on raw bytes, as `extract` reads a file and the server a posted text.
        FuzzTarget(name: "mapper", maxLength: 4096, seeds: ["Tests/DiplomapDocumentsTests/Fixtures/note.txt", "Tests/DiplomapDocumentsTests/Fixtures/note.md"]) { bytes in
            _ = shared.mapper.extract(bytes.bindMemory(to: UInt8.self))
            _ = shared.mapper.extract(String(decoding: bytes, as: UTF8.self))
        },
        FuzzTarget(name: "jsonl", maxLength: 16384, seeds: ["Tests/DiplomapDocumentsTests/Fixtures/docs.jsonl", "Tests/DiplomapDocumentsTests/Fixtures/bad.jsonl"]) { bytes in
            _ = try? DocumentReader.jsonLines(String(decoding: bytes, as: UTF8.self), file: "fuzz.jsonl")
        },
        // A map request's query string as the API and the pages read it, its sides resolved, and a pair's path.
        FuzzTarget(name: "map-query", maxLength: 16384, seeds: ["Fuzz/seeds/map-query"]) { bytes in
            let query = String(decoding: bytes, as: UTF8.self)
            let parameters = QueryParameters(query: query)
            let pairs = query.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (QueryParameters.decode(parts[0]), parts.count > 1 ? QueryParameters.decode(parts[1]) : "")
            }
            for values in [parameters.values, WebQuery.parameters(pairs)] {
                _ = WebQuery.page(values)
                _ = try? parameters.integer("limit", in: 1...500, default: 50)
                guard let request = try? MapRequest(parameters: values) else { continue }
                _ = try? shared.registry.resolveList(request.focus)
                _ = try? shared.registry.resolveList(request.partners)
            }
            if let pair = parameters.values["pair"] {
                for side in pair.split(separator: "-", maxSplits: 1) { _ = try? shared.registry.resolve(String(side)) }
            }
        },
        // The body of POST /documents: decoded, then mapped.
        FuzzTarget(name: "post-document", maxLength: 8192, seeds: ["Tests/DiplomapServerTests/Fixtures/document.json"]) { bytes in
            guard let posted = try? JSONDecoder().decode(DocumentPost.self, from: Data(bytes)) else { return }
            _ = shared.mapper.extract(posted.text)
        },
        // The body of POST /facts: read and checked as the server does before storing.
        FuzzTarget(name: "post-facts", maxLength: 16384, seeds: ["Tests/DiplomapServerTests/Fixtures/partners.yaml", "Tests/DiplomapServerTests/Fixtures/partners.json", "Tests/DiplomapServerTests/Fixtures/broken.yaml"]) { bytes in
            guard let contents = try? KnowledgeBase.factFile(Data(bytes), name: "posted.yaml", url: URL(fileURLWithPath: "posted.yaml"), registry: shared.registry) else { return }
            _ = FactChecker.check([contents], registry: shared.registry)
            _ = contents.facts.flatMap { $0.evidence(members: shared.registry.members) }
        },
    ]

    /// The embedded registry and mapper, loaded once before the first input.
    struct Shared: Sendable {
        let registry: CountryRegistry
        let mapper: RelationExtractor
    }

    static let shared: Shared = {
        let registry = try! KnowledgeBase.registry(countries: DefaultData.countriesFile, groups: DefaultData.groupsFile)
        let mapper = RelationExtractor(
            registry: registry, lexicon: try! Lexicon(folder: DefaultData.lexiconFolder), model: try! RelationModel(contentsOf: DefaultData.relationModelFile))
        return Shared(registry: registry, mapper: mapper)
    }()

    static let namer: CountryNamer = { name in (try? shared.registry.resolveCountry(name)).map { $0.cameo ?? $0.iso3 } }

    /// A file per process under the temporary folder: the event readers read paths, as the command does.
    static func scratch(_ suffix: String) -> String {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return "\(folder)/diplomap-fuzz-\(getpid()).\(suffix)"
    }

    /// Scans the bytes as an event file with a small read buffer, so that rows cross buffer ends.
    static func events(_ bytes: UnsafeRawBufferPointer, suffix: String, format: EventFormat?) {
        let path = scratch(suffix)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let options = EventScanOptions(
            format: format, focus: FocusCodes(["KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "USA"]), threads: 2, namer: namer,
            bufferSize: 512, splitThreshold: 1024)
        let done = DispatchSemaphore(value: 0)
        Task {
            if let (sink, _) = try? await EventReader.scan([path], into: DyadMonthAggregate(), options: options) { _ = sink.csv() }
            done.signal()
        }
        done.wait()
    }

    static func facts(_ bytes: UnsafeRawBufferPointer, name: String) {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return }
        _ = try? FactFile.parse(text, file: name, registry: shared.registry)
    }
}
#endif
