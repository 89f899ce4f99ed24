import DiplomapBytes
import DiplomapCore
import Foundation
import Logging

/// Reads the three gzip CSV files of the unvotes data (votes, roll calls, issues) into `VoteData`.
///
/// States are resolved through the registry: by the `iso3` column, else the
/// ISO2 `country_code` (Namibia's `NA` is a code, never "missing"), else the
/// name. Every malformed row is reported with its file, line and field; if
/// any, loading fails with all of them, so that nothing half-read is used.
public enum VoteLoader {
    /// The file names inside a vote data folder.
    public static let votesFile = "votes.csv.gz", rollCallsFile = "roll_calls.csv.gz", issuesFile = "issues.csv.gz"

    /// At most this many row errors are listed; the rest are counted.
    static let errorLimit = 20

    /// Loads the folder's three files.
    public static func load(folder: URL, registry: CountryRegistry, logger: Logger) throws -> VoteData {
        func read(_ name: String) throws -> (name: String, bytes: [UInt8]) {
            let url = folder.appendingPathComponent(name)
            do {
                return (url.path, [UInt8](try Data(contentsOf: url)))
            } catch {
                throw InputError(file: url.path, message: "cannot read: \(error.localizedDescription)")
            }
        }
        let rollCalls = try read(rollCallsFile), issues = try read(issuesFile), votes = try read(votesFile)
        let data = try load(rollCalls: rollCalls, issues: issues, votes: votes, registry: registry)
        logger.info("loaded UN votes", metadata: ["roll_calls": "\(data.rollCalls.count)", "states": "\(data.states.count)", "sessions": "\(data.sessions.count)"])
        return data
    }

