// English texts of the decoding stage: format errors, undecoded values, deviations, contradictions.

extension FormatError: Explained {
    public var english: String {
        let text = "\(format.rawValue): \(problem.english(format: format))"
        return offset.map { "\(text) (at byte \(Wording.english.integer($0)))" } ?? text
    }
}

extension FormatProblem {
    func english(format: MeterFormat) -> String {
        let w = Wording.english
        switch self {
        case .valueCarriesNoData: return "the signed value carries no data"
        case .notARecordInAnyTransport:
            return
                "neither signed_data nor plain_data is a \(format.rawValue) record (read as text, base64, hex and base32)"
        case .tooManyReadings(let count, let limit):
            return "too many readings: \(w.integer(count)); a record may hold at most \(w.integer(limit))"
        case .missingField(let field): return "\(TextSafety.escaped(field)) is missing"
        case .badLength(let field, let expected, let actual):
            return "\(TextSafety.escaped(field)) has \(w.count(actual, "byte", "bytes")); it must have \(expected)"
        case .scalerOutOfRange(let field, let scaler, let lowest, let highest):
            return
                "\(field) \(scaler) is outside \(lowest)…+\(highest); no meter scales its register by that power of ten"
        case .detail(let text): return text
        }
    }
}

extension UndecodedReason: Explained {
    public var english: String {
        switch self {
        case .unrecognised(let method):
            let named = method.map { "encoding method \"\(TextSafety.escaped($0))\"" } ?? "no encoding method"
            return "\(named), and no decoder recognises the signed data"
        case .unsupported(let format): return "the encoding method \(format) is not supported by this version"
        }
    }
}

extension Deviation: Explained {
    public var english: String {
        switch self {
        case .keyWrapped(let origin, let envelope): return "\(origin.english) is wrapped: read from \(envelope)"
        case .detail(let text): return text
        }
    }
}

extension KeyOrigin {
    /// How English names the key, as the start of a sentence is not needed (lower case).
    public var english: String {
        switch self {
        case .embedded: return "the key embedded in the record"
        case .trusted: return "the trusted key"
        case .given(let unit, let perValue):
            switch (unit, perValue) {
            case (.cdr, false): return "the CDR's public_key"
            case (.cdr, true), (.signedData, true): return "the value's public_key"
            case (.signedData, false): return "signed_data's public_key"
            case (.safeTransaction, _): return "the S.A.F.E. <publicKey>"
            case (.ocppMessage, _): return "the OCPP publicKey"
            case (.rawRecord, _): return "the key given with the record"
            }
        }
    }
}

extension Contradiction: Explained {
    public var english: String {
        switch kind {
        case .otherRecordInField(let field, let format, let signedField):
            return "\(field) holds another \(format.rawValue) record than \(signedField) (different signed data)"
        case .unsignedOffset(let element, let written, let zoneOffset, let zone, let readAs):
            return "the unsigned UTC offset \(written) of \(element) is not \(zoneOffset) of the meter time zone "
                + "\(zone); the signed local time is read as \(readAs)"
        case .detail(let text): return text
        }
    }
}

extension SignedBytesRule: Explained {
    public var english: String {
        switch self {
        case .ocmfWhitespaceRemoved: "verified over the payload with whitespace removed (OCMF 1.0 rule)"
        }
    }
}
