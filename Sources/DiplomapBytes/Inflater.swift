import CIsal
import DiplomapCore
import Foundation
import SystemZlib

/// Inflates a `.gz` file or one entry of a `.zip` into the caller's buffer: the one path every compressed file takes
/// (event files from disk, the vote files from memory through `Gzip.decompress`).
///
/// Compressed bytes are read in large blocks with `pread` and inflated straight into the scanner's line buffer, so each
/// byte of text is written once and checked in the same pass: a gzip member's CRC-32 and length at its end; a zip
/// entry, inflated raw, has its CRC-32 summed as it is produced and compared, with its length, to the directory's.
/// Concatenated gzip members are read one after the other, as `gzip -d` does. A check that fails, data that cannot be
/// inflated, or compressed data that ends too soon is thrown as `DamagedFile` with the byte of the compressed file where
/// it was found, after the bytes inflated before it.
///
/// Where the build and the system have ISA-L (`CIsal`), it inflates the data, about three times as fast as zlib, in the
/// same pieces. Whatever it finds wrong (damage, a CRC-32 or length that does not match, a gzip header it would read
/// differently) is read again from the start by zlib, which drops as much text as ISA-L handed out and reports the
/// damage. Both decode the same format, so a sound file reads the same either way, and damage is reported by zlib at
/// its byte. Before it, a damaged file may give more text through ISA-L, which can notice the damage later than zlib
/// (in a trial, 97 of 20,000 copies of a gzipped generated GDELT file with one to three bits flipped; no copy read
/// differently in any other way).
public final class Inflater {
    /// What is inflated.
    public enum Source {
        case gzip
        case zipEntry(ZipDirectory.Entry)
    }

    private let file: String
    /// The file read, or -1 when the compressed bytes were handed over in memory.
    private let descriptor: Int32
    private let entry: ZipDirectory.Entry?
    /// The compressed bytes: the whole file for gzip, the entry's data for zip.
    private let range: Range<Int>
    private var position: Int
    private var stream = z_stream()
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity: Int
    private var ended = false
    /// No compressed bytes are left: the end of the range, or of a file shorter than it was.
    private var inputEnded = false
    private var crc: UInt = 0
    private var produced = 0
    /// A problem met after some bytes were produced: those are returned first, the error on the next read.
    private var pendingError: (any Error)?
    /// ISA-L's state while it reads the data; `nil` once zlib reads it (or where there is no ISA-L).
    private var isal: OpaquePointer?
    /// Whether ISA-L read the data to its end, for tests.
    private(set) var readByISAL = false
    /// Text zlib inflates and drops before handing out more: what ISA-L handed out before it found damage.
    private var skip = 0

    /// Compressed bytes read so far, for progress. (When zlib reads again what ISA-L read, it reads the same blocks up
    /// to the same one within the same call, so no caller sees the count go back.)
    public var compressedBytes: Int { position - range.lowerBound }

