// English texts of why input cannot be read.

extension InputProblem {
    public var english: String {
        switch self {
        case .invalidJSON(let detail): "invalid JSON: \(detail)"
        case .endsInsideArray: "the input ends inside a JSON array (missing ']')"
        case .empty: "the input is empty"
        case .expectedCommaOrBracket: "expected ',' or ']' between array elements"
        case .valueTooLarge(let n): "a single JSON value larger than \(n) MiB"
        case .endsInsideValue: "the input ends inside a JSON value"
        case .rawTooLarge(let n): "a non-JSON input larger than \(n) MiB"
        case .fileTooLarge(let n): "larger than \(n) MiB"
        case .timeLimitExceeded(let n): "the request's time limit of \(n) s ran out"
        case .safeUnreadable(let detail): "not a readable S.A.F.E. values document: \(detail)"
        case .safeRoot(let name): "the XML root element is <\(TextSafety.escaped(name))>, not <values>"
        case .safeNoValue: "the S.A.F.E. document holds no <value> element"
        case .safeValue(let position, let problem):
            "<value> \(position): "
                + {
                    switch problem {
                    case .noData: "neither <signedData> nor <encodedData>"
                    case .severalData: "more than one <signedData> or <encodedData>"
                    case .severalKeys: "more than one <publicKey>"
                    case .emptyData(let name): "<\(name)> is empty"
                    }
                }()
        case .ocppNoSignedValues:
            "an OCPP message without signed meter values (no sampled value has format SignedData or a signedMeterValue)"
        case .noSuchFile: "no such file"
        case .isDirectory: "is a directory"
        case .cannotOpen: "cannot be opened for reading"
        case .readError(let detail): "read error: \(detail)"
        case .signedDataNotObject(let kind): "signed_data is \(kind.english), not an object"
        case .repeatedMember(let place, let name):
            "\(place == .cdr ? "the CDR" : "signed_data") holds the member \"\(TextSafety.escaped(name))\" twice: "
                + "ambiguous JSON is unreadable"
        case .noSignedValues: "signed_data has no signed_values"
        case .signedValuesNotArray: "signed_values is not an array"
        case .notAUnit:
            "a JSON object that is neither a CDR, an OCPI response nor a SignedData (it has no signed_data, total_energy or signed_values)"
        case .notACDR(let kind): "\(kind.english) where a CDR object was expected"
        case .notRecognised(let preview): "not a CDR, a SignedData or a signed record (starts with \"\(preview)\")"
        case .keyNotString(let name): "the key for \"\(TextSafety.escaped(name))\" is not a string"
        case .entryWithoutKey(let n): "entry \(n) has no public_key"
        case .entryWithoutMeter(let n): "entry \(n) names no meter (meter, serial, meter_id, server_id or id)"
        case .keyListShape: "a key list must be a JSON object or array"
        case .keyListLine(let n): "line \(n): expected 'meter,key'"
        case .keyListEmpty: "the key list holds no keys"
        }
    }
}

extension CDRProblem {
    public var english: String {
        switch self {
        case .unreadable(let field):
            switch field {
            case .startDateTime, .endDateTime: "\(field.rawValue) is not an RFC 3339 time"
            case .totalEnergy: "total_energy is not a finite decimal number"
            case .totalTime: "total_time is not a finite decimal number"
            case .chargingPeriods: "charging_periods holds an ENERGY volume that is not a finite decimal number"
            }
        }
    }
}
