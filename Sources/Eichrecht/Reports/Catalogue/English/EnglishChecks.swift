import Foundation

// English texts of the checks' reasons (format, energy, times, meter id, meter status, pairing,
// clock sync, key trust, the verdict). Keys, signatures and consistency have their own files.

private let w = Wording.english

extension VerifiedReason {
    public var english: String {
        switch self {
        case .allChecksPassed: "every check passed"
        }
    }
}

extension FormatReason {
    public var english: String {
        switch self {
        case .signedData(let problem): problem.english
        case .noSignedData: "the CDR carries no signed_data"
        case .noSignedValues: "signed_data has no signed values"
        case .malformed(let values), .notDecodable(let values):
            w.findings(values.map { "\(w.value($0.value)): \(StageText.text($0.problem, .en))" })
        case .encodingMethodDisagrees(let method, let content):
            "encoding_method \"\(method)\" does not match the content (\(names(content))); the content was decoded"
        case .encodingMethodUnknown(let method, let content):
            "encoding_method \"\(method)\" is not a known name; the content is \(names(content))"
        case .decoded(let values, let formats, let transports, let deviations):
            "\(w.count(values, "signed value", "signed values")) decoded as \(names(formats)) ("
                + transports.map(\.rawValue).joined(separator: ", ") + ")"
                + (deviations == 0
                    ? "" : ", \(w.count(deviations, "deviation", "deviations")) from the specification noted")
        }
    }
}

/// Format names joined as the reports list them.
func names(_ formats: [MeterFormat]) -> String { formats.map(\.rawValue).joined(separator: ", ") }

extension SignedDataProblem {
    public var english: String {
        switch self {
        case .unreadable(let problem): "signed_data is unreadable: \(problem.english)"
        case .tooManyValues(let count, let limit):
            "signed_data holds too many signed values (\(w.integer(count)); at most \(w.integer(limit)) are verified)"
        }
    }
}

extension EnergyReason {
    public var english: String {
        switch self {
        case .noCDR: "no CDR to compare with"
        case .cdrEnergyUnreadable(let written):
            "the CDR's total_energy \(TextSafety.escaped(written.prefix(60))) is not a finite decimal number"
        case .cdrEnergyMissing: "the CDR has no total_energy"
        case .noPair: "no signed begin/end pair to compute the energy from"
        case .withinTolerance(let signed, let billed, let tolerance):
            "signed \(w.kWh(signed)) = CDR \(w.written(billed)) kWh (tolerance \(w.kWh(tolerance)))"
        case .outsideTolerance(let signed, let billed, let tolerance):
            "signed \(w.kWh(signed)), CDR says \(w.written(billed)) kWh (difference \(w.kWh(abs(signed - billed.value))), tolerance \(w.kWh(tolerance)))"
        }
    }
}

extension TimeReason {
    public var english: String {
        let isStart = boundary == .start
        let field = isStart ? "start_date_time" : "end_date_time"
        switch self {
        case .noCDR: return "no CDR to compare with"
        case .cdrTimeUnreadable(_, let written):
            return "the CDR's \(field) \(TextSafety.escaped(written.prefix(60))) is not an RFC 3339 time"
        case .cdrTimeMissing: return "the CDR has no readable \(field)"
        case .cdrTimeUnknown: return "the CDR's \(field) is 1970-01-01 (unknown)"
        case .noSignedTime: return "no signed \(isStart ? "begin" : "end") time"
        case .clockNotAbsolute(_, let signed):
            return
                "the meter clock was \(signed.clock.rawValue) (\(signed.text)): absolute times cannot be compared"
        case .withinTolerance(_, let c):
            return
                "signed \(isStart ? "begin" : "end") \(w.time(c.signed)) vs CDR \(w.time(c.cdr)) (\(c.deltaSeconds) s, tolerance \(c.toleranceSeconds) s)"
        case .outsideTolerance(_, let c): return outside(c, isStart: isStart)
        case .outsideToleranceInformativeClock(_, let c):
            return outside(c, isStart: isStart) + "; the clock is informative only"
        }
    }

    private func outside(_ c: Comparison, isStart: Bool) -> String {
        isStart
            ? "the meter signed the begin at \(w.time(c.signed)), \(-c.deltaSeconds) s before the CDR's start \(w.time(c.cdr)) (tolerance \(c.toleranceSeconds) s)"
            : "the meter signed the end at \(w.time(c.signed)), \(c.deltaSeconds) s after the CDR's end \(w.time(c.cdr)) (tolerance \(c.toleranceSeconds) s)"
    }
}

extension MeterIDReason {
    public var english: String {
        switch self {
        case .noCDR: "no CDR to compare with"
        case .cdrMeterIdMissing: "the CDR has no meter_id"
        case .nothingSigned: "the signed data names no meter"
        case .matches(let cdr, let signed): "CDR meter_id \(cdr) = signed \(signed)"
        case .differs(let cdr, let signed):
            "CDR meter_id \(cdr), but the meter signed as \(signed.joined(separator: ", "))"
        }
    }
}

extension MeterStatusReason {
    public var english: String {
        switch self {
        case .noRecord: "no decoded record"
        case .errorFlags(let flags), .warningFlags(let flags):
            w.findings(
                flags.map { found in
                    let what = found.typeCode.map { "\(w.value(found.value)), reading \($0)" } ?? w.value(found.value)
                    return "\(what): \(StageText.text(found.flag, .en))"
                })
        case .noFlags(let readings): "no error flags in \(w.count(readings, "signed reading", "signed readings"))"
        }
    }
}

extension PairingReason {
    public var english: String {
        switch self {
        case .noRecord: return "no decoded record"
        case .severalReadings(let register, let type, let values):
            let list = values.map { $0?.text ?? "?" }.joined(separator: ", ")
            return
                "register \(w.register(register)) has \(values.count) different \(type == .end ? "end" : "begin") readings (\(list))"
        case .missing(let missing, let notes):
            return w.findings([missing.english] + notes.map(\.english))
        case .paired(let register, let begin, let end, let notes):
            let name = register.isEmpty ? "the register" : w.register(register)
            return w.findings(
                ["one begin (\(begin?.text ?? "?")) and one end (\(end?.text ?? "?")) reading on \(name)"]
                    + notes.map(\.english))
        }
    }
}

extension MissingReading {
    var english: String {
        switch self {
        case .beginAndEnd: "no begin and no end reading"
        case .end: "no end reading: the session's end value is missing"
        case .begin: "no begin reading: the session's start value is missing"
        case .commonRegister: "no energy register has both a begin and an end reading"
        }
    }
}

extension PairingNote {
    var english: String {
        switch self {
        case .repeats(let value, let original):
            "\(w.value(value)) repeats value \(w.integer(original + 1)) and counts once"
        case .incompleteRegister(let register): "register \(w.register(register)) has no complete begin/end pair"
        }
    }
}

extension TimeSyncReason {
    public var english: String {
        switch self {
        case .noRecord: "no decoded record"
        case .noTimes: "the signed readings carry no time"
        case .synchronised: "the meter clock was synchronised"
        case .notSynchronised(let times):
            "the meter clock was not synchronised: "
                + times.map { "\($0.text) (\($0.clock.rawValue))" }.joined(separator: ", ")
        }
    }
}

extension KeyTrustReason {
    public var english: String {
        switch self {
        case .noKey: "no key was used"
        case .trusted: "the key matches a trusted key"
        case .untrusted(let fromRecord):
            "the key came only from \(fromRecord ? "the record itself" : "the CDR"); compare it with the meter's label or a key register"
        }
    }
}
