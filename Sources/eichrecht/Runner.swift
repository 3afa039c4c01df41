import Dispatch
import Eichrecht
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads inputs, verifies their units in parallel batches, and writes each report as soon as it and
/// every report before it are done, in input order.
final class Runner {
    let verifier: Verifier
    let sink: ReportSink

    /// Units verified together; large enough to keep both cores busy, small enough to stream.
    static let batchSize = 256

    init(verifier: Verifier, format: Verify.OutputFormat, language: Language) {
        self.verifier = verifier
        self.sink = ReportSink(format: format, language: language)
    }

    /// Verifies one input; returns its exit status (0, 1 or 2). Throws when the output cannot be
    /// written.
    func run(path: String) throws(OutputError) -> Int32 {
        let name = path == "-" ? "stdin" : path
        let reader: InputReader
        do {
            reader = InputReader(source: try FileSource(path: path))
        } catch {
            Output.error("\(name): \(error.text(sink.language))")
            return 2
        }
        var status: Int32 = 0
        var batch: [VerificationUnit] = []
        func flush() throws(OutputError) {
            guard !batch.isEmpty else { return }
            status = max(status, try verifyInOrder(batch, name: name))
            batch.removeAll(keepingCapacity: true)
        }
        while true {
            let next: Result<VerificationUnit?, InputError>
            do { next = .success(try reader.next()) } catch { next = .failure(error) }
            switch next {
            case .success(let unit?):
                batch.append(unit)
                if batch.count >= Runner.batchSize { try flush() }
            case .success(nil):
                try flush()
                return status
            case .failure(let error):
                try flush()
                // A broken record of a stream costs that record only; anything else ends the input.
                if let record = error.skippedRecord {
                    sink.clearProgress()
                    Output.error("\(name): \(error.text(sink.language))")
                    try sink.emitUnreadable(id: name + record, error: error)
                    status = 2
                    continue
                }
                sink.clearProgress()
                Output.error("\(name): \(error.text(sink.language))")
                return 2
            }
        }
    }

    /// Verifies a batch on every core; each report is written as soon as it and every one before it
    /// are done, so a failure later in the batch never loses a verdict already reached.
    private func verifyInOrder(_ units: [VerificationUnit], name: String) throws(OutputError) -> Int32 {
        let verifier = self.verifier
        let sink = self.sink
        let slots = OrderedSlots(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { index in
            var report = verifier.verify(units[index])
            let unit = units[index]
            if report.id == nil || report.id == unit.label { report.id = "\(name)\(unit.label)" }
            let rendered = sink.render(report)
            slots.complete(index, with: (rendered, report.verdict)) { sink.emit($0.0, verdict: $0.1) }
        }
        try sink.check()
        return slots.worstStatus
    }

    /// Clears the progress line and writes the summary of counts to standard error.
    func finish() {
        sink.clearProgress()
        sink.summary()
    }
}

/// The finished results of one batch, written in order as soon as a prefix of them is complete.
final class OrderedSlots: Sendable {
    private struct State {
        var results: [([UInt8], Verdict)?]
        var next = 0
        var worst: Int32 = 0
    }
    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: nil, count: count)))
    }

    /// Stores result `index`, then hands every result of the completed prefix to `write`, in order.
    func complete(_ index: Int, with result: ([UInt8], Verdict), write: (([UInt8], Verdict)) -> Void) {
        state.withLock { state in
            state.results[index] = result
            while state.next < state.results.count, let ready = state.results[state.next] {
                write(ready)
                if ready.1 != .verified { state.worst = max(state.worst, 1) }
                state.results[state.next] = nil
                state.next += 1
            }
        }
    }

    /// 1 when any result of the batch is not `verified`, else 0.
    var worstStatus: Int32 { state.withLock { $0.worst } }
}

/// Formats reports and writes them to standard output; counts verdicts; keeps the progress line on
/// standard error out of the way of the reports.
final class ReportSink: Sendable {
    private struct State {
        var counts: [Verdict: Int] = [:]
        var unreadable = 0
        var total = 0
        var failure: OutputError?
        var progressVisible = false
        var lastProgress: UInt64 = 0
    }
    private let state = Mutex(State())
    private let format: Verify.OutputFormat
    private let writer: ReportJSONWriter
    private let renderer: TextRenderer
    let language: Language
    private let progressOnTerminal = isatty(2) == 1
    private let outputOnTerminal = isatty(1) == 1

