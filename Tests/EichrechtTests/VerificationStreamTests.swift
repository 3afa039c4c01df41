import Eichrecht
import Foundation
import Testing

/// `VerificationStream`: units verified on several threads, handed back in input order.
@Suite("Verification stream")
struct VerificationStreamTests {
    /// Six CDRs (verified, mismatch, invalid) with a broken line among them.
    static func input() throws -> [UInt8] {
        let first = try Paths.bytes(Paths.generatedOCMF.appendingPathComponent("cdrs/input-ndjson.ndjson"))
        let second = try Paths.bytes(
            GeneratedFolder.alfen.url.appendingPathComponent("cdrs/alfen-batch.ndjson"))
        return first + Array("{\"id\": broken}\n".utf8) + second
    }

    /// What each outcome is, as text: the id and verdict, or the unreadable record's id.
    static func describe(_ outcome: StreamOutcome) -> String {
        switch outcome {
        case .report(let report): "\(report.id ?? "?") \(report.verdict.rawValue)"
        case .unreadable(let id, _): "\(id) unreadable"
        case .inputFailed(let error): "failed: \(error.reason)"
        }
    }

    @Test("a slow unit holds back the ones after it, never reorders them")
    func inputOrderWithSlowUnit() throws {
        let bytes = try Self.input()
        let sequential = VerificationStream(reader: InputReader(source: BufferSource(bytes)), name: "in", jobs: 1)
            .map(Self.describe)
        #expect(sequential.count == 7)
        #expect(sequential[3] == "in#4 unreadable")
        // The first CDR takes longest: the other workers finish theirs first.
        let parallel = VerificationStream(reader: InputReader(source: BufferSource(bytes)), name: "in", jobs: 4) {
            outcome -> String in
            if case .report(let report) = outcome, report.id == "CDR-input-ndjson-0" {
                Thread.sleep(forTimeInterval: 0.3)
            }
            return Self.describe(outcome)
        }
        #expect(Array(parallel) == sequential)
    }

    @Test("for await gives the same sequence; a small window keeps memory bounded")
    func asyncIteration() async throws {
        let bytes = try Self.input()
        let expected = VerificationStream(reader: InputReader(source: BufferSource(bytes)), name: "in", jobs: 1)
            .map(Self.describe)
        var seen: [String] = []
        for await outcome in VerificationStream(
            reader: InputReader(source: BufferSource(bytes)), name: "in", jobs: 3, window: 2)
        {
            seen.append(Self.describe(outcome))
        }
        #expect(seen == expected)
    }

    @Test("an input that cannot be read ends its stream with inputFailed")
    func inputFailedIsLast() {
        let outcomes = VerificationStream(reader: InputReader(source: BufferSource([])), name: "empty", jobs: 2)
            .map(Self.describe)
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.hasPrefix("failed:") == true)
    }

    @Test("a record is handed out while the input stays open")
    func liveRecordBeforeEndOfInput() throws {
        let line = try Self.input().split(separator: 0x0A, maxSplits: 1)[0] + [0x0A]
        let gate = DispatchSemaphore(value: 0)
        let stream = VerificationStream(
            reader: InputReader(source: HeldOpenSource(Array(line), gate: gate)), name: "live", jobs: 2)
        // The source blocks after the first line until released: the report must come before.
        let first = stream.next().map(Self.describe)
        #expect(first == "CDR-input-ndjson-0 verified")
        gate.signal()
        #expect(stream.next() == nil)
    }
}

/// A source that yields its bytes, then blocks (as an open pipe does) until `gate` is signalled.
final class HeldOpenSource: ByteSource {
    private var bytes: [UInt8]?
    private let gate: DispatchSemaphore

    init(_ bytes: [UInt8], gate: DispatchSemaphore) {
        self.bytes = bytes
        self.gate = gate
    }

    func read(maximum: Int) -> [UInt8] {
        if let bytes {
            self.bytes = nil
            return bytes
        }
        gate.wait()
        return []
    }
}
