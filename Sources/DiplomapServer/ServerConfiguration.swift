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

    /// How long a connection may go without a whole request head or a response before it is closed: idle keep-alive
    /// connections, and slow clients that trickle a request's headers (slowloris), let go of their socket after it.
    public var idleTimeout: Duration

    /// The GDELT feed the server keeps the store up to date with, if any.
    public var following: FeedFollowing?

    /// How often the server checks whether another process has written to the store, to drop its cached maps.
    public var changeCheckInterval: Duration

    /// The default body limit: 1 MiB, ample for a document or a fact file.
    public static let defaultBodyLimit = 1 << 20

    /// The default idle timeout: long enough for a browser's keep-alive between clicks, short enough that a few thousand
    /// stalled connections do not hold the server's file descriptors for long.
    public static let defaultIdleTimeout = Duration.seconds(30)

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, bodyLimit: Int = ServerConfiguration.defaultBodyLimit,
        idleTimeout: Duration = ServerConfiguration.defaultIdleTimeout, changeCheckInterval: Duration = .seconds(1),
        following: FeedFollowing? = nil
    ) {
        self.following = following
        self.host = host
        self.port = port
        self.changeCheckInterval = changeCheckInterval
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.bodyLimit = bodyLimit
        self.idleTimeout = idleTimeout
    }
}
