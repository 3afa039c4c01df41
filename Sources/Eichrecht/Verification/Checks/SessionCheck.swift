import Foundation

/// One check of the contract: looks at a session and says `pass`, `fail`, `warn` or `skip`, with a
/// typed reason of its own `Reason` type. Checks never look at each other's results; the verdict is
/// derived from all of them (`Verdict.decide`).
protocol SessionCheck: Sendable {
    /// The check's reasons: one enum whose cases carry the values compared.
    associatedtype Reason: Explained
    /// The code this check reports under.
    static var code: CheckCode { get }
    /// The check's result for `session`, judged from the session alone, never from other checks'
    /// results.
    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult
}

extension SessionCheck {
    func pass(_ reason: Reason, expected: ComparedValue? = nil, actual: ComparedValue? = nil) -> CheckResult {
        CheckResult(code: Self.code, status: .pass, reason: reason, expected: expected, actual: actual)
    }
    func fail(
        _ reason: Reason, expected: ComparedValue? = nil, actual: ComparedValue? = nil, verdict: Verdict? = nil
    ) -> CheckResult {
        CheckResult(
            code: Self.code, status: .fail, reason: reason, expected: expected, actual: actual, verdictOnFail: verdict)
    }
    func warn(_ reason: Reason, expected: ComparedValue? = nil, actual: ComparedValue? = nil) -> CheckResult {
        CheckResult(code: Self.code, status: .warn, reason: reason, expected: expected, actual: actual)
    }
    func skip(_ reason: Reason) -> CheckResult {
        CheckResult(code: Self.code, status: .skip, reason: reason)
    }
}

/// Which signed value a finding is about: its position in `signed_values` and its OCPI nature
/// (written "value 2 (End)").
struct ValuePosition: Sendable, Hashable {
    /// The position in `signed_values` (0-based; texts count from 1).
    public var index: Int
    /// The value's OCPI nature.
    public var nature: SignedValue.Nature

    /// The position of value `index` of `nature`.
    public init(_ index: Int, _ nature: SignedValue.Nature) {
        self.index = index
        self.nature = nature
    }
}

extension SessionRecord {
    /// The position of the record's value.
    var position: ValuePosition { ValuePosition(valueIndex, nature) }
}
