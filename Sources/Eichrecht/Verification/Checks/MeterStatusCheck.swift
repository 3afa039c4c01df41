/// `meter_status`: no meter or adapter error flags in the signed readings.
struct MeterStatusCheck: SessionCheck {
    static let code = CheckCode.meterStatus

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        let records = session.distinctRecords
        guard !records.isEmpty else { return skip(Message(en: "no decoded record", de: "kein dekodierter Datensatz")) }
        var errors: [Message] = []
        var warnings: [Message] = []
        var count = 0
        for entry in records {
            let label = Label.value(entry.valueIndex, entry.nature)
            for reading in entry.record.readings {
                count += 1
                for flag in reading.flags {
                    let what = reading.typeCode.map { "\(label.en), reading \($0)" } ?? label.en
                    let wasDE = reading.typeCode.map { "\(label.de), Messwert \($0)" } ?? label.de
                    let message = Message(en: "\(what): \(flag.message)", de: "\(wasDE): \(flag.message)")
                    if flag.severity == .error { errors.append(message) } else { warnings.append(message) }
                }
            }
        }
        if !errors.isEmpty { return fail(Label.join(errors)) }
        if !warnings.isEmpty { return warn(Label.join(warnings)) }
        return pass(
            Message(
                en: "no error flags in \(count) signed reading\(count == 1 ? "" : "s")",
                de: "keine Fehlermarkierungen in \(count) signierten Messwert\(count == 1 ? "" : "en")"))
    }
}
