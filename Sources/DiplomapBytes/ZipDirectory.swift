import DiplomapCore
import Foundation

/// The entries of a zip file, read from its end-of-central-directory record, its central directory and each entry's
/// local header: where each entry's compressed bytes are and what they must inflate to.
///
/// The directory is read by hand (about as much code as driving a zip library) so that the entries can go through the
/// same zlib fast path as gzip files, and so that damage is named with the byte where it was found.
public struct ZipDirectory {
    /// One file in the archive.
    public struct Entry {
        public var name: String
        /// 0 (stored) or 8 (deflated); other methods are reported as damage when the entry is read.
        var method: Int
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// The byte at which the entry's local header starts: where its damage is reported.
        var localHeader: Int
        /// The byte at which its compressed data starts.
        var dataStart: Int
        /// Bit 0 of the flags: the entry is encrypted and cannot be read.
        var encrypted: Bool
    }

    /// The file entries, in directory order (folders left out).
    public var entries: [Entry] = []

    /// Reads the directory of the zip at `path` (its end, directory and local headers, not its data), or names the byte
    /// where it is missing or broken.
    public static func read(_ path: String) throws(DamagedFile) -> ZipDirectory {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw DamagedFile(file: path, offset: nil, reason: "zip: the file cannot be read") }
        defer { close(descriptor) }
        var status = stat()
        fstat(descriptor, &status)
        let size = Int(status.st_size)
        func bytes(_ range: Range<Int>) -> [UInt8] {
            guard range.lowerBound >= 0, range.count <= size else { return [] }
            var buffer = [UInt8](repeating: 0, count: range.count)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(range.lowerBound)) }
            return Array(buffer.prefix(max(0, count)))
        }
        // The record is 22 bytes plus a comment of at most 65,535, at the very end.
        let tailStart = max(0, size - 22 - 65_535)
        let tail = bytes(tailStart..<size)
        guard tail.count >= 22, let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { u32(tail, $0) == 0x0605_4B50 }) else {
            throw DamagedFile(
                file: path, offset: size, reason: "zip: no end-of-central-directory record at the end of the file: truncated, or not a zip archive")
        }
        let endOffset = tailStart + end
        var count = u16(tail, end + 10), directorySize = u32(tail, end + 12), start = u32(tail, end + 16)
        if start == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF || count == 0xFFFF {
            // ZIP64: the real values are in a larger record, found through the locator just before the end record.
            let locator = bytes(max(0, endOffset - 20)..<endOffset)
            guard locator.count == 20, u32(locator, 0) == 0x0706_4B50 else {
                throw DamagedFile(file: path, offset: endOffset, reason: "zip: a ZIP64 archive without its ZIP64 locator")
            }
            let recordOffset = u64(locator, 8)
            guard (0...size).contains(recordOffset) else {
                throw DamagedFile(file: path, offset: endOffset - 20, reason: "zip: the ZIP64 locator points outside the file")
            }
            let record = bytes(recordOffset..<(recordOffset + 56))
            guard record.count == 56, u32(record, 0) == 0x0606_4B50 else {
                throw DamagedFile(file: path, offset: recordOffset, reason: "zip: the ZIP64 end-of-central-directory record is damaged")
            }
            count = u64(record, 32)
            directorySize = u64(record, 40)
            start = u64(record, 48)
        }
        // Values read from a damaged file can be anything: each is checked against the file's size before use.
        guard (0...size).contains(start), (0...size).contains(directorySize), (0...size).contains(count), start + directorySize <= endOffset else {
            throw DamagedFile(file: path, offset: endOffset, reason: "zip: the central directory is damaged (it would run past the record that ends it)")
        }
        let listing = bytes(start..<(start + directorySize))
        var directory = ZipDirectory()
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= listing.count, u32(listing, at) == 0x0201_4B50 else {
                throw DamagedFile(file: path, offset: start + at, reason: "zip: the central directory is damaged (no entry header where one should be)")
            }
            let nameLength = u16(listing, at + 28), extraLength = u16(listing, at + 30), commentLength = u16(listing, at + 32)
            guard at + 46 + nameLength + extraLength <= listing.count else {
                throw DamagedFile(file: path, offset: start + at, reason: "zip: the central directory is damaged (an entry runs past its end)")
            }
            let name = String(decoding: listing[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            var sizes = Sizes(uncompressed: u32(listing, at + 24), compressed: u32(listing, at + 20), offset: u32(listing, at + 42))
            readZip64Sizes(&sizes, extra: listing[(at + 46 + nameLength)..<(at + 46 + nameLength + extraLength)])
            guard (0...size).contains(sizes.compressed), (0...size).contains(sizes.offset), sizes.uncompressed >= 0 else {
                throw DamagedFile(file: path, offset: start + at, reason: "zip: the central directory is damaged (entry \(name) has sizes or an offset outside the file)")
            }
            if !name.hasSuffix("/") {
                directory.entries.append(
                    Entry(
                        name: name, method: u16(listing, at + 10), crc: UInt32(u32(listing, at + 16)), compressedSize: sizes.compressed,
                        uncompressedSize: sizes.uncompressed, localHeader: sizes.offset, dataStart: 0, encrypted: u16(listing, at + 8) & 1 != 0))
            }
            at += 46 + nameLength + extraLength + commentLength
        }
        for index in directory.entries.indices {
            let entry = directory.entries[index]
            let local = bytes(entry.localHeader..<(entry.localHeader + 30))
            guard local.count == 30, u32(local, 0) == 0x0403_4B50 else {
                throw DamagedFile(file: path, offset: entry.localHeader, reason: "zip: entry \(entry.name) is damaged (no local header where the directory says)")
            }
            let dataStart = entry.localHeader + 30 + u16(local, 26) + u16(local, 28)
            guard dataStart + entry.compressedSize <= start else {
                throw DamagedFile(file: path, offset: entry.localHeader, reason: "zip: entry \(entry.name) is damaged (its data would run into the directory)")
            }
            directory.entries[index].dataStart = dataStart
        }
        return directory
    }

    /// An entry's sizes and local header offset, 32-bit in the directory unless the ZIP64 extra field widens them.
    private struct Sizes {
        var uncompressed: Int, compressed: Int, offset: Int
    }

    /// Replaces the values marked 0xFFFFFFFF with the 64-bit ones of the ZIP64 extra field (id 1), in the order the
    /// format gives them.
    private static func readZip64Sizes(_ sizes: inout Sizes, extra: ArraySlice<UInt8>) {
        let extra = Array(extra)
        var at = 0
        while at + 4 <= extra.count, u16(extra, at) != 1 { at += 4 + u16(extra, at + 2) }
        guard at + 4 <= extra.count else { return }
        let end = min(extra.count, at + 4 + u16(extra, at + 2))
        var field = at + 4
        func widen(_ value: inout Int) {
            guard value == 0xFFFF_FFFF, field + 8 <= end else { return }
            value = u64(extra, field)
            field += 8
        }
        widen(&sizes.uncompressed)
        widen(&sizes.compressed)
        widen(&sizes.offset)
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }
    private static func u64(_ bytes: [UInt8], _ at: Int) -> Int { u32(bytes, at) | u32(bytes, at + 4) << 32 }
}
