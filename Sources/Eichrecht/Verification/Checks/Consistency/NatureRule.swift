/// A value's OCPI nature against the readings it carries (all records of the value together): a
/// Start value without a begin reading (but with others) disagrees. A failure for formats that sign
/// the reading type, a warning for those whose type comes from the nature alone.
struct NatureRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        var byValue: [Int: [SessionRecord]] = [:]
        for entry in records { byValue[entry.valueIndex, default: []].append(entry) }
        var findings: [ConsistencyFinding] = []
        for (_, entries) in byValue.sorted(by: { $0.key < $1.key }) {
            guard let entry = entries.first, let wanted = entry.nature.readingType else { continue }
            let types = Set(entries.flatMap { $0.record.readings.map(\.type) })
            let others = Set<ReadingType>([.begin, .end, .intermediate]).subtracting([wanted])
            guard !types.contains(wanted), !types.isDisjoint(with: others) else { continue }
            let issue = ConsistencyIssue.natureWithoutReading(entry.position)
            findings.append(entries.contains { $0.record.natureIsSigned } ? .fail(issue) : .warn(issue))
        }
        return findings
    }
}
