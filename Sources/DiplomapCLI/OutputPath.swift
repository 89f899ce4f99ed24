import Foundation

/// Where an `--out` option sends its bytes, told apart before anything is written.
///
/// A report or export replaces its file atomically, so that no reader ever sees half of it (unless only the file
/// itself may be written: see `replace`); but what is not a file of its own must be written as it stands: standard
/// output or error under any name (replacing the file the shell redirected it to would lose what the shell wrote
/// before it, and `>>`), a device, a pipe, anything under `/dev` or `/proc`. A symbolic link is followed to the file
/// it names, which is replaced while the link stays.
enum OutputPath {
    /// File descriptor 1 or 2, written at its current offset (and in append mode when the shell opened it so).
    case descriptor(Int32)
    /// A device, a pipe or a special file, opened and written in place.
    case inPlace(String)
    /// A file (there or not yet), replaced atomically where it can be.
    case file(String)

    /// Resolves `path` as the system would; a chain of links that never ends is an error, the system's own `ELOOP`.
    init(_ path: String) throws {
        if path == "-" {
            self = .descriptor(1)
            return
        }
        var path = path
        // As many links as the system follows itself, 40.
        for _ in 0...40 {
            path = Self.physical(path)
            if let descriptor = Self.standardDescriptor(path) {
                self = .descriptor(descriptor)
                return
            }
            if Self.isSpecial(path) {
                self = .inPlace(path)
                return
            }
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
                self = .file(path)
                return
            }
            path = target.hasPrefix("/") ? target : (path as NSString).deletingLastPathComponent + "/" + target
        }
        throw POSIXError(.ELOOP)
    }

    /// `path` with its folder as the system finds it, through links and `..` (a link's `..` is the parent of where it
    /// leads, not of the link), when the folder is there.
    private static func physical(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard let resolved = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(resolved) }
        let folderPath = String(cString: resolved)
        return folderPath + (folderPath == "/" ? "" : "/") + (path as NSString).lastPathComponent
    }

    /// 1 or 2 when `path` is standard output or error, by whatever name (`/dev/stdout`, `/proc/self/fd/1`, the file
    /// the shell redirected it to).
    private static func standardDescriptor(_ path: String) -> Int32? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        for descriptor: Int32 in [1, 2] {
            var standard = stat()
            if fstat(descriptor, &standard) == 0, standard.st_dev == status.st_dev, standard.st_ino == status.st_ino { return descriptor }
        }
        return nil
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
            // Never created: a mistyped device name is an error, not a new file under /dev.
            try Self.overwrite(path, with: bytes)
        case .file(let path):
            var status = stat()
            let exists = stat(path, &status) == 0
            if exists, status.st_mode & S_IFMT == S_IFDIR { throw POSIXError(.EISDIR) }
            let folder = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
                throw OutputError.noFolder(folder)
            }
            try Self.replace(path, in: folder, with: bytes, mode: exists ? status.st_mode & 0o7777 : nil)
        }
    }

    /// Writes `bytes` into a new file beside `path`, flushed to the disk, and renames it over `path`, so that a reader
    /// finds the old file or the new one, never half of one, even after a power cut. The new file keeps the permissions
    /// of the one it replaces (a report made private stays private; a filesystem that refuses them gets a new file's)
    /// or gets a new file's. Where the file cannot be replaced (a folder the user may not write, a sticky folder, a file
    /// that is a mount point of its own, as a container's bound output is) but may be written, it is written in place,
    /// as the shell's `>` would.
    private static func replace(_ path: String, in folder: String, with bytes: Data, mode: mode_t?) throws {
        /// Writes in place where the failure `code` is one of not being allowed to replace the file, or else throws it.
        func overwriteOrThrow(_ code: Int32) throws {
            guard mode != nil, [EACCES, EPERM, EROFS, EBUSY].contains(code), access(path, W_OK) == 0 else { throw systemError(code) }
            try overwrite(path, with: bytes)
        }
        // A short name of its own, whatever the length of the file's.
        let temporary = (folder.isEmpty ? "." : folder) + "/.diplomap-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return try overwriteOrThrow(errno) }
        do {
            if let mode { _ = fchmod(descriptor, mode & 0o777) }
            try write(bytes, closing: descriptor, flushed: true)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            return try overwriteOrThrow(code)
        }
    }

    /// Writes `bytes` over what `path` holds, which must be there.
    private static func overwrite(_ path: String, with bytes: Data) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemError(errno) }
        try write(bytes, closing: descriptor, flushed: false)
    }

    /// Writes `bytes` to `descriptor`, flushed to the disk if asked, and closes it whatever happens; a failed close
    /// (where some filesystems first report a full disk) is an error too.
    private static func write(_ bytes: Data, closing descriptor: Int32, flushed: Bool) throws {
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            try file.write(contentsOf: bytes)
            if flushed { try file.synchronize() }
            try file.close()
        } catch {
            try? file.close()
            throw error
        }
    }

    private static func systemError(_ code: Int32) -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
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
        case .noFolder(let folder): "\(folder) is not a folder"
        }
    }
}
