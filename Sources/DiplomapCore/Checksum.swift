import Crypto
import Foundation

/// SHA-256 of a source's bytes, in lower-case hex: names exactly which version of a source a map was made from.
public enum Checksum {
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
