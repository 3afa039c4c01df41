import ArgumentParser
import Dispatch
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

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Input files, or - for standard input.")
    var inputs: [String] = []

    @Option(help: "Output format: text for people, json for one JSON object per CDR per line (NDJSON).")
    var format: OutputFormat = .text

    @Option(
        help:
            "A trusted public key (hex, base64, SPKI, SEC1, X‖Y, PEM), or a file that holds one (PEM, DER or text).")
    var key: String?

    @Option(help: "A file of trusted keys: CSV (meter,key), JSON ({\"meter\": \"key\"}), or one key as PEM or DER.")
    var keys: String?

    @Option(help: "Language of the text output and messages: en or de.")
    var lang: Language = .en

    @Option(help: "Energy tolerance in kWh (default 0.001; the meter's resolution is used when coarser).")
    var energyTolerance: String?

    @Option(help: "Clock tolerance for start and end times, in seconds.")
    var timeTolerance: Int = 120

    @Option(help: "Time zone of meters that sign local time without an offset (IANA name).")
    var meterTimezone: String = "Europe/Berlin"

    func validate() throws {
        if let energyTolerance {
            guard let value = Decimal(string: energyTolerance), value >= 0, !energyTolerance.contains("e") else {
                throw ValidationError("--energy-tolerance must be a non-negative decimal number of kWh")
            }
        }
        guard timeTolerance >= 0 else { throw ValidationError("--time-tolerance must not be negative") }
        guard TimeZone(identifier: meterTimezone) != nil else {
            throw ValidationError("--meter-timezone \(meterTimezone) is not a known time zone")
        }
        // A trusted key that cannot be read is a usage error (exit 2, one line), never a run of
        // `invalid` verdicts.
        do {
            if let key { _ = try KeyOption.key(key, option: "--key") }
            if let keys { _ = try KeyOption.keyList(keys) }
        } catch {
            Output.error(error.line)
            throw ExitCode(2)
        }
    }

    func run() throws {
        var options = VerificationOptions()
        options.timeTolerance = timeTolerance
        if let energyTolerance, let value = Decimal(string: energyTolerance) { options.energyTolerance = value }
        if let zone = TimeZone(identifier: meterTimezone) { options.meterTimeZone = zone }
        var trusted: [TrustedKeys.Entry] = []
        do {
            if let key {
                trusted.append(TrustedKeys.Entry(identity: nil, key: try KeyOption.key(key, option: "--key")))
            }
            if let keys { trusted.append(contentsOf: try KeyOption.keyList(keys).entries) }
        } catch {
            Output.error(error.line)
            throw ExitCode(2)
        }
        options.trustedKeys = TrustedKeys(trusted)

        let runner = Runner(verifier: Verifier(options: options), format: format, language: lang)
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

    static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let source = try FileSource(path: path)
        var bytes: [UInt8] = []
        while true {
            let chunk = try source.read(maximum: 1 << 20)
            if chunk.isEmpty { return bytes }
            bytes += chunk
            if bytes.count > 64 << 20 { throw InputError(.fileTooLarge(mebibytes: 64)) }
        }
    }
}

extension Language: ExpressibleByArgument {}
