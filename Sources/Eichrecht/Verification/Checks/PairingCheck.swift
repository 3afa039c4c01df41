/// `pairing`: exactly one begin and one end reading per register of the transaction.
struct PairingCheck: SessionCheck {
    static let code = CheckCode.pairing

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else {
            return skip(Message(en: "no decoded record", de: "kein dekodierter Datensatz"))
        }
        let energyRegisters = session.registers.filter(\.hasEnergy)
        let registers = energyRegisters.isEmpty ? session.registers : energyRegisters
        for register in registers {
            let name = register.register.isEmpty ? "(no register)" : register.register
            for (readings, en, de) in [(register.begins, "begin", "Anfangswerte"), (register.ends, "end", "Endwerte")]
            where readings.count > 1 {
                let values = readings.map { $0.value?.text ?? "?" }.joined(separator: ", ")
                return fail(
                    Message(
                        en: "register \(name) has \(readings.count) different \(en) readings (\(values))",
                        de: "Register \(name) hat \(readings.count) verschiedene \(de) (\(values))"),
                    verdict: .invalid)
            }
        }
        let duplicates = session.records.filter { $0.duplicateOf != nil }
        var notes: [Message] = duplicates.compactMap { entry in
            guard let original = entry.duplicateOf else { return nil }
            let label = Label.value(entry.valueIndex, entry.nature)
            return Message(
                en: "\(label.en) repeats value \(original + 1) and counts once",
                de: "\(label.de) wiederholt Wert \(original + 1) und zählt einmal")
        }
        guard let billing = session.billingRegister, let pair = billing.pair else {
            let hasBegin = registers.contains { !$0.begins.isEmpty }
            let hasEnd = registers.contains { !$0.ends.isEmpty }
            let message: Message
            switch (hasBegin, hasEnd) {
            case (false, false): message = Message(en: "no begin and no end reading", de: "weder Anfangs- noch Endwert")
            case (true, false):
                message = Message(
                    en: "no end reading: the session's end value is missing",
                    de: "kein Endwert: der Endwert der Sitzung fehlt")
            case (false, true):
                message = Message(
                    en: "no begin reading: the session's start value is missing",
                    de: "kein Anfangswert: der Anfangswert der Sitzung fehlt")
            case (true, true):
                message = Message(
                    en: "no energy register has both a begin and an end reading",
                    de: "kein Energieregister hat Anfangs- und Endwert")
            }
            return fail(Label.join([message] + notes))
        }
        for register in registers where register.register != billing.register && register.pair == nil {
            notes.append(
                Message(
                    en: "register \(register.register) has no complete begin/end pair",
                    de: "Register \(register.register) hat kein vollständiges Paar"))
        }
        let name = billing.register.isEmpty ? "the register" : billing.register
        let summary = Message(
            en:
                "one begin (\(pair.begin.value?.text ?? "?")) and one end (\(pair.end.value?.text ?? "?")) reading on \(name)",
            de:
                "ein Anfangs- (\(pair.begin.value?.text ?? "?")) und ein Endwert (\(pair.end.value?.text ?? "?")) auf \(name)"
        )
        if !notes.isEmpty { return warn(Label.join([summary] + notes)) }
        return pass(summary)
    }
}
