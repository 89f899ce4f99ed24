/// Text files (documents, fact files) checked the way compressed files are: bytes that are not UTF-8 text, or hold a
/// zero byte, make the file damaged, named with the first byte at fault.
public enum TextBytes {
    /// The bytes as a string, or the damage at the first zero byte or the first byte that is not UTF-8.
    public static func decode(_ bytes: some Collection<UInt8>, file: String) throws(DamagedFile) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0 {
                    throw DamagedFile(file: file, offset: offset, reason: "a zero byte: binary data, not text")
                }
                offset += encoded.count
            case .error:
                throw DamagedFile(file: file, offset: offset, reason: "not UTF-8 text (convert it first, for example with iconv -t UTF-8)")
            case .emptyInput:
                break loop
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
