/// `start_time`: the signed begin time is not earlier than the CDR's `start_date_time` − tolerance.
struct StartTimeCheck: SessionCheck {
    static let code = CheckCode.startTime

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        TimeComparison(check: self, isStart: true).evaluate(session, options: options)
    }
}

/// `end_time`: the signed end time is not later than the CDR's `end_date_time` + tolerance.
struct EndTimeCheck: SessionCheck {
    static let code = CheckCode.endTime

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        TimeComparison(check: self, isStart: false).evaluate(session, options: options)
    }
}

/// The comparison both time checks share; the clock quality decides how a disagreement counts.
private struct TimeComparison<Check: SessionCheck> {
    let check: Check
    let isStart: Bool

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return check.skip(Label.noCDR) }
        let field = isStart ? "start_date_time" : "end_date_time"
        guard let cdrTime = isStart ? cdr.startDateTime : cdr.endDateTime else {
            // A time the CDR writes unreadably may be read as any time by a billing system.
            if let written = cdr.unreadable[isStart ? .startDateTime : .endDateTime] {
                let shown = TextSafety.escaped(written.prefix(60))
                return check.fail(
                    Message(
                        en: "the CDR's \(field) \(shown) is not an RFC 3339 time",
                        de: "\(field) des CDR (\(shown)) ist keine Zeit nach RFC 3339"),
                    actual: written)
            }
            return check.skip(Message(en: "the CDR has no readable \(field)", de: "der CDR hat keine lesbare \(field)"))
        }
        if cdrTime.isUnknown {
            return check.skip(
                Message(
                    en: "the CDR's \(field) is 1970-01-01 (unknown)", de: "\(field) des CDR ist 1970-01-01 (unbekannt)")
            )
        }
        let reading = isStart ? session.billingRegister?.pair?.begin : session.billingRegister?.pair?.end
        let fallback = session.registers.lazy.compactMap { isStart ? $0.begins.first : $0.ends.first }.first
        guard let signed = (reading ?? fallback)?.time else {
            return check.skip(
                Message(
                    en: "no signed \(isStart ? "begin" : "end") time",
                    de: "keine signierte \(isStart ? "Anfangs" : "End")zeit"))
        }
        switch signed.clock {
        case .relative, .unknown:
            return check.skip(
                Message(
                    en:
                        "the meter clock was \(signed.clock.rawValue) (\(signed.text)): absolute times cannot be compared",
                    de:
                        "die Zähleruhr war \(signed.clock == .relative ? "relativ" : "unbekannt") (\(signed.text)): absolute Zeiten sind nicht vergleichbar"
                ))
        case .synchronised, .informative: break
        }
        // The tolerance is a caller's number: bounded (±100 years) before it is multiplied.
        let tolerance = min(max(Int64(options.timeTolerance), -3_155_760_000), 3_155_760_000) * 1000
        let delta = (signed.epochMilliseconds - cdrTime.epochMilliseconds) / 1000
        let ok =
            isStart
            ? signed.epochMilliseconds >= cdrTime.epochMilliseconds - tolerance
            : signed.epochMilliseconds <= cdrTime.epochMilliseconds + tolerance
        let signedText = signed.isoUTC
        if ok {
            return check.pass(
                Message(
                    en:
                        "signed \(isStart ? "begin" : "end") \(signedText) vs CDR \(cdrTime.isoUTC) (\(delta) s, tolerance \(options.timeTolerance) s)",
                    de:
                        "signierte \(isStart ? "Anfangs" : "End")zeit \(signedText) zu CDR \(cdrTime.isoUTC) (\(delta) s, Toleranz \(options.timeTolerance) s)"
                ),
                expected: signedText, actual: cdrTime.text)
        }
        let message = Message(
            en: isStart
                ? "the meter signed the begin at \(signedText), \(-delta) s before the CDR's start \(cdrTime.isoUTC) (tolerance \(options.timeTolerance) s)"
                : "the meter signed the end at \(signedText), \(delta) s after the CDR's end \(cdrTime.isoUTC) (tolerance \(options.timeTolerance) s)",
            de: isStart
                ? "der Zähler signierte den Beginn um \(signedText), \(-delta) s vor dem Start laut CDR \(cdrTime.isoUTC) (Toleranz \(options.timeTolerance) s)"
                : "der Zähler signierte das Ende um \(signedText), \(delta) s nach dem Ende laut CDR \(cdrTime.isoUTC) (Toleranz \(options.timeTolerance) s)"
        )
        if signed.clock == .informative {
            return check.warn(
                message + Message(en: "; the clock is informative only", de: "; die Uhr ist nur informativ"),
                expected: signedText, actual: cdrTime.text)
        }
        return check.fail(message, expected: signedText, actual: cdrTime.text)
    }
}
