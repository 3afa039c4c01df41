// German words of the driver's receipt.

extension ReceiptPhrase {
    var german: String {
        switch self {
        case .title: "Ladebeleg"
        case .session: "Ladevorgang"
        case .verdictWord(.verified): "Echt und stimmt mit der Abrechnung überein"
        case .verdictWord(.mismatch): "Stimmt nicht mit der Abrechnung überein"
        case .verdictWord(.invalid): "Nicht echt"
        case .verdictWord(.unverifiable): "Nicht prüfbar"
        case .verdictSentence(.verified):
            "Die vom Zähler signierten Messwerte sind echt und stimmen mit Ihrer Abrechnung überein."
        case .verdictSentence(.mismatch):
            "Die vom Zähler signierten Messwerte sind echt, aber Ihre Abrechnung stimmt nicht mit ihnen überein."
        case .verdictSentence(.invalid):
            "Die Messwerte dieses Belegs sind nicht echt oder wurden verändert: Die Signatur des Zählers passt nicht zu ihnen."
        case .verdictSentence(.unverifiable):
            "Die Messwerte dieses Ladevorgangs konnten nicht geprüft werden: Die signierten Daten oder der Schlüssel des Zählers fehlen oder sind nicht lesbar."
        case .verdictAdvice(.verified):
            "Sie können das selbst nachprüfen: mit den signierten Daten und dem öffentlichen Schlüssel unten, zum Beispiel in der S.A.F.E.-Transparenzsoftware."
        case .verdictAdvice(.mismatch):
            "Bitten Sie Ihren Ladestromanbieter, die Abrechnung zu berichtigen: Maßgeblich sind die vom Zähler signierten Werte."
        case .verdictAdvice(.invalid):
            "Akzeptieren Sie diese Abrechnung nicht ungeprüft. Wenden Sie sich an Ihren Ladestromanbieter; Sie können sich auch an die Eichbehörde Ihres Bundeslandes wenden."
        case .verdictAdvice(.unverifiable):
            "Fordern Sie bei Ihrem Ladestromanbieter die signierten Messwerte und den öffentlichen Schlüssel des Zählers an und prüfen Sie sie mit der S.A.F.E.-Transparenzsoftware."
        case .technicalReason: "Befund:"
        case .whereAndWhen: "Wo und wann"
        case .station: "Ladestation"
        case .address: "Adresse"
        case .evseId: "Ladepunkt (EVSE-ID)"
        case .start: "Beginn"
        case .end: "Ende"
        case .timeZone(let zone): "Zeiten in der Zeitzone \(zone)."
        case .signedAndBilled: "Was der Zähler signiert hat und was abgerechnet wurde"
        case .signedColumn: "Vom Zähler signiert"
        case .billedColumn: "Laut Ihrer Abrechnung"
        case .tableCaption: "Die signierten Messwerte des Zählers neben den Werten der Abrechnung"
        case .readingAtStart: "Zählerstand zu Beginn"
        case .readingAtEnd: "Zählerstand am Ende"
        case .energy: "Geladene Energie"
        case .meterMaker: "Hersteller des Zählers"
        case .meterSerial: "Seriennummer des Zählers"
        case .chargePoint: "Ladepunkt"
        case .priceExcludingVAT: "Preis ohne MwSt."
        case .priceIncludingVAT: "Preis mit MwSt."
        case .notSigned: "nicht von der Signatur erfasst"
        case .besideSignature: "neben den signierten Daten angegeben, nicht signiert"
        case .notStated: "nicht angegeben"
        case .clockNotSet: "die Uhr des Zählers war nicht gestellt"
        case .detailsHeading: "Details zur Prüfung"
        case .detailsIntro:
            "Mit diesen Daten kann jeder die Signatur des Zählers prüfen, zum Beispiel in der S.A.F.E.-Transparenzsoftware."
        case .checks: "Einzelne Prüfungen"
        case .checkStatus(.pass): "bestanden"
        case .checkStatus(.fail): "nicht bestanden"
        case .checkStatus(.warn): "Warnung"
        case .checkStatus(.skip): "nicht geprüft"
        case .dataFormat: "Datenformat"
        case .publicKey: "Öffentlicher Schlüssel des Zählers"
        case .signedData: "Signierte Daten"
        case .signedValue(let position, let nature):
            "Wert \(Wording.german.integer(position))" + (nature == .other ? "" : " (\(nature.german))")
        case .transparencyLink: "Auf der Transparenzseite des Ladestromanbieters prüfen"
        case .safeDownload: "Signierte Daten für die S.A.F.E.-Transparenzsoftware herunterladen (XML)"
        case .checkedBy(let version): "Geprüft mit eichrecht \(version)."
        }
    }
}
