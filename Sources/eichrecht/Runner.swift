import Eichrecht
import Foundation

/// Verifies inputs with a `VerificationStream` (reading, verifying and rendering on worker threads)
/// and writes each line as soon as it and every line before it are done, in input order.
struct Runner {
    let verifier: Verifier
    let renderer: OutcomeRenderer
    let jobs: Int
    let sink: ReportSink

    init(verifier: Verifier, output: OutputOptionGroup, jobs: Int) {
        self.verifier = verifier
        self.renderer = OutcomeRenderer(format: output.format, language: output.lang)
        self.jobs = jobs
        self.sink = ReportSink(language: output.lang)
    }

    /// Verifies one input; returns its exit status (0, 1 or 2). Throws when the output cannot be
    /// written.
    func run(path: String) throws(OutputError) -> Int32 {
        let name = path == "-" ? "stdin" : path
        let source: FileSource
        do { source = try FileSource(path: path) } catch {
            Output.error("\(name): \(error.text(sink.language))")
            return 2
        }
        let renderer = self.renderer
        let stream = VerificationStream(
            reader: InputReader(source: source), name: name, verifier: verifier, jobs: jobs
        ) { renderer.render($0, input: name) }
        defer { stream.cancel() }
        var status: Int32 = 0
        while true {
            var next = stream.poll()
            if case .pending = next {
                // Everything done so far goes out before waiting for the next line.
                try sink.flush()
                next = stream.next().map { .ready($0) } ?? .finished
            }
            guard case .ready(let outcome) = next else {
                try sink.flush()
                return status
            }
            switch outcome.kind {
            case .report(let verdict):
                try sink.append(outcome.bytes, verdict: verdict)
                if verdict != .verified { status = max(status, 1) }
            case .unreadable(let message, _):
                // A broken record of a stream costs that record only.
                try sink.flush()
                sink.clearProgress()
                Output.error(message)
                try sink.append(outcome.bytes, verdict: nil)
                status = 2
            case .inputFailed(let message, _):
                try sink.flush()
                sink.clearProgress()
                Output.error(message)
                return 2
            }
        }
    }

    /// Clears the progress line and writes the summary of counts to standard error.
    func finish() {
        sink.clearProgress()
        sink.summary()
    }
}
