import Foundation

/// A receipt's content in one language and time zone, as plain (unescaped) text: what the HTML and
/// the text writer lay out. Every value from input is kept as written, apart from the language's
/// decimal separator and local times; the writers escape it for their output.
struct ReceiptContent: Sendable {
    /// One row of the table of signed and billed values.
    struct Row: Sendable {
        /// What the row is.
        var label: ReceiptPhrase
        /// What the meter signed, or `nil` when it signed nothing for this row.
        var signed: String?
        /// A note under the signed value (the reading's time, that the charge point is unsigned).
        var signedNote: String?
        /// Whether the row is outside the signature altogether (the price).
        var isUnsigned: Bool
        /// What the bill says, or `nil` when it says nothing.
        var billed: String?
    }

    /// One check's result.
    struct Check: Sendable {
        var status: CheckStatus
        var name: String
        var reason: String
    }

    /// One signed value for the details: its heading and its text as received.
    struct SignedText: Sendable {
        var heading: String
        var text: String
    }

    let language: Language
    let verdict: Verdict
    let id: String?
    /// The technical reason for a verdict other than verified.
    let finding: String?
    let station: String?
    let address: String?
    let evseId: String?
    let start: String?
    let end: String?
    let timeZone: String
    let rows: [Row]
    let checks: [Check]
    let dataFormat: String?
    let publicKey: String?
    let signedValues: [SignedText]
    /// The transparency page as written in `signed_data.url`.
    let transparencyURL: String?
    let safeValuesXML: [UInt8]?

    init(_ receipt: Receipt, language: Language, timeZone: TimeZone) {
        let report = receipt.report
        let wording = Wording(language: language)
        func phrase(_ phrase: ReceiptPhrase) -> String { phrase.text(language) }
        func local(_ written: String?) -> String? {
            guard let written, let time = OCPITime(written), !time.isUnknown else { return nil }
            return wording.localTime(epochMilliseconds: time.epochMilliseconds, in: timeZone)
        }
        self.language = language
        verdict = report.verdict
        id = report.id
        finding = report.verdict == .verified ? nil : report.reason.text(language)
        let cdr = report.cdr
        let session = report.session
        let place = cdr?.location
        station = place?.name
        let cityLine = [place?.postalCode, place?.city].compactMap { $0 }.joined(separator: " ")
        let addressParts = [place?.address, cityLine.isEmpty ? nil : cityLine, place?.country].compactMap { $0 }
        address = addressParts.isEmpty ? nil : addressParts.joined(separator: ", ")
        let chargePoint = session?.chargePoint ?? report.values.lazy.compactMap(\.chargePoint).first
        evseId = cdr?.evseId ?? chargePoint?.id
        start = local(cdr?.startDateTime) ?? local(session?.begin.timeUTC)
        end = local(cdr?.endDateTime) ?? local(session?.end.timeUTC)
        self.timeZone = timeZone.identifier

        func reading(_ reading: ReadingReport?) -> (value: String?, note: String?) {
            guard let reading else { return (nil, nil) }
            let value: String?
            // In kWh as the meter wrote it (`2863.070`), else converted exactly (Wh → kWh).
            if let written = reading.value, reading.unit?.lowercased() == "kwh" {
                value = wording.kWh(text: written)
            } else if let kWh = reading.energyKWh {
                value = wording.kWh(text: kWh)
            } else if let written = reading.value {
                value = wording.writtenDecimal(written) + (reading.unit.map { " " + $0 } ?? "")
            } else {
                value = nil
            }
            let note: String?
            switch reading.clock {
            case .synchronised?, .informative?: note = local(reading.timeUTC) ?? reading.time
            case .relative?, .unknown?: note = phrase(.clockNotSet)
            case nil: note = nil
            }
            return (value, note)
        }
        let begin = reading(session?.begin)
        let finish = reading(session?.end)
        let meter = report.values.lazy.compactMap(\.meter).first
        let maker = [meter?.vendor, meter?.model].compactMap { $0 }.joined(separator: " ")
        let currency = cdr?.currency
        var rows = [
            Row(label: .readingAtStart, signed: begin.value, signedNote: begin.note, isUnsigned: false, billed: start),
            Row(label: .readingAtEnd, signed: finish.value, signedNote: finish.note, isUnsigned: false, billed: end),
            Row(
                label: .energy, signed: session?.energyKWh.map(wording.kWh(text:)), signedNote: nil, isUnsigned: false,
                billed: cdr?.totalEnergy.map(wording.kWh(text:))),
            Row(
                label: .meterMaker, signed: maker.isEmpty ? nil : maker, signedNote: nil, isUnsigned: false,
                billed: nil),
            Row(
                label: .meterSerial, signed: meter?.serial ?? meter?.gatewaySerial ?? session?.meter, signedNote: nil,
                isUnsigned: false, billed: cdr?.meterId),
        ]
        if chargePoint != nil || cdr?.evseId != nil {
            rows.append(
                Row(
                    label: .chargePoint, signed: chargePoint?.id,
                    signedNote: chargePoint?.isSigned == false ? phrase(.besideSignature) : nil, isUnsigned: false,
                    billed: cdr?.evseId))
        }
        if let excluding = cdr?.totalCostExcludingVAT {
            rows.append(
                Row(
                    label: .priceExcludingVAT, signed: nil, signedNote: nil, isUnsigned: true,
                    billed: wording.money(excluding, currency: currency)))
        }
        if let including = cdr?.totalCostIncludingVAT {
            rows.append(
                Row(
                    label: .priceIncludingVAT, signed: nil, signedNote: nil, isUnsigned: true,
                    billed: wording.money(including, currency: currency)))
        }
        self.rows = rows
        checks = report.checks.map {
            Check(status: $0.status, name: ReportLabel.check($0.code).text(language), reason: $0.reason.text(language))
        }
        let first = report.values.first { $0.format != nil }
        let formatParts = [first?.format?.rawValue, first?.algorithm?.text(language)].compactMap { $0 }
        dataFormat = formatParts.isEmpty ? nil : formatParts.joined(separator: ", ")
        let writtenKey = receipt.signedData?.publicKey.flatMap { $0.isEmpty ? nil : $0 }
        publicKey = writtenKey ?? report.values.lazy.compactMap(\.publicKey).first
        signedValues = (receipt.signedData?.signedValues ?? []).enumerated().compactMap { index, value in
            guard let text = value.signedData ?? value.plainData, !text.isEmpty else { return nil }
            return SignedText(heading: ReceiptPhrase.signedValue(index + 1, value.kind).text(language), text: text)
        }
        transparencyURL = receipt.signedData?.url.flatMap { $0.isEmpty ? nil : $0 }
        safeValuesXML = receipt.safeValuesXML
    }
}
