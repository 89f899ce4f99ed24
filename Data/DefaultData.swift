import Foundation

/// The embedded default data: the folders of `Data/` shipped as resources of this target.
///
/// The command-line tool fills its default store from here, so that a fresh
/// clone works without network or set-up.
public enum DefaultData {
    /// `Data/countries/countries.csv`.
    public static var countriesFile: URL { folder("countries").appendingPathComponent("countries.csv") }

    /// `Data/groups/groups.yaml`.
    public static var groupsFile: URL { folder("groups").appendingPathComponent("groups.yaml") }

    /// `Data/geo/world_110m.geojson`: Natural Earth country outlines.
    public static var boundariesFile: URL { folder("geo").appendingPathComponent("world_110m.geojson") }

    /// `Data/geo/capitals.csv`: capitals' coordinates from Natural Earth populated places.
    public static var capitalsFile: URL { folder("geo").appendingPathComponent("capitals.csv") }

    /// `Data/facts`, the curated knowledge base.
    public static var factsFolder: URL { folder("facts") }

    /// `Data/lexicon`, the document mapper's phrases per issue and cue words.
    public static var lexiconFolder: URL { folder("lexicon") }

    /// `Data/model/relations.tsv`: the document mapper's weights, fitted to `Data/corpus` by `diplomap train`.
    public static var relationModelFile: URL { folder("model").appendingPathComponent("relations.tsv") }

    /// `Data/model/relations-<code>.tsv`: the weights for documents in another language (`ru`), fitted to its part of `Data/corpus`.
    public static func relationModelFile(language code: String) -> URL {
        folder("model").appendingPathComponent("relations-\(code).tsv")
    }

    /// `Data/unvotes`, the UN General Assembly roll-call votes 1946–2019 (votes, roll calls, issues, gzip CSV).
    public static var unvotesFolder: URL { folder("unvotes") }
    /// `Data/cameo`: CAMEO codes, quad classes and the mapping of events to issues.
    public static var cameoFolder: URL { folder("cameo") }
    /// `Data/plover`: PLOVER event types (POLECAT's) with their quad categories, and their mapping to issues.
    public static var ploverFolder: URL { folder("plover") }

    private static func folder(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent(name, isDirectory: true)
    }
}
