import Dispatch
import Eichrecht
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads inputs, verifies their units in parallel batches, and prints reports in input order.
final class Runner {
    let verifier: Verifier
    let format: Verify.OutputFormat
    let language: Language
    private let renderer: TextRenderer
    private let writer: ReportJSONWriter
    private let showProgress = isatty(2) == 1
    private var verified = 0
    private var total = 0
    private var lastProgress = DispatchTime.now()

    /// Units verified together; large enough to keep both cores busy, small enough to stream.
    static let batchSize = 256

    init(verifier: Verifier, format: Verify.OutputFormat, language: Language) {
        self.verifier = verifier
        self.format = format
        self.language = language
        self.renderer = TextRenderer(language: language)
        self.writer = ReportJSONWriter(language: language)
    }

    /// Verifies one input; returns its exit status (0, 1 or 2).
    func run(path: String) -> Int32 {
        let name = path == "-" ? "stdin" : path
        let reader: InputReader
        do {
            reader = InputReader(source: try FileSource(path: path))
        } catch {
            Output.error("\(name): \(error)")
            return 2
        }
        var status: Int32 = 0
        var batch: [VerificationUnit] = []
        func flush() {
            guard !batch.isEmpty else { return }
            let reports = verifyConcurrently(batch)
            for (unit, var report) in zip(batch, reports) {
                if report.id == nil || report.id == unit.label { report.id = "\(name)\(unit.label)" }
                emit(report)
                if report.verdict != .verified { status = max(status, 1) }
            }
            batch.removeAll(keepingCapacity: true)
        }
        while true {
            do {
                guard let unit = try reader.next() else { break }
                batch.append(unit)
                if batch.count >= Runner.batchSize { flush() }
            } catch {
                flush()
                Output.error("\(name): \(error)")
                return 2
            }
        }
        flush()
        return status
    }

    /// Verifies a batch on every core; reports come back in the batch's order.
    private func verifyConcurrently(_ units: [VerificationUnit]) -> [Report] {
        guard units.count > 1 else { return units.map(verifier.verify) }
        let verifier = self.verifier
        // An array owns its elements, so every report is released with it (a raw buffer that is
        // only deallocated would leak them).
        var results = [Report?](repeating: nil, count: units.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: units.count) { index in
                slots[index] = verifier.verify(units[index])
            }
        }
        return results.compactMap { $0 }
    }

    private func emit(_ report: Report) {
        switch format {
        case .json:
            Output.write(Data(writer.encode(report) + [0x0A]))
        case .text:
            Output.write(Data((renderer.render(report) + "\n").utf8))
        }
        total += 1
        if report.verdict == .verified { verified += 1 }
        if showProgress, DispatchTime.now().uptimeNanoseconds - lastProgress.uptimeNanoseconds > 500_000_000 {
            lastProgress = .now()
            FileHandle.standardError.write(Data("\r\(total) CDRs, \(verified) verified".utf8))
        }
    }

    func finishProgress() {
        if showProgress, total > 0 {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}

/// Buffered standard output and one-line error messages.
enum Output {
    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("eichrecht: \(message)\n".utf8))
    }
}
