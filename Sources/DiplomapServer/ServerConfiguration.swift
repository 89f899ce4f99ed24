/// How the server is run: where it listens, which store it serves, and who may write.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 keeps the server to this machine.
    public var host: String
    /// The port to listen on; 0 lets the system choose one (tests).
    public var port: Int
    /// The SQLite store the server reads and writes.
    public var storePath: String
    /// The bearer token writes must carry; `nil` disables writing.
    public var token: String?
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var bodyLimit: Int

    /// The default body limit: 1 MiB, ample for a document or a fact file.
    public static let defaultBodyLimit = 1 << 20

    public init(host: String = "127.0.0.1", port: Int = 8080, storePath: String, token: String? = nil, bodyLimit: Int = ServerConfiguration.defaultBodyLimit) {
        self.host = host
        self.port = port
        self.storePath = storePath
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.bodyLimit = bodyLimit
    }
}
