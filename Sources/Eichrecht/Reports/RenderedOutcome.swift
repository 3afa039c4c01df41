/// How reports are written: `text` for people, `json` for machines (one object per line, NDJSON).
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
}

/// One outcome of a stream as the CLI and the service write it: made on a worker thread, written in
/// input order.
public struct RenderedOutcome: Sendable {
    /// What the line stands for.
    public enum Kind: Sendable {
        /// A report with this verdict.
        case report(Verdict)
        /// An unreadable record of a stream: `message` names the input and position, the record's
        /// line goes to the output, and reading goes on.
        case unreadable(message: String, error: InputError)
        /// The input cannot be read further: `message` names the input and what is wrong.
        case inputFailed(message: String, error: InputError)
    }

    /// The output line (with its line end); empty when nothing is written.
    public var bytes: [UInt8]
    /// What the line stands for.
    public var kind: Kind
}

/// Turns stream outcomes into output lines in the chosen format and language: the one place that
/// decides what a line of `eichrecht verify` and of the service's `/v1/verify` holds.
public struct OutcomeRenderer: Sendable {
    public let format: ReportFormat
    let json: ReportJSONWriter
    let text: TextRenderer
    let language: Language

    /// A renderer writing `format` with messages in `language`.
    public init(format: ReportFormat, language: Language) {
        self.format = format
        self.language = language
        self.json = ReportJSONWriter(language: language)
        self.text = TextRenderer(language: language)
    }

    /// `outcome` as written for the input called `name`.
    public func render(_ outcome: StreamOutcome, input name: String) -> RenderedOutcome {
        switch outcome {
        case .report(let report):
            let bytes: [UInt8]
            switch format {
            case .json: bytes = json.encode(report) + [0x0A]
            case .text: bytes = Array((text.render(report) + "\n").utf8)
            }
            return RenderedOutcome(bytes: bytes, kind: .report(report.verdict))
        case .unreadable(let id, let error):
            return RenderedOutcome(
                bytes: unreadableLine(id: id, error: error),
                kind: .unreadable(message: "\(name): \(error.text(language))", error: error))
        case .inputFailed(let error):
            return RenderedOutcome(bytes: [], kind: .inputFailed(message: "\(name): \(error.text(language))", error: error))
        }
    }

    /// The line of a record (or, for the service, of the rest of an input) that cannot be read:
    /// `{"id": …, "verdict": null, "error": {…}}` in JSON.
    public func unreadableLine(id: String, error: InputError) -> [UInt8] {
        switch format {
        case .json: json.encodeUnreadable(id: id, error: error) + [0x0A]
        case .text: Array((text.renderUnreadable(id: id, error: error) + "\n").utf8)
        }
    }
}
