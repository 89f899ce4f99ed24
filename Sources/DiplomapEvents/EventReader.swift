import DiplomapBytes
import DiplomapCore
import Foundation

/// How to read a set of event files.
public struct EventScanOptions: Sendable {
    /// The format, or `nil` to tell it from each file's first line.
    public var format: EventFormat?
    public var focus: FocusCodes
    /// Workers: the parts of a plain file, or compressed files read at once (each by one worker).
    public var threads: Int
    /// Country names to CAMEO codes, for ICEWS.
    public var namer: CountryNamer?
    /// Bytes per read buffer, one per worker: the bound on memory.
    public var bufferSize: Int
    /// Plain files smaller than this are read by one worker: splitting costs more than it gains.
    public var splitThreshold: Int
    /// What becomes of damaged files and of files with too many malformed rows.
    public var damage: DamagePolicy

    public init(
        format: EventFormat? = nil, focus: FocusCodes, threads: Int = 1, namer: CountryNamer? = nil,
        bufferSize: Int = 1 << 21, splitThreshold: Int = 16 << 20, damage: DamagePolicy = DamagePolicy()
    ) {
        self.damage = damage
        self.format = format
        self.focus = focus
        self.threads = max(1, threads)
        self.namer = namer
        self.bufferSize = bufferSize
        self.splitThreshold = splitThreshold
    }
}

/// Reads event files, plain, `.gz` or `.zip`, into a sink, with a report of what was read, kept and skipped.
///
/// Plain files are split into byte ranges at line ends and read by several
/// workers, each with its own buffer and partial aggregate, merged at the end.
public enum EventReader {
    /// Scans every file into the aggregate contract and returns it with the report.
    ///
    /// Throws `InputError` for a file that cannot be opened or whose format cannot be told. A file that fails its
    /// integrity check (or has more malformed rows than the policy allows) is listed in the report's `damaged` and
    /// contributes nothing, unless the policy accepts damaged files: then the rows read before the damage are kept.
    public static func scan(
        _ paths: [String], into empty: DyadMonthAggregate, options: EventScanOptions, progress: ScanProgress? = nil
    ) async throws -> (sink: DyadMonthAggregate, report: ScanReport) {
        try await scanFiles(paths, into: empty, options: options, progress: progress)
    }

    /// Scans every file into evidence cells and returns them with the report; errors as for the aggregate.
    public static func scan(
        _ paths: [String], into empty: EvidenceAggregate, options: EventScanOptions, progress: ScanProgress? = nil
    ) async throws -> (sink: EvidenceAggregate, report: ScanReport) {
        try await scanFiles(paths, into: empty, options: options, progress: progress)
    }

    /// The two entry points above are concrete so that this generic code is specialised inside the
    /// module, where the hot loop can then see the sink's type instead of calling through a witness table.
    ///
    /// A compressed file is inflated by one worker from start to end, so compressed files are spread over the workers,
    /// up to `threads` at once; a plain file is split between all of them and read before the next file starts. The
    /// files' parts are merged in the order of `paths` as they finish, so the result does not depend on timing.
    static func scanFiles<Sink: EventSink>(
        _ paths: [String], into empty: Sink, options: EventScanOptions, progress: ScanProgress?
    ) async throws -> (sink: Sink, report: ScanReport) {
        try await withThrowingTaskGroup(of: (Int, Sink, ScanReport).self) { group in
            var sink = empty
            var report = ScanReport()
            var finished: [Int: (Sink, ScanReport)] = [:]
            var next = 0, running = 0
            func take(_ part: (Int, Sink, ScanReport)) {
                finished[part.0] = (part.1, part.2)
                while let (part, partReport) = finished.removeValue(forKey: next) {
                    let judged = verdict(on: partReport, of: paths[next], options: options)
                    if judged.damaged.isEmpty || options.damage.acceptDamaged { sink.merge(part) }
                    report.add(judged)
                    next += 1
                }
            }
            for (index, path) in paths.enumerated() {
                let lower = path.lowercased()
                if lower.hasSuffix(".zip") || lower.hasSuffix(".gz") {
                    if running == options.threads, let part = try await group.next() {
                        take(part)
                        running -= 1
                    }
                    group.addTask {
                        let (part, partReport) =
                            lower.hasSuffix(".zip")
                            ? try scanZip(path, into: empty, options: options, progress: progress)
                            : try scanCompressed(path, name: path, source: .gzip, into: empty, options: options, progress: progress)
                        return (index, part, partReport)
                    }
                    running += 1
                } else {
                    let (part, partReport) = try await scanPlain(path, into: empty, options: options, progress: progress)
                    take((index, part, partReport))
                }
            }
            for try await part in group { take(part) }
            return (sink, report)
        }
    }

