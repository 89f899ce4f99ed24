import DiplomapCore
import Foundation

/// The fitted weights of the document mapper: three logistic models over the same hashed features.
///
/// - *relate*: does the sentence relate this pair of sides at all (on any issue)?
/// - *issue*: one binary model per issue: given that it relates them, on this issue?
/// - *polarity*: given that it relates them, cooperation, conflict or neutral (a softmax)?
///
/// A relation's probability is P(relate) × P(issue) × P(polarity); the mapper states a relation
/// when it reaches `threshold`, which training chooses by cross-validation. Splitting the decision
/// this way lets what makes a pair related be learned from all issues' examples at once.
///
/// The weights are kept as text (`Data/model/relations.tsv`): a header, then one line per feature,
/// its hash in hex and one weight per head, so that a fresh clone needs no training step and a
/// retraining shows as a diff.
public struct RelationModel: Sendable, Equatable {
    /// Heads: relate, the 16 issues in `Issue.allCases` order, then the three polarities.
    static let heads = 1 + Issue.allCases.count + Polarity.allCases.count
    static let relateHead = 0
    static let issueHead = 1
    static let polarityHead = 1 + Issue.allCases.count

    /// Feature hash → row of `weights`.
    var rows: [UInt64: Int] { didSet { table = FeatureTable(rows) } }
    /// The same, for fast look-up.
    private var table: FeatureTable
    /// `heads` weights per row.
    var weights: [Double]
    /// The least probability at which a relation is stated.
    public var threshold: Double

    init(rows: [UInt64: Int], weights: [Double], threshold: Double) {
        self.rows = rows
        table = FeatureTable(rows)
        self.weights = weights
        self.threshold = threshold
    }

    /// Number of features with weights.
    public var featureCount: Int { rows.count }

    /// Adds the weights of `features` to `scores` (one per head); unknown features weigh nothing.
    func add(_ features: [UInt64], to scores: inout [Double]) {
        weights.withUnsafeBufferPointer { w in
            for feature in features {
                guard let row = table.row(feature) else { continue }
                let base = row * Self.heads
                for head in 0..<Self.heads { scores[head] += w[base + head] }
            }
        }
    }

    // MARK: Text form

    private static let magic = "# diplomap relation model 1"

    /// The model as text: a comment line, the threshold, the heads, then features in ascending hash order.
    public var text: String {
        var out = Self.magic + "\n"
        out += "threshold\t\(Self.format(threshold))\n"
        out += "heads\trelate\t" + Issue.allCases.map(\.code).joined(separator: "\t") + "\t" + Polarity.allCases.map(\.rawValue).joined(separator: "\t") + "\n"
        for (feature, row) in rows.sorted(by: { $0.key < $1.key }) {
            out += String(feature, radix: 16)
            for head in 0..<Self.heads { out += "\t" + Self.format(weights[row * Self.heads + head]) }
            out += "\n"
        }
        return out
    }

    /// Weights to six significant digits: small files, and the loaded model is exactly the written one.
    static func format(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.6g", value)
    }

    /// Reads the text form; errors name the file and line.
    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw InputError(file: url.path, message: "cannot read the model: \(error.localizedDescription)")
        }
        try self.init(text: text, file: url.path)
    }

    init(text: String, file: String) throws {
        var rows: [UInt64: Int] = [:]
        var weights: [Double] = []
        var threshold: Double?
        for (index, line) in text.split(separator: "\n").enumerated() {
            let number = index + 1
            if index == 0 {
                guard line == Self.magic else { throw InputError(file: file, line: number, message: "not a diplomap relation model") }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "threshold":
                guard fields.count == 2, let value = Double(fields[1]) else { throw InputError(file: file, line: number, field: "threshold", message: "expected a number") }
                threshold = value
            case "heads":
                let expected = ["relate"] + Issue.allCases.map(\.code) + Polarity.allCases.map(\.rawValue)
                guard fields.dropFirst().map(String.init) == expected else {
                    throw InputError(file: file, line: number, field: "heads", message: "the model's heads are not this mapper's: expected \(expected.joined(separator: ", "))")
                }
            default:
                guard fields.count == Self.heads + 1, let feature = UInt64(fields[0], radix: 16) else {
                    throw InputError(file: file, line: number, message: "expected a hexadecimal feature and \(Self.heads) weights")
                }
                guard rows[feature] == nil else { throw InputError(file: file, line: number, message: "feature \(fields[0]) appears twice") }
                rows[feature] = rows.count
                for field in fields.dropFirst() {
                    guard let value = Double(field) else { throw InputError(file: file, line: number, message: "not a number: \(field)") }
                    weights.append(value)
                }
            }
        }
        guard let threshold else { throw InputError(file: file, message: "the model has no threshold line") }
        self.init(rows: rows, weights: weights, threshold: threshold)
    }
}

/// The logistic function.
@inline(__always)
func sigmoid(_ z: Double) -> Double {
    z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
}
