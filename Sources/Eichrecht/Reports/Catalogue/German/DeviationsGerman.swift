// German texts of what decoding notes: deviations from a format's specification and unsigned
// copies that contradict the signed data.

/// Meter data as German texts show it: escaped, in double quotes.
private func quoted(_ text: String) -> String { "\"\(TextSafety.escaped(text))\"" }
/// A field name as German texts show it: escaped, in backticks (it is the format's own name).
private func field(_ text: String) -> String { "`\(TextSafety.escaped(text))`" }

extension Deviation {
    public var german: String {
        switch self {
        case .keyWrapped(let origin, let envelope):
            return "\(origin.german) ist verpackt: gelesen aus \(TextSafety.escaped(envelope))"
        case .fieldMissing(let name): return "\(field(name)) fehlt"
        case .nonCanonicalDER(let name): return "\(field(name)) ist kein kanonisches DER (nachsichtig gelesen)"
        case .rawSignature(let name, let bytes):
            return "\(field(name)) ist rohes r‖s (\(Wording.german.count(bytes, "Byte", "Byte"))) statt DER"
        case .unitNotWh(let name, let code): return "\(field(name)): Einheitencode \(code) ist nicht Wh (30)"
        case .localTimeTwice(let wall, let zone):
            return "die Ortszeit \(wall) kommt in \(TextSafety.escaped(zone)) zweimal vor (Ende der Sommerzeit); "
                + "gelesen als der frühere Zeitpunkt"
        case .localTimeSkipped(let wall, let zone):
            return "die Ortszeit \(wall) gibt es in \(TextSafety.escaped(zone)) nicht (Beginn der Sommerzeit); "
                + "gelesen mit dem Versatz vor der Umstellung"
        case .ocmfPublicKeySection:
            return "ein 4. Abschnitt (öffentlicher Schlüssel) ist vorhanden; OCMF ab 1.0.1 definiert ihn nicht"
        case .ocmfPayloadNotUTF8:
            return "die Nutzdaten sind kein gültiges UTF-8 (mit Ersatzzeichen gelesen; die Signatur deckt die Bytes "
                + "wie empfangen)"
        case .ocmfNotAString(let name, let found): return "\(field(name)) ist \(found.german) statt einer Zeichenkette"
        case .ocmfPaginationUnreadable(let pg):
            return "PG \(quoted(pg)) ist kein Kontextbuchstabe mit folgender Zahl"
        case .ocmfFlagNotString: return "IF enthält einen Eintrag, der keine Zeichenkette ist"
        case .ocmfFlagsNotArray: return "IF ist eine Zeichenkette statt eines Arrays"
        case .ocmfUnknownFlag(let flag): return "unbekanntes Identifikationsmerkmal \(quoted(flag))"
        case .ocmfValueAsString(let value): return "RV \(quoted(value)) ist eine Zeichenkette statt einer JSON-Zahl"
        case .ocmfValueExponent(let value): return "RV \(quoted(value)) verwendet Exponentenschreibweise"
        case .ocmfCurveSpelling(let written, let specified):
            return "SA schreibt die Kurve \(quoted(written)) (die Spezifikation schreibt \(field(specified)))"
        case .ocmfMimeType(let mime): return "SM \(quoted(mime)) ist nicht application/x-der"
        case .ocmfTime(let time): return time.german
        case .alfenBlobVersion(let version):
            return "Blob-Version \(quoted(version)); jede bekannte Alfen-Zeile hat 3"
        case .alfenLowerCaseBase32(let name): return "\(name.german) ist in Base32 mit Kleinbuchstaben geschrieben"
        case .alfenUIDAfterPadding: return "das UID-Feld enthält Bytes nach seiner NUL-Auffüllung"
        case .alfenUIDNotText: return "die UID ist kein ASCII-Text (als Hex gezeigt)"
        case .alfenFirmwareNotText: return "die Firmware-Version des Adapters ist kein ASCII-Text (als Hex gezeigt)"
        case .alfenUnitNotEnergy(let code):
            return "Einheitencode \(code) ist nicht Wh (30); der Wert wird nicht als Energie gelesen"
        case .entryAbsent(let obis): return "Eintrag \(field(obis)) fehlt; an seiner Stelle sind Nullen signiert"
        case .entryWithoutStatus(let obis):
            return "Eintrag \(field(obis)) hat keinen Status; an seiner Stelle ist 0 signiert"
        case .entryWithoutTime(let obis):
            return "Eintrag \(field(obis)) hat keine Zeit; an ihrer Stelle ist 0 signiert"
        case .smlOffsetsNotUTCOffset(let offset, let season):
            return "die Versätze des lokalen Zeitstempels (\(offset) + \(season) min) sind kein UTC-Versatz"
        case .reservedByteNotZero(let byte):
            return "das reservierte Blockbyte \(byte) ist nicht null (wie empfangen signiert)"
        case .xmlEntityEscaped:
            return "das XML kam maskiert an (&lt;signedMeterValue&gt;) und wurde einmal demaskiert"
        case .logbookBytesDiffer(let signature, let container):
            return "die Logbuch-Bytes \(signature) am Ende der Signatur weichen von denen des Containers ab "
                + "(\(container)); es zählen die signierten"
        case .signatureMethodMissing: return "<signatureMethod> fehlt"
        case .signatureMethodMismatch(let method, let bytes, let curve):
            return "<signatureMethod> \(quoted(method)) passt nicht zur Signatur aus \(bytes) Byte (\(curve))"
        case .encodingMethodNotEDL(let method): return "<encodingMethod> ist \(quoted(method)) statt EDL"
        case .mennekesLogbookNotEventCounter(let logbook, let counter):
            return "die Logbuch-Bytes \(logbook) der Signatur sind nicht der EventCounter \(counter)"
        case .bsmPointNotSigned(let point): return "Datenpunkt \(field(point)) gehört nicht zur signierten Nachricht"
        case .bsmPointValueOmitted(let point):
            return
                "Datenpunkt \(field(point)) hat keinen Wert; gelesen als die leere Zeichenkette, die der Zähler signiert"
        case .bsmContractWithoutType:
            return
                "`contract` hat keinen `type`; `contract.id` wird direkt mit der signierten `contract-id` in Meta1 verglichen"
        case .bsmContext(let context): return "@context \(quoted(context)) nennt nicht bsm-ws36a"
        case .bsmSnapshotType(let type):
            return "Typ \(quoted(type)) ist keine dokumentierte Art von Momentaufnahme (0–4)"
        case .pcdfUnknownAttribute(let key): return "unbekanntes Attribut \(field(key))"
        case .pcdfAttributeOrder(let order):
            return "die Attribute stehen nicht in der üblichen Reihenfolge (\(order.joined(separator: ", ")))"
        case .pcdfEnergyLength(let value): return "RV \(quoted(value)) hat nicht 8 Zeichen (nnnn.nnn)"
        case .pcdfIdentificationLength:
            return "SI liegt außerhalb der Längen, die PCDF erlaubt (idTag und Vorgang 1–36, insgesamt 5–75)"
        case .pcdfIdentificationTypeNotDigit(let type): return "SI-Typ \(quoted(type)) ist keine einzelne Ziffer"
        case .pcdfIdentificationTypeUnknown(let type):
            return "SI-Typ \(quoted(type)) ist keine bekannte Identifikationsart (1–5)"
        case .pcdfChecksum(let checksum): return "CS \(quoted(checksum)) besteht nicht aus 8 Hex-Zeichen"
        case .pcdfHardwareLength(let serial): return "HW \(quoted(serial)) hat nicht 11 Zeichen"
        case .pcdfMeterType(let type):
            return "DT \(quoted(type)) ist kein bekannter DC-Zählertyp (0 = PES-DC-Zähler EU)"
        }
    }
}

