import Foundation

/// The checksum coreutils' `tool` (sha256sum, md5sum) gives of the file at `path`: a reference computed
/// outside diplomap, for the tests of the checksums it records.
public func coreutilsDigest(_ tool: String, _ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
    process.arguments = [path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    process.waitUntilExit()
    return String(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix { $0 != " " })
}
