// Prints throughput figures of the verifier. Speed is measured here, never asserted in tests.
//
//   swift run -c release eichrecht-bench FILE.ndjson
//
// FILE is NDJSON of CDRs (Scripts/benchmark.sh runs it on the shared perf corpora). The figures:
// raw ECDSA verifications per second through the OpenSSL module, CDRs per second on one thread,
// CDRs per second through the CLI's VerificationStream on every core, and the JSON writer's speed.

import Dispatch
import Eichrecht
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("usage: eichrecht-bench FILE.ndjson\n".utf8))
    exit(2)
}
let bytes = [UInt8](data)

// Read every unit once (parsing is part of what is measured below as well).
var units: [VerificationUnit] = []
let readTime = try seconds {
    let reader = InputReader(source: BufferSource(bytes))
    while let unit = try reader.next() { units.append(unit) }
}
let verifier = Verifier()
print("input: \(units.count) CDRs, \(bytes.count / 1024) KiB, read and parsed in \(String(format: "%.3f", readTime)) s")

// 1. Raw ECDSA: the first record's signature, verified repeatedly.
let first = verifier.verify(units[0])
print("first CDR: \(first.verdict.rawValue)")
if case .cdr(let cdr) = units[0].content, let signed = cdr.signedData,
    let record = verifier.verifyKeepingDecodedValues(units[0]).values.first(where: { $0.nature == .end })?.records
        .first,
    let signature = record.signature, let algorithm = record.algorithm,
    let key = try? KeyInput(text: signed.publicKey ?? "").publicKey(for: algorithm.curve).get()
{
    let iterations = 20_000
    var valid = 0
    let time = seconds {
        for _ in 0..<iterations
        where SignatureVerifier.verify(
            message: record.signedBytes, signature: signature, key: key, algorithm: algorithm, cache: verifier.keyCache)
        {
            valid += 1
        }
    }
    print(
        String(
            format: "ECDSA %@ verify (one thread): %.0f/s (%d valid)", algorithm.curve.description,
            Double(iterations) / time, valid))
}

// 2. Whole CDRs on one thread: parse, decode, verify every signature, run every check.
var verified = 0
let single = try seconds {
    verified = 0
    let reader = InputReader(source: BufferSource(bytes))
    while let unit = try reader.next() {
        if verifier.verify(unit).verdict == .verified { verified += 1 }
    }
}
print(
    String(
        format: "CDRs, one thread: %.0f CDRs/s (%d of %d verified, %.1f µs each)", Double(units.count) / single,
        verified, units.count, single / Double(units.count) * 1e6))

// 3. Whole CDRs on every core as the CLI runs them: a VerificationStream (reading on one thread,
// verifying and writing the JSON line on the workers, handed back in input order).
let cores = ProcessInfo.processInfo.activeProcessorCount
let writer = ReportJSONWriter(language: .en)
var written = 0
let parallel = seconds {
    let stream = VerificationStream(
        reader: InputReader(source: BufferSource(bytes)), name: path, verifier: verifier, jobs: cores
    ) { outcome -> Int in
        guard case .report(let report) = outcome else { return 0 }
        return writer.encode(report).count + 1
    }
    written = stream.reduce(0, +)
}
print(
    String(
        format: "CDRs, %d cores, streamed with JSON lines: %.0f CDRs/s (%d KiB of output)", cores,
        Double(units.count) / parallel, written / 1024))

// 4. JSON report writing, which the CLI adds per CDR (its own writer, as `--format json` uses it).
let reports = units.prefix(2000).map(verifier.verify)
let encodeTime = seconds { for report in reports { _ = writer.encode(report) } }
print(String(format: "JSON report writing: %.0f reports/s", Double(reports.count) / encodeTime))
