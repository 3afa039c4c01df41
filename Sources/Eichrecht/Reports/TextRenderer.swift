/// Renders a report as text for a person: what the meter signed, what was checked, and why anything
/// failed. English or German.
public struct TextRenderer: Sendable {
    /// The language of the text.
    public var language: Language

    /// A renderer writing in `language`.
    public init(language: Language = .en) {
        self.language = language
    }

    private func t(_ label: ReportLabel) -> String { label.text(language) }

    /// The verdict's upper-case name in the renderer's language, e.g. `VERIFIED` or `VERIFIZIERT`.
    public func verdictName(_ verdict: Verdict) -> String { t(.verdict(verdict)) }

    /// The check's short name in the renderer's language, e.g. `public key` or `Schlüssel`.
    public func checkName(_ code: CheckCode) -> String { t(.check(code)) }

    /// What a unit is called in a report's first line.
    public func unitName(_ unit: UnitKind) -> String { t(.unit(unit)) }

    /// A value's nature as the sender wrote it, in the renderer's language when it is one of OCPI's.
    private func natureName(_ written: String?) -> String {
        guard let written else { return "–" }
        let known: [SignedValue.Nature] = [.start, .end, .intermediate]
        return known.first { $0.rawValue.lowercased() == written.lowercased() }?.text(language) ?? written
    }

    /// Plain decimal text (from the report) with the language's decimal separator.
    private func decimal(_ text: String) -> String {
        language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    private func symbol(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✔"
        case .fail: "✘"
        case .warn: "!"
        case .skip: "–"
        }
    }

    private func readingLine(_ label: String, _ reading: ReadingReport) -> String {
        var parts: [String] = [pad(label, 8)]
        parts.append(pad(reading.time ?? "–", 32))
        let value = [reading.value.map(decimal), reading.unit].compactMap { $0 }.joined(separator: " ")
        parts.append(pad(value.isEmpty ? "–" : value, 18))
        var notes: [String] = []
        if let register = reading.register { notes.append(register) }
        notes.append(t(.clock(reading.clock)))
        if !reading.flags.isEmpty {
            notes.append(reading.flags.map { StageText.text($0, language) }.joined(separator: ", "))
        }
        return "  " + parts.joined(separator: " ") + " " + notes.joined(separator: " · ")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// The report as text, ending with a newline.
    public func render(_ report: Report) -> String {
        var lines: [String] = []
        lines.append("\(unitName(report.unit ?? .cdr)) \(report.id ?? "–"): \(verdictName(report.verdict))")
        if report.verdict != .verified {
            lines.append("  \(report.reason.text(language))")
        }
        if let first = report.values.first(where: { $0.format != nil }) {
            var what: [String] = []
            if let meter = first.meter {
                let name = [meter.vendor, meter.model].compactMap { $0 }.joined(separator: " ")
                let id = meter.serial ?? meter.gatewaySerial ?? "?"
                what.append(t(.meter) + " \(id)" + (name.isEmpty ? "" : " (\(name))"))
            }
            if let format = first.format { what.append(format.rawValue) }
            if let algorithm = first.algorithm { what.append(algorithm.text(language)) }
            if let source = first.keySource { what.append(t(.keySource(source, report.unit ?? .cdr))) }
            lines.append("  " + what.joined(separator: ", "))
        }
        if let session = report.session {
            lines.append(readingLine(t(.begin), session.begin))
            lines.append(readingLine(t(.end), session.end))
            var energy =
                "  " + pad(t(.energy), 8) + " " + t(.signed) + " \(session.energyKWh.map(decimal) ?? "?") kWh"
            if let total = report.cdr?.totalEnergy { energy += ", CDR total_energy \(decimal(total)) kWh" }
            if let duration = session.durationSeconds {
                energy += ", " + t(.duration) + " " + Wording(language: language).duration(seconds: duration)
            }
            lines.append(energy)
        }
        if !report.values.isEmpty {
            lines.append("  " + t(.signedValues))
            for value in report.values {
                var line = "    \(value.index + 1) \(pad(natureName(value.nature), 12))"
                line +=
                    " "
                    + [value.format?.rawValue, value.transport.map { "(\($0.rawValue))" }].compactMap { $0 }.joined(
                        separator: " ")
                line += "  " + t(.signature(value.signature))
                if let page = value.pagination { line += "  PG \(page)" }
                if let duplicate = value.duplicateOf {
                    line += "  " + t(.repeatsValue(duplicate))
                }
                lines.append(line)
                if value.signature != .valid,
                    let reason = value.signatureReason?.text(language)
                        ?? value.error.map({ StageText.text($0, language) })
                {
                    lines.append("      \(reason)")
                }
                if !value.attributes.isEmpty {
                    lines.append(
                        "      "
                            + value.attributes.map { "\(StageText.label($0, language)): \($0.value.text(language))" }
                            .joined(
                                separator: " · "))
                }
                for deviation in value.deviations {
                    lines.append("      " + t(.deviation) + " " + StageText.deviation(deviation, language))
                }
                if report.session == nil {
                    for reading in value.readings {
                        lines.append("    " + readingLine(reading.typeCode ?? t(.readingType(reading.type)), reading))
                    }
                }
            }
        }
        lines.append("  " + t(.checks))
        for check in report.checks {
            lines.append("    \(symbol(check.status)) \(pad(checkName(check.code), 17)) \(check.reason.text(language))")
        }
        // Input bytes reach these lines (serials, attributes, messages): no control character from
        // them may act on the terminal.
        return lines.map { TextSafety.escaped($0) }.joined(separator: "\n") + "\n"
    }

    /// The one line for an unreadable record of a stream (`FILE#3`), with its position and reason.
    public func renderUnreadable(id: String, error: InputError) -> String {
        TextSafety.escaped("\(id): \(t(.unreadable)): \(error.text(language))") + "\n"
    }
}
