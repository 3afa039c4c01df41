/// `time_sync` (warn only): whether the meter clock was synchronised.
struct TimeSyncCheck: SessionCheck {
    typealias Reason = TimeSyncReason
    static let code = CheckCode.timeSync

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else { return skip(.noRecord) }
        let readings: [Reading]
        if let pair = session.billingRegister?.pair {
            readings = [pair.begin, pair.end]
        } else {
            readings = session.registers.flatMap(\.readings)
        }
        let times = readings.compactMap(\.time)
        guard !times.isEmpty else { return warn(.noTimes) }
        let unsynchronised = times.filter { $0.clock != .synchronised }
        if unsynchronised.isEmpty { return pass(.synchronised) }
        return warn(.notSynchronised(unsynchronised))
    }
}

/// The reasons of `time_sync`.
enum TimeSyncReason: Explained, Hashable {
    /// No decoded record.
    case noRecord
    /// The signed readings carry no time.
    case noTimes
    /// The meter clock was synchronised.
    case synchronised
    /// Signed times on a clock that was not synchronised.
    case notSynchronised([SignedTime])

    public var code: String {
        switch self {
        case .noRecord: "time_sync.no_record"
        case .noTimes: "time_sync.no_times"
        case .synchronised: "time_sync.synchronised"
        case .notSynchronised: "time_sync.not_synchronised"
        }
    }
}

/// `key_trust` (warn only): whether the key came from a trusted source or only from the data itself.
struct KeyTrustCheck: SessionCheck {
    typealias Reason = KeyTrustReason
    static let code = CheckCode.keyTrust

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        var sources: Set<KeySource> = []
        for entry in session.records {
            if case .resolved(_, let source) = entry.key { sources.insert(source) }
        }
        if sources.isEmpty { return skip(.noKey) }
        if sources == [.trusted] { return pass(.trusted) }
        return warn(.untrusted(fromRecord: sources.contains(.embedded)))
    }
}

/// The reasons of `key_trust`.
enum KeyTrustReason: Explained, Hashable {
    /// No key was used.
    case noKey
    /// The key matches a trusted key.
    case trusted
    /// The key came only from the CDR, or (`fromRecord`) from the record itself.
    case untrusted(fromRecord: Bool)

    public var code: String {
        switch self {
        case .noKey: "key_trust.no_key"
        case .trusted: "key_trust.trusted"
        case .untrusted: "key_trust.untrusted"
        }
    }
}
