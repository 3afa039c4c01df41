// German texts of the decoding stage: format errors and undecoded values.

extension FormatError {
    public var german: String {
        let text = "\(format.rawValue): \(problem.german(format: format))"
        return offset.map { "\(text) (bei Byte \(Wording.german.integer($0)))" } ?? text
    }
}

/// Meter data as German texts show it: escaped, in double quotes.
private func quoted(_ text: String) -> String { "\"\(TextSafety.escaped(text))\"" }
/// A field name as German texts show it: escaped, in backticks (it is the format's own name).
private func field(_ text: String) -> String { "`\(TextSafety.escaped(text))`" }

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
        case .missingField(let name): return "\(field(name)) fehlt"
        case .emptyField(let name): return "\(field(name)) ist leer"
        case .duplicateField(let name): return "\(field(name)) kommt doppelt vor"
        case .badLength(let name, let expected, let actual):
            return "\(field(name)) hat \(w.count(actual, "Byte", "Byte")); zulässig: \(expected.german)"
        case .scalerOutOfRange(let name, let scaler, let lowest, let highest):
            return
                "\(field(name)) \(scaler) liegt außerhalb von \(lowest)…+\(highest); kein Zähler skaliert sein Register mit dieser Zehnerpotenz"
        case .invalidValue(let name, let value, let expected, let found):
            let written = value.map { " \(quoted($0))" } ?? ""
            guard let found else { return "\(field(name))\(written) muss \(expected.german) sein" }
            return "\(field(name))\(written) muss \(expected.german) sein, ist aber \(found.german)"
        case .topLevelNotObject(let found): return "die Daten müssen ein JSON-Objekt sein, sind aber \(found.german)"
        case .doesNotStartWith(let marker): return "der Datensatz beginnt nicht mit \(quoted(marker))"
        case .nonPrintableByte(let byte):
            return "der Datensatz enthält ein Byte, das kein druckbares ASCII ist (0x\(Hex.encode([byte])))"
        case .malformedJSON(let fault): return "kein gültiges JSON (\(fault.german))"
        case .malformedXML(let fault): return "kein wohlgeformtes XML (\(fault.german))"
        case .malformedEscapedXML:
            return "das maskierte XML ist fehlerhaft (ein & beginnt keine vordefinierte Entität)"
        case .wrongRoot(let found, let expected):
            let names = expected.map { "<\(TextSafety.escaped($0))>" }
            return "das Wurzelelement ist <\(TextSafety.escaped(found))>, erwartet wird "
                + names.joined(separator: " oder ")
        case .unknownEncoding(let name, let encoding):
            return "\(field(name)) hat die unbekannte Kodierung \(quoted(encoding))"
        case .endsInside(let label, let offset):
            return "die Daten enden innerhalb des Felds „\(label.german)“ (Byte \(w.integer(offset)))"
        case .endsBefore(let byte): return "der Block endet vor Byte \(w.integer(byte))"
        case .sml(let problem): return "SML: \(problem.german)"
        case .ocmfNoSeparatorAfterHeader: return "kein '|' nach der OCMF-Kennung"
        case .ocmfSectionMissing(let section): return "der Abschnitt \(section.german) fehlt"
        case .ocmfSectionEmpty(let section): return "der Abschnitt \(section.german) ist leer"
        case .ocmfSectionNotObject(let section): return "der Abschnitt \(section.german) ist kein JSON-Objekt"
        case .ocmfSectionUnterminated(let section):
            return "der Abschnitt \(section.german) endet innerhalb seines JSON-Objekts"
        case .ocmfSectionNotJSON(let section, let fault):
            return "der Abschnitt \(section.german) ist kein gültiges JSON" + (fault.map { " (\($0.german))" } ?? "")
        case .ocmfTextAfterSection(let section):
            return "unerwarteter Text nach dem JSON-Objekt des Abschnitts \(section.german)"
        case .ocmfTooManySections:
            return "mehr als vier Abschnitte (OCMF hat Nutzdaten, Signatur und optional einen öffentlichen Schlüssel)"
        case .alfenFieldCount(let count):
            return
                "die Zeile hat \(w.count(count, "durch ';' getrenntes Feld", "durch ';' getrennte Felder")); eine Alfen-Zeile hat 6 (AP;Typ;Version;Schlüssel;Datensatz;Signatur)"
        case .alfenUnknownType(let type):
            return "Feld 2 (Typ) ist \(quoted(type)); Alfen kennt 0 (Beginn), 1 (Ende) und 2 (Zwischenwert)"
        case .alfenFieldEmpty(let name): return "\(name.german) ist leer"
        case .alfenNotBase32Character(let name, let character):
            return "\(name.german): \(quoted(character)) ist kein Base32-Zeichen"
        case .alfenBase32AfterPadding(let name): return "\(name.german): Base32-Text nach dem Füllzeichen '='"
        case .alfenNotBase32(let name):
            return "\(name.german) ist kein gültiges Base32 (Länge oder letztes Zeichen passen nicht)"
        case .alfenFieldLength(let name, let actual, let expected):
            return
                "\(name.german) ergibt \(w.count(actual, "Byte", "Byte")); es müssen genau \(w.integer(expected)) sein"
        case .missingEntry(let obis): return "der GetList.Res fehlt der Eintrag \(field(obis))"
        case .isaListName: return "der Listenname ist keiner von ISA EDL40P (81 80 81 62 00|01|02 FF)"
        case .mennekesNoProcesses:
            return
                "das <Billing>-Dokument enthält keinen Ladevorgang (BillingPeriods/BillingPeriod/ChargingProcesses/ChargingProcess)"
        case .mennekesNoMeasurement:
            return "der Ladevorgang enthält weder MeasurementStart noch MeasurementEnd"
        case .bsmSignedPointMissing(let point):
            return "der signierte Datenpunkt \(field(point)) fehlt in additionalValues"
        case .bsmValueType(let point, let valueType):
            let named = valueType.map { "den valueType \(quoted($0))" } ?? "keinen valueType"
            return "Datenpunkt \(field(point)) hat \(named); BSM-WS36A signiert UnsignedInteger32 und Integer32"
        case .bsmNotLatin1(let point):
            return "Datenpunkt \(field(point)): der Text enthält Zeichen, die ISO-8859-1 nicht darstellen kann"
        case .pcdfSTXWithoutETX: return "der Datensatz beginnt mit STX, endet aber nicht mit ETX"
        case .pcdfETXWithoutSTX: return "der Datensatz endet mit ETX, beginnt aber nicht mit STX"
        case .pcdfExpectedAttribute(let found):
            return "an dieser Stelle muss '(' ein Attribut öffnen, gefunden: \(quoted(found))"
        case .pcdfAttributeForm: return "ein Attribut hat nicht die Form `(KEY:value)`"
        case .pcdfAttributeName(let key): return "der Attributname \(quoted(key)) besteht nicht aus Großbuchstaben"
        case .pcdfParenthesisInAttribute(let key): return "Attribut \(field(key)) enthält ein '('"
        case .pcdfAttributeAfterSignature(let key):
            return "Attribut \(field(key)) folgt auf SG: Text nach der Signatur ist von ihr nicht gedeckt"
        case .pcdfEnergyUnit(let value, let unit):
            return "RV \(quoted(value)): die Einheit ist \(quoted(unit)); PCDF schreibt kWh"
        }
    }
}

