import Crypto
import Foundation

/// SHA-256 of a source's bytes, in lower-case hex: names exactly which version of a source a map was made from.
public enum Checksum {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// SHA-256 of several files read one after the other, in chunks, for sources too large to hold in memory.
    public static func sha256(contentsOf urls: [URL]) throws -> String {
        var hasher = SHA256()
        for url in urls {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
