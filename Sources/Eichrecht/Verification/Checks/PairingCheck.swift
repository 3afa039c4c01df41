/// `pairing`: exactly one begin and one end reading per register of the transaction.
struct PairingCheck: SessionCheck {
    typealias Reason = PairingReason
    static let code = CheckCode.pairing

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else { return skip(.noRecord) }
        let energyRegisters = session.registers.filter(\.hasEnergy)
        let registers = energyRegisters.isEmpty ? session.registers : energyRegisters
        for register in registers {
            for (readings, type) in [(register.begins, ReadingType.begin), (register.ends, .end)]
            where readings.count > 1 {
                return fail(
                    .severalReadings(register: register.register, type: type, values: readings.map(\.value)),
                    verdict: .invalid)
            }
        }
        var notes: [PairingNote] = session.records.compactMap { entry in
            entry.duplicateOf.map { .repeats(entry.position, original: $0) }
        }
        guard let billing = session.billingRegister, let pair = billing.pair else {
            let hasBegin = registers.contains { !$0.begins.isEmpty }
            let hasEnd = registers.contains { !$0.ends.isEmpty }
            let missing: MissingReading
            switch (hasBegin, hasEnd) {
            case (false, false): missing = .beginAndEnd
            case (true, false): missing = .end
            case (false, true): missing = .begin
            case (true, true): missing = .commonRegister
            }
            return fail(.missing(missing, notes: notes))
        }
        for register in registers where register.register != billing.register && register.pair == nil {
            notes.append(.incompleteRegister(register.register))
        }
        let reason = PairingReason.paired(
            register: billing.register, begin: pair.begin.value, end: pair.end.value, notes: notes)
        return notes.isEmpty ? pass(reason) : warn(reason)
    }
}
