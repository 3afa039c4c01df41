import ArgumentParser

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
        version: "0.1.0",
        subcommands: [Verify.self],
        defaultSubcommand: Verify.self
    )
}
