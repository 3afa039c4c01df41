import Foundation
import Synchronization
import Testing

/// The CLI's parallel, streaming run: `--jobs`, and answers while the input stays open.
@Suite("eichrecht CLI streaming")
struct StreamingCLITests {
    /// Forty-odd CDRs of mixed verdicts with two broken lines among them, as NDJSON.
    static func mixedNDJSON() throws -> String {
        let first = try String(
            contentsOf: Paths.generatedOCMF.appendingPathComponent("cdrs/input-ndjson.ndjson"), encoding: .utf8)
        let second = try String(
            contentsOf: GeneratedFolder.alfen.url.appendingPathComponent("cdrs/alfen-batch.ndjson"),
            encoding: .utf8)
        let block = first + second
        return String(repeating: block, count: 4) + "{\"id\": broken}\n" + String(repeating: block, count: 3)
            + "[1,\n" + block
    }

    @Test("--jobs 1 and --jobs 2 write the same bytes", .enabled(if: CLITests.executable != nil))
    func jobsGiveIdenticalOutput() throws {
        let input = try Self.mixedNDJSON()
        for format in ["json", "text"] {
            let one = try CLITests.run(["verify", "--format", format, "--jobs", "1", "-"], stdin: input)
            let two = try CLITests.run(["verify", "--format", format, "--jobs", "2", "-"], stdin: input)
            #expect(one.status == 2, "the broken line makes the status 2")
            #expect(one.lines.count >= 40)
            #expect(one.stdout == two.stdout)
            #expect(one.stderr == two.stderr)
            #expect(one.status == two.status)
        }
    }

    @Test("--jobs must be at least 1", .enabled(if: CLITests.executable != nil))
    func jobsZeroIsUsageError() throws {
        let zero = try CLITests.run(["verify", "--jobs", "0", "Examples/cdr-ocmf.json"])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("--jobs"))
        #expect(try CLITests.run(["verify", "--jobs", "many", "Examples/cdr-ocmf.json"]).status == 2)
        #expect(try CLITests.run(["verify", "--jobs", "3", "Examples/cdr-ocmf.json"]).status == 0)
    }

    /// The bytes a pipe delivered so far, collected on another thread.
    final class Collected: Sendable {
        let bytes = Mutex<[UInt8]>([])
        let newline = DispatchSemaphore(value: 0)
    }

    @Test("a CDR written alone to an open pipe is answered at once", .enabled(if: CLITests.executable != nil))
    func answersWhileInputStaysOpen() throws {
        guard let executable = CLITests.executable else { throw CLITests.CLIMissing() }
        let line =
            try String(
                contentsOf: Paths.generatedOCMF.appendingPathComponent("cdrs/input-ndjson.ndjson"), encoding: .utf8
            ).split(separator: "\n")[0] + "\n"
        let process = Process()
        process.executableURL = executable
        process.arguments = ["verify", "--format", "json", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let collected = Collected()
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            collected.bytes.withLock { $0 += data }
            if data.contains(0x0A) { collected.newline.signal() }
        }
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            output.fileHandleForReading.readabilityHandler = nil
        }
        Thread.sleep(forTimeInterval: 0.3)  // started and waiting on the pipe
        let start = DispatchTime.now().uptimeNanoseconds
        input.fileHandleForWriting.write(Data(line.utf8))
        let answered = collected.newline.wait(timeout: .now() + 2) == .success
        let latency = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        #expect(answered, "no verdict within 2 s while the input stays open")
        print("eichrecht answered one CDR on an open pipe after \(String(format: "%.1f", latency)) ms")
        let text = String(decoding: collected.bytes.withLock { $0 }, as: UTF8.self)
        #expect(text.contains(#""verdict":"verified""#))
    }
}
