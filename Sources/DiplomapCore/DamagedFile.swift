/// A file that failed its integrity check: a gzip or zip checksum or length that does not match, compressed data that
/// ends too soon, bytes that are not text, or more malformed rows than a file may have.
///
/// Such a file is not data (rows decoded after the damage may be garbage that happens to parse), so every reader
/// follows one policy: it contributes nothing unless the person accepts damaged files, and the command that met it
/// names it and the byte where the damage was found and exits with `exitStatus`.
public struct DamagedFile: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// The byte of the file at which the damage was found, when the check knows it.
    public var offset: Int?
    public var reason: String

    public init(file: String, offset: Int?, reason: String) {
        self.file = file
        self.offset = offset
        self.reason = reason
    }

    /// The exit status of a command that met a damaged file, after it finished the good ones: apart from 1 (an error
    /// that stopped the command) so that a script can tell them apart.
    public static let exitStatus: Int32 = 3

    public var description: String {
        "\(file): damaged" + (offset.map { " at byte \($0)" } ?? "") + ": \(reason)"
    }
}

/// What a reader does with damaged files and malformed rows, chosen once by the person and passed down.
public struct DamagePolicy: Sendable, Hashable {
    /// Keep the rows read before the damage, marked as coming from a damaged file, instead of none.
    public var acceptDamaged: Bool
    /// The largest share of a file's rows that may be malformed (0.01 for 1 %) before the file counts as damaged.
    public var maxMalformed: Double

    public init(acceptDamaged: Bool = false, maxMalformed: Double = 0.01) {
        self.acceptDamaged = acceptDamaged
        self.maxMalformed = maxMalformed
    }

    /// The damage of a file whose rows were read cleanly but `malformed` of `read` were malformed: `nil` within the share.
    public func malformedDamage(file: String, read: Int, malformed: Int) -> DamagedFile? {
        guard read > 0, Double(malformed) > Double(read) * maxMalformed else { return nil }
        let share = Double(malformed) / Double(read) * 100, limit = maxMalformed * 100
        return DamagedFile(
            file: file, offset: nil,
            reason: "\(malformed) of \(read) rows are malformed (\(Self.percent(share))), more than the \(Self.percent(limit)) allowed (--max-malformed)")
    }

    /// A share in per cent, with as many decimals as it needs (at most two).
    public static func percent(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + " %"
    }
}
