import Foundation
import Testing

/// The `eichrecht` executable as users run it: exit codes, NDJSON output, messages. Skipped when
/// the executable has not been built next to the test bundle (`swift build` builds it).
@Suite("eichrecht CLI")
struct CLITests {
    static let executable: URL? = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("eichrecht"),
            Bundle.main.bundleURL.appendingPathComponent("eichrecht"),
            Paths.repository.appendingPathComponent(".build/debug/eichrecht"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct CLIMissing: Error {}

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        guard let executable = Self.executable else { throw CLIMissing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Paths.repository
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(.enabled(if: executable != nil)) func verifiedExampleExitsZero() throws {
        let run = try Self.run(["verify", "Examples/cdr-ocmf.json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("VERIFIED"))
        #expect(run.stdout.contains("28.542 kWh"))
    }

    @Test(.enabled(if: executable != nil)) func jsonLinesInInputOrder() throws {
        let run = try Self.run([
            "verify", "--format", "json", "Vectors/generated-ocmf/cdrs/input-array-mixed-verdicts.json",
            "Examples/cdr-ocmf.json",
        ])
        #expect(run.status == 1, "one CDR is not verified")
        let verdicts = run.lines.compactMap { line -> String? in
            guard let data = line.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["verdict"] as? String
        }
        #expect(verdicts == ["verified", "mismatch", "invalid", "verified"])
        #expect(run.lines.first?.hasPrefix(#"{"id":"#) == true)
    }

    @Test(.enabled(if: executable != nil)) func idsFromPositionWhenMissing() throws {
        let signedData = try String(
            contentsOf: Paths.generatedOCMF.appendingPathComponent("cdrs/input-bare-signeddata.json"), encoding: .utf8)
        let run = try Self.run(["verify", "--format", "json", "-"], stdin: signedData)
        #expect(run.status == 0)
        #expect(run.stdout.contains(#""id":"stdin#1""#))
    }

    @Test(.enabled(if: executable != nil)) func unreadableInputExitsTwoWithPosition() throws {
        let run = try Self.run(["verify", "-"], stdin: "{\"total_energy\": 1}\n{\"id\": oops}\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("stdin: line 2, column 8"), "\(run.stderr)")
        let missing = try Self.run(["verify", "no-such-file.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.json: no such file"))
        let empty = try Self.run(["verify", "-"], stdin: "")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("empty"))
    }

    @Test(.enabled(if: executable != nil)) func usageErrorsExitTwo() throws {
        #expect(try Self.run(["verify", "--format", "xml", "Examples/cdr-ocmf.json"]).status == 2)
        #expect(try Self.run(["verify", "--energy-tolerance", "lots", "Examples/cdr-ocmf.json"]).status == 2)
        #expect(try Self.run(["verify", "--lang", "fr", "Examples/cdr-ocmf.json"]).status == 2)
    }

    @Test(.enabled(if: executable != nil)) func tamperedAndMismatchExitOne() throws {
        let tampered = try Self.run(["verify", "Examples/cdr-tampered.json"])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("INVALID"))
        let mismatch = try Self.run(["verify", "--lang", "de", "Examples/cdr-energy-mismatch.json"])
        #expect(mismatch.status == 1)
        #expect(mismatch.stdout.contains("ABWEICHUNG"))
        #expect(mismatch.stdout.contains("der CDR nennt"))
    }

    @Test(.enabled(if: executable != nil)) func trustedKeyThatDiffersFails() throws {
        let other = try String(
            contentsOf: Paths.generatedOCMF.appendingPathComponent("keys/secp256k1-main.pub.hex"), encoding: .utf8)
        let run = try Self.run(["verify", "--format", "json", "--key", other, "Examples/cdr-ocmf.json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains(#""verdict":"invalid""#))
    }

    @Test(.enabled(if: executable != nil)) func toleranceOptions() throws {
        // The mismatch example is 0.5 kWh off: a 1 kWh tolerance accepts it.
        let run = try Self.run(["verify", "--energy-tolerance", "1", "Examples/cdr-energy-mismatch.json"])
        #expect(run.status == 0)
    }
}
