/// One customer per session: a change of the signed identification means begin and end belong to
/// different sessions (a later session's end would bill both sessions' energy).
struct OneCustomerRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        var first: (customer: String, entry: SessionRecord)?
        for entry in records {
            guard let customer = entry.record.identification?.customer?.trimmingCharacters(in: " "),
                !customer.isEmpty
            else { continue }
            guard let first else {
                first = (customer, entry)
                continue
            }
            if first.customer.asciiLowercased != customer.asciiLowercased {
                return [
                    .fail(
                        .customerChanges(
                            first: first.customer, firstValue: first.entry.position, then: customer,
                            value: entry.position))
                ]
            }
        }
        return []
    }
}
