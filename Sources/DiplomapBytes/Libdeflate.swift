import Foundation

/// libdeflate, when the system has it: inflates a whole deflate or gzip stream held in memory two to three times as
/// fast as zlib, and sums CRC-32 with the processor's carry-less multiply.
///
/// It is loaded at run time from `libdeflate.so.0` (Debian's `libdeflate0`) rather than linked, so that building
/// diplomap needs no extra package and a system without it reads every file through zlib as before. It cannot inflate
/// in pieces, so it is used only where the whole text may sit in memory (see `Inflater.defaultWholeLimit`).
struct Libdeflate: @unchecked Sendable {
    /// libdeflate's `enum libdeflate_result`: only success is told apart, any other result sends the data to zlib.
    private static let success: Int32 = 0

    private typealias Allocate = @convention(c) () -> OpaquePointer?
    private typealias Free = @convention(c) (OpaquePointer?) -> Void
    /// `(decompressor, in, in_nbytes, out, out_nbytes_avail, actual_in_nbytes_ret, actual_out_nbytes_ret)`.
    private typealias Decompress = @convention(c) (
        OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int>?
    ) -> Int32
    private typealias CRC32 = @convention(c) (UInt32, UnsafeRawPointer?, Int) -> UInt32

    private let allocate: Allocate
    private let free: Free
    private let deflate: Decompress
    private let gzip: Decompress
    private let crc: CRC32

    /// The library, or `nil` when the system has none (or `DIPLOMAP_NO_LIBDEFLATE` is set, to measure zlib alone).
    static let shared: Libdeflate? = {
        guard ProcessInfo.processInfo.environment["DIPLOMAP_NO_LIBDEFLATE"] == nil,
            let handle = dlopen("libdeflate.so.0", RTLD_NOW | RTLD_LOCAL)
        else { return nil }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let allocate = symbol("libdeflate_alloc_decompressor", as: Allocate.self),
            let free = symbol("libdeflate_free_decompressor", as: Free.self),
            let deflate = symbol("libdeflate_deflate_decompress_ex", as: Decompress.self),
            let gzip = symbol("libdeflate_gzip_decompress_ex", as: Decompress.self),
            let crc = symbol("libdeflate_crc32", as: CRC32.self)
        else { return nil }
        return Libdeflate(allocate: allocate, free: free, deflate: deflate, gzip: gzip, crc: crc)
    }()

    /// What a whole stream inflated to.
    struct Inflated {
        /// Bytes of text written to the output.
        var count: Int
        /// Compressed bytes the stream took, up to its end.
        var consumed: Int
    }

    /// Inflates one raw deflate stream (`gzip: false`) or one gzip member, header and trailer checked, from `input`
    /// into `output`; `nil` for data libdeflate rejects or text that does not fit.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, gzip: Bool) -> Inflated? {
        guard let decompressor = allocate() else { return nil }
        defer { free(decompressor) }
        var consumed = 0
        var count = 0
        let result = (gzip ? self.gzip : deflate)(
            decompressor, input.baseAddress, input.count, output.baseAddress, output.count, &consumed, &count)
        return result == Self.success ? Inflated(count: count, consumed: consumed) : nil
    }

    /// The CRC-32 of `bytes`, as zlib and zip compute it.
    func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 { crc(0, bytes.baseAddress, bytes.count) }
}