extension ParserFault {
    var german: String { "Zeile \(Wording.german.integer(line)), Spalte \(Wording.german.integer(column))" }
}

extension ExpectedLength {
    var german: String {
        let w = Wording.german
        switch self {
        case .exactly(let n): return "genau \(w.count(n, "Byte", "Byte"))"
        case .atMost(let n): return "höchstens \(w.count(n, "Byte", "Byte"))"
        case .oneOf(let counts):
            let texts = counts.map { w.integer($0) }
            return (texts.dropLast().joined(separator: ", ") + " oder " + (texts.last ?? "")) + " Byte"
        }
    }
}

extension ValueKind {
    /// The kind with its article, nominative: "ein JSON-Objekt".
    var german: String {
        let w = Wording.german
        switch self {
        case .jsonObject: return "ein JSON-Objekt"
        case .jsonArray: return "ein JSON-Array"
        case .nonEmptyArray: return "ein nicht leeres JSON-Array"
        case .text: return "eine JSON-Zeichenkette"
        case .number: return "eine JSON-Zahl"
        case .boolean: return "ein Wahrheitswert"
        case .null: return "null"
        case .integer: return "eine ganze Zahl"
        case .integerIn(let lowest, let highest): return "eine ganze Zahl von \(lowest) bis \(highest)"
        case .unsignedNumber: return "eine vorzeichenlose Zahl"
        case .unsignedUpTo(let maximum): return "eine vorzeichenlose Zahl bis \(maximum)"
        case .unsigned(let bytes): return "eine vorzeichenlose Zahl aus \(w.count(bytes, "Byte", "Byte"))"
        case .digits: return "eine Zahl (Dezimalziffern)"
        case .singleDigit: return "eine einzelne Ziffer"
        case .oneOf(let values): return "einer der Werte " + values.map(quoted).joined(separator: ", ")
        case .fitting(let type): return "ein Wert im Bereich von \(field(type))"
        case .octetString: return "eine Oktettfolge"
        case .smlInteger(let bits): return "ein Integer\(bits)"
        case .smlUnsigned(let bits): return "ein Unsigned\(bits)"
        case .smlList(let count): return "eine Liste aus \(w.count(count, "Element", "Elementen"))"
        case .list: return "eine Liste"
        case .absent: return "leer (nicht vorhanden)"
        case .obisCode: return "eine OBIS-Kennzahl aus 6 Byte"
        case .secondsIndex: return "ein Sekundenindex aus 4 Byte"
        case .hex: return "Hex-Text"
        case .encoded(let encoding): return "gültiges \(field(encoding))"
        case .textEncodingName: return "UTF-8 oder ISO-8859-1"
        case .ocmfTime: return "eine OCMF-Zeitangabe"
        case .isoTimeWithOffset: return "eine ISO-8601-Zeit mit Sekunden und Versatz"
        case .pcdfTime: return "eine Zeit yyMMddHHmmss ab 2019"
        case .pcdfDuration: return "eine Dauer hhmmss"
        case .pcdfEnergy: return "eine Energie nnnn.nnn*kWh"
        case .pcdfIdentification: return "`idTag*type*transaction`"
        }
    }
}

