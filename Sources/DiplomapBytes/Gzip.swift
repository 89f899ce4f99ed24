import DiplomapCore
import SystemZlib

/// Whole gzip streams in memory: the vote files as they ship, the server's response bodies.
public enum Gzip {
    /// The decompressed bytes of `compressed`, through the one inflater; a corrupt or truncated stream is `DamagedFile`,
    /// naming the byte where zlib stopped.
    public static func decompress(_ compressed: [UInt8], file: String) throws(DamagedFile) -> [UInt8] {
        guard !compressed.isEmpty else { throw DamagedFile(file: file, offset: 0, reason: "the file is empty, not gzip data") }
        let inflater = try Inflater(gzip: compressed, file: file)
        var output: [UInt8] = []
        output.reserveCapacity(compressed.count * 10)
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        do {
            while true {
                let count = try chunk.withUnsafeMutableBufferPointer { try inflater.read(into: $0.baseAddress!, count: $0.count) }
                if count == 0 { return output }
                output.append(contentsOf: chunk[0..<count])
            }
        } catch let damage as DamagedFile {
            throw damage
        } catch {
            // Only reading a file fails otherwise, and these bytes are in memory.
            throw DamagedFile(file: file, offset: nil, reason: "\(error)")
        }
    }

    /// The gzip stream of `bytes`, or `nil` when zlib fails (a response body is then sent uncompressed).
    public static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // 16 + MAX_WBITS: write a gzip header and trailer; memory level 8 is zlib's default.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))))
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output[0..<Int(stream.total_out)])
    }
}
