import FuzzDriver
import Foundation

/// `diplomap-fuzz TARGET [libFuzzer options] [corpus folders or files]`: runs one fuzz target under libFuzzer.
///
/// Built only by `Fuzz/run` (`Fuzz/asan`: AddressSanitizer, libFuzzer's instrumentation and runtime, `-D FUZZING`); a plain build makes a stub that says so.
/// `diplomap-fuzz list` prints each target with its longest input and its seed files; `diplomap-fuzz TARGET crash-…` replays one input.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
        let arguments = CommandLine.arguments
        if arguments.count >= 2, arguments[1] == "list" {
            for target in FuzzTargets.all { print(([target.name, String(target.maxLength)] + target.seeds).joined(separator: "\t")) }
            return
        }
        guard arguments.count >= 2, let target = FuzzTargets.all.first(where: { $0.name == arguments[1] }) else {
            let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: diplomap-fuzz TARGET [libFuzzer options] [corpus...]; targets: \(names)\n".utf8))
            exit(2)
        }
        selected = target.run
        _ = FuzzTargets.shared
        // libFuzzer sees the program name and the arguments after the target's name.
        var kept = [CommandLine.unsafeArgv[0]] + (2..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] } + [nil]
        var argc = CInt(kept.count - 1)
        let status = kept.withUnsafeMutableBufferPointer { buffer -> CInt in
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
        }
        exit(status)
        #else
        FileHandle.standardError.write(Data("diplomap-fuzz is built for fuzzing by Fuzz/run (Fuzz/asan build --product diplomap-fuzz)\n".utf8))
        exit(2)
        #endif
    }
}

#if FUZZING
/// The target chosen on the command line; set once before libFuzzer starts calling `fuzzOne`.
nonisolated(unsafe) var selected: (@Sendable (UnsafeRawBufferPointer) -> Void)?

/// libFuzzer's callback; also exported under the name libFuzzer's own main would look for.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected?(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#endif
