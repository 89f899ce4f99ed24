import DiplomapEvents
import Foundation

/// A one-line progress bar on standard error: bytes done, rows per second and time left, redrawn a few times a second.
final class ProgressBar: Sendable {
    private let task: Task<Void, Never>

    init(progress: ScanProgress) {
        let started = Date()
        task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                if Task.isCancelled { break }
                FileHandle.standardError.write(Data(ProgressBar.line(progress, seconds: Date().timeIntervalSince(started)).utf8))
            }
        }
    }

    /// Stops redrawing and clears the line.
    func stop() async {
        task.cancel()
        await task.value
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func line(_ progress: ScanProgress, seconds: Double) -> String {
        let done = progress.bytes.load(ordering: .relaxed), total = max(1, progress.totalBytes)
        let fraction = min(1, Double(done) / Double(total))
        let width = 30, filled = Int(fraction * Double(width))
        let rate = Double(progress.rows.load(ordering: .relaxed)) / max(seconds, 0.001)
        let left = fraction > 0 ? seconds * (1 - fraction) / fraction : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        return "\r[\(bar)] \(megabytes(done))/\(megabytes(total)) MB  \(Int(rate).formatted()) rows/s  \(Int(left.rounded())) s left\u{1B}[K"
    }

    private static func megabytes(_ bytes: Int) -> String { String(bytes / 1_000_000) }
}
