/// Where states' capitals lie (`Data/geo/capitals.csv`, from Natural Earth), so that the map's lines meet at capitals.
public struct Capitals: Sendable {
    /// A capital city and its position in WGS84 degrees.
    public struct Capital: Sendable, Hashable {
        public var name: String
        public var lon: Double
        public var lat: Double

        public init(name: String, lon: Double, lat: Double) {
            self.name = name
            self.lon = lon
            self.lat = lat
        }
    }

    static let columns = ["iso3", "capital", "lat", "lon"]

    /// Capitals by ISO3 code; states without a row have none.
    public let byISO3: [String: Capital]

    /// A table from values already at hand; empty by default, so that every anchor is a centroid.
    public init(_ byISO3: [String: Capital] = [:]) { self.byISO3 = byISO3 }

    /// Parses `iso3,capital,lat,lon`; every malformed row is reported with its line and column.
    public init(csv text: String, file: String) throws(InputErrors) {
        let records: [CSVRecords.Record]
        do { records = try CSVRecords.parse(text, file: file) } catch { throw InputErrors([error]) }
        guard let header = records.first else { throw InputErrors([InputError(file: file, message: "the file is empty")]) }
        let missing = Self.columns.filter { !header.fields.contains($0) }
        guard missing.isEmpty else {
            throw InputErrors([InputError(file: file, line: 1, message: "missing columns: \(missing.joined(separator: ", "))")])
        }
        let index = Dictionary(header.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var capitals: [String: Capital] = [:]
        var errors: [InputError] = []
        for record in records.dropFirst() where record.fields != [""] {
            guard record.fields.count == header.fields.count else {
                errors.append(InputError(file: file, line: record.line, message: "expected \(header.fields.count) fields, found \(record.fields.count)"))
                continue
            }
            func text(_ column: String) -> String { String(record.fields[index[column]!].trimmingSpaces) }
            func degrees(_ column: String, limit: Double) -> Double? {
                guard let value = Double(text(column)), abs(value) <= limit else {
                    errors.append(InputError(file: file, line: record.line, field: column, message: "not a \(column) in degrees: \(text(column))"))
                    return nil
                }
                return value
            }
            let iso3 = text("iso3")
            guard iso3.count == 3, iso3.allSatisfy({ $0.isUppercase && $0.isASCII }) else {
                errors.append(InputError(file: file, line: record.line, field: "iso3", message: "not a three-letter upper-case code: \(iso3)"))
                continue
            }
            guard capitals[iso3] == nil else {
                errors.append(InputError(file: file, line: record.line, field: "iso3", message: "a second row for \(iso3)"))
                continue
            }
            let lat = degrees("lat", limit: 90), lon = degrees("lon", limit: 180)
            guard let lat, let lon else { continue }
            capitals[iso3] = Capital(name: text("capital"), lon: lon, lat: lat)
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        byISO3 = capitals
    }

    /// The capital of a state, if the table has one.
    public subscript(iso3: String) -> Capital? { byISO3[iso3] }
}
