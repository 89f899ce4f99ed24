import DiplomapCore
import DiplomapVotes
import Logging
import NIOConcurrencyHelpers

/// The embedded UN vote data, read once, in the task of the first to ask for it.
///
/// Reading takes seconds; a server asks as it starts, so that its pages' agreement charts and its API find the data
/// ready, and whoever asks during the read waits for it without blocking a thread. A command that never charts never
/// reads it.
public final class VoteDataLoader: Sendable {
    private let registry: CountryRegistry
    private let logger: Logger
    private let state = NIOLockedValueBox<State>(.unread)

    private enum State {
        case unread
        /// Read by the first to ask; the others wait here.
        case reading(waiting: [CheckedContinuation<VoteData?, Never>])
        case read(VoteData?)
    }

    public init(registry: CountryRegistry, logger: Logger) {
        self.registry = registry
        self.logger = logger
    }

    /// The data; `nil` when it could not be read (the error was logged once).
    public func data() async -> VoteData? {
        let first = state.withLockedValue { state in
            guard case .unread = state else { return false }
            state = .reading(waiting: [])
            return true
        }
        guard first else {
            return await withCheckedContinuation { continuation in
                state.withLockedValue { state in
                    switch state {
                    case .reading(let waiting): state = .reading(waiting: waiting + [continuation])
                    case .read(let data): continuation.resume(returning: data)
                    case .unread: preconditionFailure("the first to ask has marked the vote data as being read")
                    }
                }
            }
        }
        let data = read()
        let waiting = state.withLockedValue { state in
            guard case .reading(let waiting) = state else { preconditionFailure("only the first to ask reads the vote data") }
            state = .read(data)
            return waiting
        }
        for continuation in waiting { continuation.resume(returning: data) }
        return data
    }

    /// Whether the data has been read, or found unreadable: tests see that a server reads it before anyone asks.
    var isRead: Bool {
        state.withLockedValue { state in
            guard case .read = state else { return false }
            return true
        }
    }

    private func read() -> VoteData? {
        do {
            return try VoteImport.defaultData(registry: registry)
        } catch {
            logger.error("cannot read the UN vote data; agreement charts and measures are unavailable", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
