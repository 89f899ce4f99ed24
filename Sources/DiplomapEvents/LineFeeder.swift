import DiplomapBytes
import Foundation

/// A fixed read buffer that hands the scanner whole lines and keeps the partial last line for the next read.
///
/// Memory stays at one buffer whatever the size of the input: a line longer
/// than the buffer is reported as a bad row and skipped.
final class LineFeeder<Sink: EventSink> {
    let scanner: EventScanner<Sink>
    let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    // Owned by one worker, like its scanner: no run-time exclusivity checks.
    @exclusivity(unchecked) private(set) var fill = 0
    /// Bytes are dropped up to the next newline: after a too-long line, or at the start of a worker's range.
    @exclusivity(unchecked) var skippingToNewline = false
    private let progress: ScanProgress?

    init(scanner: EventScanner<Sink>, capacity: Int, progress: ScanProgress?) {
        self.scanner = scanner
        self.capacity = capacity
        self.progress = progress
        // One spare byte to end a file's last line when it has no newline.
        buffer = .allocate(capacity: capacity + 1)
    }

    deinit { buffer.deallocate() }

    /// Where the next read may write, and how much.
    var space: (UnsafeMutablePointer<UInt8>, Int) { (buffer + fill, capacity - fill) }

    /// The buffered bytes.
    var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: fill) }

    /// Keeps only the first `count` buffered bytes.
    func truncate(to count: Int) { fill = min(fill, count) }

    /// Takes `count` bytes just written into `space` and scans the whole lines; returns the bytes consumed.
    @discardableResult
    func commit(_ count: Int) -> Int {
        fill += count
        return drain()
    }

    /// Copies bytes in, scanning as the buffer fills.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let (pointer, room) = space
            let count = min(room, bytes.count - offset)
            UnsafeMutableRawPointer(pointer).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
            offset += count
            commit(count)
        }
    }

    /// Scans what is left, ending a last line that has no newline.
    func finish() {
        _ = drain()
        guard fill > 0, !skippingToNewline else { fill = 0; return }
        buffer[fill] = ByteScan.newline
        scan(from: 0, count: fill + 1)
        fill = 0
    }

    private func scan(from start: Int, count: Int) {
        let before = scanner.report.rowsRead
        scanner.scan(buffer + start, count: count)
        progress?.add(rows: scanner.report.rowsRead - before)
    }

    /// Scans every whole line in the buffer and moves the rest to the front.
    private func drain() -> Int {
        var begin = 0
        if skippingToNewline {
            guard let newline = memchr(buffer, Int32(ByteScan.newline), fill) else {
                let dropped = fill
                fill = 0
                return dropped
            }
            begin = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            skippingToNewline = false
        }
        var last = fill - 1
        while last >= begin && buffer[last] != ByteScan.newline { last -= 1 }
        if last >= begin {
            scan(from: begin, count: last + 1 - begin)
            begin = last + 1
        } else if fill - begin == capacity {
            scanner.skipLine(reason: "longer than \(capacity) bytes")
            skippingToNewline = true
            fill = 0
            return capacity
        }
        let rest = fill - begin
        if begin > 0 && rest > 0 { memmove(buffer, buffer + begin, rest) }
        fill = rest
        return begin
    }
}
