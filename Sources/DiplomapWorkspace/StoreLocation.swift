import DiplomapCore
import DiplomapPostgres
import DiplomapStore
import Foundation
import Logging

/// Which store to open: a SQLite file, or a PostgreSQL database given as a `postgres://` URL.
public enum StoreLocation: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Reads a `--db` value: a `postgres://` or `postgresql://` URL, else a SQLite path; `poolSize` overrides the URL's `pool`.
    public init(_ text: String, poolSize: Int? = nil) throws {
        if PostgresLocation.isURL(text) {
            self = .postgres(try PostgresLocation(url: text, poolSize: poolSize))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The store unless told: `$DIPLOMAP_DATABASE_URL`, else `$DIPLOMAP_DB`, else the default SQLite file.
    public static var defaultText: String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["DIPLOMAP_DATABASE_URL"], !url.isEmpty { return url }
        return Workspace.defaultStorePath
    }

    /// The store as people see it: a path, or a URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// Opens the store and brings its schema up to date; the error is one line for a person.
    public func open(logger: Logger) async throws -> any EvidenceStore {
        switch self {
        case .sqlite(let path):
            do {
                return try SQLiteStore(path: path, logger: logger)
            } catch {
                throw WorkspaceError("cannot open the store \(path): \(error)")
            }
        case .postgres(let location):
            do {
                return try await PostgresStore.open(location, logger: logger)
            } catch {
                throw WorkspaceError("cannot open the store \(location): \(error)")
            }
        }
    }
}
