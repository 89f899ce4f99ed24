import DiplomapBytes
import DiplomapCore

/// Turns a country name into a CAMEO country code, for formats (ICEWS, POLECAT) that name countries.
public typealias CountryNamer = @Sendable (String) -> String?

/// Scans whole lines of one event file from a byte buffer: splits fields, checks each row, keeps the focus rows.
///
/// This is the hot loop. Tabs and newlines are found eight bytes at a time and
/// only the start of each field is recorded; the few fields the aggregate needs
/// are then read in place. Rows outside the focus (most of them) cost one pass
/// over their bytes and two packed codes, and never allocate.
final class EventScanner<Sink: EventSink> {
    let layout: EventLayout
    let file: String
    // A scanner belongs to one worker and is never shared, so the run-time exclusivity checks
    // on its mutable state (a third of the time of a scan, measured) are switched off.
    @exclusivity(unchecked) var sink: Sink
    @exclusivity(unchecked) var report = ScanReport()
    private let focus: FocusCodes
    private let namer: CountryNamer?
    @exclusivity(unchecked) private var names: [String: PackedCode] = [:]
    /// The header row still to skip.
    @exclusivity(unchecked) private var headerPending: Bool
    /// Field start offsets of the current row; slot 0 is the row start.
    private let starts: UnsafeMutablePointer<Int>
    private static var maxFields: Int { 128 }

    init(layout: EventLayout, file: String, focus: FocusCodes, sink: Sink, namer: CountryNamer?, skipHeader: Bool) {
        self.layout = layout
        self.file = file
        self.focus = focus
        self.sink = sink
        self.namer = namer
        headerPending = skipHeader && layout.hasHeader
        starts = .allocate(capacity: Self.maxFields)
        report.formats = [layout.format]
    }

    deinit { starts.deallocate() }

