import Foundation
import Synchronization

/// A folder of its own for one test's files, removed with everything in it when the last reference goes.
///
/// Held by a suite, which is made afresh for each test and let go after it, the folder lasts as long as the test (and
/// any copy of the suite the test keeps): a run leaves nothing behind in the temporary directory, where every test's
/// stores would otherwise pile up.
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
    /// process exits normally: a suite's statics are never let go, so their files would otherwise outlive the run. A
    /// process that crashes leaves it behind.
    public static func forTheRun(_ prefix: String) -> URL {
        let folder = TemporaryFolder(prefix)
        RunFolders.keep(folder)
        return folder.url
    }
}

/// The folders kept until the test process exits, then let go (and so removed) by an `atexit` handler.
private enum RunFolders {
    private static let kept = Mutex<[TemporaryFolder]>([])
    /// The handler, registered once, when the first folder is kept.
    private static let handler: Void = { atexit { RunFolders.kept.withLock { $0.removeAll() } } }()

    static func keep(_ folder: TemporaryFolder) {
        _ = handler
        kept.withLock { $0.append(folder) }
    }
}
