import Dispatch
import Eichrecht
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the output lines to standard output, in the order given; counts verdicts; keeps the
/// progress line on standard error out of the way of the reports. Used by the main thread only.
///
/// Lines are collected while more are ready and written with `flush()`, which the runner calls
/// before it waits for the next one: a line waits for nothing but the lines before it.
final class ReportSink {
    private var counts: [Verdict: Int] = [:]
    private var unreadable = 0
    private var total = 0
    private var pending: [UInt8] = []
    private var progressVisible = false
    private var lastProgress: UInt64 = 0
    let language: Language
    private let verdictNames: TextRenderer
    private let progressOnTerminal = isatty(2) == 1
    private let outputOnTerminal = isatty(1) == 1

    /// Collected output beyond this is written at once.
    private static let flushSize = 64 << 10

    init(language: Language) {
        self.language = language
        self.verdictNames = TextRenderer(language: language)
    }

    /// Adds one output line and counts its verdict (`nil`: an unreadable record).
    func append(_ bytes: [UInt8], verdict: Verdict?) throws(OutputError) {
        pending += bytes
        total += 1
        if let verdict { counts[verdict, default: 0] += 1 } else { unreadable += 1 }
        if pending.count >= ReportSink.flushSize { try flush() }
    }

    /// Writes the collected lines.
    func flush() throws(OutputError) {
        guard !pending.isEmpty else { return }
        hideProgress()
        try Output.write(pending)
        pending.removeAll(keepingCapacity: true)
        showProgress()
    }

    private func hideProgress() {
        // Only when the reports go to the same terminal: a redirected output never meets the line.
        guard progressVisible, outputOnTerminal else { return }
        Output.progress("\r\u{1B}[K")
        progressVisible = false
    }

    private func showProgress() {
        guard progressOnTerminal else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastProgress > 500_000_000 || (!progressVisible && !outputOnTerminal) else { return }
        lastProgress = now
        let verified = counts[.verified, default: 0]
        let text =
            language == .de ? "\(total) geprüft, \(verified) verifiziert" : "\(total) checked, \(verified) verified"
        Output.progress("\r\(text)\u{1B}[K")
        progressVisible = true
    }

    /// Removes the progress line, if one shows.
    func clearProgress() {
        guard progressVisible else { return }
        Output.progress("\r\u{1B}[K")
        progressVisible = false
    }

    /// One line on standard error: how many units, per verdict, and unreadable records.
    func summary() {
        guard total > 0 else { return }
        var parts = Verdict.allCases.compactMap { verdict -> String? in
            guard let count = counts[verdict], count > 0 else { return nil }
            return "\(count) \(verdictNames.verdictName(verdict).lowercased())"
        }
        if unreadable > 0 { parts.append("\(unreadable) " + (language == .de ? "nicht lesbar" : "unreadable")) }
        let units =
            language == .de ? (total == 1 ? "Einheit" : "Einheiten") : (total == 1 ? "unit" : "units")
        Output.progress("eichrecht: \(total) \(units): \(parts.joined(separator: ", "))\n")
    }
}
