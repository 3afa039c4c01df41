// English texts of `consistency` and its rules' findings.

private let w = Wording.english

extension ConsistencyReason {
    public var english: String {
        switch self {
        case .noRecord: "no decoded record"
        case .failed(let issues), .warned(let issues): w.findings(issues.map(\.english))
        case .inOrder(let records, let meter):
            "\(w.count(records, "record", "records")) from meter\(meter.map { " \($0)" } ?? ""); readings and pagination in order"
        }
    }
}

extension ConsistencyIssue {
    public var english: String {
        switch self {
        case .differentMeters(let meters): "the records come from different meters: \(meters.joined(separator: ", "))"
        case .mixedFormats(let formats): "the values mix formats: \(names(formats))"
        case .paginationBackwards(let previous, let previousValue, let current, let value):
            "pagination goes backwards: \(previous) (\(w.value(previousValue))) then \(current) (\(w.value(value)))"
        case .paginationRepeated(let page): "two different records carry pagination \(page)"
        case .paginationGap(let previous, let current):
            "pagination gap: \(previous) then \(current) (records in between were not sent)"
        case .registerMixesEnergyUnits(let register):
            "register \(w.register(register)) mixes energy and non-energy units"
        case .registerChangesUnit(let register, let units):
            "register \(w.register(register)) changes its unit within the session (\(units.map { TextSafety.escaped($0) }.joined(separator: ", ")))"
        case .registerBackwards(let register, let from, let to):
            "register \(w.register(register)) goes backwards: \(w.kWh(from)) then \(w.kWh(to))"
        case .timeBackwards(let register, let from, let to):
            "register \(w.register(register)): time goes backwards: \(from.text) then \(to.text)"
        case .noSharedRegister(let begin, let end):
            "begin readings (\(begin.joined(separator: ", "))) and end readings (\(end.joined(separator: ", "))) share no register"
        case .unsignedCopyContradicts(let value, let contradiction):
            "\(w.value(value)): \(StageText.text(contradiction, .en))"
        case .unsignedCopyDiffers(let value, let contradiction):
            "\(w.value(value)): \(StageText.text(contradiction, .en)) (the signed value counts)"
        case .invariantChanges(let field, let first, let firstValue, let then, let value):
            "\(field.english) changes within the session: \(first) (\(w.value(firstValue))), then \(then) (\(w.value(value)))"
        case .natureWithoutReading(let value):
            "\(w.value(value)) carries no \(value.nature == .start ? "begin" : value.nature == .end ? "end" : "intermediate") reading"
        case .customerChanges(let first, let firstValue, let then, let value):
            "the signed identification changes within the session: \(TextSafety.escaped(first)) (\(w.value(firstValue))), then \(TextSafety.escaped(then)) (\(w.value(value))); the records belong to different sessions"
        }
    }
}
