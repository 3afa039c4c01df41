/// Begin and end readings that exist must meet on some register.
struct SharedRegisterRule: ConsistencyRule {
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        let begins = Set(session.registers.filter { !$0.begins.isEmpty }.map(\.register))
        let ends = Set(session.registers.filter { !$0.ends.isEmpty }.map(\.register))
        guard !begins.isEmpty, !ends.isEmpty, begins.isDisjoint(with: ends) else { return [] }
        return [.fail(.noSharedRegister(begin: begins.sorted(), end: ends.sorted()))]
    }
}
