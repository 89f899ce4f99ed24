import DiplomapCore
import Foundation
import SystemZlib

/// Inflates a `.gz` file or one entry of a `.zip` into the caller's buffer through the system zlib: the one path every
/// compressed file takes (event files from disk, the vote files from memory through `Gzip.decompress`).
///
/// Compressed bytes are read in large blocks with `pread` and inflated straight into the scanner's line buffer, so each
/// byte of text is written once and checked in the same pass: zlib checks a gzip member's CRC-32 and length at its end;
/// a zip entry, inflated raw, has its CRC-32 summed here as it is produced and compared, with its length, to the
/// directory's. Concatenated gzip members are read one after the other, as `gzip -d` does. A check that fails, data
/// zlib cannot inflate, or compressed data that ends too soon is thrown as `DamagedFile` with the byte of the compressed
/// file where it was found, after the bytes inflated before it.
///
/// Where the system has libdeflate and the text is small enough to hold (`defaultWholeLimit`), the first read inflates
/// the whole entry or gzip member at once with it, its CRC-32 and length checked the same way, and later reads copy
/// from that text. Anything it does not take whole (a larger text, several gzip members, a gzip header with a checksum,
/// damage of any kind) goes through zlib from the start, so what is read, and how damage is reported, is the same on
/// either path. One difference is left: a dynamic block that declares more codes than the format allows (over 286
/// literal and length codes, or over 30 distance codes), which zlib refuses as damage and libdeflate reads; its text
/// must still match its CRC-32.
public final class Inflater {
    /// The most text inflated whole, in memory: a fifteen-minute GDELT 2.0 file (about a megabyte) fits many times
    /// over, while a worker holds at most this much (and the compressed bytes) whatever the size of the file. Larger
    /// texts stream through zlib in the caller's buffer.
    public static let defaultWholeLimit = 16 << 20

    /// The most text this inflater takes whole: `defaultWholeLimit`, or 0 to stream everything through zlib.
    private let wholeLimit: Int

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
    /// The whole text, once libdeflate has inflated it, and how much of it has been read.
    private(set) var whole: UnsafeMutableRawBufferPointer?
    private var wholeRead = 0
    private var triedWhole = false

    /// Compressed bytes read so far, for progress.
    public var compressedBytes: Int { position - range.lowerBound }

    /// Reads the compressed bytes from the file at `path`; a file that cannot be opened is an `InputError`.
    public init(path: String, source: Source, wholeLimit: Int = Inflater.defaultWholeLimit) throws {
        file = path
        self.wholeLimit = wholeLimit
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
    }

    /// Inflates gzip data held in memory, named `file` in its damage.
    public init(gzip compressed: [UInt8], file: String, wholeLimit: Int = Inflater.defaultWholeLimit) throws(DamagedFile) {
        self.file = file
        self.wholeLimit = wholeLimit
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
    }

    deinit {
        whole?.deallocate()
        inflateEnd(&stream)
        input.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Fills `buffer` with up to `count` uncompressed bytes; 0 at the end of the data.
    public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if let pendingError { throw pendingError }
        guard !ended, count > 0 else { return 0 }
        if !triedWhole {
            triedWhole = true
            whole = inflateWhole()
        }
        if let whole {
            let copied = min(count, whole.count - wholeRead)
            buffer.update(from: whole.baseAddress!.assumingMemoryBound(to: UInt8.self) + wholeRead, count: copied)
            wholeRead += copied
            return copied
        }
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

    /// The whole text inflated by libdeflate, checked as zlib would check it, or `nil` to stream it through zlib instead.
    private func inflateWhole() -> UnsafeMutableRawBufferPointer? {
        guard let libdeflate = Libdeflate.shared, range.count <= wholeLimit else { return nil }
        let size: Int
        if let entry {
            guard entry.method == 8, !entry.encrypted, entry.uncompressedSize <= wholeLimit else { return nil }
            size = entry.uncompressedSize
        } else {
            guard range.count >= 18, !hasHeaderChecksum(), let length = lastMemberLength(), length <= wholeLimit else { return nil }
            size = length
        }
        let bytes: UnsafeMutableRawBufferPointer
        if descriptor >= 0 {
            bytes = .allocate(byteCount: range.count, alignment: 16)
            guard pread(descriptor, bytes.baseAddress, range.count, off_t(range.lowerBound)) == range.count else {
                bytes.deallocate()
                return nil
            }
        } else {
            bytes = UnsafeMutableRawBufferPointer(start: input, count: range.count)
        }
        defer { if descriptor >= 0 { bytes.deallocate() } }
        let text = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, size), alignment: 16)
        let inflated = libdeflate.inflate(UnsafeRawBufferPointer(bytes), into: text, gzip: entry == nil)
        let checked: Bool
        if let entry {
            checked = inflated?.count == size && libdeflate.crc32(UnsafeRawBufferPointer(rebasing: text[0..<size])) == entry.crc
        } else {
            // libdeflate checks the member's CRC-32 and length; the member must also be the whole file.
            checked = inflated?.count == size && inflated?.consumed == range.count
        }
        guard checked else {
            text.deallocate()
            return nil
        }
        produced = size
        position = range.upperBound
        return UnsafeMutableRawBufferPointer(rebasing: text[0..<size])
    }

    /// The last four bytes of a gzip file: the text length of its last member, modulo 2³² (the whole file's, if it is
    /// one member).
    private func lastMemberLength() -> Int? {
        var length: UInt32 = 0
        return compressed(at: range.upperBound - 4, into: &length) ? Int(UInt32(littleEndian: length)) : nil
    }

    /// Whether the gzip header says it carries a checksum of its own (flag FHCRC), which zlib checks and libdeflate
    /// does not: such a file goes through zlib, so that a wrong one is damage on every system.
    private func hasHeaderChecksum() -> Bool {
        var flags: UInt8 = 0
        return !compressed(at: range.lowerBound + 3, into: &flags) || flags & 0x02 != 0
    }

    /// Reads the compressed bytes at `offset` into `value`; `false` when the file ends before them. Bytes held in memory
    /// are not checked: the caller keeps `offset` within them.
    private func compressed<Value>(at offset: Int, into value: inout Value) -> Bool {
        let count = MemoryLayout<Value>.size
        return withUnsafeMutableBytes(of: &value) { bytes in
            guard descriptor >= 0 else {
                bytes.copyMemory(from: UnsafeRawBufferPointer(start: input + offset, count: count))
                return true
            }
            return pread(descriptor, bytes.baseAddress, count, off_t(offset)) == count
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
