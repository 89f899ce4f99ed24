/// Reads the country table (`Data/countries/countries.csv`) into `Country` values.
public enum CountryTable {
    static let columns = [
        "iso3", "iso2", "iso_numeric", "name", "short_name", "cow_num", "cow_abb", "gw_num", "gw_abb",
        "fips10_4", "cameo", "capital", "aliases", "demonyms", "un_status",
    ]

    /// Parses the table; every malformed row is reported with its line and column.
    public static func parse(_ text: String, file: String) throws(InputErrors) -> [Country] {
        let records: [CSVRecords.Record]
        do { records = try CSVRecords.parse(text, file: file) } catch { throw InputErrors([error]) }
        guard let header = records.first else { throw InputErrors([InputError(file: file, message: "the file is empty")]) }
        let missing = columns.filter { !header.fields.contains($0) }
        guard missing.isEmpty else {
            throw InputErrors([InputError(file: file, line: 1, message: "missing columns: \(missing.joined(separator: ", "))")])
        }
        let index = Dictionary(header.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var countries: [Country] = []
        var errors: [InputError] = []
        for record in records.dropFirst() where record.fields != [""] {
            do throws(InputError) {
                countries.append(try country(from: record, index: index, file: file))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return countries
    }

    private static func country(from record: CSVRecords.Record, index: [String: Int], file: String) throws(InputError) -> Country {
        guard record.fields.count == index.count else {
            throw InputError(file: file, line: record.line, message: "expected \(index.count) fields, found \(record.fields.count)")
        }
        func text(_ column: String) -> String { String(record.fields[index[column]!].trimmingSpaces) }
        func optional(_ column: String) -> String? { let value = text(column); return value.isEmpty ? nil : value }
        func list(_ column: String) -> [String] { text(column).split(separator: ";").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty } }
        func number(_ column: String) throws(InputError) -> Int? {
            guard let value = optional(column) else { return nil }
            guard let number = Int(value) else { throw InputError(file: file, line: record.line, field: column, message: "not a number: \(value)") }
            return number
        }
        let iso3 = text("iso3")
        guard iso3.count == 3, iso3.allSatisfy({ $0.isUppercase && $0.isASCII }) else {
            throw InputError(file: file, line: record.line, field: "iso3", message: "not a three-letter upper-case code: \(iso3)")
        }
        guard let status = Country.Status(rawValue: text("un_status")) else {
            throw InputError(file: file, line: record.line, field: "un_status", message: "unknown status: \(text("un_status"))")
        }
        guard let name = optional("name"), let shortName = optional("short_name") else {
            throw InputError(file: file, line: record.line, field: "name", message: "a country needs a name and a short name")
        }
        return Country(
            iso3: iso3, iso2: optional("iso2"), isoNumeric: optional("iso_numeric"), name: name, shortName: shortName,
            cowNumber: try number("cow_num"), cowCode: optional("cow_abb"), gwNumber: try number("gw_num"), gwCode: optional("gw_abb"),
            fips: list("fips10_4"), cameo: optional("cameo"), capitals: list("capital"), aliases: list("aliases"),
            demonyms: list("demonyms"), status: status
        )
    }
}

extension StringProtocol {
    /// The text without the spaces and tabs around it, as a slice: the data files' fields and the web's header lists
    /// are trimmed this way, thousands of them whenever the registry is read.
    public var trimmingSpaces: SubSequence {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = firstIndex(where: isText), let last = lastIndex(where: isText) else { return self[endIndex...] }
        return self[first...last]
    }
}
