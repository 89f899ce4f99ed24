import DiplomapCore
import Foundation

/// GEXF 1.3 for Gephi: states as nodes, dyads as edges with per-issue scores, and, where the evidence
/// is dated, the years each edge has evidence in as spells, so that Gephi's timeline can play the map.
struct GEXF {
    let export: MapExport

    func render() -> String {
        let registry = export.registry
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
          <meta><creator>diplomap</creator><description>Relation map: dyads by issue, scores in [-1, 1]</description></meta>
          <graph mode="dynamic" defaultedgetype="undirected" timeformat="integer" timerepresentation="interval">
            <attributes class="node" mode="static">
              <attribute id="role" title="role" type="string"/>
            </attributes>
            <attributes class="edge" mode="static">
              <attribute id="score" title="score" type="double"/>
              <attribute id="evidence" title="evidence" type="integer"/>
              <attribute id="votes_only" title="votes_only" type="string"/>

        """
        for (index, issue) in Issue.allCases.enumerated() {
            xml += "      <attribute id=\"i\(index)\" title=\"score \(issue.code)\" type=\"double\"/>\n"
        }
        xml += "    </attributes>\n    <nodes>\n"
        for node in export.nodes {
            xml += "      <node id=\"\(Markup.escape(node.code))\" label=\"\(Markup.escape(registry.displayName(node.code)))\">"
            xml += "<attvalues><attvalue for=\"role\" value=\"\(node.role)\"/></attvalues>"
            if let anchor = export.boundaries.anchor(node.code) {
                xml += "<viz:position x=\"\(String(format: "%.3f", anchor.lon))\" y=\"\(String(format: "%.3f", anchor.lat))\" z=\"0.0\"/>"
            }
            xml += "</node>\n"
        }
        xml += "    </nodes>\n    <edges>\n"
        let summaries = Dictionary(export.map.dyads.map { ("\($0.focus)|\($0.partner)", $0) }, uniquingKeysWith: { first, _ in first })
        for (number, dyad) in export.cellsByDyad.enumerated() {
            let summary = summaries["\(dyad.focus)|\(dyad.partner)"]!
            let weight = String(format: "%.1f", Double(summary.evidence))
            xml += "      <edge id=\"e\(number)\" source=\"\(Markup.escape(dyad.focus))\" target=\"\(Markup.escape(dyad.partner))\" weight=\"\(weight)\">"
            xml += "<attvalues><attvalue for=\"score\" value=\"\(String(format: "%.4f", summary.score))\"/><attvalue for=\"evidence\" value=\"\(summary.evidence)\"/>"
            xml += "<attvalue for=\"votes_only\" value=\"\(MapExport.votesOnly(dyad.cells))\"/>"
            for cell in dyad.cells {
                xml += "<attvalue for=\"i\(Issue.allCases.firstIndex(of: cell.issue)!)\" value=\"\(String(format: "%.4f", cell.score))\"/>"
            }
            xml += "</attvalues>"
            let years = Set(dyad.cells.flatMap { $0.timeline.map(\.year) }).sorted()
            if !years.isEmpty {
                xml += "<spells>" + years.map { "<spell start=\"\($0)\" end=\"\($0)\"/>" }.joined() + "</spells>"
            }
            xml += "</edge>\n"
        }
        return xml + "    </edges>\n  </graph>\n</gexf>\n"
    }
}
