import DiplomapCore

/// A state or region named in a sentence, with the words that name it.
struct Mention: Sendable, Equatable {
    /// ISO3 code, or a region's group code such as `C5`.
    var code: String
    /// Token range within the sentence.
    var range: Range<Int>
}

/// Every way a text names a state: names, short names, aliases, demonyms and capitals from the
/// registry, the names of regions (C5: "Central Asia", "Central Asian states"), and the
/// leaders, agencies and name forms of `Data/lexicon/actors.tsv`.
///
/// Organisations (SCO, OTS) are not states and never sides, so their names are left out.
struct Gazetteer: Sendable {
    private var names = PhraseIndex<String>()
    /// Lower-case phrases that stand for a region ("the region", "the zone"), matched in any case.
    private var references = PhraseIndex<String>()
    private var blockers: PhraseIndex<Bool>

    init(registry: CountryRegistry, lexicon: Lexicon) {
        blockers = lexicon.blockers
        for country in registry.countries where country.status != .historical {
            for name in [country.name, country.shortName] + country.aliases + country.demonyms + country.capitals {
                names.add(name, country.iso3, caseSensitive: true)
            }
        }
        for group in registry.groups where group.kind == .region {
            for name in [group.name] + group.aliases {
                names.add(name, group.code, caseSensitive: true)
            }
        }
        for actor in lexicon.actors {
            if actor.phrase.first?.isLowercase == true {
                references.add(actor.phrase, actor.code)
                // Russian writes adjectives and demonyms in lower case ("казахстанский"): at the start of a sentence they are capitalised.
                if actor.phrase.first?.isASCII == false { names.add(actor.phrase, actor.code, caseSensitive: true) }
            } else {
                names.add(actor.phrase, actor.code, caseSensitive: true)
            }
        }
    }

    /// The states and regions named in a sentence's tokens, left to right; a name must start with a capital,
    /// a lower-case reference ("the region") need not.
    func mentions(in tokens: [Token]) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].capitalised else {
                if let reference = references.longest(at: i, in: tokens) {
                    found.append(Mention(code: reference.value, range: reference.range))
                    i = reference.range.upperBound
                } else {
                    i += 1
                }
                continue
            }
            let blocked = blockers.longest(at: i, in: tokens)
            let match = names.longest(at: i, in: tokens) { entry, range in
                !entry.allCaps || tokens[range].allSatisfy(\.allCaps)
            }
            if let blocked, blocked.range.count >= (match?.range.count ?? 0) {
                i = blocked.range.upperBound
            } else if let match {
                found.append(Mention(code: match.value, range: match.range))
                i = match.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }
}
