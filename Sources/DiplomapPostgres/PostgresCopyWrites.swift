import PostgresNIO

/// The writes of one `COPY`, made so that a lost connection fails the import instead of stopping or stalling the process.
///
/// postgres-nio 1.33 stops the process when data is written to a connection that has closed, so each write first checks
/// that it is open. And a write waiting for the server to read (the connection's buffer is full) is never answered if an
/// error arrives meanwhile: its state machine keeps the error for the next write and drops the waiting one. PostgreSQL
/// stops every backend when one of its processes panics, as its WAL writer does on a disk too full for the WAL, so the
/// import would wait forever on a connection already gone: each write therefore also ends when the connection closes.
struct PostgresCopyWrites {
    private let writer: PostgresCopyFromWriter
    private let connection: PostgresConnection
    /// What a write throws when the connection is gone.
    private let lost: PostgresStoreError
    /// Fails when the connection closes, succeeds when the copy ends: the writes waiting on it are then let go.
    private let copying: EventLoopPromise<Void>

    /// Runs `body` with the writes of one copy through `writer` on `connection` to the store at `location`.
    static func with(
        _ writer: PostgresCopyFromWriter, on connection: PostgresConnection, to location: PostgresLocation, _ body: (PostgresCopyWrites) async throws -> Void
    ) async throws {
        let lost = PostgresStoreError(
            "the connection to the store \(location) was lost during the import: nothing was imported; if the server stopped, its log says why")
        let copying = connection.eventLoop.makePromise(of: Void.self)
        connection.closeFuture.whenComplete { _ in copying.fail(lost) }
        defer { copying.succeed() }
        try await body(PostgresCopyWrites(writer: writer, connection: connection, lost: lost, copying: copying))
    }

    /// Sends `buffer`; throws when the connection closes first.
    func send(_ buffer: ByteBuffer) async throws {
        guard !connection.isClosed else { throw lost }
        let sent = connection.eventLoop.makePromise(of: Void.self)
        copying.futureResult.whenFailure { sent.fail($0) }
        Task { [writer] in
            do {
                try await writer.write(buffer)
                sent.succeed()
            } catch {
                sent.fail(error)
            }
        }
        try await sent.futureResult.get()
    }
}
