/// One signer: every record names the same meter (compared as meter ids are) and one format.
struct OneMeterRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        let identities = records.compactMap { $0.record.meter.primary }
        if Set(identities.map(IdentityText.normalise)).count > 1 {
            findings.append(.fail(.differentMeters(Array(Set(identities)).sorted())))
        }
        let formats = Set(records.map(\.record.format))
        if formats.count > 1 { findings.append(.fail(.mixedFormats(formats.sorted { $0.rawValue < $1.rawValue }))) }
        return findings
    }
}
