import ArgumentParser
import Eichrecht
import Foundation

/// The `eichrecht` command: verifies German Eichrecht signed meter data in OCPI CDRs.
@main
struct EichrechtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eichrecht",
        abstract: "Verify German Eichrecht signed meter data (OCMF and more) in OCPI 2.2.1 CDRs.",
        discussion: """
            Every signature is checked with OpenSSL ECDSA, and the signed readings are cross-checked \
            against the CDR's total_energy, start and end time and meter_id.
            """,
        version: EichrechtVersion.text,
        subcommands: [Verify.self, Export.self, ReceiptCommand.self],
        defaultSubcommand: Verify.self
    )

    /// Runs the command with the contract's exit codes: usage errors exit 2 (argument parser's
    /// default is 64), `--help` and `--version` exit 0.
    static func main() {
        // A reader that goes away (`eichrecht verify … | head`) must not kill the process by signal:
        // the write then fails with EPIPE, and the contract's one line and exit status 2 follow.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure || code.rawValue == 2 || error is ExitCode {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
    }
}
