// German texts of what decoders found in a record: unusable algorithms and signatures, the
// flags a meter set, and the typed values of signed fields.

extension AlgorithmProblem {
    public var german: String {
        switch self {
        case .ocmfHashNotSHA256(let algorithm, let hash):
            "SA „\(TextSafety.escaped(algorithm))“ nennt den Hash \(TextSafety.escaped(hash)); OCMF kennt nur SHA256"
        case .ocmfUnknownAlgorithm(let algorithm):
            "SA „\(TextSafety.escaped(algorithm))“ ist kein OCMF-Signaturverfahren"
        }
    }
}

extension SignatureProblem {
    public var german: String {
        let w = Wording.german
        switch self {
        case .ocmfUnknownEncoding(let encoding): return "SE „\(TextSafety.escaped(encoding))“ ist weder hex noch base64"
        case .ocmfNotEncoded(let encoding): return "SD ist kein gültiges \(encoding)"
        case .ocmfNotASignature(let count):
            return "SD (\(w.count(count, "Byte", "Byte"))) ist weder eine DER-ECDSA-Signatur noch r‖s der Kurve"
        case .bsmMissingOrNotHex: return "die Signatur der Momentaufnahme fehlt oder ist nicht hexadezimal"
        case .bsmNotDER: return "die Signatur ist keine DER-ECDSA-Signatur"
        case .edl40Length(let count): return "die Signatur ist \(w.count(count, "Byte", "Byte")) lang"
        case .pcdfNotDER(let count): return "SG (\(w.count(count, "Byte", "Byte"))) ist keine DER-ECDSA-Signatur"
        }
    }
}

extension OCMFMeterStatus {
    var german: String {
        switch self {
        case .notPresent: "Zähler nicht vorhanden"
        case .ok: "in Ordnung"
        case .timeout: "Zeitüberschreitung beim Zugriff auf den Zähler"
        case .disconnected: "Zähler von der Signaturkomponente getrennt"
        case .notFound: "Zähler nicht mehr gefunden"
        case .manipulated: "Manipulation erkannt"
        case .exchanged: "Zähler getauscht"
        case .incompatible: "Zähler inkompatibel"
        case .outOfRange: "Wert außerhalb des Bereichs"
        case .substitute: "Ersatzwert"
        case .otherError: "sonstiger Zählerfehler"
        case .readError: "Fehler beim Lesen des Registers"
        }
    }
}

extension AlfenCondition {
    var german: String {
        switch self {
        case .rtcError: "Fehler der Echtzeituhr"
        case .eepromError: "EEPROM-Fehler"
        case .dataflashError: "Dataflash-Fehler"
        case .phaseL1Failure: "Ausfall der Phase L1"
        case .phaseL2Failure: "Ausfall der Phase L2"
        case .phaseL3Failure: "Ausfall der Phase L3"
        case .phaseSequenceWrong: "falsche Phasenfolge"
        case .fatalError: "schwerer Fehler"
        case .startStopMismatch: "Zählerstände bei Start und Stopp passen nicht zusammen"
        case .intermediateCommand: "Befehl Zwischenwert"
        case .stopChargeCommand: "Befehl Ladeende"
        case .startChargeCommand: "Befehl Ladebeginn"
        case .memoryError: "Speicherfehler"
        case .meterCommunicationError: "Fehler der Kommunikation mit dem Zähler"
        }
    }
}

extension MeterFlag.Meaning {
    public var german: String {
        switch self {
        case .ocmfStatus(let written, let status):
            "Zählerzustand ST=\(TextSafety.escaped(written)) (\(status?.german ?? "unbekannter Zustand"))"
        case .ocmfEnergyUnusable(let flags): "EF=\(TextSafety.escaped(flags)): die Energie ist nicht mehr abrechenbar"
        case .ocmfTimeUnusable(let flags): "EF=\(TextSafety.escaped(flags)): die Zeit ist nicht mehr abrechenbar"
        case .ocmfException: "TX=X: der Zähler meldet eine Ausnahme während des Ladens"
        case .bsmEvent(let event):
            "Evt = \(event): der Zähler meldet ein Ereignis (seine Bedeutung ist nicht dokumentiert)"
        case .alfenStatusBit(let word, let bit, let condition, let error):
            {
                let half = bit < 16 ? "Zähler" : "Adapter"
                let head = "Status \(AlfenStatus.hex(word)) Bit \(bit) (\(half)-Bit \(bit % 16))"
                guard let condition else { return head + " ist gesetzt; seine Bedeutung ist nicht dokumentiert" }
                return head + ": \(half): \(condition.german)"
                    + (error ? ": der Messwert darf nicht abgerechnet werden" : "")
            }()
        case .pcdfBillingNotAllowed(let bv):
            "BV:\(TextSafety.escaped(bv)): der Zähler lässt keine Abrechnung zu (Fehler des DC-Zählers)"
        case .pcdfStopDataMissing(let sp):
            "SP:\(TextSafety.escaped(sp)): der Datensatz enthält die Enddaten des Vorgangs nicht; Abrechnung unzulässig"
        case .pcdfTimeNotValid: "TV:0: der Zähler kennzeichnet seine Zeit als ungültig"
        }
    }
}

