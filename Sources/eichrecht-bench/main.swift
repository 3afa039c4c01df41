// Prints throughput figures of the verifier. Speed is measured here, never asserted in tests.
//
//   swift run -c release eichrecht-bench FILE.ndjson
//
// FILE is NDJSON of CDRs (Scripts/benchmark.sh generates 10,000 signed P-256 CDRs). The figures:
// raw ECDSA verifications per second through the OpenSSL module, CDRs per second on one thread,
// and CDRs per second with the CLI's batching on every core.

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

// 3. Whole CDRs in batches of 256 on every core, as the CLI does.
let cores = ProcessInfo.processInfo.activeProcessorCount
let parallel = try seconds {
    let reader = InputReader(source: BufferSource(bytes))
    var batch: [VerificationUnit] = []
    func run() {
        let count = batch.count
        let local = batch
        DispatchQueue.concurrentPerform(iterations: count) { index in _ = verifier.verify(local[index]) }
        batch.removeAll(keepingCapacity: true)
    }
    while let unit = try reader.next() {
        batch.append(unit)
        if batch.count == 256 { run() }
    }
    run()
}
print(String(format: "CDRs, %d cores: %.0f CDRs/s", cores, Double(units.count) / parallel))

// 4. JSON report encoding, which the CLI adds per CDR.
let writer = ReportJSONWriter()
let reports = units.prefix(2000).map(verifier.verify)
let encodeTime = try seconds { for report in reports { _ = writer.encode(report) } }
print(String(format: "JSON report encoding: %.0f reports/s", Double(reports.count) / encodeTime))