    init(format: Verify.OutputFormat, language: Language) {
        self.format = format
        self.language = language
        self.writer = ReportJSONWriter(language: language)
        self.renderer = TextRenderer(language: language)
    }

    /// The report as the output format writes it, with its line end.
    func render(_ report: Report) -> [UInt8] {
        switch format {
        case .json: writer.encode(report) + [0x0A]
        case .text: Array((renderer.render(report) + "\n").utf8)
        }
    }

    /// Writes one rendered report and counts its verdict. After a failed write nothing more is
    /// written; `check()` reports the failure.
    func emit(_ bytes: [UInt8], verdict: Verdict?) {
        state.withLock { state in
            guard state.failure == nil else { return }
            hideProgress(&state)
            do throws(OutputError) {
                try Output.write(bytes)
            } catch {
                state.failure = error
                return
            }
            state.total += 1
            if let verdict { state.counts[verdict, default: 0] += 1 } else { state.unreadable += 1 }
            showProgress(&state)
        }
    }

    /// Writes the line for an unreadable record of a stream.
    func emitUnreadable(id: String, error: InputError) throws(OutputError) {
        switch format {
        case .json: emit(writer.encodeUnreadable(id: id, error: error) + [0x0A], verdict: nil)
        case .text: emit(Array((renderer.renderUnreadable(id: id, error: error) + "\n").utf8), verdict: nil)
        }
        try check()
    }

    /// Throws the first write failure, if any.
    func check() throws(OutputError) {
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    private func hideProgress(_ state: inout State) {
        // Only when the reports go to the same terminal: a redirected output never meets the line.
        guard state.progressVisible, outputOnTerminal else { return }
        Output.progress("\r\u{1B}[K")
        state.progressVisible = false
    }

    private func showProgress(_ state: inout State) {
        guard progressOnTerminal else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - state.lastProgress > 500_000_000 || (!state.progressVisible && !outputOnTerminal) else { return }
        state.lastProgress = now
        let verified = state.counts[.verified, default: 0]
        let text =
            language == .de
            ? "\(state.total) geprüft, \(verified) verifiziert" : "\(state.total) checked, \(verified) verified"
        Output.progress("\r\(text)\u{1B}[K")
        state.progressVisible = true
    }

    /// Removes the progress line, if one shows.
    func clearProgress() {
        state.withLock { state in
            guard state.progressVisible else { return }
            Output.progress("\r\u{1B}[K")
            state.progressVisible = false
        }
    }

    /// One line on standard error: how many units, per verdict, and unreadable records.
    func summary() {
        let (counts, unreadable, total) = state.withLock { ($0.counts, $0.unreadable, $0.total) }
        guard total > 0 else { return }
        let renderer = self.renderer
        var parts = Verdict.allCases.compactMap { verdict -> String? in
            guard let count = counts[verdict], count > 0 else { return nil }
            return "\(count) \(renderer.verdictName(verdict).lowercased())"
        }
        if unreadable > 0 { parts.append("\(unreadable) " + (language == .de ? "nicht lesbar" : "unreadable")) }
        Output.progress(
            "eichrecht: \(total) " + (language == .de ? (total == 1 ? "Einheit" : "Einheiten") : (total == 1 ? "unit" : "units")) + ": \(parts.joined(separator: ", "))\n")
    }
}

/// Standard output could not be written (a closed pipe, a full disk).
struct OutputError: Error, Sendable, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write the output: \(reason)" }
}

/// Standard output and one-line messages on standard error.
enum Output {
    /// Writes `bytes` to standard output; throws instead of trapping when that fails.
    static func write(_ bytes: [UInt8]) throws(OutputError) {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            throw OutputError(reason: reason(error as NSError))
        }
    }

    /// The system's words for a failed write (`Broken pipe`, `No space left on device`), which
    /// Foundation wraps in a generic file error.
    private static func reason(_ error: NSError) -> String {
        var current: NSError? = error
        while let e = current {
            if e.domain == NSPOSIXErrorDomain, let text = strerror(Int32(e.code)) { return String(cString: text) }
            current = e.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return error.localizedDescription
    }

    /// One line on standard error, prefixed `eichrecht: `, control characters escaped.
    static func error(_ message: String) {
        progress("eichrecht: \(TextSafety.escaped(message))\n")
    }

    /// Text on standard error as it is (the progress line and its control sequences).
    static func progress(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Array(text.utf8))
    }
}
