import Foundation

// German texts of the checks that reconcile the rest of the CDR with what the meter signed:
// charging periods, duration, EVSE id and identification.

private let w = Wording.german

/// Seconds as an exact decimal: `5130,675 s`.
private func seconds(_ value: Decimal) -> String { w.decimal(value) + " s" }

extension ChargingPeriodsReason {
    public var german: String {
        switch self {
        case .noCDR: "kein CDR zum Vergleich"
        case .cdrPeriodsUnreadable(let written):
            "charging_periods des CDR enthalten \(TextSafety.escaped(written.prefix(60))), wo OCPI eine Liste von Perioden mit ENERGY-Mengen als Zahlen schreibt"
        case .noEnergyDimension: "keine Ladeperiode des CDR enthält eine ENERGY-Dimension"
        case .noPair: "kein signiertes Paar aus Anfangs- und Endwert"
        case .withinTolerance(let c):
            "signiert \(w.kWh(c.signed)) = charging_periods \(w.kWh(c.periods)) (\(w.count(c.periodCount, "Periode", "Perioden")), Toleranz \(w.kWh(c.tolerance)))"
        case .outsideTolerance(let c):
            "signiert \(w.kWh(c.signed)), die charging_periods ergeben \(w.kWh(c.periods)) (\(w.count(c.periodCount, "Periode", "Perioden")); Differenz \(w.kWh(abs(c.signed - c.periods))), Toleranz \(w.kWh(c.tolerance)))"
        }
    }
}

extension DurationReason {
    public var german: String {
        switch self {
        case .noCDR: "kein CDR zum Vergleich"
        case .cdrTotalTimeUnreadable(let written):
            "total_time des CDR (\(TextSafety.escaped(written.prefix(60)))) ist keine endliche Dezimalzahl"
        case .cdrTotalTimeMissing: "der CDR nennt keine total_time (Gesamtdauer)"
        case .cdrTimeUnknown:
            "start_date_time oder end_date_time des CDR ist der 01.01.1970 (unbekannt), damit auch seine total_time"
        case .noSignedPair: "kein signiertes Paar aus Anfangs- und Endwert mit Zeiten"
        case .clockUnknown(let time):
            "die Zähleruhr war nicht gestellt (\(TextSafety.escaped(time.text))): die signierte Dauer sagt nichts aus"
        case .endBeforeBegin(let begin, let end):
            "das signierte Ende \(TextSafety.escaped(end.text)) liegt vor dem signierten Anfang \(TextSafety.escaped(begin.text))"
        case .withinTotalTime(let c):
            "signierte Dauer \(seconds(c.signedSeconds)) passt in total_time des CDR \(w.written(c.totalTime)) h (\(seconds(c.totalTimeSeconds)); Toleranz 2 × \(w.integer(c.toleranceSeconds)) s, \(ReportLabel.clock(c.clock).german))"
        case .exceedsTotalTime(let c):
            "signierte Dauer \(seconds(c.signedSeconds)) übersteigt total_time des CDR \(w.written(c.totalTime)) h (\(seconds(c.totalTimeSeconds))) um \(seconds(c.signedSeconds - c.totalTimeSeconds)) (Toleranz 2 × \(w.integer(c.toleranceSeconds)) s, \(ReportLabel.clock(c.clock).german))"
        case .exceedsTotalTimeInformativeClock(let c):
            "signierte Dauer \(seconds(c.signedSeconds)) übersteigt total_time des CDR \(w.written(c.totalTime)) h (\(seconds(c.totalTimeSeconds))) um \(seconds(c.signedSeconds - c.totalTimeSeconds)) (Toleranz 2 × \(w.integer(c.toleranceSeconds)) s); die Uhr ist nur informativ"
        }
    }
}

extension EVSEIDReason {
    public var german: String {
        switch self {
        case .noCDR: "kein CDR zum Vergleich"
        case .cdrEVSEIdMissing: "der CDR nennt keine cdr_location.evse_id"
        case .nothingSigned: "die signierten Daten nennen keinen Ladepunkt"
        case .notAnEVSE(let type?):
            "der Zähler signierte einen Ladepunkt vom Typ \(TextSafety.escaped(type)), keine EVSE-ID"
        case .notAnEVSE(nil): "der Zähler signierte einen Ladepunkt ohne Typ (CT), keine EVSE-ID"
        case .matches(let cdr, let signed, true):
            "evse_id des CDR \(TextSafety.escaped(cdr)) = signiert \(TextSafety.escaped(signed))"
        case .matches(let cdr, let signed, false):
            "evse_id des CDR \(TextSafety.escaped(cdr)) = Ladepunkt \(TextSafety.escaped(signed)) neben den signierten Daten (von der Signatur nicht erfasst)"
        case .differs(let cdr, let signed, true):
            "evse_id des CDR ist \(TextSafety.escaped(cdr)), der Zähler signierte aber den Ladepunkt \(TextSafety.escaped(signed))"
        case .differs(let cdr, let signed, false):
            "evse_id des CDR ist \(TextSafety.escaped(cdr)), neben den signierten Daten steht aber der Ladepunkt \(TextSafety.escaped(signed))"
        }
    }
}

extension IdentificationReason.TokenField {
    /// What the field holds, in German.
    var germanKind: String {
        switch self {
        case .uid: "RFID-UID"
        case .contractId: "Vertragskennung"
        }
    }
}

extension IdentificationReason {
    public var german: String {
        switch self {
        case .noCDR: "kein CDR zum Vergleich"
        case .nothingSigned: "die signierten Daten enthalten keine Identifikation"
        case .notComparable(let type?):
            "die signierte Identifikation vom Typ \(TextSafety.escaped(type)) hat kein Gegenstück in cdr_token"
        case .notComparable(nil): "die signierte Identifikation hat keinen Typ, nach dem sie vergleichbar wäre"
        case .tokenFieldMissing(let field): "der CDR nennt kein cdr_token.\(field.rawValue)"
        case .matches(let field, let signed, let token):
            "signierte \(field.germanKind) \(TextSafety.escaped(signed)) = cdr_token.\(field.rawValue) des CDR \(TextSafety.escaped(token))"
        case .reversedBytes(let field, let signed, let token):
            "signierte \(field.germanKind) \(TextSafety.escaped(signed)) = cdr_token.\(field.rawValue) des CDR \(TextSafety.escaped(token)) in umgekehrter Bytefolge"
        case .differs(let field, let signed, let token):
            "die signierte \(field.germanKind) \(TextSafety.escaped(signed)) weicht von cdr_token.\(field.rawValue) des CDR ab (\(TextSafety.escaped(token)))"
        }
    }
}
