import Foundation

/// Where an `--out` option sends its bytes, told apart before anything is written.
///
/// A report or export replaces its file atomically, so that no reader ever sees half of it; but what is not a file
/// of its own must be written as it stands: standard output under any of its names (replacing the file the shell
/// redirected it to would lose what the shell wrote before), a device, a pipe, anything under `/dev` or `/proc`.
/// A symbolic link is followed to the file it names, which is replaced while the link stays.
enum OutputPath: Equatable {
    /// File descriptor 1 or 2, written at its current offset (and in append mode when the shell opened it so).
    case descriptor(Int32)
    /// A device, a pipe or a special file, opened and written in place.
    case inPlace(String)
    /// A file (there or not yet), replaced atomically.
    case file(String)

    private static let standardNames: [String: Int32] = [
        "-": 1, "/dev/stdout": 1, "/dev/fd/1": 1, "/proc/self/fd/1": 1, "/dev/stderr": 2, "/dev/fd/2": 2, "/proc/self/fd/2": 2,
    ]

    /// Resolves `path`; a chain of links that never ends is an error, as the system's own `ELOOP`.
    init(_ path: String) throws {
        if let descriptor = Self.standardNames[path] {
            self = .descriptor(descriptor)
            return
        }
        var url = URL(fileURLWithPath: path)
        // At most as many links as the system follows itself.
        for _ in 0..<40 {
            if Self.isSpecial(url.path) {
                self = .inPlace(url.path)
                return
            }
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else {
                self = .file(url.path)
                return
            }
            // A relative target is read from the link's folder as the system finds it, through any links on the way.
            url = target.hasPrefix("/")
                ? URL(fileURLWithPath: target)
                : URL(fileURLWithPath: target, relativeTo: url.deletingLastPathComponent().resolvingSymlinksInPath()).absoluteURL
        }
        throw POSIXError(.ELOOP)
    }

    /// Under `/dev` or `/proc`, or there and neither a file nor a folder.
    private static func isSpecial(_ path: String) -> Bool {
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return true }
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Writes `bytes` here; an error says what went wrong in the system's words.
    func write(_ bytes: Data) throws {
        switch self {
        case .descriptor(let descriptor):
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: bytes)
        case .inPlace(let path):
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: bytes)
        case .file(let path):
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { throw POSIXError(.EISDIR) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) { throw OutputError.noFolder(folder) }
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// How a summary names it.
    var name: String? {
        switch self {
        case .descriptor(1): "standard output"
        case .descriptor: "standard error"
        case .inPlace, .file: nil
        }
    }
}

/// A problem of the output's path that the system's own error would not name.
enum OutputError: Error, CustomStringConvertible {
    case noFolder(String)

    var description: String {
        switch self {
        case .noFolder(let folder): "there is no folder \(folder)"
        }
    }
}
