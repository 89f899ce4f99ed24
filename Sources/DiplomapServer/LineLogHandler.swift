import Foundation
import Logging

/// Writes each log event as one line, `time level label: message key=value…`, with a single `write(2)`.
///
/// swift-log's `StreamLogHandler` formats its metadata whenever the metadata changes, and the
/// server gives every request's logger its own request id: that formatting showed in profiles of
/// cached reads although no line was written. This handler formats metadata only for a line it
/// writes. One `write` per line keeps lines whole when several threads log at once.
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let fileDescriptor: Int32

    /// A handler writing to `fileDescriptor`, standard error unless told.
    public init(label: String, fileDescriptor: Int32 = STDERR_FILENO) {
        self.label = label
        self.fileDescriptor = fileDescriptor
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        if let error = event.error { fields["error"] = "\(error)" }
        var line = "\(Self.timestamp()) \(event.level) \(label): \(event.message)"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        line += "\n"
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fileDescriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// The time in UTC to the millisecond, as ISO 8601: `2026-11-28T06:00:00.123Z`.
    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let milliseconds = String(now.tv_nsec / 1_000_000)
        return UTCTime.format(now.tv_sec, "%Y-%m-%dT%H:%M:%S.") + String(repeating: "0", count: 3 - milliseconds.count) + milliseconds + "Z"
    }
}
