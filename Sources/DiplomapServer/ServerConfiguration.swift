/// How the server is run: where it listens and who may write (the store is the workspace it is given).
public struct ServerConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 keeps the server to this machine.
    public var host: String
    /// The port to listen on; 0 lets the system choose one (tests).
    public var port: Int
    /// The bearer token writes must carry; `nil` disables writing.
    public var token: String?
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var bodyLimit: Int

    /// The GDELT feed the server keeps the store up to date with, if any.
    public var following: FeedFollowing?

    /// How often the server checks whether another process has written to the store, to drop its cached maps.
    public var changeCheckInterval: Duration

    /// The default body limit: 1 MiB, ample for a document or a fact file.
    public static let defaultBodyLimit = 1 << 20

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, bodyLimit: Int = ServerConfiguration.defaultBodyLimit,
        changeCheckInterval: Duration = .seconds(1), following: FeedFollowing? = nil
    ) {
        self.following = following
        self.host = host
        self.port = port
        self.changeCheckInterval = changeCheckInterval
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.bodyLimit = bodyLimit
    }
}
