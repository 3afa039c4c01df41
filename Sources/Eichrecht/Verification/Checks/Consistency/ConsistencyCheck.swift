/// `consistency`: the values of one transaction come from one meter, share registers and units,
/// and neither readings, times nor pagination go backwards; unsigned copies agree with the signed
/// data. Composed of small named rules (`ConsistencyRule`), the way `swift-certificates` composes
/// verifier policies: each rule reports its own findings, the check fails on any failing finding
/// and warns on any other.
struct ConsistencyCheck: SessionCheck {
    typealias Reason = ConsistencyReason
    static let code = CheckCode.consistency

    /// The rules, in the order their findings are reported.
    let rules: [any ConsistencyRule]

    /// A check of the given rules.
    init(@ConsistencyRuleBuilder rules: () -> [any ConsistencyRule]) { self.rules = rules() }

    /// The contract's rules.
    init() {
        self.init {
            OneMeterRule()
            PaginationRule()
            RegisterUnitRule()
            MonotoneRegisterRule()
            SharedRegisterRule()
            UnsignedCopyRule()
            InvariantRule()
            NatureRule()
            OneCustomerRule()
        }
    }

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        let records = session.distinctRecords
        guard !records.isEmpty else { return skip(.noRecord) }
        let findings = rules.flatMap { $0.findings(session, records: records) }
        let failures = findings.filter { $0.severity == .fail }.map(\.issue)
        if !failures.isEmpty { return fail(.failed(failures)) }
        let warnings = findings.map(\.issue)
        if !warnings.isEmpty { return warn(.warned(warnings)) }
        return pass(.inOrder(records: records.count, meter: records.lazy.compactMap(\.record.meter.primary).first))
    }
}

/// One rule of `consistency`: a property of the session's distinct records.
protocol ConsistencyRule: Sendable {
    /// What the rule finds wrong in `records` (the session's distinct records, in session order).
    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding]
}

/// A finding of a consistency rule and whether it fails the check or only warns.
struct ConsistencyFinding: Sendable, Hashable {
    enum Severity: Sendable, Hashable {
        case fail, warn
    }

    var severity: Severity
    var issue: ConsistencyIssue

    static func fail(_ issue: ConsistencyIssue) -> ConsistencyFinding { .init(severity: .fail, issue: issue) }
    static func warn(_ issue: ConsistencyIssue) -> ConsistencyFinding { .init(severity: .warn, issue: issue) }
}

/// Composes consistency rules in a block, one rule per line.
@resultBuilder
enum ConsistencyRuleBuilder {
    static func buildExpression(_ rule: some ConsistencyRule) -> [any ConsistencyRule] { [rule] }
    static func buildBlock(_ parts: [any ConsistencyRule]...) -> [any ConsistencyRule] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [any ConsistencyRule]?) -> [any ConsistencyRule] { part ?? [] }
    static func buildEither(first: [any ConsistencyRule]) -> [any ConsistencyRule] { first }
    static func buildEither(second: [any ConsistencyRule]) -> [any ConsistencyRule] { second }
}
