import Foundation

// English texts of the checks that reconcile the rest of the CDR with what the meter signed:
// charging periods, duration, EVSE id and identification.

private let w = Wording.english

/// Seconds as an exact decimal: `5130.675 s`.
private func seconds(_ value: Decimal) -> String { w.decimal(value) + " s" }

extension ChargingPeriodsReason {
    public var english: String {
        switch self {
        case .noCDR: "no CDR to compare with"
        case .cdrPeriodsUnreadable(let written):
            "the CDR's charging_periods hold \(TextSafety.escaped(written.prefix(60))) where OCPI writes a list of periods with numeric ENERGY volumes"
        case .noEnergyDimension: "no charging period of the CDR carries an ENERGY dimension"
        case .noPair: "no signed begin/end pair to compute the energy from"
        case .withinTolerance(let c):
            "signed \(w.kWh(c.signed)) = charging_periods \(w.kWh(c.periods)) (\(w.count(c.periodCount, "period", "periods")), tolerance \(w.kWh(c.tolerance)))"
        case .outsideTolerance(let c):
            "signed \(w.kWh(c.signed)), the charging_periods add up to \(w.kWh(c.periods)) (\(w.count(c.periodCount, "period", "periods")); difference \(w.kWh(abs(c.signed - c.periods))), tolerance \(w.kWh(c.tolerance)))"
        }
    }
}

extension DurationReason {
    public var english: String {
        switch self {
        case .noCDR: "no CDR to compare with"
        case .cdrTotalTimeUnreadable(let written):
            "the CDR's total_time \(TextSafety.escaped(written.prefix(60))) is not a finite decimal number"
        case .cdrTotalTimeMissing: "the CDR has no total_time"
        case .cdrTimeUnknown: "the CDR's start_date_time or end_date_time is 1970-01-01 (unknown), so is its total_time"
        case .noSignedPair: "no signed begin/end pair with times"
        case .clockUnknown(let time):
            "the meter clock was not set (\(TextSafety.escaped(time.text))): the signed duration means nothing"
        case .endBeforeBegin(let begin, let end):
            "the signed end \(TextSafety.escaped(end.text)) lies before the signed begin \(TextSafety.escaped(begin.text))"
        case .withinTotalTime(let c):
            "signed duration \(seconds(c.signedSeconds)) fits into the CDR's total_time \(w.written(c.totalTime)) h (\(seconds(c.totalTimeSeconds)); tolerance 2 × \(w.integer(c.toleranceSeconds)) s, \(ReportLabel.clock(c.clock).english))"
        case .exceedsTotalTime(let c):
            "signed duration \(seconds(c.signedSeconds)) exceeds the CDR's total_time \(w.written(c.totalTime)) h (\(seconds(c.totalTimeSeconds))) by \(seconds(c.signedSeconds - c.totalTimeSeconds)) (tolerance 2 × \(w.integer(c.toleranceSeconds)) s, \(ReportLabel.clock(c.clock).english))"
        case .exceedsTotalTimeInformativeClock(let c):
            "signed duration \(seconds(c.signedSeconds)) exceeds the CDR's total_time \(w.written(c.totalTime)) h (\(seconds(c.totalTimeSeconds))) by \(seconds(c.signedSeconds - c.totalTimeSeconds)) (tolerance 2 × \(w.integer(c.toleranceSeconds)) s); the clock is informative only"
        }
    }
}

extension EVSEIDReason {
    public var english: String {
        switch self {
        case .noCDR: "no CDR to compare with"
        case .cdrEVSEIdMissing: "the CDR has no cdr_location.evse_id"
        case .nothingSigned: "the signed data names no charge point"
        case .notAnEVSE(let type?):
            "the meter signed a charge point of type \(TextSafety.escaped(type)), not an EVSE id"
        case .notAnEVSE(nil): "the meter signed a charge point without a type (CT), not an EVSE id"
        case .matches(let cdr, let signed, true):
            "CDR evse_id \(TextSafety.escaped(cdr)) = signed \(TextSafety.escaped(signed))"
        case .matches(let cdr, let signed, false):
            "CDR evse_id \(TextSafety.escaped(cdr)) = charge point \(TextSafety.escaped(signed)) written beside the signed data (not covered by the signature)"
        case .differs(let cdr, let signed, true):
            "CDR evse_id \(TextSafety.escaped(cdr)), but the meter signed the charge point \(TextSafety.escaped(signed))"
        case .differs(let cdr, let signed, false):
            "CDR evse_id \(TextSafety.escaped(cdr)), but the charge point written beside the signed data is \(TextSafety.escaped(signed))"
        }
    }
}

extension IdentificationReason.TokenField {
    /// What the field holds, in English.
    var englishKind: String {
        switch self {
        case .uid: "RFID UID"
        case .contractId: "contract id"
        }
    }
}

extension IdentificationReason {
    public var english: String {
        switch self {
        case .noCDR: "no CDR to compare with"
        case .nothingSigned: "the signed data carries no identification"
        case .notComparable(let type?):
            "the signed identification of type \(TextSafety.escaped(type)) has no counterpart in cdr_token"
        case .notComparable(nil): "the signed identification has no type to compare it by"
        case .tokenFieldMissing(let field): "the CDR has no cdr_token.\(field.rawValue)"
        case .matches(let field, let signed, let token):
            "signed \(field.englishKind) \(TextSafety.escaped(signed)) = CDR cdr_token.\(field.rawValue) \(TextSafety.escaped(token))"
        case .reversedBytes(let field, let signed, let token):
            "signed \(field.englishKind) \(TextSafety.escaped(signed)) = CDR cdr_token.\(field.rawValue) \(TextSafety.escaped(token)) with the bytes in reverse order"
        case .differs(let field, let signed, let token):
            "the signed \(field.englishKind) \(TextSafety.escaped(signed)) differs from the CDR's cdr_token.\(field.rawValue) \(TextSafety.escaped(token))"
        }
    }
}
