import Foundation
import PostgresNIO

/// A PostgreSQL server and database as a `postgres://user:password@host:port/database?sslmode=…&pool=…` URL, read once.
///
/// The password is kept for connecting and never shown: `description` leaves it out.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    var password: String?
    public var database: String
    /// `disable` (the default), `prefer`, `require` (encrypted, certificate not checked) or `verify-full`.
    public var sslMode: String
    /// The most connections the store opens at once.
    public var poolSize: Int

    /// Whether a `--db` value names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a URL; the error says what is wrong without repeating the password.
    public init(url text: String, poolSize: Int? = nil) throws {
        guard Self.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw PostgresStoreError("not a PostgreSQL URL: give postgres://user:password@host:port/database")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.percentEncodedUser?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.percentEncodedPassword?.removingPercentEncoding
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        let items = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        sslMode = items["sslmode"] ?? "disable"
        guard ["disable", "prefer", "require", "verify-full"].contains(sslMode) else {
            throw PostgresStoreError("sslmode=\(sslMode) is not known: give disable, prefer, require or verify-full")
        }
        let pool = poolSize ?? items["pool"].map { Int($0) ?? 0 } ?? 8
        guard (1...500).contains(pool) else { throw PostgresStoreError("the pool size must be between 1 and 500") }
        self.poolSize = pool
        for name in items.keys where !["sslmode", "pool"].contains(name) {
            throw PostgresStoreError("the URL parameter \(name) is not known: give sslmode or pool")
        }
    }

    /// The URL without its password, to show and to log.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// Asked of the server at every connection: text in UTF-8 whatever the database's own encoding, as the rows are
    /// written and read back (`PostgresRows`).
    private static let startupParameters = [("client_encoding", "UTF8")]

    /// The TLS that `sslmode` asks for, and whether a server without it is refused; nil when TLS is off.
    private var requestedTLS: (configuration: TLSConfiguration, required: Bool)? {
        switch sslMode {
        case "prefer", "require":
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return (configuration, sslMode == "require")
        case "verify-full":
            return (.makeClientConfiguration(), true)
        default:
            return nil
        }
    }

    /// The pool's configuration: the address, the credentials, TLS as `sslmode` asks and the pool's size.
    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = requestedTLS.map { $0.required ? .require($0.configuration) : .prefer($0.configuration) } ?? .disable
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = poolSize
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = Self.startupParameters
        return configuration
    }

    /// The same for a single connection, which takes a TLS context rather than its configuration.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = try requestedTLS.map { tls in
            let context = try NIOSSLContext(configuration: tls.configuration)
            return tls.required ? .require(context) : .prefer(context)
        } ?? .disable
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = Self.startupParameters
        return configuration
    }
}

/// A PostgreSQL store problem, said in one line for a person: never a password, never a stack of NIO errors.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    /// The one line that says why `error` happened talking to the server at `location`.
    static func describing(_ error: any Error, at location: PostgresLocation) -> any Error {
        guard let error = cause(of: error) as? PSQLError else { return cause(of: error) }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (\($0))" } ?? ""
            return PostgresStoreError("PostgreSQL at \(location.host):\(location.port) said: \(message)\(state)")
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .poolClosed, .uncleanShutdown:
            return PostgresStoreError("cannot reach PostgreSQL at \(location.host):\(location.port): is the server running and the address right?")
        case .sslUnsupported:
            return PostgresStoreError("PostgreSQL at \(location.host):\(location.port) does not offer TLS, which sslmode=\(location.sslMode) requires")
        case .authMechanismRequiresPassword:
            return PostgresStoreError("PostgreSQL at \(location.host):\(location.port) asks for a password: give it in the URL")
        default:
            return PostgresStoreError("PostgreSQL at \(location.host):\(location.port) failed: \(error.code)")
        }
    }

    /// The SQLSTATE the server gave for `error`, if it gave one.
    static func sqlState(of error: any Error) -> String? {
        (cause(of: error) as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The error a failed transaction failed with: its closure's, or else that of its BEGIN, COMMIT or ROLLBACK.
    private static func cause(of error: any Error) -> any Error {
        guard let transaction = error as? PostgresTransactionError,
              let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError ?? transaction.rollbackError
        else { return error }
        return cause(of: inner)
    }
}