    /// The SHA-256 of the three files of a folder, in a fixed order: names the version of the data a result came from.
    public static func checksum(folder: URL) throws -> String {
        var bytes = Data()
        for name in [rollCallsFile, issuesFile, votesFile] {
            bytes.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return Checksum.sha256(bytes)
    }

    /// The largest roll-call id accepted (the data set's reach 9,000 or so): ids index an array of this many entries at most.
    public static let maxRcid = 10_000_000

    /// Parses the three files from their gzip bytes, each given with the name errors should carry.
    public static func load(
        rollCalls: (name: String, bytes: [UInt8]), issues: (name: String, bytes: [UInt8]), votes: (name: String, bytes: [UInt8]),
        registry: CountryRegistry
    ) throws -> VoteData {
        var errors = ErrorList()
        var calls: [RollCall] = []
        var callIndex: [Int: Int] = [:]
        try CSVScanner.scan(
            try Gzip.decompress(rollCalls.bytes, file: rollCalls.name), file: rollCalls.name,
            header: ["rcid", "session", "importantvote", "date", "unres", "amend", "para", "short", "descr"]
        ) { record in
            guard let rcid = record.int(0) else { return errors.add(rollCalls.name, record.line, "rcid", "not a number: \"\(record.string(0))\"") }
            // Ids index an array below: one of a trillion would ask for terabytes.
            guard rcid <= maxRcid else {
                return errors.add(rollCalls.name, record.line, "rcid", "roll call id \(rcid) is above the largest accepted, \(maxRcid)")
            }
            guard let session = record.int(1), session > 0 else {
                return errors.add(rollCalls.name, record.line, "session", "not a session number: \"\(record.string(1))\"")
            }
            var date: PartialDate?
            if !record.isEmpty(3) {
                date = PartialDate(record.string(3))
                if date == nil { return errors.add(rollCalls.name, record.line, "date", "not a date (YYYY-MM-DD): \"\(record.string(3))\"") }
            }
            // Looked up before it is set: the index of a duplicate, never appended, would point past the roll calls.
            guard callIndex[rcid] == nil else {
                return errors.add(rollCalls.name, record.line, "rcid", "roll call \(rcid) is listed twice")
            }
            callIndex[rcid] = calls.count
            calls.append(RollCall(rcid: rcid, session: session, date: date, resolution: record.string(4), title: record.string(7), issueBits: 0))
        }
        try CSVScanner.scan(try Gzip.decompress(issues.bytes, file: issues.name), file: issues.name, header: ["rcid", "short_name", "issue"]) { record in
            guard let rcid = record.int(0), let index = callIndex[rcid] else {
                return errors.add(issues.name, record.line, "rcid", "no roll call \"\(record.string(0))\" in \(rollCalls.name)")
            }
            guard let issue = UNIssue(rawValue: record.string(1)) else {
                return errors.add(issues.name, record.line, "short_name", "unknown issue code \"\(record.string(1))\"; the codes are me, nu, di, hr, co, ec")
            }
            calls[index].issueBits |= issue.bit
        }
        // Roll-call ids are small numbers: an array indexed by id is faster than a dictionary on 869,937 rows.
        var byRcid = [Int32](repeating: -1, count: (callIndex.keys.max() ?? 0) + 1)
        for (rcid, index) in callIndex { byRcid[rcid] = Int32(index) }
        var stateSlots: [String: Int] = [:]
        var codes: [String] = []
        var choices: [[VoteChoice]] = []
        var resolved: [String: String] = [:]
        var fastSlots = [Int32](repeating: -1, count: 1 << 15)
        try CSVScanner.scan(try Gzip.decompress(votes.bytes, file: votes.name), file: votes.name, header: ["rcid", "country", "country_code", "iso3", "vote"]) { record in
            guard let rcid = record.int(0), rcid < byRcid.count, byRcid[rcid] >= 0 else {
                return errors.add(votes.name, record.line, "rcid", "no roll call \"\(record.string(0))\" in \(rollCalls.name)")
            }
            let call = Int(byRcid[rcid])
            let choice: VoteChoice
            if record.equals(4, "yes") { choice = .yes }
            else if record.equals(4, "no") { choice = .no }
            else if record.equals(4, "abstain") { choice = .abstain }
            else { return errors.add(votes.name, record.line, "vote", "expected yes, no or abstain, found \"\(record.string(4))\"") }
            // Most rows give a three-letter code: look it up by its bytes, without making strings.
            let fast = record.code(3)?.alpha3Slot
            if let fast, fastSlots[fast] >= 0 {
                let slot = Int(fastSlots[fast])
                guard choices[slot][call] == .absent else {
                    return errors.add(votes.name, record.line, "iso3", "\(codes[slot]) votes twice on roll call \(rcid)")
                }
                choices[slot][call] = choice
                return
            }
            let key = record.string(3) + "|" + record.string(2) + (record.isEmpty(3) && record.isEmpty(2) ? "|" + record.string(1) : "")
            let iso3: String
            if let known = resolved[key] {
                iso3 = known
            } else {
                switch resolve(iso3: record.string(3), iso2: record.string(2), name: record.string(1), registry: registry) {
                case .success(let code): iso3 = code
                case .failure(let error): return errors.add(votes.name, record.line, error.field, error.message)
                }
                resolved[key] = iso3
            }
            let slot: Int
            if let known = stateSlots[iso3] {
                slot = known
            } else {
                slot = codes.count
                stateSlots[iso3] = slot
                codes.append(iso3)
                choices.append(Array(repeating: .absent, count: calls.count))
            }
            if let fast { fastSlots[fast] = Int32(slot) }
            guard choices[slot][call] == .absent else {
                return errors.add(votes.name, record.line, "iso3", "\(iso3) votes twice on roll call \(rcid)")
            }
            choices[slot][call] = choice
        }
        try errors.throwIfAny()
        let order = codes.indices.sorted { codes[$0] < codes[$1] }
        return VoteData(states: order.map { codes[$0] }, rollCalls: calls, choices: order.map { choices[$0] })
    }

    /// Why a row's state could not be resolved, with the field at fault.
    struct StateError: Error {
        var field: String
        var message: String
    }

    /// The ISO3 code of a row's state: the `iso3` field if given, else the ISO2 code, else the name.
    static func resolve(iso3: String, iso2: String, name: String, registry: CountryRegistry) -> Result<String, StateError> {
        if !iso3.isEmpty {
            guard let country = registry.country(iso3: iso3) else { return .failure(StateError(field: "iso3", message: "unknown ISO3 code \"\(iso3)\"")) }
            return .success(country.iso3)
        }
        if !iso2.isEmpty {
            guard let country = registry.country(code: iso2, system: .iso2) else { return .failure(StateError(field: "country_code", message: "unknown ISO2 code \"\(iso2)\"")) }
            return .success(country.iso3)
        }
        do {
            return .success(try registry.resolveCountry(name).iso3)
        } catch {
            return .failure(StateError(field: "country", message: "no code and an unknown name: \(error)"))
        }
    }

    /// Row errors gathered in one pass: the first `errorLimit` listed, all counted.
    struct ErrorList {
        var errors: [InputError] = []
        var count = 0

        mutating func add(_ file: String, _ line: Int, _ field: String, _ message: String) {
            count += 1
            if errors.count < VoteLoader.errorLimit { errors.append(InputError(file: file, line: line, field: field, message: message)) }
        }

        func throwIfAny() throws(InputErrors) {
            guard count > 0 else { return }
            var listed = errors
            if count > errors.count, let file = errors.last?.file {
                listed.append(InputError(file: file, message: "\(count - errors.count) more malformed rows not listed (\(count) in all)"))
            }
            throw InputErrors(listed)
        }
    }
}
