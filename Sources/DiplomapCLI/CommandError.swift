/// A failure to report to the user as one line, with a non-zero exit.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
