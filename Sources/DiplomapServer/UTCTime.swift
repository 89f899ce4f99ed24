import Foundation

/// Formats a time in UTC with `strftime`: cheap enough for a log line or a header on every request.
enum UTCTime {
    /// `seconds` since 1970 in `pattern` (strftime's, in the C locale).
    static func format(_ seconds: time_t, _ pattern: String) -> String {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
