import ArgumentParser
import Eichrecht
import Foundation

/// `eichrecht receipt`: a receipt a driver understands, one per CDR: the verdict as a sentence,
/// where and when, what the meter signed beside what was billed, and the data to check it.
struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Write a driver's receipt for each CDR: HTML or text, German or English.",
        discussion: """
            Each CDR in INPUT (a CDR, an array, NDJSON, an OCPI response) becomes one receipt: the \
            verdict as a sentence with what the driver can do, the charging station and times, the \
            meter's signed readings beside the billed energy and price, and below, the signed data, \
            the public key, the transparency link and the S.A.F.E. values XML to download.

            The HTML is one self-contained document: inline CSS, no script, no external request. \
            Without --output the receipt goes to standard output; HTML then takes exactly one CDR \
            (text receipts follow each other). --output FILE takes one CDR; --output DIR (an \
            existing directory, or a path ending in /) gets one file per CDR, named after its id.

            Exit status: 0 when every CDR is verified, 1 when at least one is not (its receipt is \
            still written) or a unit is no CDR (skipped), 2 on a usage error, unreadable input or \
            output that cannot be written.
            """
    )

    enum ReceiptFormat: String, ExpressibleByArgument, CaseIterable {
        case html
        case text

        var fileExtension: String { self == .html ? "html" : "txt" }
    }

    @Argument(help: "Input files, or - for standard input.")
    var inputs: [String] = []

    @Option(help: "Language of the receipt: de or en.")
    var lang: Language = .de

    @Option(help: "html (a self-contained page) or text.")
    var format: ReceiptFormat = .html

    @Option(help: "A file for one receipt, or a directory for one file per CDR.")
    var output: String?

    @Option(help: ArgumentHelp("Time zone of the receipt's local times: a known IANA name.", valueName: "zone"))
    var timeZone = IANATimeZone.berlin

    @OptionGroup(title: "Verification")
    var verification: VerificationOptionGroup

    func validate() throws {
        _ = try verification.verificationOptions(language: lang)
    }

    func run() throws {
        let verifier = Verifier(options: try verification.verificationOptions(language: lang))
        let renderer = ReceiptRenderer(language: lang, timeZone: timeZone.zone)
        var receipts: [(id: String, text: String)] = []
        var status: Int32 = 0
        for input in inputs.isEmpty ? ["-"] : inputs {
            let name = input == "-" ? "stdin" : input
            do {
                let reader = InputReader(source: try FileSource(path: input))
                while let unit = try reader.next() {
                    guard case .cdr(let cdr) = unit.content else {
                        Output.error("\(name)\(unit.label) (line \(unit.line)): not a CDR, no receipt written")
                        status = 1
                        continue
                    }
                    let receipt = verifier.receipt(cdr: cdr)
                    if receipt.report.verdict != .verified { status = 1 }
                    let rendered = format == .html ? renderer.html(receipt) : renderer.text(receipt)
                    receipts.append((cdr.id ?? "\(name)\(unit.label)", rendered))
                }
            } catch {
                Output.error("\(name): \(error)")
                throw ExitCode(2)
            }
        }
        try write(receipts)
        if status != 0 { throw ExitCode(status) }
    }

    /// Writes the receipts where `--output` says: standard output, one file, or one file each in a
    /// directory.
    private func write(_ receipts: [(id: String, text: String)]) throws {
        guard let output else {
            if format == .html, receipts.count > 1 {
                Output.error("\(receipts.count) HTML receipts: name a directory with --output DIR")
                throw ExitCode(2)
            }
            do { try Output.write(Array(receipts.map(\.text).joined(separator: "\n").utf8)) } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
            return
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        guard (exists && isDirectory.boolValue) || output.hasSuffix("/") else {
            guard receipts.count <= 1 else {
                Output.error("\(receipts.count) receipts for one file: name a directory with --output DIR")
                throw ExitCode(2)
            }
            try save(receipts.first?.text ?? "", to: URL(fileURLWithPath: output))
            return
        }
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            Output.error("\(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        var used: Set<String> = []
        for receipt in receipts {
            let base = Self.fileName(receipt.id)
            var name = "\(base).\(format.fileExtension)"
            var counter = 2
            while used.contains(name) {
                name = "\(base)-\(counter).\(format.fileExtension)"
                counter += 1
            }
            used.insert(name)
            try save(receipt.text, to: directory.appendingPathComponent(name))
        }
    }

    private func save(_ text: String, to url: URL) throws {
        do { try Data(text.utf8).write(to: url) } catch {
            Output.error("\(url.path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }

    /// A file name from a CDR id: letters, digits, `-` and `_` kept, anything else `-`, at most 80
    /// characters, after `receipt-` so that no id names a hidden file or a path.
    static func fileName(_ id: String) -> String {
        let kept = id.unicodeScalars.prefix(80).map { scalar -> Character in
            let ascii =
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
            return ascii ? Character(scalar) : "-"
        }
        return "receipt-" + String(kept)
    }
}
