import Foundation

// German texts of the checks' reasons (format, energy, times, meter id, meter status, pairing,
// clock sync, key trust, the verdict). Keys, signatures and consistency have their own files.

private let w = Wording.german

extension VerifiedReason {
    public var german: String {
        switch self {
        case .allChecksPassed: "alle Prüfungen bestanden"
        }
    }
}

extension FormatReason {
    public var german: String {
        switch self {
        case .signedData(let problem): problem.german
        case .noSignedData: "der CDR enthält keine signed_data"
        case .noSignedValues: "signed_data enthält keine signierten Werte"
        case .malformed(let values), .notDecodable(let values):
            w.findings(values.map { "\(w.value($0.value)): \(StageText.text($0.problem, .de))" })
        case .encodingMethodDisagrees(let method, let content):
            "encoding_method \"\(method)\" passt nicht zum Inhalt (\(names(content))); der Inhalt wurde dekodiert"
        case .encodingMethodUnknown(let method, let content):
            "encoding_method \"\(method)\" ist unbekannt; der Inhalt ist \(names(content))"
        case .decoded(let values, let formats, let transports, let deviations):
            "\(w.count(values, "signierter Wert", "signierte Werte")) als \(names(formats)) dekodiert ("
                + transports.map(\.rawValue).joined(separator: ", ") + ")"
                + (deviations == 0
                    ? "" : ", \(w.count(deviations, "Abweichung", "Abweichungen")) von der Spezifikation vermerkt")
        }
    }
}

extension SignedDataProblem {
    public var german: String {
        switch self {
        case .unreadable(let problem): "signed_data ist nicht lesbar: \(problem.german)"
        case .tooManyValues(let count, let limit):
            "signed_data enthält zu viele signierte Werte (\(w.integer(count)); höchstens \(w.integer(limit)) werden geprüft)"
        }
    }
}

extension EnergyReason {
    public var german: String {
        switch self {
        case .noCDR: "kein CDR zum Vergleich"
        case .cdrEnergyUnreadable(let written):
            "total_energy des CDR (\(TextSafety.escaped(written.prefix(60)))) ist keine endliche Dezimalzahl"
        case .cdrEnergyMissing: "der CDR nennt keine total_energy (Energiemenge)"
        case .noPair: "kein signiertes Paar aus Anfangs- und Endwert"
        case .withinTolerance(let signed, let billed, let tolerance):
            "signiert \(w.kWh(signed)) = CDR \(w.written(billed)) kWh (Toleranz \(w.kWh(tolerance)))"
        case .outsideTolerance(let signed, let billed, let tolerance):
            "signiert \(w.kWh(signed)), der CDR nennt \(w.written(billed)) kWh (Differenz \(w.kWh(abs(signed - billed.value))), Toleranz \(w.kWh(tolerance)))"
        }
    }
}

extension TimeReason {
    public var german: String {
        let isStart = boundary == .start
        let field = isStart ? "start_date_time" : "end_date_time"
        switch self {
        case .noCDR: return "kein CDR zum Vergleich"
        case .cdrTimeUnreadable(_, let written):
            return "\(field) des CDR (\(TextSafety.escaped(written.prefix(60)))) ist keine Zeit nach RFC 3339"
        case .cdrTimeMissing: return "der CDR hat keine lesbare \(field)"
        case .cdrTimeUnknown: return "\(field) des CDR ist der 01.01.1970 (unbekannt)"
        case .noSignedTime: return "keine signierte \(isStart ? "Anfangs" : "End")zeit"
        case .clockNotAbsolute(_, let signed):
            return
                "die Zähleruhr war \(signed.clock == .relative ? "relativ" : "unbekannt") (\(signed.text)): absolute Zeiten sind nicht vergleichbar"
        case .withinTolerance(_, let c):
            return
                "signierte \(isStart ? "Anfangs" : "End")zeit \(w.time(c.signed)) zu CDR \(w.time(c.cdr)) (\(w.integer(c.deltaSeconds)) s, Toleranz \(w.integer(c.toleranceSeconds)) s)"
        case .outsideTolerance(_, let c): return outside(c, isStart: isStart)
        case .outsideToleranceInformativeClock(_, let c):
            return outside(c, isStart: isStart) + "; die Uhr ist nur informativ"
        }
    }

