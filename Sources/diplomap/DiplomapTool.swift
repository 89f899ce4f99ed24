import ArgumentParser
import DiplomapCLI

/// The executable: only the entry point; the commands live in DiplomapCLI.
@main
struct DiplomapTool: AsyncParsableCommand {
    static let configuration = Diplomap.configuration

    static func main() async {
        await Diplomap.runAsMain()
    }
}
