import DiplomapCore
import DiplomapTestSupport
import DiplomapWeb
import DiplomapWorkspace
import Foundation
import Logging

/// One store filled from the embedded data, made once for all the tests of the target (filling it takes a while).
enum SharedStore {
    static let workspace = Task<Workspace, Error> {
        let path = TemporaryFolder.forTheRun("diplomap-web-tests").appendingPathComponent("store.sqlite").path
        return try await Workspace.open(path: path)
    }

    static let site = Task<WebSite, Error> {
        let opened = try await workspace.value, logger = Logger(label: "diplomap.web.tests")
        return WebSite(workspace: opened, boundaries: try Workspace.boundaries(), logger: logger)
    }

    /// The default map: the C5 and its members with India, Japan, Iran, Turkey and South Korea.
    static let defaultMap = Task<BuiltMap, Error> { try await workspace.value.map(MapRequest()) }
}

/// Every value of `attribute` in `html`, entities left as written.
func attributeValues(_ attribute: String, in html: String) -> [String] {
    html.components(separatedBy: "\(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
}
