// German labels of the text report.

extension ReportLabel {
    var german: String {
        switch self {
        case .verdict(.verified): "VERIFIZIERT"
        case .verdict(.mismatch): "ABWEICHUNG"
        case .verdict(.unverifiable): "NICHT PRÜFBAR"
        case .verdict(.invalid): "UNGÜLTIG"
        case .check(let code): code.german
        case .unit(.cdr): "CDR"
        case .unit(.signedData): "SignedData"
        case .unit(.ocppMessage): "OCPP-Nachricht"
        case .unit(.safeTransaction): "S.A.F.E.-Vorgang"
        case .unit(.rawRecord): "Rohdatensatz"
        case .keySource(.trusted, _): "vertrauenswürdiger Schlüssel"
        case .keySource(.embedded, _): "Schlüssel aus dem Datensatz"
        case .keySource(.cdr, .cdr): "Schlüssel aus dem CDR"
        case .keySource(.cdr, .signedData): "Schlüssel aus signed_data"
        case .keySource(.cdr, .ocppMessage): "Schlüssel aus dem OCPP-publicKey"
        case .keySource(.cdr, .safeTransaction): "Schlüssel aus dem S.A.F.E.-<publicKey>"
        case .keySource(.cdr, .rawRecord): "mit dem Datensatz gelieferter Schlüssel"
        case .signature(.valid): "Signatur gültig"
        case .signature(.invalid): "Signatur UNGÜLTIG"
        case .signature(.unchecked): "Signatur nicht geprüft"
        case .clock(.synchronised?): "synchronisierte Uhr"
        case .clock(.informative?): "informative Uhr"
        case .clock(.relative?): "relative Uhr"
        case .clock(.unknown?): "Uhr nicht gestellt"
        case .clock(nil): "keine Zeit"
        case .repeatsValue(let index): "wiederholt Wert \(Wording.german.integer(index + 1))"
        case .unreadable: "NICHT LESBAR"
        case .meter: "Zähler"
        case .begin: "Anfang"
        case .end: "Ende"
        case .energy: "Energie"
        case .signed: "signiert"
        case .duration: "Dauer"
        case .signedValues: "signierte Werte:"
        case .deviation: "Abweichung:"
        case .readingType(.begin): "Anfang"
        case .readingType(.intermediate): "Zwischenwert"
        case .readingType(.end): "Ende"
        case .readingType(.exception): "Ausnahme"
        case .readingType(.unspecified): "ohne Art"
        case .checks: "Prüfungen:"
        }
    }
}

extension CheckCode {
    /// The check's short name in German.
    var german: String {
        switch self {
        case .format: "Format"
        case .publicKey: "Schlüssel"
        case .signature: "Signatur"
        case .consistency: "Konsistenz"
        case .meterStatus: "Zählerstatus"
        case .pairing: "Anfang/Ende"
        case .energy: "Energie"
        case .startTime: "Startzeit"
        case .endTime: "Endzeit"
        case .meterID: "Zähler-ID"
        case .chargingPeriods: "Ladeperioden"
        case .duration: "Dauer"
        case .evseID: "EVSE-ID"
        case .identification: "Identifikation"
        case .timeSync: "Uhrzeit-Sync"
        case .keyTrust: "Schlüsselherkunft"
        }
    }
}

extension SignedValue.Nature {
    public var german: String {
        switch self {
        case .start: "Anfang"
        case .end: "Ende"
        case .intermediate: "Zwischenwert"
        case .other: "Sonstiger"
        }
    }
}
