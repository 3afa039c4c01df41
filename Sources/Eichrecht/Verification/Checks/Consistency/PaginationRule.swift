/// Pagination per context, in session order: never backwards, never repeated by a different record;
/// a gap (records not sent) warns.
struct PaginationRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        var last: [String: (Pagination, Int)] = [:]
        for entry in records {
            guard let page = entry.record.pagination else { continue }
            if let (previous, previousIndex) = last[page.context] {
                if page.number < previous.number {
                    findings.append(
                        .fail(
                            .paginationBackwards(
                                previous: previous.text, previousValue: ValuePosition(previousIndex, .other),
                                current: page.text, value: entry.position)))
                } else if page.number == previous.number {
                    findings.append(.fail(.paginationRepeated(page.text)))
                } else if page.number > previous.number + 1 {
                    findings.append(.warn(.paginationGap(previous: previous.text, current: page.text)))
                }
            }
            last[page.context] = (page, entry.valueIndex)
        }
        return findings
    }
}
