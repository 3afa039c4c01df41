extension ISAEDL40Record {
    /// The common record. The list name is signed, so the readings' types are the meter's own and
    /// the OCPI `nature` must agree (`natureIsSigned`).
    ///
    /// The start register (1-0:1.8.0*128) is the actual register's value when the transaction
    /// started, frozen by the meter. Its reading is therefore filed under the actual register's
    /// OBIS code, so that begin and end pair on one register; its own code is kept as an attribute.
    /// A START telegram has only the begin reading (its actual register equals the start register),
    /// UPDATE adds an intermediate reading, STOP an end reading.
    func signedRecord(deviations: [Deviation], attributes extra: [Attribute]) -> SignedRecord {
        let register = actualOBISText
        var readings = [
            Reading(
                type: .begin, typeCode: kind.name, time: startTime, value: startReading,
                unit: DLMSUnit.text(block.start.unit), register: register,
                status: StatusWord.hex(startStatusWord))
        ]
        switch kind {
        case .start: break
        case .update, .stop:
            readings.append(
                Reading(
                    type: kind == .stop ? .end : .intermediate, typeCode: kind.name,
                    time: actualTime, value: actualReading, unit: DLMSUnit.text(block.actual.unit),
                    register: register, status: StatusWord.hex(actualStatusWord)))
        }
        let contract = EDL40Record.text(block.contractID)
        var record = SignedRecord(
            format: .isaEDL40, signedBytes: block.bytes,
            signature: ECDSASignature.parseRaw(Array(listSignature.prefix(64))),
            algorithm: SignatureAlgorithm(curve: .prime256v1, hash: .sha256),
            meter: MeterIdentity(serial: serverIDHex, vendor: ServerID.manufacturer(block.serverID)),
            pagination: Pagination(context: "", number: UInt64(block.pagination), text: String(block.pagination)),
            identification: block.contractID.isEmpty ? nil : SignedIdentification(data: contract),
            readings: readings, deviations: deviations)
        record.details = .isaEDL40(self)
        record.natureIsSigned = true
        record.sessionInvariants = [
            .serverID: serverIDHex,
            .obisCode: actualOBISText,
            .unit: String(block.actual.unit),
            .scaler: String(block.actual.scaler),
            .startRegister: "\(startReading?.text ?? "?"), \(block.start.localTime)",
        ]
        record.attributes =
            [
                Attribute(.telegram, .isaTelegram(kind: kind.name, listName: Hex.encode(block.listName))),
                Attribute(.serverID, serverIDHex),
                Attribute(.startRegister, "\(startOBISText) = \(startReading?.text ?? "?")"),
                Attribute(.startRegisterTime, .edl40LocalTime(block.start.localTime)),
                Attribute(.actualRegister, "\(actualOBISText) = \(actualReading?.text ?? "?")"),
                Attribute(.actualRegisterTime, .edl40LocalTime(block.actual.localTime)),
                Attribute(.startStatus, StatusWord.hex(startStatusWord)),
                Attribute(.actualStatus, StatusWord.hex(actualStatusWord)),
                Attribute(.unit, DLMSUnit.text(block.actual.unit)),
                Attribute(.scaler, String(block.actual.scaler)),
                Attribute(.pagination, String(block.pagination)),
                Attribute(.logEntryIndex, Hex.encode(block.logEntryIndex, uppercase: true)),
                Attribute(.contractID, block.contractID.isEmpty ? .none : .text(contract)),
                Attribute(.esth, Hex.encode(block.esth)),
                Attribute(.valueSignature, Hex.encode(block.valueSignature)),
                Attribute(.curve, Curve.prime256v1.description),
            ] + extra
        return record
    }
}