extension OCMFSection {
    var german: String {
        switch self {
        case .payload: "Nutzdaten"
        case .signature: "Signatur"
        }
    }
}

extension AlfenField {
    var german: String {
        switch self {
        case .type: "Feld 2 (Typ)"
        case .blobVersion: "Feld 3 (Blob-Version)"
        case .publicKey: "Feld 4 (öffentlicher Schlüssel)"
        case .dataset: "Feld 5 (Datensatz)"
        case .signature: "Feld 6 (Signatur)"
        }
    }
}

extension SMLProblem {
    var german: String {
        let w = Wording.german
        switch self {
        case .noBeginSequence: return "die Datei beginnt nicht mit der SML-Startsequenz 1b1b1b1b 01010101"
        case .noEndSequence(let length):
            return
                "die Datei endet ohne die SML-Endsequenz 1b1b1b1b 1a (abgeschnitten nach \(w.count(length, "Byte", "Byte")))"
        case .endsInsideEscape: return "die Datei endet innerhalb einer Escape-Sequenz"
        case .secondBeginSequence: return "eine zweite SML-Startsequenz innerhalb der Datei"
        case .unknownEscape(let hex):
            return
                "unbekannte Escape-Sequenz 1b1b1b1b \(TextSafety.escaped(hex)) (definiert sind nur 1b1b1b1b, 01010101 und 1a)"
        case .tooMuchPadding(let count):
            return "die Endsequenz kündigt \(w.count(count, "Füllbyte", "Füllbytes")) an; möglich sind höchstens 3"
        case .paddingBeyondFile: return "die Endsequenz kündigt mehr Füllbytes an, als die Datei enthält"
        case .paddingNotZero(let byte):
            return "Füllbyte 0x\(Hex.encode([byte])) ist nicht 00 (die Anzahl der Füllbytes ist vermutlich falsch)"
        case .fileChecksumMismatch(let transmitted, let computed):
            return "Prüfsumme der Datei stimmt nicht: angegeben 0x\(SMLTransport.hex16(transmitted)), berechnet "
                + "0x\(SMLTransport.hex16(computed)); das Telegramm wurde verändert, nachdem der Zähler es schrieb"
        case .bytesAfterEnd(let count): return "\(w.count(count, "Byte", "Byte")) nach dem Ende der SML-Datei"
        case .noMessage: return "die SML-Datei enthält keine Nachricht"
        case .noGetListResponse: return "die SML-Datei enthält keine GetList.Res-Nachricht (Body-Tag 0x0701)"
        case .notAListOf(let structure, let count):
            return "\(structure.german) muss eine Liste aus \(w.count(count, "Element", "Elementen")) sein"
        case .elementType(let name, let expected, let found):
            guard let found else { return "\(field(name)) muss \(expected.german) sein" }
            return "\(field(name)) muss \(expected.german) sein, ist aber \(found.german)"
        case .endsBeforeChecksum: return "die Nachricht endet vor ihrer Prüfsumme"
        case .checksumType(let found):
            return
                "die Prüfsumme der Nachricht muss ein Unsigned16 sein (Typ-Länge 63), gefunden: 0x\(Hex.encode([found]))"
        case .messageChecksumMismatch(let transmitted, let computed):
            return "Prüfsumme der Nachricht stimmt nicht: angegeben 0x\(SMLTransport.hex16(transmitted)), berechnet "
                + "0x\(SMLTransport.hex16(computed)); das Telegramm wurde verändert, nachdem der Zähler es schrieb"
        case .noEndOfMessage: return "die Nachricht endet nicht mit dem Nachrichtenende-Byte 00"
        case .endsInsideElement: return "die Nutzdaten enden innerhalb eines Elements"
        case .continuedTypeLength(let byte):
            return "ein fortgesetztes Typ-Länge-Byte 0x\(Hex.encode([byte])) trägt Typ-Bits"
        case .typeLengthTooLong: return "ein Typ-Länge-Feld ist länger als 4 Byte"
        case .lengthShorterThanTypeLength(let length, let typeLengthBytes):
            return "die Länge \(length) des Elements ist kleiner als seine \(typeLengthBytes) Typ-Länge-Bytes"
        case .endOfMessageInElement: return "ein Nachrichtenende-Byte an der Stelle eines Elements"
        case .nestedTooDeep(let limit): return "Listen sind tiefer als \(limit) Ebenen verschachtelt"
        case .listTooLong(let count, let remaining):
            return
                "eine Liste aus \(count) Elementen passt nicht in die restlichen \(w.count(remaining, "Byte", "Byte"))"
        case .elementTooLong(let length, let remaining):
            return "ein Element aus \(w.count(length, "Datenbyte", "Datenbytes")) reicht über das Ende der Nutzdaten "
                + "hinaus (\(remaining) übrig)"
        case .unknownType(let byte): return "Typ-Länge-Byte 0x\(Hex.encode([byte])) bezeichnet keinen SML-Typ"
        case .booleanLength: return "ein Wahrheitswert muss genau ein Datenbyte haben"
        case .integerLength(let count): return "eine ganze Zahl muss 1 bis 8 Datenbytes haben, diese hat \(count)"
        case .timeChoice(let choice): return "SML_Time-Auswahl \(choice) ist nicht definiert (1, 2 oder 3)"
        }
    }
}

extension SMLStructure {
    var german: String {
        switch self {
        case .message: "eine SML-Nachricht"
        case .messageBody: "der Nachrichtenrumpf (Tag und Inhalt)"
        case .getListResponse: "eine GetList.Res"
        case .listEntry: "ein SML_ListEntry"
        case .time: "eine SML_Time (Auswahl und Wert)"
        case .localTimestamp: "ein lokaler SML-Zeitstempel (Zeitstempel, lokaler Versatz und Sommerzeit-Versatz)"
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

extension SignedBytesRule {
    public var german: String {
        switch self {
        case .ocmfWhitespaceRemoved: "über die Nutzdaten ohne Leerraum verifiziert (Regel von OCMF 1.0)"
        }
    }
}
