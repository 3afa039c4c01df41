extension AlfenRecord {
    /// The identification type Alfen's signed UID is reported with: the dataset's authorisation id
    /// is the RFID card's UID as hex text, which the consistency check compares with `cdr_token.uid`.
    static let identificationType = "RFID"

    /// The common record: the dataset is what the adapter signed (ECDSA P-192 over its SHA-256), the
    /// key is the one the line carries, and the line type is part of the signed value's meaning
    /// (so the OCPI `nature` must agree with it).
    func signedRecord(deviations: [Deviation]) -> SignedRecord {
        let readingType: ReadingType
        switch type {
        case .start: readingType = .begin
        case .stop: readingType = .end
        case .intermediate: readingType = .intermediate
        }
        let reading = Reading(
            type: readingType, typeCode: type.rawValue, time: time, value: self.reading,
            unit: unitSymbol ?? DLMSUnit.text(unitCode), register: obisText, status: AlfenStatus.hex(status),
            flags: AlfenStatus.flags(status))
        let meterHex = Hex.encode(meterID)
        let adapterHex = Hex.encode(adapterID)
        var record = SignedRecord(
            format: .alfen, signedBytes: dataset, signature: ECDSASignature.parseRaw(signature),
            signatureProblem: nil, algorithm: SignatureAlgorithm(curve: .prime192v1, hash: .sha256),
            embeddedKey: KeyInput(bytes: publicKey),
            meter: MeterIdentity(serial: meterHex, gatewaySerial: adapterHex, vendor: manufacturer),
            transactionReference: String(sessionID),
            pagination: Pagination(context: "", number: UInt64(pagination), text: String(pagination)),
            identification: SignedIdentification(type: AlfenRecord.identificationType, data: uid),
            readings: [reading], deviations: deviations)
        record.details = .alfen(self)
        record.natureIsSigned = true
        record.sessionInvariants = [
            .adapterID: adapterHex,
            .adapterFirmware: firmwareText,
            .adapterFirmwareChecksum: Hex.encode(adapterFirmwareChecksum),
            .meterID: meterHex,
            .obisCode: obisText,
            .unit: String(unitCode),
            .scaler: String(scaler),
            .uid: uid,
            .sessionID: String(sessionID),
        ]
        record.attributes = [
            Attribute(.lineType, .alfenLineType(code: type.rawValue, type)),
            Attribute(.blobVersion, blobVersion),
            Attribute(.adapterID, adapterHex),
            Attribute(.adapterFirmware, firmwareText),
            Attribute(.firmwareChecksum, Hex.encode(adapterFirmwareChecksum)),
            Attribute(.meterID, meterHex),
            Attribute(.meterStatus, AlfenStatus.describe(meterStatus, adapter: false)),
            Attribute(.adapterStatus, AlfenStatus.describe(adapterStatus, adapter: true)),
            Attribute(.secondIndex, String(secondIndex)),
            Attribute(.sessionID, String(sessionID)),
            Attribute(.uid, uid),
            Attribute(.scaler, String(scaler)),
        ]
        return record
    }

    /// The firmware version as text when it is printable ASCII, else as hex.
    var firmwareText: String {
        AlfenDecoder.isPrintable(adapterFirmware)
            ? String(decoding: adapterFirmware, as: UTF8.self) : Hex.encode(adapterFirmware)
    }

    /// The three-letter FLAG manufacturer code inside an SML server id (`0A 01 'D' 'Z' 'G' …`): only
    /// when the id has that shape (type byte 0x0A, a medium digit), so demo ids are not misread.
    var manufacturer: String? {
        guard meterID.count >= 5, meterID[0] == 0x0A, meterID[1] < 0x10 else { return nil }
        let flag = meterID[2..<5]
        guard flag.allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
        return String(decoding: flag, as: UTF8.self)
    }
}
