import DiplomapCore
import Foundation
import DiplomapEvents
import Testing

/// Event aggregates become evidence with an issue, a polarity, a month and a citation that leads to the news.
struct EvidenceAggregateTests {
    @Test func theRealSampleBecomesCitedEvidence() async throws {
        let options = EventScanOptions(focus: Fixture.c5)
        let (aggregate, _) = try await EventReader.scan([Fixture.path("gdelt1_sample.tsv")], into: EvidenceAggregate(map: try Fixture.issueMap()), options: options)
        let evidence = aggregate.evidence(dataset: "GDELT", files: ["gdelt1_sample.tsv"]) { $0 }
        #expect(evidence.count == 5)
        let consult = try #require(evidence.first { $0.a == "AFG" && $0.b == "TKM" })
        #expect(consult.kind == .event)
        #expect(consult.issue == .dialogue)
        #expect(consult.polarity == .cooperation)
        #expect(consult.weight == 1 + log2(3.0))
        #expect(consult.period?.start == PartialDate(year: 2013, month: 5))
        #expect(consult.citation.address == "gdelt1_sample.tsv")
        #expect(consult.citation.summary?.contains("3 events of cooperation") == true)
        // GDELT 1.0 names the source instead of a URL when it has none, as in these rows.
        #expect(consult.citation.summary?.hasSuffix("Reports: BBC Monitoring") == true)
        let coerce = try #require(evidence.first { $0.a == "BLR" && $0.b == "KGZ" && $0.issue == .sovereignty })
        #expect(coerce.polarity == .conflict)
    }

    @Test func codesThatNameNoStateAreLeftOut() async throws {
        let options = EventScanOptions(focus: Fixture.c5)
        let (aggregate, _) = try await EventReader.scan([Fixture.path("gdelt1_sample.tsv")], into: EvidenceAggregate(map: try Fixture.issueMap()), options: options)
        let evidence = aggregate.evidence(dataset: "GDELT", files: ["x"]) { $0 == "AFG" ? nil : $0 }
        #expect(evidence.count == 3)
        #expect(!evidence.contains { $0.a == "AFG" || $0.b == "AFG" })
    }
}
