import DiplomapCore
import DiplomapReport
import Foundation
import Testing

extension MapReportTests {
    /// A group side gets its own dashed lines on the map, from a point labelled with its code.
    @Test func groupRowsAreDrawnAsDashedLinesFromTheGroupsLabel() throws {
        let citation = Citation(title: "t", address: "https://example.org")
        let html = try report([
            Evidence(kind: .fact, a: "C5", b: "TUR", issue: .multilateral, polarity: .cooperation, citation: citation),
            Evidence(kind: .fact, a: "KAZ", b: "TUR", issue: .trade, polarity: .cooperation, citation: citation),
        ])
        let svg = try #require(html.components(separatedBy: "<svg class=\"geomap\"").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(svg.components(separatedBy: "class=\"dyad group\"").count == 2)
        #expect(svg.components(separatedBy: "class=\"dyad\"").count == 2)
        #expect(svg.contains("<a href=\"#dyad-C5-TUR\">") && svg.contains("stroke-dasharray=\"6 4\""))
        #expect(svg.contains("class=\"label group\">C5</text>"))
    }
}