    /// Scans `count` bytes that end right after a newline.
    func scan(_ base: UnsafePointer<UInt8>, count: Int) {
        var index = 0, lineStart = 0, fields = 1
        var high: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            high |= word
            var marks = ByteScan.separators(word)
            while marks != 0 {
                let position = index &+ (marks.trailingZeroBitCount &>> 3)
                if base[position] == ByteScan.newline {
                    row(base, start: lineStart, end: position, fields: fields, maybeNonASCII: high & ByteScan.highBits != 0)
                    lineStart = position &+ 1
                    fields = 1
                    high = word
                } else {
                    if fields < Self.maxFields { starts[fields] = position &+ 1 }
                    fields &+= 1
                }
                marks &= marks &- 1
            }
            index &+= 8
        }
        while index < count {
            let byte = base[index]
            high |= UInt64(byte)
            if byte == ByteScan.newline {
                row(base, start: lineStart, end: index, fields: fields, maybeNonASCII: high & ByteScan.highBits != 0)
                lineStart = index &+ 1
                fields = 1
                high = 0
            } else if byte == ByteScan.tab {
                if fields < Self.maxFields { starts[fields] = index &+ 1 }
                fields &+= 1
            }
            index &+= 1
        }
    }

    /// Counts a line that could not be read at all, such as one longer than the read buffer.
    func skipLine(reason: String) {
        report.lines += 1
        report.rowsRead += 1
        bad(field: nil, reason)
    }

    private func bad(field: String?, _ reason: String) {
        report.rowsSkipped += 1
        report.record(InputError(file: file, line: report.lines, field: field, message: reason))
    }

    @inline(__always)
    private func row(_ base: UnsafePointer<UInt8>, start: Int, end: Int, fields: Int, maybeNonASCII: Bool) {
        report.lines &+= 1
        var end = end
        if end > start && base[end &- 1] == ByteScan.carriageReturn { end &-= 1 }
        if end == start { return }
        if headerPending {
            headerPending = false
            return
        }
        report.rowsRead &+= 1
        guard fields == layout.columns else {
            bad(field: "row", "has \(fields) fields, expected \(layout.columns) for \(layout.label)")
            return
        }
        if maybeNonASCII && !Self.isValidUTF8(base + start, count: end - start) {
            bad(field: "row", "invalid UTF-8")
            return
        }
        starts[0] = start
        @inline(__always) func field(_ column: Int) -> (UnsafePointer<UInt8>, Int) {
            let from = starts[column]
            let to = column &+ 1 < fields ? starts[column &+ 1] &- 1 : end
            return (base + from, to &- from)
        }
        @inline(__always) func bytes(_ column: Int?) -> UnsafeRawBufferPointer {
            guard let column else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            let (pointer, count) = field(column)
            return UnsafeRawBufferPointer(start: pointer, count: count)
        }

        let source: PackedCode, target: PackedCode
        // POLECAT's sides are lists of states (PLOVER's compound actors): the event counts once for each pair.
        var dyads: [(source: PackedCode, target: PackedCode)] = []
        if layout.format == .polecat {
            dyads = pairs(field(layout.source), field(layout.target))
            guard let first = dyads.first else { return }
            (source, target) = first
        } else if layout.format.namesCountries {
            guard let a = country(field(layout.source)), let b = country(field(layout.target)) else { return }
            (source, target) = (a, b)
        } else {
            let (a, aCount) = field(layout.source), (b, bCount) = field(layout.target)
            guard aCount > 0, bCount > 0 else { return }
            guard let a = PackedCode(a, count: aCount) else { return bad(field: layout.name(of: layout.source), "longer than 8 bytes") }
            guard let b = PackedCode(b, count: bCount) else { return bad(field: layout.name(of: layout.target), "longer than 8 bytes") }
            (source, target) = (a, b)
        }
        guard source != target, focus.contains(source) || focus.contains(target) else { return }

        guard let month = month(field(layout.date)) else {
            return bad(field: layout.name(of: layout.date), layout.format.dashedDates ? "not a date YYYY-MM-DD" : "not a date YYYYMMDD")
        }
        let root: PackedCode
        if let rootColumn = layout.root {
            let (pointer, count) = field(rootColumn)
            guard count > 0, let code = PackedCode(pointer, count: count) else {
                return bad(field: layout.name(of: rootColumn), count == 0 ? "empty" : "longer than 8 bytes")
            }
            root = code
        } else if layout.format.coding == .plover {
            let (pointer, count) = field(layout.eventCode)
            let name = String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
            // POLECAT writes `None` for a field it could not fill (readers of the files skip such rows): no event to count.
            if name == "None" { return }
            guard let type = PloverMap.standard.eventType(name), let code = PackedCode(type.cameoRoot) else {
                return bad(field: layout.name(of: layout.eventCode), "not a PLOVER event type: \"\(name)\"")
            }
            root = code
        } else {
            let (pointer, count) = field(layout.eventCode)
            guard count >= 2, let code = PackedCode(pointer, count: 2) else { return bad(field: layout.name(of: layout.eventCode), "not a CAMEO code") }
            root = code
        }
        let (goldsteinBytes, goldsteinCount) = field(layout.goldstein)
        var goldstein: Double? = nil
        if goldsteinCount > 0 {
            guard let value = ByteScan.decimal(goldsteinBytes, count: goldsteinCount) else {
                return bad(field: layout.name(of: layout.goldstein), "not a number: \"\(String(decoding: UnsafeRawBufferPointer(start: goldsteinBytes, count: goldsteinCount), as: UTF8.self))\"")
            }
            goldstein = value
        }
        var mentions: Int? = 1
        if let mentionsColumn = layout.mentions {
            let (pointer, count) = field(mentionsColumn)
            if count == 0 {
                mentions = nil
            } else {
                guard let value = ByteScan.integer(pointer, count: count) else {
                    return bad(field: layout.name(of: mentionsColumn), "not an integer: \"\(String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self))\"")
                }
                mentions = value
            }
        }
        report.rowsKept &+= 1
        var event = EventRow(
            source: source, target: target, month: month, root: root, coding: layout.format.coding, goldstein: goldstein, mentions: mentions,
            eventCode: bytes(layout.eventCode), sourceType: bytes(layout.sourceType), targetType: bytes(layout.targetType), url: bytes(layout.url),
            modes: bytes(layout.mode), contexts: bytes(layout.context)
        )
        sink.add(event)
        for dyad in dyads.dropFirst() {
            (event.source, event.target) = dyad
            sink.add(event)
        }
    }

    /// The pairs of different states, one of them in the focus, between two lists of countries separated by semicolons.
    private func pairs(_ sources: (UnsafePointer<UInt8>, Int), _ targets: (UnsafePointer<UInt8>, Int)) -> [(source: PackedCode, target: PackedCode)] {
        let a = countries(sources), b = countries(targets)
        var pairs: [(source: PackedCode, target: PackedCode)] = []
        for source in a {
            for target in b where source != target && (focus.contains(source) || focus.contains(target)) { pairs.append((source, target)) }
        }
        return pairs
    }

    /// The states of a list field, each once, in the order written; names no state stands for (`None`, an IGO) are left out.
    private func countries(_ field: (UnsafePointer<UInt8>, Int)) -> [PackedCode] {
        var codes: [PackedCode] = []
        var start = 0
        for end in 0...field.1 where end == field.1 || field.0[end] == UInt8(ascii: ";") {
            var from = start, to = end
            while from < to && field.0[from] == ByteScan.space { from += 1 }
            while to > from && field.0[to - 1] == ByteScan.space { to -= 1 }
            if let code = country((field.0 + from, to - from)), !codes.contains(code) { codes.append(code) }
            start = end + 1
        }
        return codes
    }

    /// `YYYYMM` from GDELT's `YYYYMMDD` or ICEWS's and POLECAT's `YYYY-MM-DD`.
    @inline(__always)
    private func month(_ date: (UnsafePointer<UInt8>, Int)) -> PackedCode? {
        let (pointer, count) = date
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { pointer[$0] &- UInt8(ascii: "0") < 10 } }
        if layout.format.dashedDates {
            guard count == 10, digits(0..<4), pointer[4] == UInt8(ascii: "-"), digits(5..<7), pointer[7] == UInt8(ascii: "-"), digits(8..<10) else { return nil }
            var bytes = (pointer[0], pointer[1], pointer[2], pointer[3], pointer[5], pointer[6])
            return withUnsafeBytes(of: &bytes) { PackedCode($0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 6) }
        }
        guard count == 8, digits(0..<8) else { return nil }
        return PackedCode(pointer, count: 6)
    }

    /// The CAMEO code of a country name, through the namer, remembered per name.
    private func country(_ field: (UnsafePointer<UInt8>, Int)) -> PackedCode? {
        guard field.1 > 0, let namer else { return nil }
        let name = String(decoding: UnsafeRawBufferPointer(start: field.0, count: field.1), as: UTF8.self)
        if let code = names[name] { return code.isEmpty ? nil : code }
        let code = namer(name).flatMap(PackedCode.init) ?? .empty
        names[name] = code
        return code.isEmpty ? nil : code
    }

    /// Checks UTF-8 only for rows with a byte above 0x7F: most event rows are ASCII.
    private static func isValidUTF8(_ pointer: UnsafePointer<UInt8>, count: Int) -> Bool {
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(start: pointer, count: count).makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
