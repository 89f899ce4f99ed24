import Crypto
import Foundation

/// Checksums of a source's bytes, in lower-case hex. SHA-256 names exactly which version of a source a map was made
/// from; MD5 is what GDELT's file lists publish, so a listed file can be matched to the ledger before it is downloaded.
public enum Checksum {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// SHA-256 of several files read one after the other, in chunks, for sources too large to hold in memory.
    public static func sha256(contentsOf urls: [URL]) throws -> String {
        var hasher = SHA256()
        for url in urls { try read(url) { hasher.update(data: $0) } }
        return hex(hasher.finalize())
    }

    /// MD5 of a file, read in chunks.
    public static func md5(contentsOf url: URL) throws -> String {
        var hasher = Insecure.MD5()
        try read(url) { hasher.update(data: $0) }
        return hex(hasher.finalize())
    }

    /// SHA-256 and MD5 of a file from one read of it: what the import ledger records of each file.
    public static func sha256AndMD5(contentsOf url: URL) throws -> (sha256: String, md5: String) {
        var sha256 = SHA256(), md5 = Insecure.MD5()
        try read(url) { chunk in
            sha256.update(data: chunk)
            md5.update(data: chunk)
        }
        return (hex(sha256.finalize()), hex(md5.finalize()))
    }

    private static func read(_ url: URL, _ body: (Data) -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { body(chunk) }
    }

    private static func hex(_ digest: some Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
