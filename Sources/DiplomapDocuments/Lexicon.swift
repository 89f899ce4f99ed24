import DiplomapCore
import Foundation

/// The kinds of cue word the mapper reads from `Data/lexicon/cues/`, one file each.
public enum Cue: String, Sendable, CaseIterable {
    /// Dispute, tension, restriction: the relation is a conflict.
    case conflict
    /// A plain statement of influence or presence: neutral unless a conflict cue says more.
    case neutral
    /// "not", "never": a relation cue right after it is not annotated.
    case negation
    /// "may", "could": hedged tension stays conflict; kept to document and test the scope.
    case hedge
    /// "relations", "ties", "cooperation": political.dialogue when no other issue is named.
    case relational
    /// "in", "from", "across": a state right after it is a venue or a topic, not a side.
    case locative
    /// "made", "produced": a state right before it is an origin, not a side.
    case origin
    /// "between", "signed", "each other": the sides of one list act on each other.
    case mutual
    /// "this paper", "focuses on": the sentence speaks of the text, not of states.
    case meta
    /// "the two countries", "both sides": the document's main pair of sides.
    case anaphora
    /// "among themselves", "one another": a group related with itself.
    case reflexive
    /// "but", "although": polarity is decided clause by clause.
    case clause
    /// "state", "nation": after "Central Asian", one state, not the group.
    case singular
    /// "which", "who": after a comma, opens a relative clause.
    case relative
    /// "border", "frontier": names its issue only in a clause of conflict; a shared border as such is no relation.
    case geographic
    /// "mediate", "urged": the subject stands between the others; its side of their conflict is cooperation.
    case mediation
    /// "if", "when": at the start of a sentence, opens a subordinate clause that ends at a comma.
    case subordinate
}

/// The mapper's knowledge as data: phrases per issue, cue words, and extra actor names.
///
/// Kept in plain text files (one phrase a line, `#` for comments, `word*` for common
/// endings) so that people can read and extend it without touching code. The English files sit
/// in the folder itself, those of every other language in a subfolder named by its code (`ru/`)
/// with the same layout; one index holds them all, since words of different scripts never meet.
public struct Lexicon: Sendable {
    /// Phrases per issue; `nil` for a phrase that names no issue although a shorter part of it
    /// does ("civil war" is not `security.defense` between states).
    var issues = PhraseIndex<Issue?>()
    var cues = PhraseIndex<Cue>()
    /// Leaders, agencies, companies and name forms the registry lacks, as (phrase, actor code).
    var actors: [(phrase: String, code: String)] = []
    /// Names that contain a state's name but are not the state ("East China Sea", "Japan Times").
    var blockers = PhraseIndex<Bool>()

    /// Reads the lexicon folder: `issues/<issue code>.txt`, `not-issues.txt`, `cues/<cue>.txt`, `actors.tsv`,
    /// `not-actors.txt`, and the same files of each other language's subfolder (where one is missing, that language has no such phrases).
    public init(folder: URL) throws {
        try add(folder, optional: false)
        for language in Language.allCases where language != .english {
            let subfolder = folder.appendingPathComponent(language.rawValue, isDirectory: true)
            if FileManager.default.fileExists(atPath: subfolder.path) { try add(subfolder, optional: true) }
        }
    }

    /// Adds the phrases of one language's folder.
    private mutating func add(_ folder: URL, optional: Bool) throws {
        var errors: [InputError] = []
        func lines(_ name: String) throws -> [(String, Int)] {
            let url = folder.appendingPathComponent(name)
            if optional, !FileManager.default.fileExists(atPath: url.path) { return [] }
            return try Self.lines(url)
        }
        for issue in Issue.allCases {
            for (phrase, _) in try lines("issues/\(issue.code).txt") {
                issues.add(phrase, issue)
            }
        }
        for (phrase, _) in try lines("not-issues.txt") {
            issues.add(phrase, nil)
        }
        for cue in Cue.allCases {
            for (phrase, _) in try lines("cues/\(cue.rawValue).txt") {
                cues.add(phrase, cue)
            }
        }
        let actorsFile = folder.appendingPathComponent("actors.tsv")
        for (line, number) in try lines("actors.tsv") {
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                errors.append(InputError(file: actorsFile.path, line: number, message: "expected a name and an actor code separated by a tab"))
                continue
            }
            actors.append((fields[0], fields[1]))
        }
        for (phrase, _) in try lines("not-actors.txt") {
            blockers.add(phrase, true)
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
    }

    /// The non-empty, non-comment lines of a file, with their line numbers.
    private static func lines(_ url: URL) throws -> [(String, Int)] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw InputError(file: url.path, message: "cannot read the lexicon file: \(error.localizedDescription)")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : (trimmed, index + 1)
        }
    }
}