    /// A file's report as the damage policy leaves it: with its damage, if too many rows were malformed, and with no
    /// rows kept when it is damaged and left out.
    private static func verdict(on report: ScanReport, of path: String, options: EventScanOptions) -> ScanReport {
        var report = report
        if report.damaged.isEmpty, let damage = options.damage.malformedDamage(file: path, read: report.rowsRead, malformed: report.rowsSkipped) {
            report.damaged.append(damage)
        }
        guard !report.damaged.isEmpty else { return report }
        if options.damage.acceptDamaged { report.keptDamaged = true } else { report.rowsKept = 0 }
        return report
    }

    /// The size of each file, for a progress bar.
    public static func totalBytes(_ paths: [String]) -> Int {
        paths.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }

    // MARK: Formats

    /// The layout of a file from its first line, or the one named in the options.
    static func layout(firstLine: some Collection<UInt8>, file: String, options: EventScanOptions) throws -> EventLayout {
        let table = EventLayoutTable.standard
        guard let format = options.format ?? table.detect(firstLine: firstLine) else {
            let fields = firstLine.split(separator: ByteScan.tab, omittingEmptySubsequences: false).count
            throw InputError(
                file: file,
                message: "cannot tell the format: the first line has \(fields) tab-separated fields (GDELT 1.0 has 57 or 58, GDELT 2.0 has 61, ICEWS and POLECAT start with a header row); name it with --format"
            )
        }
        guard let layout = table.layout(format, firstLine: firstLine) else {
            let names = table.headerFields(format)
            let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names.joined()
            throw InputError(file: file, message: "\(format.label) files need a header row naming \(list)")
        }
        return layout
    }

    /// The bytes before the first newline of a prefix.
    static func firstLine(_ prefix: some Collection<UInt8>) -> [UInt8] {
        var line = Array(prefix.prefix { $0 != ByteScan.newline })
        if line.last == ByteScan.carriageReturn { line.removeLast() }
        return line
    }

    // MARK: Plain files