    /// Reads the compressed bytes from the file at `path`; a file that cannot be opened is an `InputError`.
    /// `accelerated: false` reads through zlib alone.
    public init(path: String, source: Source, accelerated: Bool = true) throws {
        file = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(file: path, message: "cannot open the file (errno \(errno))") }
        switch source {
        case .gzip:
            var status = stat()
            fstat(descriptor, &status)
            entry = nil
            range = 0..<Int(status.st_size)
        case .zipEntry(let zipEntry):
            entry = zipEntry
            range = zipEntry.dataStart..<(zipEntry.dataStart + zipEntry.compressedSize)
        }
        position = range.lowerBound
        inputCapacity = 1 << 18
        input = .allocate(capacity: inputCapacity)
        // Gzip: 15 + 32, the largest window with the header recognised and checked. Zip: -15, raw deflate.
        guard inflateInit2_(&stream, entry == nil ? 15 + 32 : -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            input.deallocate()
            close(descriptor)
            throw InputError(file: path, message: "cannot start zlib")
        }
        if accelerated { startISAL() }
    }

    /// Inflates gzip data held in memory, named `file` in its damage.
    public init(gzip compressed: [UInt8], file: String, accelerated: Bool = true) throws(DamagedFile) {
        self.file = file
        descriptor = -1
        entry = nil
        range = 0..<compressed.count
        position = compressed.count
        inputCapacity = compressed.count
        input = .allocate(capacity: max(1, compressed.count))
        input.initialize(from: compressed, count: compressed.count)
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            input.deallocate()
            throw DamagedFile(file: file, offset: 0, reason: "zlib could not start")
        }
        // All of the input at once: the first refill finds none left.
        stream.next_in = input
        stream.avail_in = UInt32(compressed.count)
        if accelerated { startISAL() }
    }

    deinit {
        stopISAL()
        inflateEnd(&stream)
        input.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Fills `buffer` with up to `count` uncompressed bytes; 0 at the end of the data.
    public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if let pendingError { throw pendingError }
        guard !ended, count > 0 else { return 0 }
        if let read = readWithISAL(into: buffer, count: count) { return read }
        while skip > 0 {
            let dropped = try readWithZlib(into: buffer, count: min(count, skip))
            guard dropped > 0 else {
                throw DamagedFile(file: file, offset: offset, reason: "\(prefix): zlib reads less text from it than ISA-L did")
            }
            skip -= dropped
        }
        return try readWithZlib(into: buffer, count: count)
    }

    private func readWithZlib(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if let pendingError { throw pendingError }
        guard !ended else { return 0 }
        stream.next_out = buffer
        stream.avail_out = UInt32(min(count, Int(UInt32.max)))
        do {
            if let entry, entry.method == 0 { try copyStored(entry) } else { try inflate() }
        } catch {
            let produced = count - Int(stream.avail_out)
            guard produced > 0 else { throw error }
            pendingError = error
            return produced
        }
        return count - Int(stream.avail_out)
    }

    /// The byte of the compressed file zlib has reached.
    private var offset: Int { position - Int(stream.avail_in) }

    /// Names the data in a reason: a zip entry's reasons are placed under the entry's name by the zip reader.
    private var prefix: String { entry == nil ? "gzip" : "deflate" }

    private func inflate() throws {
        if let entry, entry.method != 8 || entry.encrypted {
            throw DamagedFile(file: file, offset: entry.localHeader, reason: "it is encrypted or compressed by method \(entry.method): only stored and deflated entries can be read")
        }
        while stream.avail_out > 0 {
            if stream.avail_in == 0 { refill() }
            let start = stream.next_out
            let result = SystemZlib.inflate(&stream, Z_NO_FLUSH)
            if entry != nil, let start { sum(start, count: start.distance(to: stream.next_out)) }
            if result == Z_STREAM_END {
                if entry != nil { try checkEntry(); ended = true; break }
                // Another gzip member may follow.
                if stream.avail_in == 0 { refill() }
                if stream.avail_in == 0 { ended = true; break }
                inflateReset(&stream)
                continue
            }
            if result == Z_BUF_ERROR && stream.avail_in == 0 && inputEnded {
                throw DamagedFile(file: file, offset: offset, reason: "\(prefix): the file ends in the middle of the compressed data (truncated)")
            }
            guard result == Z_OK || result == Z_BUF_ERROR else {
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                throw DamagedFile(file: file, offset: offset, reason: "\(prefix): corrupt data (\(reason))")
            }
        }
    }

    /// Starts ISA-L on data it can read: a gzip file, or a deflated zip entry.
    private func startISAL() {
        if let entry, entry.method != 8 || entry.encrypted { return }
        isal = diplomap_isal_start(entry == nil ? 1 : 0)
    }

    /// Up to `count` bytes of text inflated by ISA-L; `nil` when it finds something wrong, after which zlib reads the
    /// data again from the start, dropping what ISA-L handed out before.
    private func readWithISAL(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
        guard let isal else { return nil }
        let before = produced
        var output: UnsafeMutablePointer<UInt8>? = buffer
        let room = UInt32(min(count, Int(UInt32.max)))
        var space = room
        var finished = false
        var failed = false
        while space > 0 && !finished && !failed {
            if stream.avail_in == 0 { refill() }
            let (spaceBefore, inputBefore) = (space, stream.avail_in)
            var next = UnsafePointer(stream.next_in)
            let status = diplomap_isal_inflate(isal, &next, &stream.avail_in, &output, &space)
            stream.next_in = UnsafeMutablePointer(mutating: next)
            produced = before + Int(room - space)
            switch status {
            case DIPLOMAP_ISAL_END:
                if let entry {
                    finished = true
                    failed = produced != entry.uncompressedSize || diplomap_isal_crc(isal) != entry.crc
                } else {
                    // Another gzip member may follow.
                    if stream.avail_in == 0 { refill() }
                    if stream.avail_in == 0 { finished = true } else { diplomap_isal_restart(isal) }
                }
            case DIPLOMAP_ISAL_MORE:
                // Nothing moved: the compressed data ended before the stream did.
                failed = space == spaceBefore && stream.avail_in == inputBefore
            default: failed = true
            }
        }
        if failed {
            stopISAL()
            rewind()
            skip = before
            return nil
        }
        if finished {
            stopISAL()
            readByISAL = true
            ended = true
        }
        return produced - before
    }

    private func stopISAL() {
        if let isal { diplomap_isal_end(isal) }
        isal = nil
    }

    /// Back to the first compressed byte, for zlib.
    private func rewind() {
        inflateReset(&stream)
        crc = 0
        produced = 0
        inputEnded = false
        if descriptor >= 0 {
            position = range.lowerBound
            stream.avail_in = 0
        } else {
            stream.next_in = input
            stream.avail_in = UInt32(range.count)
        }
    }

    /// Copies a stored entry's bytes, summing them as they pass.
    private func copyStored(_ entry: ZipDirectory.Entry) throws {
        let wanted = min(Int(stream.avail_out), range.upperBound - position)
        let count = pread(descriptor, stream.next_out, wanted, off_t(position))
        guard count >= 0 else { throw InputError(file: file, message: "read failed (errno \(errno))") }
        guard count == wanted else { throw DamagedFile(file: file, offset: position + count, reason: "the file ends in the middle of its data (truncated)") }
        sum(stream.next_out, count: count)
        position += count
        stream.next_out += count
        stream.avail_out -= UInt32(count)
        if position == range.upperBound {
            try checkEntry()
            ended = true
        }
    }

    /// Reads the next block of compressed bytes, if any are left.
    private func refill() {
        guard descriptor >= 0 else {
            inputEnded = true
            return
        }
        let count = pread(descriptor, input, min(inputCapacity, range.upperBound - position), off_t(position))
        if count <= 0 { inputEnded = true }
        position += max(0, count)
        stream.next_in = input
        stream.avail_in = UInt32(max(0, count))
    }

    private func sum(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        produced += count
        crc = SystemZlib.crc32(crc, bytes, UInt32(count))
    }

    /// Compares a finished zip entry with its directory record.
    private func checkEntry() throws {
        guard let entry else { return }
        if produced != entry.uncompressedSize {
            throw DamagedFile(file: file, offset: offset, reason: "it holds \(produced) bytes of text where its directory says \(entry.uncompressedSize)")
        }
        if UInt32(truncatingIfNeeded: crc) != entry.crc {
            throw DamagedFile(file: file, offset: offset, reason: "its CRC-32 does not match its data")
        }
    }
}
