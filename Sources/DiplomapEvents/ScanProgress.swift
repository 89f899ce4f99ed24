import Synchronization

/// Bytes and rows done so far, shared by the workers of a scan so that a progress bar can read them.
public final class ScanProgress: Sendable {
    /// Bytes of input read (compressed bytes for `.gz` and `.zip`).
    public let bytes = Atomic<Int>(0)
    /// Rows scanned.
    public let rows = Atomic<Int>(0)
    /// Bytes of input in all, for the time left.
    public let totalBytes: Int

    public init(totalBytes: Int) { self.totalBytes = totalBytes }

    func add(bytes count: Int) { bytes.add(count, ordering: .relaxed) }
    func add(rows count: Int) { rows.add(count, ordering: .relaxed) }
}
