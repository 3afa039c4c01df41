// English words of the driver's receipt.

extension ReceiptPhrase {
    var english: String {
        switch self {
        case .title: "Charging receipt"
        case .session: "Session"
        case .verdictWord(.verified): "Genuine and matches your bill"
        case .verdictWord(.mismatch): "Does not match your bill"
        case .verdictWord(.invalid): "Not genuine"
        case .verdictWord(.unverifiable): "Could not be checked"
        case .verdictSentence(.verified):
            "The meter readings signed by the meter are genuine and match your bill."
        case .verdictSentence(.mismatch):
            "The meter readings signed by the meter are genuine, but your bill does not match them."
        case .verdictSentence(.invalid):
            "The meter readings in this receipt are not genuine or were altered: the meter's signature does not fit them."
        case .verdictSentence(.unverifiable):
            "The meter readings of this session could not be checked: the signed data or the meter's key is missing or unreadable."
        case .verdictAdvice(.verified):
            "You can check this yourself with the signed data and the public key below, for example in the S.A.F.E. Transparenzsoftware."
        case .verdictAdvice(.mismatch):
            "Ask your charging provider to correct the bill: the values signed by the meter are the ones that count."
        case .verdictAdvice(.invalid):
            "Do not accept this bill unchecked. Contact your charging provider; you can also turn to the calibration authority (Eichbehörde) of the federal state."
        case .verdictAdvice(.unverifiable):
            "Ask your charging provider for the signed meter readings and the meter's public key, and check them in the S.A.F.E. Transparenzsoftware."
        case .technicalReason: "Finding:"
        case .whereAndWhen: "Where and when"
        case .station: "Charging station"
        case .address: "Address"
        case .evseId: "Charge point (EVSE ID)"
        case .start: "Start"
        case .end: "End"
        case .timeZone(let zone): "Times in the time zone \(zone)."
        case .signedAndBilled: "What the meter signed and what was billed"
        case .signedColumn: "Signed by the meter"
        case .billedColumn: "According to your bill"
        case .tableCaption: "The meter's signed readings beside the bill's values"
        case .readingAtStart: "Meter reading at start"
        case .readingAtEnd: "Meter reading at end"
        case .energy: "Energy charged"
        case .meterMaker: "Meter maker"
        case .meterSerial: "Meter serial number"
        case .chargePoint: "Charge point"
        case .priceExcludingVAT: "Price excluding VAT"
        case .priceIncludingVAT: "Price including VAT"
        case .notSigned: "not covered by the signature"
        case .besideSignature: "given beside the signed data, not signed"
        case .notStated: "not stated"
        case .clockNotSet: "the meter's clock was not set"
        case .detailsHeading: "Details for checking"
        case .detailsIntro:
            "With these data anyone can check the meter's signature, for example in the S.A.F.E. Transparenzsoftware."
        case .checks: "Individual checks"
        case .checkStatus(.pass): "passed"
        case .checkStatus(.fail): "failed"
        case .checkStatus(.warn): "warning"
        case .checkStatus(.skip): "not checked"
        case .dataFormat: "Data format"
        case .publicKey: "The meter's public key"
        case .signedData: "Signed data"
        case .signedValue(let position, let nature):
            "Value \(Wording.english.integer(position))" + (nature == .other ? "" : " (\(nature.english))")
        case .transparencyLink: "Check on the charging provider's transparency page"
        case .safeDownload: "Download the signed data for the S.A.F.E. Transparenzsoftware (XML)"
        case .checkedBy(let version): "Checked with eichrecht \(version)."
        }
    }
}
