import Foundation

/// A folder of its own for one test's files, removed with everything in it when the last reference goes.
///
/// A suite holding one is made afresh for each test and let go after it, so the folder lives exactly as long as the
/// test: a run leaves nothing behind in the temporary directory, where stores of every test would otherwise pile up.
public final class TemporaryFolder: Sendable {
    public let url: URL

    /// A new, empty folder named `prefix` and a UUID in the temporary directory.
    public init(_ prefix: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` in the folder.
    public func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

extension TemporaryFolder {
    /// A folder for what every test of a run shares (a store filled once from the embedded data), removed when the test
    /// process exits: a test suite's statics are never let go, so their files would otherwise outlive the run.
    public static func forTheRun(_ prefix: String) -> URL {
        let folder = TemporaryFolder(prefix)
        RunFolders.keep(folder)
        return folder.url
    }
}

/// The folders kept until the test process exits, then let go (and so removed) by an `atexit` handler.
private enum RunFolders {
    private static let kept = Mutex()

    static func keep(_ folder: TemporaryFolder) {
        kept.withLock { folders in
            if folders.isEmpty { atexit { RunFolders.kept.withLock { $0.removeAll() } } }
            folders.append(folder)
        }
    }

    /// The list behind a lock: statics are shared by every test, which run at once.
    private final class Mutex: @unchecked Sendable {
        private let lock = NSLock()
        private var folders: [TemporaryFolder] = []

        func withLock<T>(_ body: (inout [TemporaryFolder]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&folders)
        }
    }
}
