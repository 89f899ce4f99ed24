import DiplomapCore
import DiplomapEvents
import Foundation
import Testing

/// The Spark job's output is read back row by row, and a bad row is named by line and field.
struct SparkEventOutputTests {
    static let folder = URL(fileURLWithPath: Fixture.path("spark_gdelt1_sample"))

    static func parse(replacing old: String, with new: String) throws -> SparkEventOutput {
        let csv = try String(contentsOf: folder.appendingPathComponent("evidence.csv"), encoding: .utf8)
        let json = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try SparkEventOutput(evidenceCSV: csv.replacingOccurrences(of: old, with: new), reportJSON: json, files: ("evidence.csv", "report.json"))
    }

    @Test func theJobsOutputIsEvidenceOfEvents() throws {
        let output = try SparkEventOutput(folder: Self.folder)
        #expect(output.report.source.id == "events/gdelt1_sample.tsv" && output.report.rowsRead == 400 && output.report.rowsRejected == 0)
        #expect(output.evidence.count == 5 && output.evidence.allSatisfy { $0.kind == .event && $0.weight >= 1 })
        let file = try #require(output.report.files.first)
        #expect(output.report.files.count == 1 && file.name == "gdelt1_sample.tsv" && file.bytes == 146_002 && !file.damaged)
        #expect(file.sha256 == output.report.source.sha256 && file.rowsRead == 400 && file.rowsKept == 7 && file.rowsMalformed == 0)
        #expect(file.md5 == "32b77980e1b9519e50ac1229ddb4a71b")  // md5sum of the fixture the job read
        #expect(!output.report.acceptDamaged && output.report.settings == "--focus C5 --max-malformed 1")
        let first = try #require(output.evidence.first)
        #expect(first.period?.start == PartialDate(year: 2013, month: 5) && first.citation.publisher == "GDELT")
    }

    @Test func everyBadRowIsReportedWithItsLineAndField() throws {
        #expect {
            try Self.parse(replacing: ",political.dialogue,", with: ",politics,")
        } throws: { error in
            guard let errors = error as? InputErrors else { return false }
            return !errors.errors.isEmpty && errors.errors.allSatisfy { $0.field == "issue" && ($0.line ?? 0) >= 2 }
        }
        #expect {
            try Self.parse(replacing: ",2013-05,", with: ",2013-13,")
        } throws: { error in
            (error as? InputErrors)?.errors.first.map { $0.field == "month" && $0.line == 2 } ?? false
        }
    }

    /// A weight the map's exact sums would leave out (2^40 and up, or not a number) is a bad row, not a silent gap.
    @Test(arguments: ["1099511627776", "1e300", "inf", "nan", "0.5"])
    func aWeightTheMapCannotCountIsABadRow(weight: String) throws {
        #expect {
            try Self.parse(replacing: "cooperation,2.584962500721156,", with: "cooperation,\(weight),")
        } throws: { error in
            (error as? InputErrors)?.errors.map { "line \($0.line ?? 0), \($0.field ?? "")" } == ["line 3, weight"]
        }
    }

    @Test func aForeignHeaderIsRefused() throws {
        #expect {
            try Self.parse(replacing: "a,b,issue,polarity", with: "side_a,side_b,issue,polarity")
        } throws: { error in
            (error as? InputError)?.line == 1
        }
    }
}
