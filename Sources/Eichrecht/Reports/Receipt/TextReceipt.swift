import Foundation

/// Lays out a receipt's content as plain text: the same sections as the HTML receipt, one
/// `label: value` line each, for e-mail or a terminal. Control characters from input are escaped.
struct TextReceipt {
    let content: ReceiptContent

    private func t(_ phrase: ReceiptPhrase) -> String { phrase.text(content.language) }

    func document() -> String {
        var lines: [String] = []
        let title = t(.title) + (content.id.map { " – " + t(.session) + " " + $0 } ?? "")
        lines += [title, String(repeating: "=", count: min(72, title.count)), ""]
        let verdict = content.verdict
        lines.append("\(HTMLReceipt.icon(verdict)) \(t(.verdictWord(verdict)))")
        lines.append(t(.verdictSentence(verdict)))
        lines.append(t(.verdictAdvice(verdict)))
        if let finding = content.finding { lines.append("\(t(.technicalReason)) \(finding)") }

        lines += ["", t(.whereAndWhen), String(repeating: "-", count: t(.whereAndWhen).count)]
        let items: [(ReceiptPhrase, String?)] = [
            (.station, content.station), (.address, content.address), (.evseId, content.evseId),
            (.start, content.start), (.end, content.end),
        ]
        for (label, value) in items { lines.append("\(t(label)): \(value ?? t(.notStated))") }
        lines.append(ReceiptPhrase.timeZone(content.timeZone).text(content.language))

        lines += ["", t(.signedAndBilled), String(repeating: "-", count: t(.signedAndBilled).count)]
        for row in content.rows {
            lines.append("\(t(row.label)):")
            if row.isUnsigned {
                lines.append("  \(t(.signedColumn)): – (\(t(.notSigned)))")
            } else {
                let note = row.signedNote.map { " (\($0))" } ?? ""
                lines.append("  \(t(.signedColumn)): \(row.signed ?? "–")\(note)")
            }
            lines.append("  \(t(.billedColumn)): \(row.billed ?? "–")")
        }

        lines += ["", t(.detailsHeading), String(repeating: "-", count: t(.detailsHeading).count)]
        lines.append(t(.detailsIntro))
        if let url = content.transparencyURL { lines.append("\(t(.transparencyLink)): \(url)") }
        if let format = content.dataFormat { lines.append("\(t(.dataFormat)): \(format)") }
        if let key = content.publicKey { lines += ["\(t(.publicKey)):", "  \(key)"] }
        if !content.signedValues.isEmpty {
            lines.append("\(t(.signedData)):")
            for value in content.signedValues { lines += ["  \(value.heading):", "  \(value.text)"] }
        }
        lines.append("\(t(.checks)):")
        for check in content.checks {
            lines.append("  \(check.name): \(t(.checkStatus(check.status))) · \(check.reason)")
        }
        lines += ["", t(.checkedBy(EichrechtVersion.text))]
        return lines.map { TextSafety.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