extension OCMFTimeDeviation {
    var german: String {
        switch self {
        case .dotBeforeMilliseconds: "TM verwendet '.' statt ',' vor den Millisekunden"
        case .fractionDigits(let digits): "TM hat \(digits) Nachkommastellen statt 3"
        case .noMilliseconds: "TM hat keine Millisekunden"
        case .zulu: "TM verwendet 'Z' statt eines Versatzes +hhmm"
        case .offsetColon: "der Versatz in TM ist mit Doppelpunkt geschrieben"
        case .noSyncFlag: "TM hat kein Kennzeichen der Zeitsynchronisation"
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
        case .bsmValueNamesUnsignedPoint(let point):
            return "der unsignierte `value` nennt \(field(point)), das kein signierter Datenpunkt ist"
        case .bsmValueNotInteger(let text):
            return "das unsignierte `value.measuredValue.value` \(quoted(text)) ist keine ganze Zahl"
        case .bsmValueFieldDiffers(let name, let unsigned, let point, let signed):
            return "das unsignierte \(field("value.measuredValue.\(name)")) \(quoted(unsigned)) weicht vom signierten "
                + "\(field("\(point).\(name)")) \(quoted(signed)) ab"
        case .bsmValueUnitDiffers(let unit, let point, let code):
            return "die unsignierte Einheit `value.measuredValue.unit` \(quoted(unit)) ist nicht die Einheit des "
                + "signierten \(field(point)) (Einheitencode \(code))"
        case .bsmUnitLabel(let unit, let point, let code):
            return "die Einheitenbezeichnung \(quoted(unit)) von \(field(point)) widerspricht ihrem signierten "
                + "Einheitencode \(code)"
        case .bsmCopyDiffers(let name, let unsigned, let point, let signed):
            return "das unsignierte \(field(name)) \(quoted(unsigned)) weicht vom signierten \(field(point)) "
                + "\(quoted(signed)) ab"
        case .bsmTimeUnreadable(let time):
            return "die unsignierte Zeit `time` \(quoted(time)) ist keine ISO-8601-Zeit mit Versatz"
        case .bsmTimeDiffers(let unsigned, let signed):
            return "die unsignierte Zeit `time` \(quoted(unsigned)) weicht von der signierten Zeit aus Epoch + TZO "
                + "\(quoted(signed)) ab"
        case .bsmContractDiffers(let unsigned, let signed):
            return "der unsignierte Vertrag \(quoted(unsigned)) weicht vom signierten Meta1 "
                + (signed.map(quoted) ?? "(fehlt)") + " ab"
        case .bsmEVSEDiffers(let unsigned, let signed):
            return "die EVSE-ID \(quoted(unsigned)) des Containers weicht von der signierten evse-id in Meta2 "
                + "\(quoted(signed)) ab"
        }
    }
}
