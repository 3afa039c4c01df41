// German texts of `consistency` and its rules' findings.

private let w = Wording.german

extension ConsistencyReason {
    public var german: String {
        switch self {
        case .noRecord: "kein dekodierter Datensatz"
        case .failed(let issues), .warned(let issues): w.findings(issues.map(\.german))
        case .inOrder(let records, let meter):
            "\(w.count(records, "Datensatz", "Datensätze")) von Zähler\(meter.map { " \($0)" } ?? ""); Messwerte und Paginierung in Ordnung"
        }
    }
}

extension ConsistencyIssue {
    public var german: String {
        switch self {
        case .differentMeters(let meters):
            "die Datensätze stammen von verschiedenen Zählern: \(meters.joined(separator: ", "))"
        case .mixedFormats(let formats): "die Werte mischen Formate: \(names(formats))"
        case .paginationBackwards(let previous, let previousValue, let current, let value):
            "Paginierung läuft rückwärts: \(previous) (\(w.value(previousValue))), dann \(current) (\(w.value(value)))"
        case .paginationRepeated(let page): "zwei verschiedene Datensätze tragen die Paginierung \(page)"
        case .paginationGap(let previous, let current):
            "Lücke in der Paginierung: \(previous), dann \(current) (Datensätze dazwischen fehlen)"
        case .registerMixesEnergyUnits(let register):
            "Register \(w.register(register)) mischt Energie- und andere Einheiten"
        case .registerChangesUnit(let register, let units):
            "Register \(w.register(register)) wechselt die Einheit innerhalb der Sitzung (\(units.map { TextSafety.escaped($0) }.joined(separator: ", ")))"
        case .registerBackwards(let register, let from, let to):
            "Register \(w.register(register)) läuft rückwärts: \(w.kWh(from)), dann \(w.kWh(to))"
        case .timeBackwards(let register, let from, let to):
            "Register \(w.register(register)): Zeit läuft rückwärts: \(w.time(from)), dann \(w.time(to))"
        case .noSharedRegister(let begin, let end):
            "Anfangswerte (\(begin.joined(separator: ", "))) und Endwerte (\(end.joined(separator: ", "))) haben kein gemeinsames Register"
        case .unsignedCopyContradicts(let value, let contradiction):
            "\(w.value(value)): \(StageText.text(contradiction, .de)) (unsignierte Angabe widerspricht den signierten Daten)"
        case .unsignedCopyDiffers(let value, let contradiction):
            "\(w.value(value)): \(StageText.text(contradiction, .de)) (unsignierte Angabe weicht ab; es gilt der signierte Wert)"
        case .invariantChanges(let field, let first, let firstValue, let then, let value):
            "\(field.german) ändert sich innerhalb der Sitzung: \(first) (\(w.value(firstValue))), dann \(then) (\(w.value(value)))"
        case .natureWithoutReading(let value):
            "\(w.value(value)) enthält keinen \(value.nature == .start ? "Anfangswert" : value.nature == .end ? "Endwert" : "Zwischenwert")"
        case .customerChanges(let first, let firstValue, let then, let value):
            "die signierte Identifikation ändert sich innerhalb der Sitzung: \(TextSafety.escaped(first)) (\(w.value(firstValue))), dann \(TextSafety.escaped(then)) (\(w.value(value))); die Datensätze gehören zu verschiedenen Sitzungen"
        }
    }
}
