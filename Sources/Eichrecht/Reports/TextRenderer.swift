/// Renders a report as text for a person: what the meter signed, what was checked, and why anything
/// failed. English or German.
public struct TextRenderer: Sendable {
    /// The language of the text.
    public var language: Language

    /// A renderer writing in `language`.
    public init(language: Language = .en) {
        self.language = language
    }

    private func t(_ en: String, _ de: String) -> String { language == .de ? de : en }

    /// The verdict's upper-case name in the renderer's language, e.g. `VERIFIED` or `VERIFIZIERT`.
    public func verdictName(_ verdict: Verdict) -> String {
        switch verdict {
        case .verified: t("VERIFIED", "VERIFIZIERT")
        case .mismatch: t("MISMATCH", "ABWEICHUNG")
        case .unverifiable: t("UNVERIFIABLE", "NICHT PRÜFBAR")
        case .invalid: t("INVALID", "UNGÜLTIG")
        }
    }

    /// The check's short name in the renderer's language, e.g. `public key` or `Schlüssel`.
    public func checkName(_ code: CheckCode) -> String {
        switch code {
        case .format: t("format", "Format")
        case .publicKey: t("public key", "Schlüssel")
        case .signature: t("signature", "Signatur")
        case .consistency: t("consistency", "Konsistenz")
        case .meterStatus: t("meter status", "Zählerstatus")
        case .pairing: t("begin/end pair", "Anfang/Ende")
        case .energy: t("energy", "Energie")
        case .startTime: t("start time", "Startzeit")
        case .endTime: t("end time", "Endzeit")
        case .meterID: t("meter id", "Zähler-ID")
        case .timeSync: t("clock sync", "Uhrzeit-Sync")
        case .keyTrust: t("key trust", "Schlüsselherkunft")
        }
    }

    /// What a unit is called in a report's first line.
    public func unitName(_ unit: UnitKind) -> String {
        switch unit {
        case .cdr: "CDR"
        case .signedData: "SignedData"
        case .ocppMessage: t("OCPP message", "OCPP-Nachricht")
        case .safeTransaction: t("S.A.F.E. transaction", "S.A.F.E.-Vorgang")
        case .rawRecord: t("raw record", "Rohdatensatz")
        }
    }

    /// Where a key that came with the signed data was found, by what the unit was.
    private func keyOrigin(_ unit: UnitKind) -> String {
        switch unit {
        case .cdr: t("key from the CDR", "Schlüssel aus dem CDR")
        case .signedData: t("key from signed_data", "Schlüssel aus signed_data")
        case .ocppMessage: t("key from the OCPP publicKey", "Schlüssel aus dem OCPP-publicKey")
        case .safeTransaction: t("key from the S.A.F.E. <publicKey>", "Schlüssel aus dem S.A.F.E.-<publicKey>")
        case .rawRecord: t("key given with the record", "mit dem Datensatz gelieferter Schlüssel")
        }
    }

