import Synchronization

/// Bytes and files done so far, shared by a fetch's downloads so that a progress bar can read them.
public final class FetchProgress: Sendable {
    /// Bytes received, or found verified in the cache.
    public let bytes = Atomic<Int>(0)
    /// Files finished, whatever their outcome.
    public let files = Atomic<Int>(0)
    /// Bytes of every file of the fetch.
    public let totalBytes: Int
    /// Files in the fetch.
    public let totalFiles: Int

    public init(files: [FeedFile]) {
        totalBytes = files.reduce(0) { $0 + $1.size }
        totalFiles = files.count
    }

    func add(bytes count: Int) { bytes.add(count, ordering: .relaxed) }
    func fileDone() { files.add(1, ordering: .relaxed) }
}
