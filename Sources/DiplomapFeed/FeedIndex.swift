import Foundation

/// The GDELT event feeds and the indexes they publish of their files.
///
/// GDELT 2.0 lists every file it has published in `gdeltv2/masterfilelist.txt` and the newest in
/// `gdeltv2/lastupdate.txt`, one file a line as `size MD5 address` (GDELT 2.0 Event Database, The GDELT Project,
/// https://blog.gdeltproject.org/gdelt-2-0-our-global-world-in-realtime/). GDELT 1.0 keeps its daily files in
/// `events/` with two indexes beside them: `md5sums` (`MD5  name`, as md5sum writes it) and `filesizes` (`size name`)
/// (GDELT 1.0 Event Database, The GDELT Project, http://data.gdeltproject.org/events/index.html). Only event files are
/// kept: `*.export.CSV.zip` from GDELT 2.0 (not its mentions or GKG files), and GDELT 1.0's `*.zip`.
public enum FeedDataset: String, Sendable, CaseIterable {
    case gdelt2
    case gdelt1

    /// Where the feed is published unless a mirror is given.
    public static let defaultBaseURL = URL(string: "http://data.gdeltproject.org/")!

    /// The index of every published file, relative to the base address.
    var masterPaths: [String] {
        switch self {
        case .gdelt2: ["gdeltv2/masterfilelist.txt"]
        case .gdelt1: ["events/md5sums", "events/filesizes"]
        }
    }

    /// The index of the newest file, when the feed publishes one.
    var lastUpdatePath: String? {
        switch self {
        case .gdelt2: "gdeltv2/lastupdate.txt"
        case .gdelt1: nil
        }
    }

    /// Where a file the index names lives: GDELT 2.0's addresses are absolute and moved onto `base` (their path kept),
    /// GDELT 1.0's are names in `events/`.
    func address(of listed: String, base: URL) -> URL? {
        switch self {
        case .gdelt2:
            guard let url = URL(string: listed), url.scheme != nil else { return nil }
            return URL(string: String(url.path.drop { $0 == "/" }), relativeTo: base)?.absoluteURL
        case .gdelt1:
            return URL(string: "events/" + listed, relativeTo: base)?.absoluteURL
        }
    }

    /// Whether a listed name is an event file of this feed.
    func isEventFile(_ name: String) -> Bool {
        switch self {
        case .gdelt2: name.hasSuffix(".export.CSV.zip")
        case .gdelt1: name.hasSuffix(".zip") && name.first?.isNumber == true
        }
    }
}

/// The event files an index lists, with the lines it could not read.
public struct FeedIndex: Sendable {
    /// The event files, oldest first.
    public var files: [FeedFile]
    /// Lines that could not be read, as `index:line: reason`; the rest of the index is still used.
    public var problems: [String]

    /// Reads GDELT 2.0's `size MD5 address` lines (`masterfilelist.txt`, `lastupdate.txt`), keeping event files.
    public static func gdelt2(_ text: String, index: String, base: URL) -> FeedIndex {
        var files: [FeedFile] = [], problems: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 3 else {
                problems.append("\(index):\(number + 1): expected size, MD5 and address, found \(fields.count) fields")
                continue
            }
            guard FeedDataset.gdelt2.isEventFile(String(fields[2])) else { continue }
            switch parse(size: fields[0], md5: fields[1], listed: String(fields[2]), dataset: .gdelt2, base: base) {
            case .success(let file): files.append(file)
            case .failure(let reason): problems.append("\(index):\(number + 1): \(reason.description)")
            }
        }
        return FeedIndex(files: files.sorted { $0.stamp < $1.stamp }, problems: problems)
    }

    /// Joins GDELT 1.0's `md5sums` and `filesizes` by name, keeping event files listed in both.
    public static func gdelt1(md5sums: String, filesizes: String, base: URL) -> FeedIndex {
        var problems: [String] = []
        func pairs(_ text: String, index: String) -> [String: Substring] {
            var result: [String: Substring] = [:]
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "*" })
                if fields.isEmpty { continue }
                guard fields.count == 2 else {
                    problems.append("\(index):\(number + 1): expected two fields, found \(fields.count)")
                    continue
                }
                result[String(fields[1])] = fields[0]
            }
            return result
        }
        let sums = pairs(md5sums, index: "md5sums")
        let sizes = pairs(filesizes, index: "filesizes")
        var files: [FeedFile] = []
        for (name, md5) in sums where FeedDataset.gdelt1.isEventFile(name) {
            guard let size = sizes[name] else {
                problems.append("filesizes: \(name) is in md5sums but has no size")
                continue
            }
            switch parse(size: size, md5: md5, listed: name, dataset: .gdelt1, base: base) {
            case .success(let file): files.append(file)
            case .failure(let reason): problems.append("md5sums: \(name): \(reason.description)")
            }
        }
        return FeedIndex(files: files.sorted { $0.stamp < $1.stamp }, problems: problems.sorted())
    }

    private static func parse(size: Substring, md5: Substring, listed: String, dataset: FeedDataset, base: URL) -> Result<FeedFile, FeedError> {
        guard let bytes = Int(size), bytes >= 0 else { return .failure(FeedError("size: \"\(size)\" is not a number of bytes")) }
        guard md5.count == 32, md5.allSatisfy(\.isHexDigit) else { return .failure(FeedError("MD5: \"\(md5)\" is not 32 hexadecimal digits")) }
        guard let url = dataset.address(of: listed, base: base) else { return .failure(FeedError("address: \"\(listed)\" is not a URL")) }
        return .success(FeedFile(size: bytes, md5: String(md5), url: url))
    }
}
