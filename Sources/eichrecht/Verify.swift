import ArgumentParser
import Eichrecht
import Foundation

/// `eichrecht verify`: the stable CLI contract.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify CDRs, SignedData objects or raw signed records.",
        discussion: """
            INPUT is detected by its content. It may be:
              - an OCPI 2.2.1 CDR JSON object, a JSON array of CDRs, an OCPI response envelope \
            ({"data": [...], "status_code": 1000}), NDJSON of CDRs (one per line), or a bare OCPI \
            SignedData object;
              - a S.A.F.E. values XML (as the Transparenzsoftware opens);
              - OCPP signed meter values: 2.0.1/2.1 SignedMeterValueType, MeterValues or \
            TransactionEvent messages, 1.6 SignedData sampled values;
              - raw signed records: OCMF text, Alfen Eichrecht lines (AP;...), SML/EDL40 telegrams \
            (hex, base64 or base32), EDL40 signature blocks (<signedMeterValue>), ISA EDL40P, \
            Mennekes XML, chargeIT JSON (EMH, BAUER BSM-WS36A) and PCDF records.
            Use - (the default) for standard input.

            Verdicts: verified, mismatch (the CDR contradicts genuine signed data), unverifiable \
            (nothing can be concluded), invalid (the signed data itself is bad). An unreadable record \
            in a stream is reported where it stands and the rest is still verified.

            Exit status: 0 when every CDR is verified, 1 when at least one is not, 2 on a usage \
            error, unreadable input or output that cannot be written.
            """
    )

    @Argument(help: "Input files, or - for standard input.")
    var inputs: [String] = []

    @OptionGroup(title: "Output")
    var output: OutputOptionGroup

    @OptionGroup(title: "Verification")
    var verification: VerificationOptionGroup

    @Option(
        help: ArgumentHelp(
            "CDRs verified at once, on as many threads (at least 1); the output is the same for any number.",
            valueName: "n"))
    var jobs = JobCount.allCores

    func validate() throws {
        guard jobs.count >= 1 else { throw ValidationError("--jobs must be at least 1") }
        _ = try verification.verificationOptions(language: output.lang)
    }

    func run() throws {
        let runner = Runner(
            verifier: Verifier(options: try verification.verificationOptions(language: output.lang)), output: output,
            jobs: jobs.count)
        if inputs.isEmpty, isatty(0) == 1 {
            Output.error(
                "reading CDRs from standard input (a CDR, an array, NDJSON, S.A.F.E. XML, OCPP or a raw record); "
                    + "end with Ctrl-D, or name files: eichrecht verify FILE…")
        }
        var worst: Int32 = 0
        do {
            for input in inputs.isEmpty ? ["-"] : inputs {
                worst = max(worst, try runner.run(path: input))
            }
        } catch {
            runner.sink.clearProgress()
            Output.error("\(error)")
            throw ExitCode(2)
        }
        runner.finish()
        if worst != 0 { throw ExitCode(worst) }
    }

}
