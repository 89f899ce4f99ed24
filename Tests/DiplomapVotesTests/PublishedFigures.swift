import Foundation

/// The published figures of Bailey, Strezhnev and Voeten (June 2024 release) in the fixture extract, by ISO3 code and session.
struct PublishedFigures {
    struct Row {
        var iso3: String
        var session: Int
        var idealPoint: Double
        /// Shares of identical votes with the USA, Russia (the USSR before 1992), China and India; `nil` where not given.
        var agreeWith: [String: Double]
    }

    let rows: [Row]

    /// Reads the extract; its fields have no quotes or commas inside.
    init() throws {
        let text = try String(contentsOf: Support.fixture("bsv_idealpoints_jun2024_extract.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let shares = ["USA": column("USAgree"), "RUS": column("RUSSAgree"), "CHN": column("ChinaAgree"), "IND": column("IndiaAgree")]
        rows = lines.map { fields in
            Row(
                iso3: fields[column("iso3c")], session: Int(fields[column("session")])!, idealPoint: Double(fields[column("IdealPointAll")])!,
                agreeWith: shares.compactMapValues { Double(fields[$0]) }
            )
        }
    }
}

/// Pearson's correlation of two equally long series.
func pearson(_ a: [Double], _ b: [Double]) -> Double {
    let n = Double(a.count)
    let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
    var ab = 0.0, aa = 0.0, bb = 0.0
    for (x, y) in zip(a, b) { ab += (x - ma) * (y - mb); aa += (x - ma) * (x - ma); bb += (y - mb) * (y - mb) }
    return ab / (aa * bb).squareRoot()
}
