// English labels of the text report.

extension ReportLabel {
    var english: String {
        switch self {
        case .verdict(.verified): "VERIFIED"
        case .verdict(.mismatch): "MISMATCH"
        case .verdict(.unverifiable): "UNVERIFIABLE"
        case .verdict(.invalid): "INVALID"
        case .check(let code): code.english
        case .unit(.cdr): "CDR"
        case .unit(.signedData): "SignedData"
        case .unit(.ocppMessage): "OCPP message"
        case .unit(.safeTransaction): "S.A.F.E. transaction"
        case .unit(.rawRecord): "raw record"
        case .keySource(.trusted, _): "trusted key"
        case .keySource(.embedded, _): "key from the record"
        case .keySource(.cdr, .cdr): "key from the CDR"
        case .keySource(.cdr, .signedData): "key from signed_data"
        case .keySource(.cdr, .ocppMessage): "key from the OCPP publicKey"
        case .keySource(.cdr, .safeTransaction): "key from the S.A.F.E. <publicKey>"
        case .keySource(.cdr, .rawRecord): "key given with the record"
        case .signature(.valid): "signature valid"
        case .signature(.invalid): "signature INVALID"
        case .signature(.unchecked): "signature not checked"
        case .clock(.synchronised?): "synchronised clock"
        case .clock(.informative?): "informative clock"
        case .clock(.relative?): "relative clock"
        case .clock(.unknown?): "clock not set"
        case .clock(nil): "no time"
        case .repeatsValue(let index): "repeats value \(Wording.english.integer(index + 1))"
        case .unreadable: "UNREADABLE"
        case .meter: "meter"
        case .begin: "begin"
        case .end: "end"
        case .energy: "energy"
        case .signed: "signed"
        case .duration: "duration"
        case .signedValues: "signed values:"
        case .deviation: "deviation:"
        case .readingType(let type): type.rawValue
        case .checks: "checks:"
        }
    }
}

extension CheckCode {
    /// The check's short name in English.
    var english: String {
        switch self {
        case .format: "format"
        case .publicKey: "public key"
        case .signature: "signature"
        case .consistency: "consistency"
        case .meterStatus: "meter status"
        case .pairing: "begin/end pair"
        case .energy: "energy"
        case .startTime: "start time"
        case .endTime: "end time"
        case .meterID: "meter id"
        case .chargingPeriods: "charging periods"
        case .duration: "duration"
        case .evseID: "EVSE id"
        case .identification: "identification"
        case .timeSync: "clock sync"
        case .keyTrust: "key trust"
        }
    }
}

extension SignedValue.Nature: Worded {
    public var english: String {
        switch self {
        case .start: "Start"
        case .end: "End"
        case .intermediate: "Intermediate"
        case .other: "Other"
        }
    }
}
