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

    /// The verdict of a set of check results: a pure function, so no check needs to know another.
    public static func from(_ results: [CheckResult]) -> Verdict {
        var verdict = Verdict.verified
        func lower(to candidate: Verdict) {
            if candidate.precedence < verdict.precedence { verdict = candidate }
        }
        for result in results {
            switch result.status {
            case .fail: lower(to: result.verdictOnFail ?? result.code.verdictOnFail)
            case .skip where result.code.mustPassForVerified: lower(to: .unverifiable)
            default: break
            }
        }
        return verdict
    }
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
    /// Whether the meter clock was synchronised (a warning at most).
    case timeSync = "time_sync"
    /// Whether the key came from a trusted source or only from the data itself (a warning at most).
    case keyTrust = "key_trust"

    /// The verdict a failure of this check leads to (a result may override it).
    public var verdictOnFail: Verdict {
        switch self {
        case .format, .publicKey, .signature, .consistency, .meterStatus: .invalid
        case .pairing: .unverifiable
        case .energy, .startTime, .endTime, .meterID: .mismatch
        case .timeSync, .keyTrust: .verified
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

/// What one check concluded, with a reason a person can read (English and German) and, where a
/// comparison was made, the two values compared.
public struct CheckResult: Sendable, Hashable, Codable {
    /// Which check this is.
    public var code: CheckCode
    /// What the check concluded.
    public var status: CheckStatus
    /// The reason, in English.
    public var message: String
    /// The reason, in German.
    public var messageDE: String
    /// What the signed data says, where a value was compared.
    public var expected: String?
    /// What the CDR (or the other side of the comparison) says.
    public var actual: String?
    /// Overrides the code's usual verdict on failure (e.g. `pairing` with duplicates is `invalid`).
    public var verdictOnFail: Verdict?

    /// A result; `message` supplies both the English and the German reason.
    public init(
        code: CheckCode, status: CheckStatus, message: Message, expected: String? = nil, actual: String? = nil,
        verdictOnFail: Verdict? = nil
    ) {
        self.code = code
        self.status = status
        self.message = message.en
        self.messageDE = message.de
        self.expected = expected
        self.actual = actual
        self.verdictOnFail = verdictOnFail
    }

    /// The message in the requested language.
    public func message(in language: Language) -> String { language == .de ? messageDE : message }

    enum CodingKeys: String, CodingKey {
        case code, status, message, expected, actual
        case messageDE = "message_de"
        case verdictOnFail = "verdict_on_fail"
    }
}

/// Languages of human-readable text.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case en
    case de
}

/// A sentence in English and German.
public struct Message: Sendable, Hashable {
    /// The sentence in English.
    public var en: String
    /// The sentence in German.
    public var de: String

    /// A message from its English and German text.
    public init(en: String, de: String) {
        self.en = en
        self.de = de
    }

    /// For technical detail that has no translation (decoder errors, field names): same text.
    public init(_ both: String) {
        self.en = both
        self.de = both
    }

    static func + (lhs: Message, rhs: Message) -> Message { Message(en: lhs.en + rhs.en, de: lhs.de + rhs.de) }
}
