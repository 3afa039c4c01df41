import Eichrecht

/// One outcome of a stream as the CLI writes it: made on a worker thread, written in input order.
struct RenderedOutcome: Sendable {
    enum Kind: Sendable {
        /// A report with this verdict.
        case report(Verdict)
        /// An unreadable record of a stream: `message` goes to standard error, the record's line
        /// to the output, and reading goes on.
        case unreadable(message: String)
        /// The input cannot be read further: `message` goes to standard error.
        case inputFailed(message: String)
    }

    /// The output line (with its line end); empty when nothing is written.
    var bytes: [UInt8]
    var kind: Kind
}

/// Turns stream outcomes into output lines in the chosen format and language.
struct OutcomeRenderer: Sendable {
    let format: OutputOptionGroup.Format
    let json: ReportJSONWriter
    let text: TextRenderer
    let language: Language

    init(format: OutputOptionGroup.Format, language: Language) {
        self.format = format
        self.language = language
        self.json = ReportJSONWriter(language: language)
        self.text = TextRenderer(language: language)
    }

    /// `outcome` as written for the input called `name`.
    func render(_ outcome: StreamOutcome, input name: String) -> RenderedOutcome {
        switch outcome {
        case .report(let report):
            let bytes: [UInt8]
            switch format {
            case .json: bytes = json.encode(report) + [0x0A]
            case .text: bytes = Array((text.render(report) + "\n").utf8)
            }
            return RenderedOutcome(bytes: bytes, kind: .report(report.verdict))
        case .unreadable(let id, let error):
            let bytes: [UInt8]
            switch format {
            case .json: bytes = json.encodeUnreadable(id: id, error: error) + [0x0A]
            case .text: bytes = Array((text.renderUnreadable(id: id, error: error) + "\n").utf8)
            }
            return RenderedOutcome(bytes: bytes, kind: .unreadable(message: "\(name): \(error.text(language))"))
        case .inputFailed(let error):
            return RenderedOutcome(bytes: [], kind: .inputFailed(message: "\(name): \(error.text(language))"))
        }
    }
}
