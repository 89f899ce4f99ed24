import DiplomapServer
import DiplomapTestSupport
import DiplomapWorkspace
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// Real SQLite stores for the tests: one filled from the embedded data per run, copied for each test so that writes stay apart.
enum TestStore {
    private static let template: Task<URL, any Error> = Task {
        let path = TemporaryFolder.forTheRun("diplomap-server-tests").appendingPathComponent("template.sqlite")
        // Opened and let go, so that the pool closes and the file holds everything.
        _ = try await Workspace.open(path: path.path)
        return path
    }

    /// The path of a new copy of the filled store.
    static func fresh() async throws -> String {
        let template = try await template.value
        let copy = template.deletingLastPathComponent().appendingPathComponent("\(UUID().uuidString).sqlite")
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template.path + suffix) {
            try FileManager.default.copyItem(atPath: template.path + suffix, toPath: copy.path + suffix)
        }
        return copy.path
    }
}

/// Runs `test` against a server on a fresh store, through the router or over loopback.
func withServer<Value: Sendable>(
    token: String? = "secret", bodyLimit: Int = ServerConfiguration.defaultBodyLimit,
    idleTimeout: Duration = ServerConfiguration.defaultIdleTimeout, setup: TestingSetup = .router,
    _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
    var logger = Logger(label: "diplomap.server.tests")
    logger.logLevel = .warning
    let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, token: token, bodyLimit: bodyLimit, idleTimeout: idleTimeout)
    let workspace = try await Workspace.open(path: try await TestStore.fresh())
    let app = try await buildApplication(configuration, workspace: workspace, logger: logger)
    do {
        let value = try await app.test(setup, test)
        await workspace.close()
        return value
    } catch {
        await workspace.close()
        throw error
    }
}

/// A fixture file's bytes.
func fixture(_ name: String) throws -> ByteBuffer {
    ByteBuffer(bytes: try Data(contentsOf: try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))))
}

extension TestResponse {
    /// The body as a JSON object; an empty one, and a recorded failure, when it is not one.
    var object: [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] else {
            Testing.Issue.record("not a JSON object: \(text.prefix(200))")
            return [:]
        }
        return object
    }

    /// The body as a JSON array of objects; empty, and a recorded failure, when it is not one.
    var array: [[String: Any]] {
        guard let array = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [[String: Any]] else {
            Testing.Issue.record("not a JSON array of objects: \(text.prefix(200))")
            return []
        }
        return array
    }

    /// The message of an error body, or a description of what is wrong with the body (whose status must repeat the response's).
    var errorMessage: String {
        let object = object
        guard object["status"] as? Int == Int(status.code) else { return "status field \(String(describing: object["status"])) does not match \(status.code)" }
        return object["error"] as? String ?? "no error field"
    }

    var text: String { String(buffer: body) }
}
