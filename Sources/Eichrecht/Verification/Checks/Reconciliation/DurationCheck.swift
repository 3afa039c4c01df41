import Foundation

/// `duration`: the signed duration (end − begin reading time, on the meter's own clock) against the
/// CDR's `total_time`. The CDR's time includes plugging in and parking, so only a signed duration
/// longer than `total_time` (plus twice the time tolerance, one for each end) contradicts it.
///
/// Only differences of the meter's clock matter here, so a relative clock counts as fully as a
/// synchronised one; an informative clock makes a disagreement a warning, an unknown clock says
/// nothing. A pair whose two times have different qualities counts as the weaker one, and a
/// relative time against an absolute one as informative: the clock may have been set in between.
/// A CDR that writes its start or end as 1970-01-01 (unknown) derives no `total_time` worth
/// comparing: the time checks skip then, and `duration` with them.
struct DurationCheck: SessionCheck {
    typealias Reason = DurationReason
    static let code = CheckCode.duration

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(.noCDR) }
        guard let totalTime = cdr.totalTimeHours else {
            // A total_time written unreadably may be read as any time by a billing system.
            if let written = cdr.unreadable[.totalTime] {
                return fail(.cdrTotalTimeUnreadable(written: written), actual: .text(written))
            }
            return skip(.cdrTotalTimeMissing)
        }
        // A CDR whose session times are unknown (1970-01-01) knows no duration either: the time
        // checks skip, and so does this one.
        if cdr.startDateTime?.isUnknown == true || cdr.endDateTime?.isUnknown == true { return skip(.cdrTimeUnknown) }
        guard let pair = session.billingRegister?.pair, let begin = pair.begin.time, let end = pair.end.time else {
            return skip(.noSignedPair)
        }
        guard let clock = Self.clock(begin.clock, end.clock) else {
            return skip(.clockUnknown(begin.clock == .unknown ? begin : end))
        }
        let (elapsed, overflow) = end.epochMilliseconds.subtractingReportingOverflow(begin.epochMilliseconds)
        guard !overflow, elapsed >= 0 else { return skip(.endBeforeBegin(begin: begin, end: end)) }
        let comparison = DurationReason.Comparison(
            begin: begin, end: end, clock: clock, signedSeconds: Decimal(elapsed) / 1000, totalTime: totalTime,
            toleranceSeconds: options.timeTolerance)
        let expected = ComparedValue.seconds(comparison.signedSeconds)
        let actual = ComparedValue.seconds(comparison.totalTimeSeconds)
        if comparison.signedSeconds <= comparison.allowedSeconds {
            return pass(.withinTotalTime(comparison), expected: expected, actual: actual)
        }
        if clock == .informative {
            return warn(.exceedsTotalTimeInformativeClock(comparison), expected: expected, actual: actual)
        }
        return fail(.exceedsTotalTime(comparison), expected: expected, actual: actual)
    }

    /// The quality of a difference of two signed times, or `nil` when either clock is unknown.
    static func clock(_ begin: ClockQuality, _ end: ClockQuality) -> ClockQuality? {
        switch (begin, end) {
        case (.unknown, _), (_, .unknown): nil
        case (.synchronised, .synchronised): .synchronised
        case (.relative, .relative): .relative
        default: .informative
        }
    }
}
