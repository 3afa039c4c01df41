import ArgumentParser
import Eichrecht

/// The options that set how reports are written: the format and the language.
struct OutputOptionGroup: ParsableArguments {
    /// `text` for people, `json` for machines (NDJSON).
    typealias Format = ReportFormat

    @Option(help: "Output format: text for people, json for one JSON object per CDR per line (NDJSON).")
    var format: Format = .text

    @Option(help: "Language of the text output and messages: en or de.")
    var lang: Language = .en
}

extension ReportFormat: ExpressibleByArgument {}
