import DiplomapCore

/// What the mapper reads in one sentence before it knows the rest of the document.
struct SentenceReading: Sendable {
    /// Byte range of the sentence in the text.
    var range: Range<Int>
    /// The sentence's words.
    var tokens: [Token] = []
    /// The word ranges that name a state or region, whatever its role: the model reads the words around them, not the names.
    var names: [Range<Int>] = []
    /// The cue words found, with the index of their first word.
    var cues: [(cue: Cue, position: Int)] = []
    /// States and regions that act in the sentence, in order of mention.
    var sides: [String] = []
    /// States named as a venue or a topic ("in Tashkent"): sides only when the sentence names one other side.
    var venues: [String] = []
    /// Sides named in one coordinated list ("India, Japan and South Korea"): they act together,
    /// so they are paired with each other only when no other side is named.
    var lists: [[String]] = []
    /// Lists right after a mutual cue ("between Kyrgyzstan and Tajikistan"): their sides act on each other.
    var mutualLists: [[String]] = []
    /// Two sides joined in one compound ("Japan-China relations"), which "the two countries" then means.
    var compound: [String] = []
    /// All members of a group were named one by one (and folded into the group).
    var enumerated = false
    /// The sentence speaks of "the two countries" or "both sides".
    var anaphora = false
    /// The sentence speaks of a group among itself ("the Central Asian countries themselves").
    var reflexive = false
    /// The issues named, each with the polarity of its clause.
    var issues: [IssuePolarity] = []
    /// The clauses each side is named in ("but", ";", ", which" open a new one): sides that share
    /// no clause are not related.
    var clausesOf: [String: Set<Int>] = [:]
    /// The subject of each clause: its first side, with the sides of the same list or compound.
    /// Two sides of one clause are related only when one of them is its subject.
    var subjects: [Int: Set<String>] = [:]
    /// Where each side is named: (side, clause, word index), so that an issue goes to the object named nearest to it.
    var sideAt: [(side: String, clause: Int, position: Int)] = []
    /// Where each issue is named: (issue, clause, word index).
    var issueAt: [(issue: Issue, clause: Int, position: Int)] = []
    /// The clauses that name no side: their issues belong to every clause.
    var sidelessClauses: Set<Int> = []
    /// The clauses each issue is named in, so that a pair takes the issues of its own clause.
    var issueClauses: [Issue: Set<Int>] = [:]
    /// The sentence speaks of mediation: the subject of a clause is a mediator, not a party to its conflict.
    var mediation = false
    /// A cue of relation or polarity, so that a sentence without names can speak of the main pair.
    var relational = false
    /// A cue of a relation between the sides themselves ("relations", "agreed"), not only of a polarity.
    var mutual = false
}

/// An issue with a polarity, as one sentence states it.
struct IssuePolarity: Sendable, Hashable {
    var issue: Issue
    var polarity: Polarity
}
