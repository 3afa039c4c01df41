import Foundation

/// The outcome for one CDR (or one standalone signed-data unit). Stable contract.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The signed data itself is bad.
    case invalid
    /// The signed data is genuine, but the CDR contradicts it.
    case mismatch
    /// Nothing can be concluded.
    case unverifiable
    /// Every signature verifies and the CDR agrees with the signed readings.
    case verified

    /// Precedence: the lower, the stronger.
    var precedence: Int {
        switch self {
        case .invalid: 0
        case .mismatch: 1
        case .unverifiable: 2
        case .verified: 3
        }
    }

    /// The verdict of a set of check results and the result that decides it, from one pure
    /// function: no check needs to know another. The strongest verdict any result leads to wins; the
    /// deciding result is the first (in report order) that leads to it.
    static func decide(_ results: [CheckResult]) -> VerdictDecision {
        var decision = VerdictDecision(verdict: .verified, deciding: nil)
        for result in results {
            let candidate: Verdict
            switch result.status {
            case .fail: candidate = result.verdictOnFail ?? result.code.verdictOnFail
            case .skip where result.code.mustPassForVerified: candidate = .unverifiable
            default: continue
            }
            guard candidate != .verified else { continue }
            // A failure that makes the unit unverifiable explains it better than a skip before it.
            if candidate.precedence < decision.verdict.precedence
                || (candidate == decision.verdict && result.status == .fail && decision.deciding?.status == .skip)
            {
                decision = VerdictDecision(verdict: candidate, deciding: result)
            }
        }
        return decision
    }
}

/// A verdict and the check result that decided it (`nil` for `verified`).
struct VerdictDecision: Sendable {
    /// The verdict.
    public var verdict: Verdict
    /// The first result that leads to the verdict; `nil` when every check passed.
    public var deciding: CheckResult?

    /// The reason the report names: the deciding result's, or `verified.all_checks_passed`.
    public var reason: any Explained { deciding?.reason ?? VerifiedReason.allChecksPassed }
}

/// The reason of a `verified` unit.
enum VerifiedReason: Explained, CaseIterable {
    /// No check failed and none that must pass was skipped.
    case allChecksPassed

    public var code: String { "verified.all_checks_passed" }
}

/// Stable check codes. Each is evaluated by one small check type.
public enum CheckCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every signed value decodes in the format its encoding method names or its content shows.
    case format
    /// A key is present, parses, lies on the record's curve and agrees with every other key given.
    case publicKey = "public_key"
    /// Every signature verifies over the exact signed bytes.
    case signature
    /// The values come from one meter, share registers and units, and neither readings, times nor
    /// pagination go backwards; unsigned copies of signed fields agree with them.
    case consistency
    /// No meter or adapter error flags in the signed readings.
    case meterStatus = "meter_status"
    /// Exactly one begin and one end reading per register.
    case pairing
    /// The signed energy (end − begin) agrees with the CDR's `total_energy`.
    case energy
    /// The signed begin is not earlier than the CDR's `start_date_time` minus the time tolerance.
    case startTime = "start_time"
    /// The signed end is not later than the CDR's `end_date_time` plus the time tolerance.
    case endTime = "end_time"
    /// The CDR's `meter_id`, when present, matches the signed meter serial or server id.
    case meterID = "meter_id"
    /// The CDR's `charging_periods` ENERGY volumes add up to the signed energy.
    case chargingPeriods = "charging_periods"
    /// The signed duration (end − begin on the meter's clock) does not exceed the CDR's `total_time`.
    case duration
    /// The charge point the meter signed is the CDR's `cdr_location.evse_id`.
    case evseID = "evse_id"
    /// The identification the meter signed against the CDR's `cdr_token` (a warning at most).
    case identification
    /// Whether the meter clock was synchronised (a warning at most).
    case timeSync = "time_sync"
    /// Whether the key came from a trusted source or only from the data itself (a warning at most).
    case keyTrust = "key_trust"

    /// The verdict a failure of this check leads to (a result may override it).
    public var verdictOnFail: Verdict {
        switch self {
        case .format, .publicKey, .signature, .consistency, .meterStatus: .invalid
        case .pairing: .unverifiable
        case .energy, .startTime, .endTime, .meterID, .chargingPeriods, .duration, .evseID: .mismatch
        case .identification, .timeSync, .keyTrust: .verified
        }
    }

    /// Checks whose `skip` means the data could not be verified at all.
    var mustPassForVerified: Bool {
        switch self {
        case .format, .publicKey, .signature, .pairing: true
        default: false
        }
    }
}

/// `pass`, `fail`, `warn` or `skip`.
public enum CheckStatus: String, Sendable, Hashable, Codable {
    /// The check found nothing wrong.
    case pass
    /// The check failed; the verdict can be no better than the result's (or else the code's)
    /// `verdictOnFail`.
    case fail
    /// A finding worth telling that does not change the verdict.
    case warn
    /// The check could not run; for `format`, `public_key`, `signature` and `pairing` the unit is then
    /// unverifiable.
    case skip
}

/// What one check concluded: a status and a typed reason that carries its values (the writers put
/// it into words) and, where a comparison was made, the two values compared.
public struct CheckResult: Sendable {
    /// Which check this is.
    public var code: CheckCode
    /// What the check concluded.
    public var status: CheckStatus
    /// Why, as a typed reason of the check's own reason type (`EnergyReason`, `ConsistencyReason`, …).
    public var reason: any Explained
    /// What the signed data says, where a value was compared.
    public var expected: ComparedValue?
    /// What the CDR (or the other side of the comparison) says.
    public var actual: ComparedValue?
    /// Overrides the code's usual verdict on failure (e.g. `pairing` with duplicates is `invalid`).
    public var verdictOnFail: Verdict?

    /// A result from its status and typed reason.
    public init(
        code: CheckCode, status: CheckStatus, reason: any Explained, expected: ComparedValue? = nil,
        actual: ComparedValue? = nil, verdictOnFail: Verdict? = nil
    ) {
        self.code = code
        self.status = status
        self.reason = reason
        self.expected = expected
        self.actual = actual
        self.verdictOnFail = verdictOnFail
    }
}

/// One side of a comparison a check made, typed; the JSON writer writes each kind as the contract
/// has it (dot decimals, ISO 8601 times, text as written).
public enum ComparedValue: Sendable, Hashable {
    /// An exact energy in kWh, written as plain decimal text (`28.542`).
    case energy(Decimal)
    /// A number as the sender wrote it (the CDR's `total_energy`).
    case writtenNumber(DecimalText)
    /// A signed time, written in UTC (`2026-03-02T14:42:47.675Z`).
    case signedTime(SignedTime)
    /// A CDR time, written as the CDR has it.
    case cdrTime(OCPITime)
    /// Text as written (meter ids, an unreadable CDR field).
    case text(String)
    /// An exact number of seconds, written as plain decimal text (`5130.675`): a signed duration, or
    /// the CDR's `total_time` converted from hours.
    case seconds(Decimal)
    /// A public key, written as hex DER SubjectPublicKeyInfo.
    case key(PublicKey)
}

/// Languages of human-readable text.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case en
    case de
}
