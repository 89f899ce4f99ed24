import DiplomapCore
import DiplomapPostgres
import DiplomapStore
import Foundation
import Logging
import PostgresNIO

/// The stores every store and workspace test runs on: SQLite in memory always, PostgreSQL when `POSTGRES_HOSTNAME`
/// is set (CI sets it, with `POSTGRES_PORT`, `POSTGRES_USER`, `POSTGRES_PASSWORD` and `POSTGRES_DB`).
public enum StoreKind: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The kinds this run can test: PostgreSQL only when a server is given.
    public static var available: [StoreKind] {
        PostgresTestServer.configured == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// Runs `body` on a new, empty store of this kind (a database of its own on PostgreSQL), closed and dropped afterwards.
    public func withStore<T: Sendable>(_ body: (any EvidenceStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            return try await body(try SQLiteStore.inMemory(logger: quiet))
        case .postgres:
            return try await PostgresTestServer.withDatabase { url in
                let store = try await PostgresStore.open(try PostgresLocation(url: url), logger: quiet)
                do {
                    let value = try await body(store)
                    await store.close()
                    return value
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }

    /// The tests' logger: problems only.
    private var quiet: Logger {
        var logger = Logger(label: "diplomap.tests")
        logger.logLevel = .warning
        return logger
    }

    /// Runs one statement as written on a store of this kind: for tests of what the schema refuses.
    public static func execute(_ sql: String, on store: any EvidenceStore) async throws {
        if let store = store as? SQLiteStore { return try await store.execute(rawSQL: sql) }
        if let store = store as? PostgresStore { return try await store.execute(rawSQL: sql) }
        fatalError("not a store this helper knows")
    }
}

/// The PostgreSQL server of the test run, if one is given, and throw-away databases on it.
public enum PostgresTestServer {
    public struct Settings: Sendable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String

        /// The URL of another database on the same server.
        public func url(database: String) -> String {
            let credentials = password.map { "\(user):\($0)" } ?? user
            return "postgres://\(credentials)@\(host):\(port)/\(database)"
        }
    }

    /// The server from the environment, or `nil` when `POSTGRES_HOSTNAME` is not set.
    public static var configured: Settings? {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["POSTGRES_HOSTNAME"], !host.isEmpty else { return nil }
        return Settings(
            host: host, port: environment["POSTGRES_PORT"].flatMap(Int.init) ?? 5432, user: environment["POSTGRES_USER"] ?? "postgres",
            password: environment["POSTGRES_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }, database: environment["POSTGRES_DB"] ?? "postgres")
    }

    /// Creates a database of its own (with `options` of `CREATE DATABASE`, an encoding say), hands `body` its URL, and
    /// drops it afterwards.
    public static func withDatabase<T: Sendable>(options: String = "", _ body: (String) async throws -> T) async throws -> T {
        guard let settings = configured else { throw PostgresStoreError("POSTGRES_HOSTNAME is not set") }
        let name = "diplomap_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin(settings, "CREATE DATABASE \(name) \(options)")
        do {
            let value = try await body(settings.url(database: name))
            try await admin(settings, "DROP DATABASE \(name) WITH (FORCE)")
            return value
        } catch {
            try? await admin(settings, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    private static func admin(_ settings: Settings, _ sql: String) async throws {
        let configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.user, password: settings.password, database: settings.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "diplomap.tests"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "diplomap.tests"))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
