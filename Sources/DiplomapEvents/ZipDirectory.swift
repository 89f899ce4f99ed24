import DiplomapCore
import Foundation

/// Where a zip file's parts start, read from its end-of-central-directory record and central directory: enough to say
/// at which byte a damaged zip went wrong (the zip library reading the entries does not tell).
struct ZipDirectory {
    /// The byte at which each entry's local header starts, by entry name.
    var localHeaders: [String: Int] = [:]

    /// Reads the directory of the zip at `path` (its end and directory only, not its entries), or names the byte where
    /// it is missing or broken.
    static func read(_ path: String) throws(DamagedFile) -> ZipDirectory {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DamagedFile(file: path, offset: nil, reason: "zip: the file cannot be read") }
        defer { try? handle.close() }
        func bytes(_ range: Range<Int>) -> [UInt8] {
            guard (try? handle.seek(toOffset: UInt64(range.lowerBound))) != nil else { return [] }
            return [UInt8]((try? handle.read(upToCount: range.count)) ?? Data())
        }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        // The record is 22 bytes plus a comment of at most 65,535, at the very end.
        let tailStart = max(0, size - 22 - 65_535)
        let tail = bytes(tailStart..<size)
        guard tail.count >= 22, let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { Self.u32(tail, $0) == 0x0605_4B50 }) else {
            throw DamagedFile(
                file: path, offset: size, reason: "zip: no end-of-central-directory record at the end of the file: truncated, or not a zip archive")
        }
        let endOffset = tailStart + end
        let count = Self.u16(tail, end + 10), directorySize = Self.u32(tail, end + 12), start = Self.u32(tail, end + 16)
        var directory = ZipDirectory()
        // ZIP64 archives keep their offsets elsewhere: their entries are then only read, not located.
        guard start != 0xFFFF_FFFF else { return directory }
        guard start + directorySize <= endOffset else {
            throw DamagedFile(file: path, offset: endOffset, reason: "zip: the central directory is damaged (it would run past the record that ends it)")
        }
        let entries = bytes(start..<(start + directorySize))
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= entries.count, Self.u32(entries, at) == 0x0201_4B50 else {
                throw DamagedFile(file: path, offset: start + at, reason: "zip: the central directory is damaged (no entry header where one should be)")
            }
            let nameLength = Self.u16(entries, at + 28), extraLength = Self.u16(entries, at + 30), commentLength = Self.u16(entries, at + 32)
            guard at + 46 + nameLength <= entries.count else {
                throw DamagedFile(file: path, offset: start + at, reason: "zip: the central directory is damaged (an entry runs past its end)")
            }
            let name = String(decoding: entries[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            directory.localHeaders[name] = Self.u32(entries, at + 42)
            at += 46 + nameLength + extraLength + commentLength
        }
        return directory
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }
}
