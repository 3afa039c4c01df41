// German texts of the decoding stage: format errors, undecoded values, deviations, contradictions.

extension FormatError {
    public var german: String {
        let text = "\(format.rawValue): \(problem.german(format: format))"
        return offset.map { "\(text) (bei Byte \(Wording.german.integer($0)))" } ?? text
    }
}

extension FormatProblem {
    func german(format: MeterFormat) -> String {
        let w = Wording.german
        switch self {
        case .valueCarriesNoData: return "der signierte Wert enthält keine Daten"
        case .notARecordInAnyTransport:
            return
                "weder signed_data noch plain_data ist ein \(format.rawValue)-Datensatz (gelesen als Text, Base64, Hex und Base32)"
        case .tooManyReadings(let count, let limit):
            return "zu viele Messwerte: \(w.integer(count)); ein Datensatz darf höchstens \(w.integer(limit)) enthalten"
        case .missingField(let field): return "\(TextSafety.escaped(field)) fehlt"
        case .badLength(let field, let expected, let actual):
            return "\(TextSafety.escaped(field)) hat \(w.count(actual, "Byte", "Byte")); erwartet: \(expected)"
        case .scalerOutOfRange(let field, let scaler, let lowest, let highest):
            return
                "\(field) \(scaler) liegt außerhalb von \(lowest)…+\(highest); kein Zähler skaliert sein Register mit dieser Zehnerpotenz"
        case .detail: return "die Daten entsprechen nicht dem Format \(format.rawValue)"
        }
    }
}

extension UndecodedReason {
    public var german: String {
        switch self {
        case .unrecognised(let method):
            let named = method.map { "Kodierungsverfahren \"\(TextSafety.escaped($0))\"" } ?? "kein Kodierungsverfahren"
            return "\(named), und kein Dekodierer erkennt die signierten Daten"
        case .unsupported(let format):
            return "das Kodierungsverfahren \(format) wird von dieser Version nicht unterstützt"
        }
    }
}

extension Deviation {
    public var german: String {
        switch self {
        case .keyWrapped(let origin, let envelope):
            return "\(origin.german) ist verpackt: gelesen aus \(TextSafety.escaped(envelope))"
        case .detail: return "Abweichung von der Spezifikation des Formats vermerkt"
        }
    }
}

extension KeyOrigin {
    public var german: String {
        switch self {
        case .embedded: return "Der im Datensatz eingebettete Schlüssel"
        case .trusted: return "Der vertrauenswürdige Schlüssel"
        case .given(let unit, let perValue):
            switch (unit, perValue) {
            case (.cdr, false): return "Der public_key des CDR"
            case (.cdr, true), (.signedData, true): return "Der public_key des Werts"
            case (.signedData, false): return "Der public_key von signed_data"
            case (.safeTransaction, _): return "Der <publicKey> der S.A.F.E.-Datei"
            case (.ocppMessage, _): return "Der publicKey der OCPP-Nachricht"
            case (.rawRecord, _): return "Der mit dem Datensatz gelieferte Schlüssel"
            }
        }
    }
}

extension Contradiction {
    public var german: String {
        switch kind {
        case .otherRecordInField(let field, let format, let signedField):
            return
                "\(field) enthält einen anderen \(format.rawValue)-Datensatz als \(signedField) (abweichende signierte Daten)"
        case .unsignedOffset(let element, let written, let zoneOffset, let zone, let readAs):
            return "der unsignierte UTC-Versatz \(written) von \(element) ist nicht der Versatz \(zoneOffset) der "
                + "Zeitzone \(zone) des Zählers; die signierte Ortszeit wird als \(readAs) gelesen"
        case .detail: return "eine unsignierte Angabe widerspricht den signierten Daten"
        }
    }
}

extension SignedBytesRule {
    public var german: String {
        switch self {
        case .ocmfWhitespaceRemoved: "über die Nutzdaten ohne Leerraum verifiziert (Regel von OCMF 1.0)"
        }
    }
}
