// German texts of why input cannot be read. Details of parsers and of the system are English
// only: the German text names what failed, the position is written beside it.

extension InputProblem {
    public var german: String {
        let w = Wording.german
        switch self {
        case .invalidJSON: return "ungültiges JSON"
        case .endsInsideArray: return "die Eingabe endet innerhalb eines JSON-Arrays (']' fehlt)"
        case .empty: return "die Eingabe ist leer"
        case .expectedCommaOrBracket: return "zwischen Array-Elementen muss ',' oder ']' stehen"
        case .valueTooLarge(let n): return "ein einzelner JSON-Wert ist größer als \(w.integer(n)) MiB"
        case .endsInsideValue: return "die Eingabe endet innerhalb eines JSON-Werts"
        case .rawTooLarge(let n): return "eine Eingabe ohne JSON ist größer als \(w.integer(n)) MiB"
        case .fileTooLarge(let n): return "größer als \(w.integer(n)) MiB"
        case .timeLimitExceeded(let n): return "die Zeitgrenze der Anfrage von \(w.integer(n)) s ist abgelaufen"
        case .safeUnreadable: return "kein lesbares S.A.F.E.-Dokument (XML fehlerhaft)"
        case .safeRoot(let name): return "das XML-Wurzelelement ist <\(TextSafety.escaped(name))> statt <values>"
        case .safeNoValue: return "das S.A.F.E.-Dokument enthält kein <value>-Element"
        case .safeValue(let position, let problem):
            let what =
                switch problem {
                case .noData: "weder <signedData> noch <encodedData>"
                case .severalData: "mehr als ein <signedData> oder <encodedData>"
                case .severalKeys: "mehr als ein <publicKey>"
                case .emptyData(let name): "<\(name)> ist leer"
                }
            return "<value> \(w.integer(position)): \(what)"
        case .ocppNoSignedValues:
            return
                "eine OCPP-Nachricht ohne signierte Zählerwerte (kein Messwert im Format SignedData, kein signedMeterValue)"
        case .noSuchFile: return "Datei nicht vorhanden"
        case .isDirectory: return "ist ein Verzeichnis"
        case .cannotOpen: return "kann nicht zum Lesen geöffnet werden"
        case .readError: return "Lesefehler"
        case .signedDataNotObject(let kind): return "signed_data ist \(kind.german) statt eines Objekts"
        case .repeatedMember(let place, let name):
            return "\(place == .cdr ? "der CDR" : "signed_data") enthält das Element „\(TextSafety.escaped(name))“ "
                + "doppelt: mehrdeutiges JSON ist nicht lesbar"
        case .noSignedValues: return "signed_data hat keine signed_values"
        case .signedValuesNotArray: return "signed_values ist kein Array"
        case .notAUnit:
            return "ein JSON-Objekt, das weder CDR noch OCPI-Antwort noch SignedData ist "
                + "(ohne signed_data, total_energy und signed_values)"
        case .notACDR(let kind): return "\(kind.german), wo ein CDR-Objekt stehen muss"
        case .notRecognised(let preview):
            return "weder CDR noch SignedData noch ein signierter Datensatz (beginnt mit „\(preview)“)"
        case .keyNotString(let name): return "der Schlüssel zu „\(TextSafety.escaped(name))“ ist keine Zeichenkette"
        case .entryWithoutKey(let n): return "Eintrag \(w.integer(n)) hat keinen public_key"
        case .entryWithoutMeter(let n):
            return "Eintrag \(w.integer(n)) nennt keinen Zähler (`meter`, `serial`, `meter_id`, `server_id` oder `id`)"
        case .keyListShape: return "eine Schlüsselliste muss ein JSON-Objekt oder -Array sein"
        case .keyListLine(let n): return "Zeile \(w.integer(n)): erwartet wird `meter,key`"
        case .keyListEmpty: return "die Schlüsselliste enthält keine Schlüssel"
        }
    }
}

extension CDRProblem {
    public var german: String {
        switch self {
        case .unreadable(let field):
            switch field {
            case .startDateTime, .endDateTime: "\(field.rawValue) ist keine Zeit nach RFC 3339"
            case .totalEnergy: "total_energy ist keine endliche Dezimalzahl"
            case .totalTime: "total_time ist keine endliche Dezimalzahl"
            case .chargingPeriods: "charging_periods enthält ein ENERGY-Volumen, das keine endliche Dezimalzahl ist"
            }
        }
    }
}
