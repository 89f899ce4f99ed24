import DiplomapCore
import Foundation
import SystemZlib

/// Reads a `.gz` file as a stream of its uncompressed bytes, through the system zlib.
///
/// Concatenated gzip members are read one after the other, as `gzip -d` does. zlib checks each member's CRC-32 and
/// length at its end; a check that fails, data zlib cannot inflate, or a file that ends inside a member is thrown as
/// `DamagedFile` with the byte of the compressed file where it was found, after the bytes inflated before it.
final class GzipReader {
    private let file: String
    private let handle: FileHandle
    private var stream = z_stream()
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = 1 << 18
    private var ended = false
    private var inputEnded = false
    /// Compressed bytes read so far, for progress.
    private(set) var compressedBytes = 0

    init(path: String) throws {
        file = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw EventFileError(file: path, message: "cannot open the file") }
        self.handle = handle
        input = .allocate(capacity: inputCapacity)
        // 15 + 32: the largest window, with the gzip header recognised and checked.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            input.deallocate()
            throw EventFileError(file: path, message: "gzip: cannot start zlib")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
        try? handle.close()
    }

    /// A problem met after some bytes were produced: those are returned first, the error on the next read.
    private var pendingError: (any Error)?

    /// Fills `buffer` with up to `count` uncompressed bytes; 0 at the end of the data.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if let pendingError { throw pendingError }
        guard !ended, count > 0 else { return 0 }
        do {
            return try inflate(into: buffer, count: count)
        } catch {
            let produced = count - Int(stream.avail_out)
            guard produced > 0 else { throw error }
            pendingError = error
            return produced
        }
    }

    /// The byte of the compressed file zlib has reached.
    private var offset: Int { compressedBytes - Int(stream.avail_in) }

    private func inflate(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        stream.next_out = buffer
        stream.avail_out = UInt32(count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !inputEnded {
                let read = Foundation.read(handle.fileDescriptor, input, inputCapacity)
                guard read >= 0 else { throw EventFileError(file: file, message: "gzip: read failed (errno \(errno))") }
                compressedBytes += read
                if read == 0 { inputEnded = true }
                stream.next_in = input
                stream.avail_in = UInt32(read)
            }
            let result = SystemZlib.inflate(&stream, Z_NO_FLUSH)
            if result == Z_STREAM_END {
                // Another member may follow.
                if stream.avail_in == 0 && inputEnded || !moreInput() { ended = true; break }
                inflateReset(&stream)
                continue
            }
            if result == Z_BUF_ERROR && inputEnded && stream.avail_in == 0 {
                throw DamagedFile(file: file, offset: offset, reason: "gzip: the file ends in the middle of the compressed data (truncated)")
            }
            guard result == Z_OK || result == Z_BUF_ERROR else {
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(result)"
                throw DamagedFile(file: file, offset: offset, reason: "gzip: corrupt data (\(reason))")
            }
        }
        return count - Int(stream.avail_out)
    }

    /// Whether compressed bytes follow the member just ended.
    private func moreInput() -> Bool {
        if stream.avail_in > 0 { return true }
        guard !inputEnded else { return false }
        let read = Foundation.read(handle.fileDescriptor, input, inputCapacity)
        guard read > 0 else { inputEnded = true; return false }
        compressedBytes += read
        stream.next_in = input
        stream.avail_in = UInt32(read)
        return true
    }
}
