import Foundation
import Testing

/// The `diplomap votes` subcommands, run as a user would.
struct VotesCommandTests {
    let cli = CommandLineTests()

    @Test func agreementByYearPrintsTheColumnsAndTheRealFigures() async throws {
        let result = try await cli.run(["votes", "agreement", "KAZ", "JPN", "--by", "year", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "year,a,b,issue,common_votes,agreement,kappa,s_score")
        #expect(lines.count == 29)   // header and 1992–2019
        #expect(lines[1].hasPrefix("1992,KAZ,JPN,all,64,"))
        #expect(lines.last == "2019,KAZ,JPN,all,90,0.7222222222222222,-0.019070321811680634,0.4444444444444444")
    }

    @Test func agreementByIssueGivesOneRowPerUNIssue() async throws {
        let result = try await cli.run(["votes", "agreement", "Kazakhstan", "Japan", "--by", "issue", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let issues = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[3] }
        #expect(issues == ["me", "nu", "di", "hr", "co", "ec"])
    }

    @Test func anUnknownIssueIsRefusedWithTheCodes() async throws {
        let result = try await cli.run(["votes", "agreement", "KAZ", "JPN", "--issue", "xx"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown UN issue \"xx\""))
    }

    @Test func matrixPrintsAGridOfTheGroupAgainstPartners() async throws {
        let result = try await cli.run(["votes", "matrix", "--year", "2019", "--group", "C5", "--with", "IND,JPN"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.first?.split(separator: " ", omittingEmptySubsequences: true) == ["agreement", "IND", "JPN"])
        #expect(rows.contains { $0.hasPrefix("KAZ") && $0.contains("0.722") })
    }

    @Test func idealPointsPutTheUnitedStatesOnThePositiveSide() async throws {
        let result = try await cli.run(["votes", "idealpoints", "--year", "2019", "--format", "csv", "--states", "USA,RUS"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(lines.first == ["country", "year", "ideal_point", "se"])
        let usa = try #require(lines.first { $0.first == "USA" }), russia = try #require(lines.first { $0.first == "RUS" })
        #expect(Double(usa[2])! > 0 && Double(russia[2])! < 0)
    }

    @Test func voteAgreementIsEvidenceInTheMap() async throws {
        let result = try await cli.run(["evidence", "--dyad", "KAZ-USA", "--issue", "political.multilateral", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let votes = result.stdout.split(separator: "\n").filter { $0.contains(",vote,") }
        #expect(votes.count == 28)
        #expect(votes.allSatisfy { $0.contains("conflict") && $0.contains("10.7910/DVN/LEJUQZ") })
        let again = try await cli.run(["votes", "import"])
        #expect(again.status == 0, "\(again.stderr)")
        let after = try await cli.run(["evidence", "--dyad", "KAZ-USA", "--issue", "political.multilateral", "--format", "csv"])
        #expect(after.stdout.split(separator: "\n").filter { $0.contains(",vote,") }.count == 28)   // replaced, not duplicated
    }

    @Test func aDamagedVoteFileIsNamedWithItsByteAndExitsThree() async throws {
        let embedded = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/unvotes")
        let folder = cli.folder.appendingPathComponent("unvotes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["votes.csv.gz", "roll_calls.csv.gz", "issues.csv.gz"] {
            var bytes = [UInt8](try Data(contentsOf: embedded.appendingPathComponent(name)))
            if name == "issues.csv.gz" { bytes = Array(bytes.prefix(bytes.count / 2)) }
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        let before = try await cli.run(["sources", "--format", "csv"])
        let result = try await cli.run(["votes", "import", "--data", folder.path, "--partners", "CHN"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("issues.csv.gz: damaged at byte "), "\(result.stderr)")
        #expect(result.stderr.contains("gzip: the file ends in the middle of the compressed data (truncated)"), "\(result.stderr)")
        // Nothing imported: the ledger is as it was.
        #expect(try await cli.run(["sources", "--format", "csv"]).stdout == before.stdout)
    }
}
