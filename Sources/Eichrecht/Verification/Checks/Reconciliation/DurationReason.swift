import Foundation

/// The reasons of `duration`.
enum DurationReason: Explained, Hashable {
    /// The signed duration against the CDR's `total_time`.
    struct Comparison: Sendable, Hashable {
        /// The signed begin time.
        public var begin: SignedTime
        /// The signed end time.
        public var end: SignedTime
        /// The quality of the difference (synchronised, relative or informative).
        public var clock: ClockQuality
        /// end − begin, in seconds (exact to the millisecond).
        public var signedSeconds: Decimal
        /// The CDR's `total_time` in hours, as written.
        public var totalTime: DecimalText
        /// The time tolerance, in seconds; allowed twice, once for each end of the session.
        public var toleranceSeconds: Int

        /// `total_time` in seconds.
        public var totalTimeSeconds: Decimal { totalTime.value * 3600 }
        /// The longest signed duration the CDR allows: `total_time` + 2 × the tolerance.
        public var allowedSeconds: Decimal { totalTimeSeconds + Decimal(toleranceSeconds) * 2 }
    }

    /// No CDR to compare with.
    case noCDR
    /// The CDR's `total_time` is not a finite decimal number (as written).
    case cdrTotalTimeUnreadable(written: String)
    /// The CDR has no `total_time`.
    case cdrTotalTimeMissing
    /// The CDR's `start_date_time` or `end_date_time` is 1970-01-01: its session times are unknown.
    case cdrTimeUnknown
    /// No signed begin/end pair with times.
    case noSignedPair
    /// A signed time of the pair is on a clock that was never set (that time is carried).
    case clockUnknown(SignedTime)
    /// The signed end lies before the signed begin (`consistency` reports it).
    case endBeforeBegin(begin: SignedTime, end: SignedTime)
    /// The signed duration fits into `total_time`.
    case withinTotalTime(Comparison)
    /// The signed duration exceeds `total_time` on a synchronised or relative clock.
    case exceedsTotalTime(Comparison)
    /// The signed duration exceeds `total_time` on an informative clock (a warning).
    case exceedsTotalTimeInformativeClock(Comparison)

    public var code: String {
        switch self {
        case .noCDR: "duration.no_cdr"
        case .cdrTotalTimeUnreadable: "duration.cdr_total_time_unreadable"
        case .cdrTotalTimeMissing: "duration.cdr_total_time_missing"
        case .cdrTimeUnknown: "duration.cdr_time_unknown"
        case .noSignedPair: "duration.no_pair"
        case .clockUnknown: "duration.clock_unknown"
        case .endBeforeBegin: "duration.end_before_begin"
        case .withinTotalTime: "duration.within_total_time"
        case .exceedsTotalTime: "duration.exceeds_total_time"
        case .exceedsTotalTimeInformativeClock: "duration.exceeds_total_time_informative_clock"
        }
    }
}
