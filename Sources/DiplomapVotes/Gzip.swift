import SystemZlib
import DiplomapCore

/// Inflates gzip data with the system's zlib, so the vote files ship compressed (3 MB instead of 23 MB).
enum Gzip {
    /// The decompressed bytes of `compressed`; a corrupt or truncated stream is `DamagedFile`, naming the byte where zlib stopped.
    static func decompress(_ compressed: [UInt8], file: String) throws(DamagedFile) -> [UInt8] {
        guard !compressed.isEmpty else { throw DamagedFile(file: file, offset: 0, reason: "the file is empty, not gzip data") }
        var output: [UInt8] = []
        output.reserveCapacity(compressed.count * 10)
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DamagedFile(file: file, offset: 0, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var failure: DamagedFile?
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!)
            stream.avail_in = UInt32(input.count)
            while failure == nil {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                let offset = input.count - Int(stream.avail_in)
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // A gzip file may hold several members one after another.
                    if stream.avail_in == 0 { return }
                    inflateReset(&stream)
                case Z_BUF_ERROR where stream.avail_in == 0:
                    failure = DamagedFile(file: file, offset: offset, reason: "gzip: the file ends in the middle of the compressed data (truncated), after \(output.count) bytes of text")
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    failure = DamagedFile(file: file, offset: offset, reason: "gzip: corrupt data (\(reason))")
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
