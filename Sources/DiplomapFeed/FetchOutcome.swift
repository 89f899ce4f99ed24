/// What became of one file of a fetch.
public enum FetchOutcome: Sendable, Equatable {
    /// Downloaded (or its interrupted download finished) and verified.
    case downloaded
    /// Already in the cache with the right size and MD5: nothing downloaded.
    case alreadyVerified
    /// Not fetched: the reason, for the report. Nothing of a file that failed its MD5 is kept.
    case failed(FetchFailure)
}

/// Why a file was not fetched.
public enum FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered 404 or 410.
    case missing(status: Int)
    /// The server ended the file before the size the index gives, on every try; the bytes received are kept to resume.
    case truncated(received: Int, expected: Int)
    /// The server sent more bytes than the index gives.
    case oversized(expected: Int)
    /// The file has the size the index gives but not its MD5; it was deleted.
    case checksum(expected: String, actual: String)
    /// The server answered with an error status on every try.
    case status(Int)
    /// The connection failed on every try.
    case network(String)

    public var description: String {
        switch self {
        case .missing(let status): "missing on the server (HTTP \(status))"
        case .truncated(let received, let expected): "truncated: \(received) of \(expected) bytes received"
        case .oversized(let expected): "longer than the \(expected) bytes the index gives"
        case .checksum(let expected, let actual): "MD5 \(actual) is not the \(expected) the index gives; the file was deleted"
        case .status(let status): "the server answered HTTP \(status)"
        case .network(let reason): "connection failed: \(reason)"
        }
    }

    /// Whether trying again may succeed.
    var isRetryable: Bool {
        switch self {
        case .truncated, .network: true
        case .status(let status): status >= 500 || status == 408 || status == 429
        case .missing, .oversized, .checksum: false
        }
    }
}

/// One file of a fetch and what became of it.
public struct FetchResult: Sendable {
    public let file: FeedFile
    /// Where the verified file is in the cache (meaningful unless the outcome is a failure).
    public let path: String
    public let outcome: FetchOutcome

    /// Whether the file is in the cache, verified.
    public var isVerified: Bool {
        if case .failed = outcome { return false }
        return true
    }
}
