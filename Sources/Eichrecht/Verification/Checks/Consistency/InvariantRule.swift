/// Signed fields a format marks as session invariants keep their first value.
struct InvariantRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        var invariants: [SessionField: (value: String, index: Int)] = [:]
        for entry in records {
            for (name, value) in entry.record.sessionInvariants.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard let first = invariants[name] else {
                    invariants[name] = (value, entry.valueIndex)
                    continue
                }
                if first.value != value {
                    findings.append(
                        .fail(
                            .invariantChanges(
                                field: name, first: first.value, firstValue: ValuePosition(first.index, .other),
                                then: value, value: entry.position)))
                }
            }
        }
        return findings
    }
}
