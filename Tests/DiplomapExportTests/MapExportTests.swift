import DiplomapCore
import DiplomapExport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

struct MapExportTests {
    func export() throws -> MapExport {
        let citation = Citation(title: "t", address: "https://example.org")
        let registry = try CountryRegistry(
            countries: [
                Country(iso3: "KAZ", name: "Republic of Kazakhstan", shortName: "Kazakhstan"),
                Country(iso3: "UZB", name: "Republic of Uzbekistan", shortName: "Uzbekistan"),
                Country(iso3: "TUR", name: "Republic of Türkiye", shortName: "Turkey"),
            ],
            groups: [Group(code: "C5", name: "Central Asian states", kind: .region, members: ["KAZ", "UZB"], citation: citation)]
        )
        func item(_ a: String, _ issue: Issue, _ polarity: Polarity, _ year: String) -> Evidence {
            Evidence(kind: .fact, a: a, b: "TUR", issue: issue, polarity: polarity, period: Period(start: PartialDate(year)!), citation: citation)
        }
        let map = RelationMap(
            evidence: [item("C5", .multilateral, .cooperation, "2009"), item("KAZ", .trade, .cooperation, "2019"), item("KAZ", .borders, .conflict, "2020"),
                       item("UZB", .culture, .cooperation, "1992")],
            focus: ["C5", "KAZ", "UZB"], partners: ["TUR"]
        )
        let outlines = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"iso3": "KAZ"}, "geometry": {"type": "Polygon", "coordinates": [[[50, 40], [80, 40], [80, 55], [50, 55], [50, 40]]]}},
              {"type": "Feature", "properties": {"iso3": "TUR"}, "geometry": {"type": "Polygon", "coordinates": [[[26, 36], [44, 36], [44, 42], [26, 42], [26, 36]]]}}
            ]}
            """
        return MapExport(map: map, patterns: Patterns(map: map, group: "C5", states: ["KAZ", "UZB"]), registry: registry,
                         boundaries: try WorldBoundaries(geoJSON: Data(outlines.utf8), file: "outlines.geojson"))
    }

    @Test func csvHasOneRowPerCellAndRoundTrips() throws {
        let export = try export()
        let rows = export.csv().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == MapExport.csvHeader)
        #expect(rows.count == 1 + export.map.cells.count)
        for (row, cell) in zip(rows.dropFirst(), export.map.cells) {
            #expect(row[0] == cell.focus && row[1] == cell.partner && row[2] == cell.issue.code)
            #expect(abs(Double(row[3])! - cell.score) < 0.0005 && row[5] == cell.basis.rawValue)
        }
        #expect(rows.contains(["KAZ", "TUR", "territory.borders", "-1.000", "0.207", "curated", "1", "0", "1", "0", "1", "0", "0", "0", "2020", "2020", "false"]))
    }

    @Test func cellsOfUNVotesAloneAreMarkedInTheExports() throws {
        var export = try export()
        let votes = Evidence(kind: .vote, a: "KAZ", b: "TUR", issue: .nonproliferation, polarity: .neutral, weight: 0.3,
                             period: Period(start: PartialDate(year: 2019)!, end: PartialDate(year: 2019)!), citation: Citation(title: "votes", address: "a"))
        export.map = RelationMap(evidence: [votes], focus: export.map.focus, partners: export.map.partners)
        let csv = export.csv()
        #expect(csv.contains("KAZ,TUR,security.nonproliferation,0.000,") && csv.hasSuffix(",2019,2019,true\n"))
        #expect(try export.render(.graphml).contains("<data key=\"votes_only\">security.nonproliferation</data>"))
        #expect(try export.render(.gexf).contains("<attvalue for=\"votes_only\" value=\"security.nonproliferation\"/>"))
    }

    @Test(arguments: [MapExport.Format.graphml, .gexf])
    func graphFormatsAreWellFormedXMLWithEveryNodeAndEdge(format: MapExport.Format) throws {
        let text = try export().render(format)
        let parser = XMLParser(data: Data(text.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.names.filter { $0 == "node" }.count == 4)
        #expect(collector.names.filter { $0 == "edge" }.count == 3)
        if format == .gexf {
            #expect(text.contains("version=\"1.3\"") && text.contains("<spell start=\"2019\" end=\"2019\"/><spell start=\"2020\" end=\"2020\"/>"))
        } else {
            #expect(text.contains("attr.name=\"score territory.borders\""))
        }
    }

    @Test func geoJSONHasPolygonsForStatesAndLinesForDyads() throws {
        let text = try export().render(.geojson)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        let types = features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }
        // KAZ and TUR have outlines, UZB has none: KAZ–TUR has both ends, and C5–TUR starts at the mean of the members
        // with an anchor (KAZ only); UZB–TUR has no line.
        #expect(types == ["MultiPolygon", "MultiPolygon", "LineString", "LineString"])
        let lines = features.filter { ($0["geometry"] as? [String: Any])?["type"] as? String == "LineString" }
        let properties = lines.compactMap { $0["properties"] as? [String: Any] }
        let kaz = try #require(properties.first { $0["focus"] as? String == "KAZ" })
        #expect(kaz["score territory.borders"] as? Double == -1 && kaz["focus_kind"] as? String == "state")
        let c5 = try #require(lines.first { ($0["properties"] as? [String: Any])?["focus"] as? String == "C5" })
        #expect((c5["properties"] as? [String: Any])?["focus_kind"] as? String == "group")
        #expect((c5["properties"] as? [String: Any])?["partner_kind"] as? String == "state")
        let start = try #require(((c5["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])?.first)
        let export = try export()
        let anchor = try #require(export.boundaries.anchor(side: "C5", registry: export.registry))
        #expect(start == [anchor.lon, anchor.lat] && start == [65, 47.5])
    }

    @Test func capitalsMoveTheLinesEndsAndGroupsTakeTheMeanOfTheirMembers() throws {
        var export = try export()
        let capitals = Capitals(["KAZ": .init(name: "Astana", lon: 71.43, lat: 51.18), "UZB": .init(name: "Tashkent", lon: 69.29, lat: 41.31)])
        export.boundaries = try WorldBoundaries(
            geoJSON: Data(#"{"type": "FeatureCollection", "features": []}"#.utf8), file: "none.geojson", capitals: capitals)
        // No outlines at all: TUR has neither capital nor centroid, so no line; the anchors are the capitals and their mean.
        #expect(export.boundaries.anchor("KAZ")! == (71.43, 51.18))
        let c5 = try #require(export.boundaries.anchor(side: "C5", registry: export.registry))
        #expect(abs(c5.lon - 70.36) < 1e-9 && abs(c5.lat - 46.245) < 1e-9)
        #expect(export.boundaries.anchor(side: "TUR", registry: export.registry) == nil)
    }

    @Test func jsonCarriesCellsDyadsAndPatterns() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try export().json().utf8)) as? [String: Any])
        #expect((object["cells"] as? [Any])?.count == 4 && (object["dyads"] as? [Any])?.count == 3)
        #expect((object["patterns"] as? [String: Any])?["group"] as? String == "C5")
    }
}

/// Collects element names while an XML document is parsed.
final class ElementCollector: NSObject, XMLParserDelegate {
    var names: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        names.append(name)
    }
}
