import DiplomapServer
import Foundation
import Logging
import Testing

@Suite struct LineLogHandlerTests {
    /// What a logger with the handler writes for `body`, read back from a pipe.
    private func lines(_ body: (inout Logger) -> Void) throws -> [String] {
        let pipe = Pipe()
        var logger = Logger(label: "diplomap.test") { LineLogHandler(label: $0, fileDescriptor: pipe.fileHandleForWriting.fileDescriptor) }
        body(&logger)
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func oneLinePerEventWithSortedMetadata() throws {
        let written = try lines { logger in
            logger[metadataKey: "request"] = "r1"
            logger[metadataKey: "zone"] = "a"
            logger.info("GET /api/v1/map 200", metadata: ["zone": "b", "bytes": "12"])
            logger.debug("below the level")
            logger.warning("second")
        }
        #expect(written.count == 3 && written.last == "", "two lines, each ended by a newline: \(written)")
        let pattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (.*)$/
        let first = try #require(written[0].wholeMatch(of: pattern)).1
        #expect(first == "info diplomap.test: GET /api/v1/map 200 bytes=12 request=r1 zone=b")
        let second = try #require(written[1].wholeMatch(of: pattern)).1
        #expect(second == "warning diplomap.test: second request=r1 zone=a")
    }
}
