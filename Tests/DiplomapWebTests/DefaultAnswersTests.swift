import DiplomapCore
import DiplomapReport
import DiplomapWorkspace
import Foundation
import Testing

/// What an analyst reads from the default data: answers that can be quoted.
struct DefaultAnswersTests {
    @Test func kazakhstanAndIndiaAreNotInConflictOverNonProliferation() async throws {
        let built = try await SharedStore.defaultMap.value
        let cell = try #require(built.map.cell(focus: "KAZ", partner: "IND", issue: .nonproliferation))
        // UN votes alone: alignment against a baseline, counted as one stream, never "conflict".
        #expect(cell.basis == .votes)
        #expect(ScoreColor.sign(score: cell.score) != "−")
        #expect(ReportNames.reading(cell) != "conflict")
        let patterns = built.patterns.pattern(partner: "IND", issue: .nonproliferation)
        #expect(patterns?.direction != .conflict)
        #expect(!built.patterns.sentences(name: { $0 }).contains { $0.partner == "IND" && $0.text.contains("conflict over Non-proliferation") })
    }

    @Test func noCellOfOneUndatedPieceShowsFullIntensity() async throws {
        let map = try await SharedStore.defaultMap.value.map
        let lone = map.cells.filter { $0.counts.byPolarity.total == 1 && $0.timeline.isEmpty }
        #expect(!lone.isEmpty)
        for cell in lone {
            #expect(ScoreColor.intensity(cell) <= ScoreColor.unconfirmedCeiling, "\(cell.focus)-\(cell.partner) \(cell.issue.code)")
            #expect(ScoreColor.background(cell) != ScoreColor.background(score: cell.score))
        }
        // C5–Iran on borders rests on one undated sentence of a policy brief: pale, not a full dark orange.
        let borders = try #require(map.cell(focus: "C5", partner: "IRN", issue: .borders))
        #expect(borders.score < 0 && ScoreColor.background(borders) != ScoreColor.background(score: -1))
    }

    @Test func votesCountOncePerPeriodAndEconomicVotesAreNotDevelopment() async throws {
        let workspace = try await SharedStore.workspace.value
        let development = try await workspace.store.evidence(EvidenceQuery(issues: [.development], kinds: [.vote]))
        #expect(development.isEmpty)
        let map = try await SharedStore.defaultMap.value.map
        // A vote stream of 28 sessions weighs as one row: a cell of votes alone stays far from certain.
        for cell in map.cells where cell.basis == .votes { #expect(cell.confidence < 0.5) }
    }

    @Test func asOfDiffersFromUntil() async throws {
        let workspace = try await SharedStore.workspace.value
        let day = PartialDate("2010-01-01")!
        let asOf = try await workspace.map(MapRequest(window: TimeWindow(asOf: day)))
        let until = try await workspace.map(MapRequest(window: TimeWindow(until: day)))
        func total(_ built: BuiltMap) -> Int { built.map.cells.reduce(0) { $0 + $1.counts.byPolarity.total } }
        #expect(total(asOf) < total(until))
        // The vote session of 1994 is not in force in 2010; that of 2008 is within the three years before.
        let kazJapan = try #require(until.map.cell(focus: "KAZ", partner: "JPN", issue: .multilateral))
        #expect(kazJapan.timeline.contains { $0.year == 1994 })
        let kazJapanAsOf = try #require(asOf.map.cell(focus: "KAZ", partner: "JPN", issue: .multilateral))
        #expect(!kazJapanAsOf.timeline.contains { $0.year == 1994 } && kazJapanAsOf.timeline.contains { $0.year == 2008 })
    }

    @Test func theReportIsByteIdenticalAcrossTwoRuns() async throws {
        let workspace = try await SharedStore.workspace.value
        func render() async throws -> String {
            let built = try await workspace.map(MapRequest())
            return MapReport(map: built.map, patterns: built.patterns, registry: workspace.registry, boundaries: try Workspace.boundaries(),
                             sources: try await workspace.store.sources(), period: built.request.window.description, generated: "2026-12-06").render()
        }
        let first = try await render(), second = try await render()
        #expect(first == second)
        #expect(first.contains("<svg class=\"network\""))
    }

    @Test func theDefaultMapsLabelsNeverOverlap() async throws {
        let workspace = try await SharedStore.workspace.value
        let built = try await SharedStore.defaultMap.value
        let labels = GeoMap(map: built.map, registry: workspace.registry, boundaries: try Workspace.boundaries()).labels()
        #expect(labels.count >= 11)
        for (index, label) in labels.enumerated() {
            for other in labels[(index + 1)...] { #expect(!label.overlaps(other), "\(label.text) overlaps \(other.text)") }
        }
        #expect(labels.contains { $0.text == "C5" } && labels.contains { $0.text == "Kyrgyzstan" } && labels.contains { $0.text == "Uzbekistan" })
    }
}
