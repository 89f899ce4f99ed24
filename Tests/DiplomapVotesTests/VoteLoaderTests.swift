import DiplomapCore
@testable import DiplomapVotes
import Foundation
import Testing

/// Loading the real sample: states through the registry, measures on it, and every kind of bad file.
struct VoteLoaderTests {
    @Test func sampleLoadsWithStatesResolvedThroughTheRegistry() throws {
        let data = try Support.load(Support.fixture("sample"))
        #expect(data.rollCalls.count == 20)
        #expect(data.sessions == [35, 47, 74])
        #expect(data.states == ["IND", "JPN", "KAZ", "NAM", "RUS", "SUN", "USA"])
        let call = try #require(data.rollCalls.first { $0.rcid == 3668 })
        #expect(call.issues == [.co, .ec])
        #expect(call.session == 47)
    }

    @Test func namibiaIsAStateNotAMissingValue() throws {
        let data = try Support.load(Support.fixture("sample"))
        let namibia = try #require(data.index(of: "NAM"))
        let votes = data.rollCalls.indices.filter { data.choice(state: namibia, rollCall: $0) != .absent }
        #expect(votes.count == 15)
        // A row with only the ISO2 code "NA" is Namibia too.
        #expect(try VoteLoader.resolve(iso3: "", iso2: "NA", name: "", registry: Support.registry).get() == "NAM")
        #expect(try VoteLoader.resolve(iso3: "", iso2: "", name: "Yemen Arab Republic", registry: Support.registry).get() == "YAR")
    }

    @Test func kazakhstanAndJapanOnTheSampleMatchTheHandCount() throws {
        let data = try Support.load(Support.fixture("sample"))
        // 1992: yes-yes twice, yes-abstain once.
        let y1992 = try Support.counts(data, "KAZ", "JPN", year: 1992)
        #expect(y1992.commonVotes == 3)
        #expect(y1992.agreement == 5.0 / 6)
        #expect(y1992.kappa == 0)   // Kazakhstan voted yes throughout: nothing beyond chance
        // 2019: yes-yes six times, yes against no twice.
        let y2019 = try Support.counts(data, "KAZ", "JPN", year: 2019)
        #expect(y2019.commonVotes == 8 && y2019.agreement == 0.75 && y2019.sScore == 0.5)
        // Human rights in 2019: roll call 9063 only, where they split.
        let rights = try Support.counts(data, "KAZ", "JPN", year: 2019, issues: UNIssueSet([.hr]))
        #expect(rights.commonVotes == 1 && rights.agreement == 0)
        #expect(data.commonRollCalls(data.index(of: "KAZ")!, data.index(of: "JPN")!, session: 74, issues: UNIssueSet([.hr])) == [9063])
        // Over the period: 11 common votes, 8 identical, 1 abstention, 2 opposite.
        #expect(data.pooledCounts("KAZ", "JPN").agreement == 17.0 / 22)
    }

    @Test func aStateThatDidNotExistYetHasNoCommonVotes() throws {
        let data = try Support.load(Support.fixture("sample"))
        let y1980 = try Support.counts(data, "KAZ", "JPN", year: 1980)
        #expect(y1980.commonVotes == 0 && y1980.agreement == nil)
        #expect(data.agreementSeries("KAZ", "JPN").map(\.year) == [1992, 2019])
        // The Soviet seat votes in 1980, Russia's from 1992.
        #expect(try Support.counts(data, "SUN", "USA", year: 1980).commonVotes == 4)
        #expect(try Support.counts(data, "RUS", "USA", year: 1980).commonVotes == 0)
    }

    @Test func aTruncatedFileIsAnErrorThatSaysWhere() throws {
        let folder = try copy(Support.fixture("sample")) { name, bytes in
            name == VoteLoader.votesFile ? Array(bytes.prefix(bytes.count / 2)) : bytes
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: DamagedFile.self) { try Support.load(folder) }
        let size = try Data(contentsOf: folder.appendingPathComponent(VoteLoader.votesFile)).count
        #expect(error.file.hasSuffix("votes.csv.gz"))
        #expect(error.reason.hasPrefix("gzip: the file ends in the middle of the compressed data (truncated)"))
        #expect(error.offset == size)
    }

    @Test func corruptGzipIsAnErrorThatSaysWhere() throws {
        let folder = try copy(Support.fixture("sample")) { name, bytes in
            guard name == VoteLoader.rollCallsFile else { return bytes }
            var broken = bytes
            for offset in 40..<80 { broken[offset] = 0xFF }
            return broken
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: DamagedFile.self) { try Support.load(folder) }
        #expect(error.file.hasSuffix("roll_calls.csv.gz"))
        #expect(error.reason.hasPrefix("gzip: corrupt data"))
        #expect(error.offset.map { (40...80).contains($0) } == true, "\(error)")
    }

    @Test func aFlippedByteFailsTheGzipCheck() throws {
        let folder = try copy(Support.fixture("sample")) { name, bytes in
            guard name == VoteLoader.votesFile else { return bytes }
            var flipped = bytes
            flipped[bytes.count / 2] ^= 0xFF
            return flipped
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: DamagedFile.self) { try Support.load(folder) }
        #expect(error.file.hasSuffix("votes.csv.gz") && error.offset != nil && error.reason.hasPrefix("gzip: "), "\(error)")
    }

    @Test func malformedRowsAreAllReportedWithFileLineAndField() throws {
        let errors = try #require(throws: InputErrors.self) { try Support.load(Support.fixture("bad")) }
        #expect(errors.errors.count == 2)
        #expect(errors.errors[0].line == 6 && errors.errors[0].field == "iso3" && errors.errors[0].message.contains("XXX"))
        #expect(errors.errors[1].line == 7 && errors.errors[1].field == "vote" && errors.errors[1].message.contains("maybe"))
        #expect(errors.description.contains("votes.csv.gz:6: iso3:"))
    }

    /// Copies a fixture folder to a temporary one, passing each file's bytes through `change`.
    private func copy(_ folder: URL, change: (String, [UInt8]) -> [UInt8]) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("votes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in [VoteLoader.votesFile, VoteLoader.rollCallsFile, VoteLoader.issuesFile] {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            try Data(change(name, bytes)).write(to: target.appendingPathComponent(name))
        }
        return target
    }
}
