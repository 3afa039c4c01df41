import Foundation
import Testing

@testable import Eichrecht

/// A batch loses nothing but the unreadable record; a failing output ends the run with a message,
/// never a trap; nothing from the input acts on the terminal.
@Suite("Stream robustness")
struct StreamRobustnessTests {
    static let example = Paths.repository.appendingPathComponent("Examples/cdr-ocmf.json")

    /// The example CDR on one line.
    static func exampleLine() throws -> String {
        String(decoding: try JSONParser.parse(try Paths.bytes(example)).compactText, as: UTF8.self)
    }

    /// Lines that cannot be read as a CDR, each in its own way.
    static let brokenLines = [
        #"{"id": "broken", "total_energy": }"#, #"{"id":"truncated""#, "42", #""a string""#, "{]",
        #"{"total_energy": 1, "total_energy": 2}"#, "\u{1B}[2J{", #"{"id": "x", "signed_data": 7}"#,
    ]

    @Test("the reader skips each unreadable NDJSON line and goes on", arguments: brokenLines)
    func readerResumes(_ broken: String) throws {
        let good = try Self.exampleLine()
        let text = [good, broken, good, broken, good].joined(separator: "\n") + "\n"
        let reader = InputReader(source: BufferSource(Array(text.utf8)))
        var outcomes: [String] = []
        var calls = 0
        while calls < 20 {
            calls += 1
            do {
                guard let unit = try reader.next() else { break }
                outcomes.append(unit.line.description)
            } catch {
                #expect(error.skippedRecord != nil, "\(error)")
                outcomes.append("error \(error.line ?? 0)")
            }
        }
        // The SignedData-in-a-string member (`"signed_data": 7`) is readable: a CDR with an
        // unreadable signed_data, which verification reports.
        if broken.contains("signed_data") {
            #expect(outcomes == ["1", "2", "3", "4", "5"])
        } else {
            #expect(outcomes == ["1", "error 2", "3", "error 4", "5"])
        }
    }

    @Test("a broken array syntax ends the input once; the reader does not throw forever")
    func fatalEndsOnce() throws {
        let reader = InputReader(source: BufferSource(Array("[{\"id\":\"a\",\"total_energy\":1} {\"id\":\"b\"}]".utf8)))
        var errors = 0
        for _ in 0..<5 {
            do { if try reader.next() == nil { break } } catch { errors += 1 }
        }
        #expect(errors == 1)
    }

