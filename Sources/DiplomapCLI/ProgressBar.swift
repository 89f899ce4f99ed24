import DiplomapEvents
import DiplomapFeed
import Foundation

/// A one-line progress bar on standard error, redrawn a few times a second: of a scan (bytes done, rows per second and
/// time left) or of a fetch (bytes and files done, time left).
final class ProgressBar: Sendable {
    private let task: Task<Void, Never>

    /// Redraws the line `render` makes from the seconds since the start.
    init(render: @escaping @Sendable (Double) -> String) {
        let started = Date()
        task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                if Task.isCancelled { break }
                try? FileHandle.standardError.write(contentsOf: Data(render(Date().timeIntervalSince(started)).utf8))
            }
        }
    }

    convenience init(progress: ScanProgress) {
        self.init { ProgressBar.line(progress, seconds: $0) }
    }

    convenience init(progress: FetchProgress) {
        self.init { ProgressBar.line(progress, seconds: $0) }
    }

    /// Stops redrawing and clears the line.
    func stop() async {
        task.cancel()
        await task.value
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8))
    }

    static func line(_ progress: ScanProgress, seconds: Double) -> String {
        let done = progress.bytes.load(ordering: .relaxed)
        let rate = Double(progress.rows.load(ordering: .relaxed)) / max(seconds, 0.001)
        return bar(done: done, total: progress.totalBytes, seconds: seconds, detail: "\(Int(rate).formatted()) rows/s")
    }

    static func line(_ progress: FetchProgress, seconds: Double) -> String {
        let files = "\(progress.files.load(ordering: .relaxed))/\(progress.totalFiles) files"
        return bar(done: progress.bytes.load(ordering: .relaxed), total: progress.totalBytes, seconds: seconds, detail: files)
    }

    private static func bar(done: Int, total: Int, seconds: Double, detail: String) -> String {
        let total = max(1, total), fraction = min(1, Double(done) / Double(total))
        let width = 30, filled = Int(fraction * Double(width))
        let left = fraction > 0 ? seconds * (1 - fraction) / fraction : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        return "\r[\(bar)] \(megabytes(done))/\(megabytes(total)) MB  \(detail)  \(Int(left.rounded())) s left\u{1B}[K"
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }
}