extension AttributeValue {
    public var german: String {
        switch self {
        case .text(let text): text
        case .empty: "(leer)"
        case .none: "(keine)"
        case .verifiedChecksum(let hex): "\(hex) (geprüft)"
        case .verifiedCount(let n): "\(Wording.german.integer(n)) geprüft"
        case .unitCode(let value, let code): "\(value) (Einheitencode \(code))"
        case .alfenLineType(let code, let type):
            switch type {
            case .start: "\(code) (Start)"
            case .stop: "\(code) (Stopp)"
            case .intermediate: "\(code) (Zwischenwert)"
            }
        case .alfenStatus(let half, let conditions, let bits):
            AttributeValue.status(half, conditions.map(\.german) + bits.map { "Bit \($0)" })
        case .bsmSnapshotType(let type):
            switch type {
            case 0?: "0 (aktuell)"
            case 1?: "1 (Einschalten)"
            case 2?: "2 (Ausschalten)"
            case 3?: "3 (Start)"
            case 4?: "4 (Ende)"
            case let other?: "\(other) (unbekannte Art \(other))"
            case nil: "? (ohne Art)"
            }
        case .edl40LocalTime(let seconds):
            AttributeValue.localTime(
                seconds, local: "Ortszeit", unset: "Uhr nicht gestellt", powerUp: "s seit dem Einschalten")
        case .smlTime(let time):
            switch time {
            case .secondsIndex(let value): "secIndex \(value)"
            case .timestamp(let value): "Zeitstempel \(value)"
            case .localTimestamp(let timestamp, let offset, let season):
                "Zeitstempel \(timestamp), Ortszeitversatz \(offset) min, Sommerzeitversatz \(season) min"
            }
        case .isaTelegram(let kind, let listName): "\(kind) (Listenname \(listName))"
        case .pcdfIdentification(let tag, let name, let code): "\(tag), \(name ?? "Art \(code)")"
        case .pcdfMeterType(let code):
            code == "0" ? "0 (PES-DC-Zähler EU)" : "\(code) (unbekannte DC-Zählerart \(code))"
        case .edl40Container(let container):
            switch container {
            case .smlTelegram: "SML-Telegramm"
            case .signatureOnly: "signedMeterValue-XML"
            case .mennekes: "Mennekes-XML"
            case .emhChargeIT: "chargeIT-JSON (EMHCrypt01)"
            }
        }
    }
}

extension SessionField {
    public var german: String {
        switch self {
        case .bsmMeterID: "Zählerkennung (MA1)"
        case .bsmContract: "Vertrag (Meta1)"
        case .bsmEVSE: "Ladepunkt (Meta2)"
        case .serverID: "Server-ID"
        case .obisCode: "OBIS-Kennzahl"
        case .unit: "Einheit"
        case .scaler: "Skalierung"
        case .startRegister: "Startregister"
        case .logbookBytes: "Logbuch-Bytes"
        case .adapterID: "Adapter-ID"
        case .adapterFirmware: "Adapter-Firmware"
        case .adapterFirmwareChecksum: "Prüfsumme der Adapter-Firmware"
        case .meterID: "Zähler-ID"
        case .uid: "UID"
        case .sessionID: "Sitzungs-ID"
        case .hardwareSerial: "Seriennummer der Hardware"
        case .transactionID: "Vorgangs-ID"
        case .eventCounter: "Ereigniszähler"
        }
    }
}
