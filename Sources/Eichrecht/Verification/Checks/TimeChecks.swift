/// `start_time`: the signed begin time is not earlier than the CDR's `start_date_time` − tolerance.
struct StartTimeCheck: SessionCheck {
    typealias Reason = TimeReason
    static let code = CheckCode.startTime

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        TimeComparison(check: self, boundary: .start).evaluate(session, options: options)
    }
}

/// `end_time`: the signed end time is not later than the CDR's `end_date_time` + tolerance.
struct EndTimeCheck: SessionCheck {
    typealias Reason = TimeReason
    static let code = CheckCode.endTime

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        TimeComparison(check: self, boundary: .end).evaluate(session, options: options)
    }
}

/// The comparison both time checks share; the clock quality decides how a disagreement counts.
private struct TimeComparison<Check: SessionCheck> where Check.Reason == TimeReason {
    let check: Check
    let boundary: TimeReason.Boundary

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        let b = boundary
        let isStart = b == .start
        guard let cdr = session.cdr else { return check.skip(.noCDR(b)) }
        guard let cdrTime = isStart ? cdr.startDateTime : cdr.endDateTime else {
            // A time the CDR writes unreadably may be read as any time by a billing system.
            if let written = cdr.unreadable[isStart ? .startDateTime : .endDateTime] {
                return check.fail(.cdrTimeUnreadable(b, written: written), actual: .text(written))
            }
            return check.skip(.cdrTimeMissing(b))
        }
        if cdrTime.isUnknown { return check.skip(.cdrTimeUnknown(b)) }
        let reading = isStart ? session.billingRegister?.pair?.begin : session.billingRegister?.pair?.end
        let fallback = session.registers.lazy.compactMap { isStart ? $0.begins.first : $0.ends.first }.first
        guard let signed = (reading ?? fallback)?.time else { return check.skip(.noSignedTime(b)) }
        switch signed.clock {
        case .relative, .unknown: return check.skip(.clockNotAbsolute(b, signed))
        case .synchronised, .informative: break
        }
        // The tolerance is a caller's number: bounded (±100 years) before it is multiplied.
        let tolerance = min(max(Int64(options.timeTolerance), -3_155_760_000), 3_155_760_000) * 1000
        let comparison = TimeReason.Comparison(
            signed: signed, cdr: cdrTime,
            deltaSeconds: (signed.epochMilliseconds - cdrTime.epochMilliseconds) / 1000,
            toleranceSeconds: options.timeTolerance)
        let ok =
            isStart
            ? signed.epochMilliseconds >= cdrTime.epochMilliseconds - tolerance
            : signed.epochMilliseconds <= cdrTime.epochMilliseconds + tolerance
        if ok {
            return check.pass(.withinTolerance(b, comparison), expected: .signedTime(signed), actual: .cdrTime(cdrTime))
        }
        if signed.clock == .informative {
            return check.warn(
                .outsideToleranceInformativeClock(b, comparison), expected: .signedTime(signed),
                actual: .cdrTime(cdrTime))
        }
        return check.fail(.outsideTolerance(b, comparison), expected: .signedTime(signed), actual: .cdrTime(cdrTime))
    }
}

/// The reasons of `start_time` and `end_time` (each carries which of the two it is).
enum TimeReason: Explained, Hashable {
    /// Which end of the session a time check compares.
    enum Boundary: String, Sendable, Hashable, CaseIterable {
        case start = "start_time"
        case end = "end_time"
    }

    /// A signed time against the CDR's.
    struct Comparison: Sendable, Hashable {
        /// The time the meter signed.
        public var signed: SignedTime
        /// The CDR's time.
        public var cdr: OCPITime
        /// signed − CDR, in whole seconds.
        public var deltaSeconds: Int64
        /// The tolerance applied, in seconds.
        public var toleranceSeconds: Int
    }

    /// No CDR to compare with.
    case noCDR(Boundary)
    /// The CDR's time is not an RFC 3339 time (as written).
    case cdrTimeUnreadable(Boundary, written: String)
    /// The CDR has no such time.
    case cdrTimeMissing(Boundary)
    /// The CDR's time is 1970-01-01: unknown.
    case cdrTimeUnknown(Boundary)
    /// No signed time at that end of the session.
    case noSignedTime(Boundary)
    /// The meter clock was relative or unknown: absolute times cannot be compared.
    case clockNotAbsolute(Boundary, SignedTime)
    /// The signed time lies within the CDR's session plus tolerance.
    case withinTolerance(Boundary, Comparison)
    /// The signed time lies outside, on a synchronised clock.
    case outsideTolerance(Boundary, Comparison)
    /// The signed time lies outside, on an informative clock (a warning).
    case outsideToleranceInformativeClock(Boundary, Comparison)

    /// Which check the reason belongs to.
    public var boundary: Boundary {
        switch self {
        case .noCDR(let b), .cdrTimeUnreadable(let b, _), .cdrTimeMissing(let b), .cdrTimeUnknown(let b),
            .noSignedTime(let b), .clockNotAbsolute(let b, _), .withinTolerance(let b, _),
            .outsideTolerance(let b, _), .outsideToleranceInformativeClock(let b, _):
            b
        }
    }

    public var code: String {
        let name: String
        switch self {
        case .noCDR: name = "no_cdr"
        case .cdrTimeUnreadable: name = "cdr_time_unreadable"
        case .cdrTimeMissing: name = "cdr_time_missing"
        case .cdrTimeUnknown: name = "cdr_time_unknown"
        case .noSignedTime: name = "no_signed_time"
        case .clockNotAbsolute: name = "clock_not_absolute"
        case .withinTolerance: name = "within_tolerance"
        case .outsideTolerance: name = boundary == .start ? "before_cdr_start" : "after_cdr_end"
        case .outsideToleranceInformativeClock:
            name = boundary == .start ? "before_cdr_start_informative_clock" : "after_cdr_end_informative_clock"
        }
        return "\(boundary.rawValue).\(name)"
    }
}