    private func outside(_ c: Comparison, isStart: Bool) -> String {
        isStart
            ? "der Zähler signierte den Beginn um \(w.time(c.signed)), \(w.integer(-c.deltaSeconds)) s vor dem Start laut CDR \(w.time(c.cdr)) (Toleranz \(w.integer(c.toleranceSeconds)) s)"
            : "der Zähler signierte das Ende um \(w.time(c.signed)), \(w.integer(c.deltaSeconds)) s nach dem Ende laut CDR \(w.time(c.cdr)) (Toleranz \(w.integer(c.toleranceSeconds)) s)"
    }
}

extension MeterIDReason {
    public var german: String {
        switch self {
        case .noCDR: "kein CDR zum Vergleich"
        case .cdrMeterIdMissing: "der CDR hat keine meter_id"
        case .nothingSigned: "die signierten Daten nennen keinen Zähler"
        case .matches(let cdr, let signed): "meter_id des CDR \(cdr) = signiert \(signed)"
        case .differs(let cdr, let signed):
            "meter_id des CDR ist \(cdr), der Zähler signierte aber als \(signed.joined(separator: ", "))"
        }
    }
}

extension MeterStatusReason {
    public var german: String {
        switch self {
        case .noRecord: "kein dekodierter Datensatz"
        case .errorFlags(let flags), .warningFlags(let flags):
            w.findings(
                flags.map { found in
                    let what = found.typeCode.map { "\(w.value(found.value)), Messwert \($0)" } ?? w.value(found.value)
                    return "\(what): \(StageText.text(found.flag, .de))"
                })
        case .noFlags(let readings):
            "keine Fehlermarkierungen in \(w.count(readings, "signiertem Messwert", "signierten Messwerten"))"
        }
    }
}

extension PairingReason {
    public var german: String {
        switch self {
        case .noRecord: return "kein dekodierter Datensatz"
        case .severalReadings(let register, let type, let values):
            let list = values.map { $0.map(w.written) ?? "?" }.joined(separator: "; ")
            return
                "Register \(w.register(register)) hat \(w.integer(values.count)) verschiedene \(type == .end ? "Endwerte" : "Anfangswerte") (\(list))"
        case .missing(let missing, let notes):
            return w.findings([missing.german] + notes.map(\.german))
        case .paired(let register, let begin, let end, let notes):
            let name = register.isEmpty ? "dem Register" : w.register(register)
            return w.findings(
                [
                    "ein Anfangs- (\(begin.map(w.written) ?? "?")) und ein Endwert (\(end.map(w.written) ?? "?")) auf \(name)"
                ] + notes.map(\.german))
        }
    }
}

extension MissingReading {
    var german: String {
        switch self {
        case .beginAndEnd: "weder Anfangs- noch Endwert"
        case .end: "kein Endwert: der Endwert der Sitzung fehlt"
        case .begin: "kein Anfangswert: der Anfangswert der Sitzung fehlt"
        case .commonRegister: "kein Energieregister hat Anfangs- und Endwert"
        }
    }
}

extension PairingNote {
    var german: String {
        switch self {
        case .repeats(let value, let original):
            "\(w.value(value)) wiederholt Wert \(w.integer(original + 1)) und zählt einmal"
        case .incompleteRegister(let register): "Register \(w.register(register)) hat kein vollständiges Paar"
        }
    }
}

extension TimeSyncReason {
    public var german: String {
        switch self {
        case .noRecord: "kein dekodierter Datensatz"
        case .noTimes: "die signierten Messwerte tragen keine Zeit"
        case .synchronised: "die Zähleruhr war synchronisiert"
        case .notSynchronised(let times):
            "die Zähleruhr war nicht synchronisiert: "
                + times.map { "\($0.text) (\(ReportLabel.clock($0.clock).german))" }.joined(separator: ", ")
        }
    }
}

extension KeyTrustReason {
    public var german: String {
        switch self {
        case .noKey: "es wurde kein Schlüssel verwendet"
        case .trusted: "der Schlüssel entspricht einem vertrauenswürdigen Schlüssel"
        case .untrusted(let fromRecord):
            "der Schlüssel stammt nur aus \(fromRecord ? "dem Datensatz selbst" : "dem CDR"); mit dem Typenschild des Zählers oder einem Schlüsselregister vergleichen"
        }
    }
}
