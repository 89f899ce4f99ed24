import ArgumentParser
import DiplomapServer
import DiplomapWorkspace
import Foundation
#if canImport(SystemMalloc)
import SystemMalloc
#endif
import Hummingbird
import Logging

/// `diplomap serve`: the web app and the JSON API over the store, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the relation map as a web app and a JSON API over HTTP.",
        discussion: """
        Everything is under /api/v1: countries, groups, issues, the map and its patterns under \
        the same filters as `diplomap map` (focus, partners, issues, kinds, since, until, as-of \
        as query parameters), one pair's scores and its evidence page by page, exports, and UN \
        vote agreement. /api/v1/openapi.json describes every route, parameter and response.

        Reads are cached in memory per filter set and carry an ETag, so a client that sends \
        If-None-Match gets 304 while the data is unchanged. Several servers may share one \
        PostgreSQL database (--db postgres://…): each checks the store every second and drops its \
        cached maps when another has written. Writes (POST /api/v1/documents, \
        POST /api/v1/facts) need Authorization: Bearer <token>, the token given with --token or \
        $DIPLOMAP_TOKEN; without one, writing is disabled. Every request is logged to standard \
        error with its status and duration. Ctrl-C (SIGINT) or SIGTERM stops the server after \
        the requests in flight.

        With --follow-gdelt the server runs `diplomap events update` when it starts and every \
        --every after (the feed options are those of `events update`); each imported file drops \
        the cached maps, and GET /api/v1/status tells the newest file, the last success and the \
        last error.

        Examples:
          diplomap serve
          diplomap serve --port 9000 --db /tmp/store.sqlite
          diplomap serve --db postgres://diplomap:secret@db.example.org/diplomap?sslmode=require --pool 16
          DIPLOMAP_TOKEN=secret diplomap serve --host 0.0.0.0
          diplomap serve --follow-gdelt --every 15m --focus C5
          curl 'http://127.0.0.1:8080/api/v1/map?focus=C5&partners=CHN,RUS&since=2015'
          curl -H 'Authorization: Bearer secret' -H 'Content-Type: application/json' \\
               -d '{"id":"n1","title":"Note","address":"https://example.org/n1","text":"..."}' \\
               http://127.0.0.1:8080/api/v1/documents
        """
    )

    @Option(help: "The address to listen on; 0.0.0.0 for every interface.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("pool"), help: ArgumentHelp("On PostgreSQL: the most connections the server opens (default: the URL's pool, else 8).", valueName: "n"))
    var poolSize: Int?

    @Option(help: ArgumentHelp("The bearer token writes must carry (default: $DIPLOMAP_TOKEN); without one, writing is disabled.", valueName: "token"))
    var token: String?

    @Flag(name: .customLong("follow-gdelt"), help: "Keep the store up to date with the GDELT feed while serving.")
    var followGDELT = false

    @Option(help: ArgumentHelp("With --follow-gdelt: the time between updates, as 90s, 15m or 1h.", valueName: "interval"))
    var every = "15m"

    @Option(help: "With --follow-gdelt: keep events with at least one side here.")
    var focus = "C5"

    @OptionGroup(title: "Feed options (with --follow-gdelt)") var feed: FeedOptions

    @Option(name: .customLong("log-level"), help: "trace, debug, info (every request), notice, warning or error.")
    var logLevel: String = "info"

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp(
        "Seconds a connection may wait for a whole request head before it is closed: idle keep-alive connections and clients that send their headers slowly.",
        valueName: "seconds"))
    var idleTimeout: Int = Int(ServerConfiguration.defaultIdleTimeout.components.seconds)

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error") }
        if let poolSize, !(1...500).contains(poolSize) { throw ValidationError("--pool must be from 1 to 500") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be from 1 to 3600 seconds") }
        _ = try interval
    }

    /// `--every` as a duration: a number and s, m or h, at least a minute (GDELT 2.0 publishes every 15).
    var interval: Duration {
        get throws {
            let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
            guard let unit = every.last.flatMap({ units[$0] }), let count = Int64(every.dropLast()), count > 0, count * unit >= 60 else {
                throw ValidationError("--every \(every): give a time of at least a minute as 90s, 15m or 1h")
            }
            return .seconds(count * unit)
        }
    }

    func run() async throws {
        #if canImport(SystemMalloc)
        // glibc's malloc gives threads arenas of their own (up to eight per core) and keeps what is freed in each, so a
        // long-running server's memory grew with its threads' turns; two arenas keep it level (measured with Checks/soak.py),
        // at some cost in requests a second. An operator's own MALLOC_ARENA_MAX wins.
        if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil { _ = mallopt(M_ARENA_MAX, 2) }
        #endif
        LoggingSystem.bootstrap { LineLogHandler(label: $0) }
        var logger = Logger(label: "diplomap.server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let location = try StoreLocation(store.db ?? StoreLocation.defaultText, poolSize: poolSize)
        let workspace = try await Workspace.open(location, verbose: store.verbose)
        do {
            let following = followGDELT
                ? FeedFollowing(
                    fetcher: try feed.fetcher(), options: try EventFocus.scanOptions(focus, registry: workspace.registry), settings: "--focus \(focus)", every: try interval
                )
                : nil
            let configuration = ServerConfiguration(
                host: host, port: port, token: token ?? ProcessInfo.processInfo.environment["DIPLOMAP_TOKEN"], idleTimeout: .seconds(idleTimeout),
                following: following
            )
            let writing = (configuration.token == nil ? "writing disabled (no token)" : "writing with the bearer token")
                + (followGDELT ? ", following \(feed.dataset.rawValue) every \(every)" : "")
            let host = self.host
            let app = try await buildApplication(configuration, workspace: workspace, logger: logger, onServerRunning: { port in
                // The banner is for whoever watches; a server whose standard output is gone serves on.
                try? Output.print("diplomap serves \(location), \(writing)\nOpen http://\(host):\(port)/ for the web app; the JSON API is under /api/v1 (described at http://\(host):\(port)/api/v1/openapi.json)\n")
            })
            try await app.runService()
        } catch {
            await workspace.close()
            throw error
        }
        await workspace.close()
    }
}
