/// Unsigned copies of signed fields that say something else than the signature covers: a failure,
/// or a warning for the copies a format marks as written carelessly (the signed value counts).
struct UnsignedCopyRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for entry in records {
            for contradiction in entry.record.contradictions where contradiction.severity == .fail {
                findings.append(.fail(.unsignedCopyContradicts(entry.position, contradiction)))
            }
            for contradiction in entry.record.contradictions where contradiction.severity == .warn {
                findings.append(.warn(.unsignedCopyDiffers(entry.position, contradiction)))
            }
        }
        return findings
    }
}
