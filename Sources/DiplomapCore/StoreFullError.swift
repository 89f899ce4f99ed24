/// An import refused because the disk holding the store is full; its transaction rolled back, so nothing of it was
/// written. Both stores say it in this one line rather than with the statement that failed.
public struct StoreFullError: Error, Sendable, CustomStringConvertible {
    /// The store as the user named it: a SQLite file's path, or a PostgreSQL URL without its password.
    public let store: String

    public init(store: String) {
        self.store = store
    }

    public var description: String {
        "the disk holding the store \(store) is full: nothing was imported; free some space and import again"
    }
}
