extension EDL40Record {
    /// The common record. The signed bytes are the block; the curve comes from the signature
    /// length; the key is the container's (if any). The reading's type is only what the container
    /// says: the block itself does not sign begin or end, so the OCPI `nature` is not contradicted
    /// by it (`natureIsSigned` stays false).
    ///
    /// Server id, register, unit, scaler and the logbook bytes must not change within a session
    /// (a logbook change means the meter logged an event, e.g. a clock change, in between). The
    /// contract id is the signed identification, which must name one customer in every record of a
    /// session; EMH EMOC meters write a first byte that differs between begin (`01`) and end (`02`)
    /// in front of the same identifier, so the customer is the id without that byte.
    func signedRecord(format: MeterFormat, deviations: [Deviation], attributes extra: [Attribute] = []) -> SignedRecord
    {
        let status = statusWord.map(StatusWord.hex) ?? "0x" + Hex.encode([block.status], uppercase: true)
        let reading = Reading(
            type: readingType, time: time, value: reading, unit: DLMSUnit.text(block.unit), register: obisText,
            status: status)
        let signatureBytes = EDL40Signature(signature, lengths: .any)
        var record = SignedRecord(
            format: format, signedBytes: block.bytes, signature: signatureBytes?.ecdsa,
            signatureProblem: signatureBytes == nil ? .edl40Length(byteCount: signature.count) : nil,
            algorithm: SignatureAlgorithm(curve: curve, hash: .sha256),
            embeddedKey: publicKey.map { KeyInput(bytes: $0) },
            meter: MeterIdentity(serial: serverIDHex, vendor: ServerID.manufacturer(block.serverID)),
            pagination: Pagination(context: "", number: UInt64(block.pagination), text: String(block.pagination)),
            identification: block.contractID.isEmpty
                ? nil : SignedIdentification(data: contractText, customer: customerText),
            readings: [reading], deviations: deviations)
        record.details = .edl40(self)
        if let meteringPoint, !meteringPoint.isEmpty {
            record.chargePoint = ChargePointIdentity(type: "EVSEID", id: meteringPoint, isSigned: false)
        }
        record.sessionInvariants = [
            .serverID: serverIDHex,
            .obisCode: obisText,
            .unit: String(block.unit),
            .scaler: String(block.scaler),
            .logbookBytes: Hex.encode(block.logbook, uppercase: true),
        ]
        record.attributes = baseAttributes + extra
        return record
    }

    /// The block's fields for display, in block order; optional EMOC fields only when set.
    var baseAttributes: [Attribute] {
        var list = [
            Attribute(.container, .edl40Container(container)),
            Attribute(.serverID, serverIDHex),
            Attribute(.readingTime, .edl40LocalTime(block.localTime)),
            Attribute(.statusByte, "0x" + Hex.encode([block.status], uppercase: true)),
            Attribute(.secondsIndex, String(block.secondsIndex)),
            Attribute(.pagination, String(block.pagination)),
            Attribute(.obisCode, obisText),
            Attribute(.unit, DLMSUnit.text(block.unit)),
            Attribute(.scaler, String(block.scaler)),
            Attribute(.logbookBytes, Hex.encode(block.logbook, uppercase: true)),
            Attribute(.contractID, block.contractID.isEmpty ? .none : .text(contractText)),
            Attribute(.contractTimeBlock, .edl40LocalTime(block.contractTime)),
        ]
        if let contractTime { list.append(Attribute(.contractTime, contractTime.text)) }
        if let statusWord {
            list.append(Attribute(.statusWord, StatusWord.hex(statusWord)))
        }
        if let listName { list.append(Attribute(.listName, Hex.encode(listName))) }
        if let signatureVersion { list.append(Attribute(.signatureVersion, String(signatureVersion))) }
        if block.historicalValue != 0 {
            list.append(Attribute(.historicalValue, String(block.historicalValue)))
        }
        if block.historicalCompensatedValue != 0 {
            list.append(Attribute(.historicalCompensatedValue, String(block.historicalCompensatedValue)))
        }
        if block.lineResistance != 0 { list.append(Attribute(.lineResistance, String(block.lineResistance))) }
        if block.stopwatch != 0 { list.append(Attribute(.stopwatch, String(block.stopwatch))) }
        if block.price != 0 { list.append(Attribute(.price, String(block.price))) }
        if let meteringPoint { list.append(Attribute(.meteringPoint, meteringPoint)) }
        if let eventCounter { list.append(Attribute(.eventCounter, String(eventCounter))) }
        list.append(Attribute(.curve, curve.description))
        return list
    }
}
