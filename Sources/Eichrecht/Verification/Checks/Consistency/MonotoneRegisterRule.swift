/// Per register of one unit, in session order: values never decrease, and times on one known clock
/// never go backwards.
struct MonotoneRegisterRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for register in session.registers where register.hasOneUnit {
            let sequence = register.readings.filter { $0.type != .unspecified }
            for (earlier, later) in zip(sequence, sequence.dropFirst()) {
                if let a = earlier.energyKWh, let b = later.energyKWh, b < a {
                    findings.append(.fail(.registerBackwards(register: register.register, from: a, to: b)))
                }
                if let a = earlier.time, let b = later.time, a.clock == b.clock, a.clock != .unknown,
                    b.epochMilliseconds < a.epochMilliseconds
                {
                    findings.append(.fail(.timeBackwards(register: register.register, from: a, to: b)))
                }
            }
        }
        return findings
    }
}
