import DiplomapCore
import Foundation

/// GraphML: states as nodes with their attributes, dyads as edges with their overall and per-issue scores.
struct GraphML {
    let export: MapExport

    func render() -> String {
        let boundaries = export.boundaries, registry = export.registry
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="role" for="node" attr.name="role" attr.type="string"/>
          <key id="lon" for="node" attr.name="longitude" attr.type="double"/>
          <key id="lat" for="node" attr.name="latitude" attr.type="double"/>
          <key id="score" for="edge" attr.name="score" attr.type="double"/>
          <key id="evidence" for="edge" attr.name="evidence" attr.type="int"/>
          <key id="issues" for="edge" attr.name="issues" attr.type="int"/>
          <key id="votes_only" for="edge" attr.name="votes_only" attr.type="string"/>

        """
        for (index, issue) in Issue.allCases.enumerated() {
            xml += "  <key id=\"i\(index)\" for=\"edge\" attr.name=\"score \(issue.code)\" attr.type=\"double\"/>\n"
        }
        xml += "  <graph id=\"map\" edgedefault=\"undirected\">\n"
        for node in export.nodes {
            xml += "    <node id=\"\(Markup.escape(node.code))\">"
            xml += "<data key=\"label\">\(Markup.escape(registry.displayName(node.code)))</data><data key=\"role\">\(node.role)</data>"
            if let anchor = boundaries.anchor(node.code) {
                xml += "<data key=\"lon\">\(String(format: "%.3f", anchor.lon))</data><data key=\"lat\">\(String(format: "%.3f", anchor.lat))</data>"
            }
            xml += "</node>\n"
        }
        let summaries = Dictionary(export.map.dyads.map { ("\($0.focus)|\($0.partner)", $0) }, uniquingKeysWith: { first, _ in first })
        for (number, dyad) in export.cellsByDyad.enumerated() {
            let summary = summaries["\(dyad.focus)|\(dyad.partner)"]!
            xml += "    <edge id=\"e\(number)\" source=\"\(Markup.escape(dyad.focus))\" target=\"\(Markup.escape(dyad.partner))\">"
            xml += "<data key=\"score\">\(String(format: "%.4f", summary.score))</data><data key=\"evidence\">\(summary.evidence)</data><data key=\"issues\">\(summary.issues)</data>"
            xml += "<data key=\"votes_only\">\(MapExport.votesOnly(dyad.cells))</data>"
            for cell in dyad.cells {
                xml += "<data key=\"i\(Issue.allCases.firstIndex(of: cell.issue)!)\">\(String(format: "%.4f", cell.score))</data>"
            }
            xml += "</edge>\n"
        }
        return xml + "  </graph>\n</graphml>\n"
    }
}
