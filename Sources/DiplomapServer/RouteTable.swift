import Hummingbird

/// Adds the API's routes and remembers each path's methods, so that another method on a known path gets 405 with `Allow`.
final class RouteTable<Context: RequestContext> {
    private let group: RouterGroup<Context>
    private var methods: [(path: RouterPath, methods: [HTTPRequest.Method])] = []

    init(_ group: RouterGroup<Context>) {
        self.group = group
    }

    /// Adds a handler for `method` on `path` (relative to the group).
    func on(_ path: RouterPath, _ method: HTTPRequest.Method, use handler: @escaping @Sendable (Request, Context) async throws -> Response) {
        group.on(path, method: method, use: handler)
        if let index = methods.firstIndex(where: { $0.path.description == path.description }) {
            methods[index].methods.append(method)
        } else {
            methods.append((path, [method]))
        }
    }

    /// Answers every other common method on the known paths with 405 and the methods the path allows.
    func addMethodNotAllowed() {
        let common: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options, .trace] + [HTTPRequest.Method("QUERY")].compactMap { $0 }
        for (path, allowed) in methods {
            let all = allowed.contains(.get) && !allowed.contains(.head) ? allowed + [.head] : allowed
            let allow = all.map(\.rawValue).joined(separator: ", ")
            for method in common where !all.contains(method) {
                group.on(path, method: method) { request, _ -> Response in
                    throw APIError(status: .methodNotAllowed, message: "\(request.method) is not allowed here; use \(allow)", headers: [.allow: allow])
                }
            }
        }
    }
}
