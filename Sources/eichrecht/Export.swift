import ArgumentParser
import Eichrecht
import Foundation

/// `eichrecht export --safe-xml`: writes the signed data of CDRs (or of any other input `verify`
/// reads) as a S.A.F.E. values document, the file the S.A.F.E. Transparenzsoftware opens.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the signed data of CDRs as a S.A.F.E. values XML file.",
        discussion: """
            INPUT is anything verify reads: CDRs (one, an array, NDJSON, an OCPI response), SignedData \
            objects, OCPP signed meter values, S.A.F.E. XML or raw records. Every unit becomes one \
            transaction (transactionId 1, 2, …) and every signed record one <value>, with context \
            Transaction.Begin or Transaction.End from the OCPI nature, the record as text (hex for \
            SML) and the unit's public key in the shape the Transparenzsoftware compares.

            Exit status: 0 when every unit carried signed data, 1 when some had none (they are left \
            out and named on stderr), 2 on a usage error or unreadable input.
            """
    )

    @Argument(help: "Input files, or - for standard input.")
    var inputs: [String] = []

    @Flag(help: "Write a S.A.F.E. values document (the only export format).")
    var safeXML = false

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "A public key to write for units that carry none (text, or a file that holds it).")
    var key: String?

    func validate() throws {
        guard safeXML else { throw ValidationError("choose the export format: --safe-xml") }
        do {
            if let key { _ = try KeyOption.key(key, option: "--key") }
        } catch {
            Output.error(error.english)
            throw ExitCode(2)
        }
    }

    func run() throws {
        let fallback: KeyInput?
        do {
            fallback = try key.map { argument throws(KeyOption.Problem) in try KeyOption.key(argument, option: "--key")
            }
        } catch {
            Output.error(error.english)
            throw ExitCode(2)
        }
        var units: [SAFEXMLWriter.Unit] = []
        let verifier = Verifier()
        var status: Int32 = 0
        for input in inputs.isEmpty ? ["-"] : inputs {
            let name = input == "-" ? "stdin" : input
            do {
                let reader = InputReader(source: try FileSource(path: input))
                while let unit = try reader.next() {
                    let label: String
                    let signedData: SignedData?
                    switch unit.content {
                    case .cdr(let cdr):
                        label = cdr.id.map { "CDR \($0)" } ?? "\(name)\(unit.label)"
                        signedData = cdr.signedData
                    case .signedData(let data):
                        label = "\(name)\(unit.label)"
                        signedData = data
                    }
                    guard let signedData, !signedData.signedValues.isEmpty else {
                        Output.error("\(name)\(unit.label) (line \(unit.line)): no signed data to export")
                        status = 1
                        continue
                    }
                    // The writer takes the values as verification decoded them, once.
                    if let unit = SAFEXMLWriter.Unit(label: label, verified: verifier.verifyKeepingDecodedValues(unit))
                    {
                        units.append(unit)
                    }
                }
            } catch {
                Output.error("\(name): \(error)")
                throw ExitCode(2)
            }
        }
        let document = Data(SAFEXMLWriter(fallbackKey: fallback).document(units))
        if let output {
            do { try document.write(to: URL(fileURLWithPath: output)) } catch {
                Output.error("\(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            do { try Output.write(Array(document)) } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