    private static func scanPlain<Sink: EventSink>(
        _ path: String, into empty: Sink, options: EventScanOptions, progress: ScanProgress?
    ) async throws -> (Sink, ScanReport) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(file: path, message: "cannot open the file (errno \(errno))") }
        var status = stat()
        fstat(descriptor, &status)
        let size = Int(status.st_size)
        var head = [UInt8](repeating: 0, count: min(size, 1 << 16))
        let headCount = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        close(descriptor)
        guard size > 0 else { return (empty, ScanReport()) }
        let layout = try layout(firstLine: firstLine(head.prefix(max(0, headCount))), file: path, options: options)

        let workers = size < options.splitThreshold ? 1 : options.threads
        let ranges = (0..<workers).map { index in (size * index / workers)..<(size * (index + 1) / workers) }
        return try await withThrowingTaskGroup(of: (Int, Sink, ScanReport).self) { group in
            for (index, range) in ranges.enumerated() {
                group.addTask {
                    let (sink, report) = try scanRange(path, range: range, layout: layout, into: empty, options: options, progress: progress)
                    return (index, sink, report)
                }
            }
            var parts: [(Int, Sink, ScanReport)] = []
            for try await part in group { parts.append(part) }
            parts.sort { $0.0 < $1.0 }
            var sink = empty
            var report = ScanReport()
            for (_, part, partReport) in parts {
                sink.merge(part)
                report.append(partReport)
            }
            return (sink, report)
        }
    }

    /// Scans the lines that start inside `range`: the line that crosses the range's start belongs to the range before.
    private static func scanRange<Sink: EventSink>(
        _ path: String, range: Range<Int>, layout: EventLayout, into empty: Sink, options: EventScanOptions, progress: ScanProgress?
    ) throws -> (Sink, ScanReport) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(file: path, message: "cannot open the file (errno \(errno))") }
        defer { close(descriptor) }
        let scanner = EventScanner(layout: layout, file: path, focus: options.focus, sink: empty, namer: options.namer, skipHeader: range.lowerBound == 0)
        let feeder = LineFeeder(scanner: scanner, capacity: options.bufferSize, progress: progress)
        var offset = range.lowerBound
        if offset > 0 {
            offset -= 1
            feeder.skippingToNewline = true
        }
        var bufferStart = offset
        let lastOwned = range.upperBound - 1
        while true {
            let (pointer, room) = feeder.space
            let count = pread(descriptor, pointer, room, off_t(offset))
            guard count >= 0 else { throw InputError(file: path, message: "read failed (errno \(errno))") }
            if count == 0 {
                feeder.finish()
                break
            }
            offset += count
            progress?.add(bytes: count)
            var done = false
            if offset > lastOwned {
                let end = feeder.fill + count
                let from = max(0, lastOwned - bufferStart)
                if from < end, let newline = memchr(pointer - feeder.fill + from, Int32(ByteScan.newline), end - from) {
                    let lineEnd = (pointer - feeder.fill).distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                    bufferStart += feeder.commit(lineEnd - feeder.fill)
                    done = true
                }
            }
            if done {
                feeder.finish()
                break
            }
            bufferStart += feeder.commit(count)
        }
        return (scanner.sink, scanner.report)
    }

    // MARK: Compressed files

    /// Scans a gzip file or one zip entry, named `name` in its rows' problems, as one stream through the inflater.
    private static func scanCompressed<Sink: EventSink>(
        _ path: String, name: String, source: Inflater.Source, into empty: Sink, options: EventScanOptions, progress: ScanProgress?
    ) throws -> (Sink, ScanReport) {
        // The first block tells the layout, then goes to the scanner before the rest: the text is inflated once.
        var head = [UInt8](repeating: 0, count: 1 << 16)
        let headCount: Int
        let reader = try Inflater(path: path, source: source)
        do {
            headCount = try head.withUnsafeMutableBufferPointer { try reader.read(into: $0.baseAddress!, count: $0.count) }
        } catch let damage as DamagedFile {
            return (empty, failed(damage))
        }
        guard headCount > 0 else { return (empty, ScanReport()) }
        let layout = try layout(firstLine: firstLine(head.prefix(headCount)), file: name, options: options)
        let scanner = EventScanner(layout: layout, file: name, focus: options.focus, sink: empty, namer: options.namer, skipHeader: true)
        let feeder = LineFeeder(scanner: scanner, capacity: options.bufferSize, progress: progress)
        head.withUnsafeBytes { feeder.feed(UnsafeRawBufferPointer(rebasing: $0[0..<headCount])) }
        var reported = 0
        do {
            while true {
                let (pointer, room) = feeder.space
                let count = try reader.read(into: pointer, count: room)
                progress?.add(bytes: reader.compressedBytes - reported)
                reported = reader.compressedBytes
                if count == 0 { break }
                feeder.commit(count)
            }
        } catch let damage as DamagedFile {
            // The rows read before the damage, for the policy to keep or leave out; the partial last line is dropped.
            var report = scanner.report
            report.damaged.append(damage)
            return (scanner.sink, report)
        }
        feeder.finish()
        return (scanner.sink, scanner.report)
    }

    /// The report of a file damaged before any of its rows could be read.
    private static func failed(_ damage: DamagedFile) -> ScanReport {
        var report = ScanReport()
        report.damaged = [damage]
        return report
    }

    /// Scans every file entry of a zip, one after the other; a damaged entry damages the file.
    private static func scanZip<Sink: EventSink>(
        _ path: String, into empty: Sink, options: EventScanOptions, progress: ScanProgress?
    ) throws -> (Sink, ScanReport) {
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory.read(path)
        } catch {
            return (empty, failed(error))
        }
        var sink = empty
        var report = ScanReport()
        for entry in directory.entries {
            let (part, entryReport) = try scanCompressed(
                path, name: "\(path):\(entry.name)", source: .zipEntry(entry), into: empty, options: options, progress: progress)
            var partReport = entryReport
            partReport.damaged = partReport.damaged.map { damage in
                DamagedFile(file: path, offset: damage.offset, reason: "zip: entry \(entry.name) is damaged: \(damage.reason)")
            }
            sink.merge(part)
            report.add(partReport)
        }
        return (sink, report)
    }
}
