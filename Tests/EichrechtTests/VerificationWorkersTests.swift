import Eichrecht
import Foundation
import Synchronization
import Testing

/// Streams on shared `VerificationWorkers`: the same results in the same order as a stream with
/// threads of its own, many streams at once on a few threads, and no thread started per stream.
@Suite("Verification workers")
struct VerificationWorkersTests {
    static func sequential(_ bytes: [UInt8]) -> [String] {
        VerificationStream(reader: InputReader(source: BufferSource(bytes)), name: "in", jobs: 1)
            .map(VerificationStreamTests.describe)
    }

    @Test("a slow unit holds back the ones after it, never reorders them")
    func inputOrderWithSlowUnit() throws {
        let bytes = try VerificationStreamTests.input()
        let workers = VerificationWorkers(threads: 4)
        let stream = VerificationStream(reader: InputReader(source: BufferSource(bytes)), name: "in", workers: workers)
        {
            outcome -> String in
            if case .report(let report) = outcome, report.id == "CDR-input-ndjson-0" {
                Thread.sleep(forTimeInterval: 0.3)
            }
            return VerificationStreamTests.describe(outcome)
        }
        #expect(Array(stream) == Self.sequential(bytes))
    }

    @Test("forty streams at once on two threads, each in its own order; a window of one works")
    func manyStreamsOnFewThreads() async throws {
        let bytes = try VerificationStreamTests.input()
        let expected = Self.sequential(bytes)
        let workers = VerificationWorkers(threads: 2)
        let results = await withTaskGroup(of: [String].self) { group in
            for n in 0..<40 {
                group.addTask {
                    var seen: [String] = []
                    let stream = VerificationStream(
                        reader: InputReader(source: BufferSource(bytes)), name: "in", workers: workers,
                        window: n % 4 == 0 ? 1 : nil
                    ) { VerificationStreamTests.describe($0) }
                    for await line in stream { seen.append(line) }
                    return seen
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 40)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test("an unreadable input ends with inputFailed; a cancelled stream ends at once")
    func failureAndCancel() throws {
        let workers = VerificationWorkers(threads: 2)
        let empty = VerificationStream(reader: InputReader(source: BufferSource([])), name: "e", workers: workers) {
            VerificationStreamTests.describe($0)
        }
        let outcomes = Array(empty)
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.hasPrefix("failed:") == true)

        let bytes = try VerificationStreamTests.input()
        let many = Array(repeating: bytes, count: 50).flatMap { $0 }
        let stream = VerificationStream(reader: InputReader(source: BufferSource(many)), name: "c", workers: workers) {
            VerificationStreamTests.describe($0)
        }
        #expect(stream.next() != nil)
        stream.cancel()
        #expect(stream.next() == nil)
        // The workers still serve the next stream.
        let after = VerificationStream(reader: InputReader(source: BufferSource(bytes)), name: "in", workers: workers) {
            VerificationStreamTests.describe($0)
        }
        #expect(Array(after) == Self.sequential(bytes))
    }

    #if os(Linux)
        @Test("a hundred streams run on the workers' two threads, and start none of their own")
        func noThreadPerStream() throws {
            let bytes = try VerificationStreamTests.input()
            let workers = VerificationWorkers(threads: 2)
            let threads = Mutex(Set<String>())
            for _ in 0..<100 {
                let stream = VerificationStream(
                    reader: InputReader(source: BufferSource(bytes)), name: "in", workers: workers
                ) { outcome -> String in
                    // The kernel's id of the thread (`PID/task/TID`): not reused soon after a
                    // thread ends, so threads started per stream would show as new ids.
                    let id = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? "?"
                    threads.withLock { _ = $0.insert(id) }
                    return VerificationStreamTests.describe(outcome)
                }
                #expect(Array(stream).count == 7)
            }
            #expect(threads.withLock { $0.count } <= 2)
        }
    #endif
}
