import DiplomapCore
import Foundation

/// The curated knowledge base on disk: the registry's tables and the fact files.
public enum KnowledgeBase {
    /// One fact file, read and validated.
    public struct FactFileContents: Sendable {
        /// The file's name relative to the folder it was found in, e.g. `japan.yaml`.
        public var name: String
        public var url: URL
        public var sha256: String
        public var entries: [LocatedFact]

        public init(name: String, url: URL, sha256: String, entries: [LocatedFact]) {
            self.name = name
            self.url = url
            self.sha256 = sha256
            self.entries = entries
        }

        /// The facts of the file, in file order.
        public var facts: [Fact] { entries.map(\.fact) }

        /// The evidence source this file becomes in the store, keyed by its name.
        public var source: EvidenceSource {
            EvidenceSource(id: "facts/\(name)", kind: .fact, name: name, sha256: sha256)
        }
    }

    /// Builds the registry from a country table and a groups file.
    public static func registry(countries: URL, groups: URL) throws -> CountryRegistry {
        let countryList = try CountryTable.parse(try readText(countries), file: countries.path)
        let groupList = try GroupFile.parse(try readText(groups), file: groups.path)
        return try CountryRegistry(countries: countryList, groups: groupList)
    }

    /// The name of the source policy file in a fact folder; it holds no facts, so folder listings leave it out.
    public static let sourcePolicyFileName = "sources.yaml"

    /// The `.yaml` files under each path (a file or a folder, searched recursively, without its
    /// `sources.yaml`), sorted by name.
    public static func factFiles(in paths: [URL]) throws -> [(name: String, url: URL)] {
        var found: [(name: String, url: URL)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
                throw InputError(file: path.path, message: "no such file or folder")
            }
            guard isFolder.boolValue else {
                found.append((path.lastPathComponent, path))
                continue
            }
            let root = path.standardizedFileURL.path
            let enumerator = FileManager.default.enumerator(at: path, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard ["yaml", "yml"].contains(url.pathExtension), url.lastPathComponent != sourcePolicyFileName else { continue }
                let full = url.standardizedFileURL.path
                found.append((String(full.dropFirst(root.count).drop { $0 == "/" }), url))
            }
        }
        return found.sorted { $0.name < $1.name }
    }

    /// The source policy for checking `paths`: the `sources.yaml` of the first folder among them that has one, else `fallback`.
    public static func sourcePolicy(for paths: [URL], fallback: URL) throws -> SourcePolicy {
        let folders = paths.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) && isFolder.boolValue
        }
        let file = folders.map { $0.appendingPathComponent(sourcePolicyFileName) }.first { FileManager.default.fileExists(atPath: $0.path) } ?? fallback
        return try sourcePolicy(file)
    }

    /// Reads a source policy file.
    public static func sourcePolicy(_ file: URL) throws -> SourcePolicy {
        try SourcePolicy.parse(try readText(file), file: file.path)
    }

    /// Reads and validates every fact file; a fact id used twice is an error in the later file.
    ///
    /// Returns the files that loaded cleanly and every problem found, so that
    /// one bad file does not hide the others' problems, and nothing of a bad
    /// file is loaded.
    public static func loadFacts(_ files: [(name: String, url: URL)], registry: CountryRegistry) -> (files: [FactFileContents], errors: [InputError]) {
        var loaded: [FactFileContents] = []
        var errors: [InputError] = []
        var seen: [String: String] = [:]
        for (name, url) in files {
            do {
                let contents = try factFile(try Data(contentsOf: url), name: name, url: url, registry: registry, definedIDs: seen)
                for entry in contents.entries { seen[entry.fact.id] = url.path }
                loaded.append(contents)
            } catch let problems as InputErrors {
                errors += problems.errors
            } catch {
                errors.append(InputError(file: url.path, message: "cannot read: \(error.localizedDescription)"))
            }
        }
        return (loaded, errors)
    }

    /// Reads and validates one fact file's bytes; an id used twice in it, or already in `definedIDs` (id → file), is an error.
    public static func factFile(
        _ data: Data, name: String, url: URL, registry: CountryRegistry, definedIDs: [String: String] = [:]
    ) throws(InputErrors) -> FactFileContents {
        let text: String
        do {
            text = try TextBytes.decode(data, file: url.path)
        } catch {
            // A fact file is checked as a whole, so its damage is listed with its other problems.
            throw InputErrors([InputError(file: url.path, message: "damaged" + (error.offset.map { " at byte \($0)" } ?? "") + ": \(error.reason)")])
        }
        let entries = try FactFile.parse(text, file: url.path, registry: registry)
        var defined = definedIDs
        let duplicates = entries.compactMap { entry in
            defined.updateValue(url.path, forKey: entry.fact.id).map {
                InputError(file: url.path, line: entry.line, field: "id", message: "fact \(entry.fact.id) is already defined in \($0)")
            }
        }
        guard duplicates.isEmpty else { throw InputErrors(duplicates) }
        return FactFileContents(name: name, url: url, sha256: Checksum.sha256(data), entries: entries)
    }

    /// The file as text; `DamagedFile` naming the first offending byte when it is binary or not UTF-8.
    private static func readText(_ url: URL) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(file: url.path, message: "cannot read: \(error.localizedDescription)")
        }
        return try TextBytes.decode(data, file: url.path)
    }
}
