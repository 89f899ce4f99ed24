import DiplomapTestSupport
import Foundation
import Testing

/// Runs the real `diplomap` executable, as a user would, and checks what it prints and how it exits.
struct CommandLineTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh folder for one test's store and outputs, removed after the test.
    private let temporary = TemporaryFolder("diplomap-cli")
    var folder: URL { temporary.url }

    /// Runs the tool to its end and returns what it printed; the waiting is done on a thread of its own.
    func run(_ arguments: [String]) async throws -> Result {
        let process = command(arguments)
        return try await onOwnThread {
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Starts the tool and returns at once, its output discarded: for tests that stop it themselves.
    func start(_ arguments: [String]) throws -> Process {
        let process = command(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts the tool and returns at once, its standard error written to `errors`: for tests that read it after the end.
    func start(_ arguments: [String], errors: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = command(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return process
    }

    /// The tool with `arguments`, its store in this test's folder unless they name another.
    private func command(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("diplomap")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["DIPLOMAP_DB"] = folder.appendingPathComponent("store.sqlite").path
        // Hashing seeded per process, as users run it: a map must not depend on it.
        environment["SWIFT_DETERMINISTIC_HASHING"] = nil
        process.environment = environment
        return process
    }

    @Test func mapWritesTheReportWithTheSeedFacts() async throws {
        let out = folder.appendingPathComponent("report.html").path
        let result = try await run(["map", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        for name in ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "India", "Japan", "Iran", "Turkey", "South Korea"] {
            #expect(html.contains("– \(name)</th>") || html.contains(">\(name) –"), "\(name)")
        }
        #expect(html.contains("id=\"cell-C5-TUR-political.multilateral\""))
        #expect(html.contains("id=\"cell-C5-IRN-territory.borders\""))
    }

    @Test func mapWritesCSVAndJSONForPrograms() async throws {
        let csv = try await run(["map", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        #expect(header.prefix(10) == ["focus", "partner", "issue", "score", "confidence", "basis", "evidence", "cooperation", "conflict", "neutral"])
        let japan = try #require(lines.first { $0.prefix(3) == ["C5", "JPN", "political.multilateral"] })
        #expect(Double(japan[3])! > 0 && Int(japan[7])! >= 1 && japan[5] == "curated")
        let iran = try #require(lines.first { $0.prefix(3) == ["C5", "IRN", "territory.borders"] })
        #expect(Int(iran[8])! >= 1)
        let json = try await run(["map", "--format", "json", "--partners", "Japan"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["partners"] as? [String] == ["JPN"])
        #expect(object?["focus"] as? [String] == ["C5", "KAZ", "KGZ", "TJK", "TKM", "UZB"])
    }

    @Test func exportsEveryFormatToAFile() async throws {
        for format in ["csv", "json", "graphml", "gexf", "geojson"] {
            let path = folder.appendingPathComponent("map.\(format)").path
            let result = try await run(["export", "--format", format, "--out", path])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect((try? String(contentsOfFile: path, encoding: .utf8))?.contains("JPN") == true, "\(format)")
        }
        let bad = try await run(["export", "--format", "shapefile", "--out", "x"])
        #expect(bad.status != 0 && bad.stderr.contains("shapefile"))
    }

    @Test func outputFollowsLinksAndDashMeansStandardOutput() async throws {
        // A link to a file not written yet, as a "latest" link to a dated report: the file is written and the link kept.
        let folderOfMaps = folder.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: folderOfMaps, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("latest.geojson").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "maps/2026.geojson")
        let exported = try await run(["export", "--format", "geojson", "--out", link])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "maps/2026.geojson")
        #expect((try? String(contentsOf: folderOfMaps.appendingPathComponent("2026.geojson"), encoding: .utf8))?.contains("FeatureCollection") == true)

        // The report on standard output is the report alone; what was written is said on standard error.
        let report = try await run(["map", "--out", "-"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("<!DOCTYPE html>") && report.stdout.hasSuffix("</html>\n"))
        #expect(report.stderr.contains("Wrote standard output:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))

        // Standard output by its device name, redirected to a file by the shell: written after what the shell wrote.
        let redirected = folder.appendingPathComponent("redirected.csv").path
        let tool = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("diplomap").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "{ echo first line; \"$0\" export --format csv --out /dev/stdout; } > \"$1\"", tool, redirected]
        shell.environment = ["DIPLOMAP_DB": folder.appendingPathComponent("store.sqlite").path]
        try shell.run()
        shell.waitUntilExit()
        let lines = try String(contentsOfFile: redirected, encoding: .utf8).split(separator: "\n")
        #expect(shell.terminationStatus == 0 && lines.first == "first line" && lines.dropFirst().first?.hasPrefix("focus,partner,issue") == true)

        // Links that lead back to each other: an error, as the shell's, and the links left as they were.
        let loop = folder.appendingPathComponent("loop-a").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop-b")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop-b").path, withDestinationPath: "loop-a")
        let looped = try await run(["export", "--format", "csv", "--out", loop])
        #expect(looped.status == 1 && looped.stderr.contains("cannot write the csv export to \(loop): Too many levels of symbolic links"), "\(looped.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: loop) == "loop-b")
    }

    /// A file an export replaces keeps its mode (a report made private stays private; it used to come back as a new
    /// file's 0644), a new file gets a new file's mode, and the file the bytes were written to first is not left beside it.
    @Test func aReplacedFileKeepsItsMode() async throws {
        let kept = folder.appendingPathComponent("private.csv").path, made = folder.appendingPathComponent("new.csv").path
        #expect(FileManager.default.createFile(atPath: kept, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640]))
        for path in [kept, made] {
            let result = try await run(["export", "--format", "csv", "--out", path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("focus,partner,issue,"))
        }
        func mode(_ path: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        // The tool's umask is this process's, read without changing it.
        let umask = try String(contentsOfFile: "/proc/self/status", encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("Umask:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) }
        #expect(try mode(kept) == 0o640)
        #expect(try mode(made) == umask.map { 0o666 & ~$0 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// In a folder nobody may write (here a read-only mount of it), no new file can be made to replace a file with; a
    /// file that may itself be written (here through a writable mount of its own, which cannot be renamed over either,
    /// as a container's bound output cannot) is written in place, as the shell's `>` would, rather than refused.
    @Test(.enabled(if: SmallDisk.canMount, "making a folder read-only for its owner needs a mount (root, or CAP_SYS_ADMIN)"))
    func aFileInAFolderClosedToWritingIsWrittenInPlace() async throws {
        let closed = folder.appendingPathComponent("closed"), report = closed.appendingPathComponent("report.csv").path
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: report, contents: Data("old".utf8)))
        try #require(SmallDisk.run("/bin/mount", ["--bind", closed.path, closed.path]))
        // Detached, so that nothing is left mounted whatever the test's end.
        defer { umount2(report, Int32(MNT_DETACH)); umount2(closed.path, Int32(MNT_DETACH)) }
        try #require(SmallDisk.run("/bin/mount", ["--bind", report, report]))
        try #require(SmallDisk.run("/bin/mount", ["-o", "remount,bind,ro", closed.path]))
        #expect(!FileManager.default.createFile(atPath: closed.appendingPathComponent("new").path, contents: Data()))

        let result = try await run(["export", "--format", "csv", "--out", report])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("focus,partner,issue,"))
        let refused = try await run(["export", "--format", "csv", "--out", closed.appendingPathComponent("other.csv").path])
        #expect(refused.status == 1 && refused.stderr.contains("Read-only file system"), "\(refused.stderr)")

        // The folder writable again, the file still a mount point: the new file is made, cannot be renamed over it
        // (EBUSY), and is taken away again once the file is written in place.
        try #require(SmallDisk.run("/bin/mount", ["-o", "remount,bind,rw", closed.path]))
        try "old".write(toFile: report, atomically: false, encoding: .utf8)
        let bound = try await run(["export", "--format", "csv", "--out", report])
        #expect(bound.status == 0, "\(bound.stderr)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("focus,partner,issue,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: closed.path) == ["report.csv"])
    }

    /// A listing written to a full disk (`/dev/full` reports ENOSPC for every write) ends in one line and status 1;
    /// the write used to trap and dump a crash report.
    @Test func aFailedWriteToStandardOutputIsOneLine() async throws {
        let tool = Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("diplomap").path
        for arguments in [["countries"], ["issues", "--format", "json"]] {
            let shell = Process(), errors = Pipe()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "exec \"$0\" \"$@\" > /dev/full", tool] + arguments
            shell.environment = ["DIPLOMAP_DB": folder.appendingPathComponent("store.sqlite").path]
            shell.standardError = errors
            let stderr = try await onOwnThread {
                try shell.run()
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                shell.waitUntilExit()
                return text
            }
            #expect(shell.terminationStatus == 1, "\(arguments): \(stderr)")
            #expect(stderr == "Error: cannot write the output to standard output: No space left on device\n", "\(arguments)")
        }
    }

    /// A cell's score sums its kinds' terms; summed in a per-process hash order, the last bits of a map differed from
    /// one run to the next (six runs, six different files), and two servers on one store served different bytes.
    @Test func theMapIsTheSameToTheLastBitFromEveryProcess() async throws {
        let store = folder.appendingPathComponent("bench.sqlite").path
        let filled = try await run(["bench-map", "--rows", "20000", "--runs", "1", "--store", store])
        #expect(filled.status == 0, "\(filled.stderr)")
        var outputs: Set<String> = []
        for _ in 0..<4 {
            // The first three focus states and partners bench-map fills: cells with evidence of all four kinds.
            let map = try await run(["map", "--db", store, "--focus", "AFG,AGO,ALB", "--partners", "AZE,BDI,BEL", "--format", "json"])
            #expect(map.status == 0 && map.stdout.contains("\"score\""), "\(map.stderr)")
            outputs.insert(map.stdout)
        }
        #expect(outputs.count == 1)
    }

    @Test func reimportingTheDefaultDataDoesNotDuplicate() async throws {
        let first = try await run(["evidence", "--dyad", "C5-TUR", "--format", "csv"])
        let second = try await run(["evidence", "--dyad", "Turkey-C5", "--format", "csv"])
        #expect(first.status == 0 && !first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test(arguments: [
        (["map", "--partners", "Narnia"], "unknown country or group \"Narnia\""),
        (["evidence", "--dyad", "KAZ-JPN", "--issue", "security.terror"], "unknown issue \"security.terror\""),
        (["evidence", "--dyad", "KAZ"], "--dyad takes two sides as A-B"),
        (["countries", "Kazakhsatn"], "did you mean \"Kazakhstan\""),
        (["map", "--out", "/nonexistent-folder/report.html"], "cannot write the report to /nonexistent-folder/report.html"),
    ])
    func badInputGetsOneClearLineAndAFailingExit(arguments: [String], message: String) async throws {
        let result = try await run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func factsCheckNamesFileLineAndField() async throws {
        let file = folder.appendingPathComponent("broken.yaml")
        try "facts:\n  - id: broken\n    kind: summit\n    a: [KAZ]\n    b: [Atlantis]\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await run(["facts", "check", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.path):5: b: unknown country or group code \"Atlantis\""), "\(result.stderr)")
        let good = try await run(["facts", "check"])
        #expect(good.status == 0 && good.stdout.contains("no problems found"), "\(good.stderr)")
    }

    @Test func looksUpCountriesAndGroups() async throws {
        #expect(try await run(["countries", "Nur-Sultan", "--format", "csv"]).stdout.contains("\nKAZ,KZ,398,Kazakhstan,"))
        #expect(try await run(["countries", "KS", "--format", "csv"]).stdout.contains("\nKOR,KR,410,South Korea,"))
        #expect(try await run(["groups", "Central Asia"]).stdout.contains("KAZ KGZ TJK TKM UZB"))
        #expect(try await run(["issues", "--format", "csv"]).stdout.split(separator: "\n").count == 17)
    }

    @Test func sourcesListsEveryImportOfTheDefaultStoreWithItsCounts() async throws {
        let result = try await run(["sources"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("import  source") == true, "\(result.stdout)")
        let votes = lines.filter { $0.contains("votes/unvotes") }
        #expect(votes.count == 3 && votes.allSatisfy { $0.contains(" vote ") && $0.contains(" imported ") })
        let csv = try await run(["sources", "--format", "csv"]).stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(csv.first?.prefix(5) == ["import", "source", "kind", "outcome", "damaged"])
        let facts = csv.dropFirst().filter { $0[1].hasPrefix("facts/") }
        // Each fact file: its name, size and checksums, the facts read and kept, the evidence rows stored.
        #expect(csv.first?[7...8] == ["sha256", "md5"])
        #expect(!facts.isEmpty && facts.allSatisfy {
            $0[5].hasSuffix(".yaml") && Int($0[6])! > 0 && $0[7].count == 64 && $0[8].count == 32 && Int($0[10])! > 0 && $0[10] == $0[11] && Int($0[13])! > 0
        })
    }
}