    @Test(
        "CLI: unreadable lines are reported where they stand, the rest verified, exit 2",
        .enabled(if: CLITests.executable != nil))
    func cliBatch() throws {
        let good = try Self.exampleLine()
        let input = ([good] + Self.brokenLines.filter { !$0.contains("signed_data") } + [good]).joined(separator: "\n")
        let run = try CLITests.run(["verify", "--format", "json", "-"], stdin: input + "\n")
        #expect(run.status == 2)
        let objects = run.lines.compactMap { line -> [String: Any]? in
            guard let data = line.data(using: .utf8) else { return nil }
            return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        #expect(objects.count == run.lines.count, "every output line is JSON")
        #expect(objects.first?["verdict"] as? String == "verified")
        #expect(objects.last?["verdict"] as? String == "verified")
        let broken = objects.dropFirst().dropLast()
        #expect(broken.count == Self.brokenLines.count - 1)
        for (index, object) in broken.enumerated() {
            #expect(object["verdict"] is NSNull)
            #expect((object["id"] as? String)?.hasPrefix("stdin#") == true)
            let error = object["error"] as? [String: Any]
            #expect(error?["line"] as? Int == index + 2, "\(object)")
            #expect(error?["message"] is String)
        }
        #expect(!run.stderr.contains("\u{1B}"), "no raw escape reaches the terminal")
        #expect(run.stderr.contains("unreadable"), "the summary counts unreadable records")

        let text = try CLITests.run(["verify", "-"], stdin: input + "\n")
        #expect(text.status == 2)
        #expect(text.stdout.components(separatedBy: "UNREADABLE").count == Self.brokenLines.count)
        #expect(text.stdout.components(separatedBy: "VERIFIED").count == 3)
    }

    /// Runs a shell line with the built CLI as `$E`; returns its status and standard error.
    static func shell(_ script: String) throws -> (status: Int32, stderr: String) {
        guard let executable = CLITests.executable else { throw CLITests.CLIMissing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ["E": executable.path, "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = Paths.repository
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test(
        "CLI: a failing standard output exits 2 with one line, never a trap", .enabled(if: CLITests.executable != nil))
    func outputFailures() throws {
        let full = try Self.shell(#""$E" verify Examples/cdr-ocmf.json > /dev/full"#)
        #expect(full.status == 2)
        #expect(full.stderr.contains("cannot write the output: No space left on device"), "\(full.stderr)")
        let closed = try Self.shell(#""$E" verify Examples/cdr-ocmf.json >&-"#)
        #expect(closed.status == 2)
        #expect(closed.stderr.contains("cannot write the output"), "\(closed.stderr)")
        // A reader that went away (`| head`): the CLI ignores SIGPIPE itself, so the failed write
        // gives the one line and status 2 instead of death by signal (status 141).
        let pipe = try Self.shell(
            #"for i in $(seq 300); do cat Examples/cdr-ocmf.json; done > "${TMPDIR:-/tmp}/many.json"; "#
                + #"{ "$E" verify --format json "${TMPDIR:-/tmp}/many.json"; echo "status $?" >&2; } | head -c 10"#)
        #expect(pipe.stderr.contains("cannot write the output: Broken pipe"), "\(pipe.stderr)")
        #expect(pipe.stderr.contains("status 2"), "\(pipe.stderr)")
    }

    @Test("control characters from the input are escaped in text reports and messages")
    func controlCharacters() throws {
        var text = String(decoding: try Paths.bytes(Self.example), as: UTF8.self)
        text = text.replacingOccurrences(
            of: #""meter_id": "1ACME0000001""#, with: #""meter_id": "\u001b[31mX\u001b[0m\r""#)
        let report = try Verifier().verify(cdrJSON: Array(text.utf8))
        for language in [Language.en, .de] {
            let rendered = TextRenderer(language: language).render(report)
            #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B || $0 == "\r" })
            #expect(rendered.contains("\\u{1B}[31m"))
        }
        #expect(TextSafety.escaped("a\u{1B}b\u{202E}c\u{9B}") == "a\\u{1B}b\\u{202E}c\\u{9B}")
        #expect(TextSafety.escaped("Zähler 1 · ok") == "Zähler 1 · ok")
    }
}

/// A record whose arithmetic would overflow costs only that record: the CLI reports it `invalid`
/// (`format`) and verifies the records around it.
@Suite("Hostile arithmetic in a batch")
struct HostileArithmeticBatchTests {
    /// The generated Mennekes CDR with every signed scaler set to `scaler`, on one line.
    static func mennekes(scaler: String) throws -> String {
        let url = Paths.vectors.appendingPathComponent("generated-edl40/cdrs/mennekes-verified.json")
        guard case .object(var members) = try JSONParser.parse(try Paths.bytes(url)),
            let signedIndex = members.firstIndex(where: { $0.key == "signed_data" }),
            case .object(var signed) = members[signedIndex].value,
            let valuesIndex = signed.firstIndex(where: { $0.key == "signed_values" }),
            case .array(let values) = signed[valuesIndex].value
        else { throw InputError(.empty) }
        let changed = values.map { value -> JSONValue in
            guard case .object(var fields) = value else { return value }
            for index in fields.indices where fields[index].key == "signed_data" {
                guard let text = fields[index].value.stringValue else { continue }
                let xml = Base64.decode(text).map { String(decoding: $0, as: UTF8.self) } ?? text
                let hostile = xml.replacingOccurrences(of: "<Scaler>-1</Scaler>", with: "<Scaler>\(scaler)</Scaler>")
                fields[index].value = .string(Base64.encode(Array(hostile.utf8)))
            }
            return .object(fields)
        }
        signed[valuesIndex].value = .array(changed)
        members[signedIndex].value = .object(signed)
        return String(decoding: JSONValue.object(members).compactText, as: UTF8.self)
    }

    @Test("scalers far outside a meter's range are a format failure of that record, in the library")
    func library() throws {
        for scaler in ["-128", "127", "-40", "40"] {
            let report = try Verifier().verify(cdrJSON: Array(try Self.mennekes(scaler: scaler).utf8))
            #expect(report.verdict == .invalid, "scaler \(scaler)")
            #expect(report.check(.format)?.status == .fail, "scaler \(scaler)")
        }
        let unchanged = try Verifier().verify(cdrJSON: Array(try Self.mennekes(scaler: "-1").utf8))
        #expect(unchanged.verdict == .verified)
    }

    @Test(
        "CLI: a scaler of -128 between two good CDRs: three verdicts, exit 1", .enabled(if: CLITests.executable != nil))
    func cli() throws {
        let good = try StreamRobustnessTests.exampleLine()
        let input = [good, try Self.mennekes(scaler: "-128"), good].joined(separator: "\n") + "\n"
        let run = try CLITests.run(["verify", "--format", "json", "-"], stdin: input)
        #expect(run.status == 1, "\(run.stderr)")
        let verdicts = run.lines.compactMap { line -> String? in
            guard let data = line.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["verdict"] as? String
        }
        #expect(verdicts == ["verified", "invalid", "verified"])
    }
}