    private func symbol(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✔"
        case .fail: "✘"
        case .warn: "!"
        case .skip: "–"
        }
    }

    private func signatureName(_ status: SignatureStatus) -> String {
        switch status {
        case .valid: t("signature valid", "Signatur gültig")
        case .invalid: t("signature INVALID", "Signatur UNGÜLTIG")
        case .unchecked: t("signature not checked", "Signatur nicht geprüft")
        }
    }

    private func clockName(_ clock: ClockQuality?) -> String {
        switch clock {
        case .synchronised?: t("synchronised clock", "synchronisierte Uhr")
        case .informative?: t("informative clock", "informative Uhr")
        case .relative?: t("relative clock", "relative Uhr")
        case .unknown?: t("clock not set", "Uhr nicht gestellt")
        case nil: t("no time", "keine Zeit")
        }
    }

    private func readingLine(_ label: String, _ reading: ReadingReport) -> String {
        var parts: [String] = [pad(label, 8)]
        parts.append(pad(reading.time ?? "–", 32))
        let value = [reading.value, reading.unit].compactMap { $0 }.joined(separator: " ")
        parts.append(pad(value.isEmpty ? "–" : value, 18))
        var notes: [String] = []
        if let register = reading.register { notes.append(register) }
        notes.append(clockName(reading.clock))
        if !reading.flags.isEmpty { notes.append(reading.flags.map(\.message).joined(separator: ", ")) }
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
            lines.append("  \(language == .de ? report.reasonDE : report.reason)")
        }
        if let first = report.values.first(where: { $0.format != nil }) {
            var what: [String] = []
            if let meter = first.meter {
                let name = [meter.vendor, meter.model].compactMap { $0 }.joined(separator: " ")
                let id = meter.serial ?? meter.gatewaySerial ?? "?"
                what.append(t("meter", "Zähler") + " \(id)" + (name.isEmpty ? "" : " (\(name))"))
            }
            if let format = first.format { what.append(format.rawValue) }
            if let algorithm = first.algorithm { what.append(algorithm) }
            if let source = first.keySource {
                let from: String
                switch source {
                case .trusted: from = t("trusted key", "vertrauenswürdiger Schlüssel")
                case .cdr: from = keyOrigin(report.unit ?? .cdr)
                case .embedded: from = t("key from the record", "Schlüssel aus dem Datensatz")
                }
                what.append(from)
            }
            lines.append("  " + what.joined(separator: ", "))
        }
        if let session = report.session {
            lines.append(readingLine(t("begin", "Anfang"), session.begin))
            lines.append(readingLine(t("end", "Ende"), session.end))
            var energy =
                "  " + pad(t("energy", "Energie"), 8) + " " + t("signed", "signiert")
                + " \(session.energyKWh ?? "?") kWh"
            if let total = report.cdr?.totalEnergy { energy += ", CDR total_energy \(total) kWh" }
            if let duration = session.durationSeconds {
                energy +=
                    ", " + t("duration", "Dauer") + " \(duration / 3600)h \(duration / 60 % 60)m \(duration % 60)s"
            }
            lines.append(energy)
        }
        if !report.values.isEmpty {
            lines.append("  " + t("signed values:", "signierte Werte:"))
            for value in report.values {
                var line = "    \(value.index + 1) \(pad(value.nature ?? "–", 12))"
                line +=
                    " "
                    + [value.format?.rawValue, value.transport.map { "(\($0.rawValue))" }].compactMap { $0 }.joined(
                        separator: " ")
                line += "  " + signatureName(value.signature)
                if let page = value.pagination { line += "  PG \(page)" }
                if let duplicate = value.duplicateOf {
                    line += "  " + t("repeats value \(duplicate + 1)", "wiederholt Wert \(duplicate + 1)")
                }
                lines.append(line)
                if value.signature != .valid, let reason = value.signatureReason ?? value.error {
                    lines.append("      \(reason)")
                }
                if !value.attributes.isEmpty {
                    lines.append(
                        "      " + value.attributes.map { "\($0.label): \($0.value)" }.joined(separator: " · "))
                }
                for deviation in value.deviations {
                    lines.append("      " + t("deviation: ", "Abweichung: ") + deviation)
                }
                if report.session == nil {
                    for reading in value.readings {
                        lines.append("    " + readingLine(reading.typeCode ?? reading.type.rawValue, reading))
                    }
                }
            }
        }
        lines.append("  " + t("checks:", "Prüfungen:"))
        for check in report.checks {
            lines.append("    \(symbol(check.status)) \(pad(checkName(check.code), 17)) \(check.message(in: language))")
        }
        // Input bytes reach these lines (serials, attributes, messages): no control character from
        // them may act on the terminal.
        return lines.map { TextSafety.escaped($0) }.joined(separator: "\n") + "\n"
    }

    /// The one line for an unreadable record of a stream (`FILE#3`), with its position and reason.
    public func renderUnreadable(id: String, error: InputError) -> String {
        TextSafety.escaped("\(id): \(t("UNREADABLE", "NICHT LESBAR")): \(error)") + "\n"
    }
}
