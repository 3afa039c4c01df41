extension BSMSnapshot {
    /// The common record: the rebuilt message signed with ECDSA P-256 / SHA-256, the key the
    /// snapshot claims (`meterInfo.publicKey`), and one reading of the reference cumulative register
    /// `RCR` — the billing value, reset at turn-on, so end − begin is the session's energy. The
    /// snapshot type is signed, so the OCPI nature must agree with it.
    // Built unoptimised: Swift 6.3.1's CopyPropagation pass crashes ("Found ownership error") on
    // this function in release builds. It runs once per snapshot; the signature check dominates.
    @_optimize(none)
    func signedRecord() -> SignedRecord {
        var deviations: [Deviation] = []
        let known = Set(BSMDataPoint.signedOrder)
        for point in dataPoints where !known.contains(point.name) {
            deviations.append(.bsmPointNotSigned(point.name))
        }
        for point in dataPoints where point.valueOmitted {
            deviations.append(.bsmPointValueOmitted(point.name))
        }
        if contractType == nil, contractID != nil {
            deviations.append(.bsmContractWithoutType)
        }
        if let context, !context.lowercased().contains("bsm-ws36a") {
            deviations.append(.bsmContext(context))
        }
        let type = snapshotType
        let readingType: ReadingType
        switch type {
        case 1?, 3?: readingType = .begin
        case 2?, 4?: readingType = .end
        case 0?: readingType = .intermediate
        default:
            readingType = .unspecified
            deviations.append(.bsmSnapshotType(type.map(String.init) ?? "?"))
        }
        let rcr = point("RCR")
        var flags: [MeterFlag] = []
        if let event = point("Evt")?.integer, event != 0 {
            flags.append(
                MeterFlag(
                    severity: .warning, code: "bsm.Evt",
                    meaning: .bsmEvent(event)))
        }
        let reading = Reading(
            type: readingType, typeCode: type.map(String.init), time: signedTime, value: rcr?.decimal,
            unit: rcr.map { BSMDataPoint.unitSymbol($0.unitCode) ?? DLMSUnit.text($0.unitCode) },
            register: rcr?.measurandID ?? "RCR", flags: flags)
        let meter = point("MA1")?.text
        let metaContract = BSMSnapshot.metaValue(point("Meta1")?.text, key: "contract-id")
        var identification: SignedIdentification?
        if let metaContract, let colon = metaContract.firstIndex(of: ":") {
            identification = SignedIdentification(
                type: String(metaContract[..<colon]).uppercased(),
                data: String(metaContract[metaContract.index(after: colon)...]))
        }
        var record = SignedRecord(
            format: .bsmWS36A, signedBytes: signedMessage,
            signature: signature.flatMap { ECDSASignature.parse($0, curve: .prime256v1) },
            signatureProblem: nil, algorithm: SignatureAlgorithm(curve: .prime256v1, hash: .sha256),
            embeddedKey: publicKey.flatMap { $0.trimmingCharacters(in: " \t\r\n").isEmpty ? nil : KeyInput(text: $0) },
            meter: MeterIdentity(serial: meter),
            pagination: point("RCnt")?.integer.map {
                Pagination(context: "", number: UInt64(max(0, $0)), text: String($0))
            },
            identification: identification, readings: [reading], deviations: deviations)
        if let evse = BSMSnapshot.metaValue(point("Meta2")?.text, key: "evse-id"), !evse.isEmpty {
            record.chargePoint = ChargePointIdentity(type: "EVSEID", id: evse, isSigned: true)
        }
        if signature == nil {
            record.signatureProblem = .bsmMissingOrNotHex
        } else if record.signature == nil {
            record.signatureProblem = .bsmNotDER
        } else if record.signature?.encoding != .der {
            record.deviations.append(.nonCanonicalDER(field: "signature"))
        }
        record.details = .bsmWS36A(self)
        record.natureIsSigned = true
        record.sessionInvariants = [
            .bsmMeterID: meter ?? "",
            .bsmContract: point("Meta1")?.text ?? "",
            .bsmEVSE: point("Meta2")?.text ?? "",
        ]
        record.attributes = attributes
        record.contradictions = contradictions.map { Contradiction($0) }
        return record
    }

    /// `Epoch` (UTC seconds) at the offset `TZO` (minutes). The meter keeps its own clock and notes
    /// when it was set (`EpochSetCnt`), but signs no synchronisation guarantee: informative; a clock
    /// that was never set is unknown.
    var signedTime: SignedTime? {
        guard let epoch = point("Epoch")?.integer else { return nil }
        let offset = Int(point("TZO")?.integer ?? 0) * 60
        let milliseconds = epoch * 1000
        let clock: ClockQuality = point("EpochSetCnt")?.integer == 0 ? .unknown : .informative
        return SignedTime(
            epochMilliseconds: milliseconds, utcOffsetSeconds: offset, clock: clock,
            text: CivilTime.iso8601(epochMilliseconds: milliseconds, offsetSeconds: offset))
    }

    /// Every unsigned field that says something else than the signed data points.
    var contradictions: [Contradiction.Kind] {
        valueContradictions() + unitLabelContradictions() + identityContradictions() + timeContradictions()
            + contractContradictions()
    }

    /// The top-level value: a copy of the RCR point (or of the point it names).
    private func valueContradictions() -> [Contradiction.Kind] {
        guard let unsigned = self.value else { return [] }
        let name = unsigned.name ?? "RCR"
        guard let signed = point(name) else {
            return [.bsmValueNamesUnsignedPoint(name)]
        }
        return BSMSnapshot.compare(unsigned, with: signed, name: name)
    }

    /// The unsigned `value.measuredValue` fields against the signed point they copy.
    private static func compare(_ unsigned: UnsignedValue, with signed: BSMDataPoint, name: String)
        -> [Contradiction.Kind]
    {
        var found: [Contradiction.Kind] = []
        if let text = unsigned.value {
            let integer = Int64(text)
            if integer == nil {
                found.append(.bsmValueNotInteger(text))
            } else if integer != signed.integer {
                let signedText = signed.integer.map { String($0) } ?? "?"
                found.append(.bsmValueFieldDiffers(field: "value", unsigned: text, point: name, signed: signedText))
            }
        }
        let signedScale = Int64(signed.scale)
        if let scale = unsigned.scale, Int64(scale) != signedScale {
            found.append(
                .bsmValueFieldDiffers(field: "scale", unsigned: scale, point: name, signed: String(signedScale)))
        }
        let signedCode = Int64(signed.unitCode)
        if let code = unsigned.unitCode, Int64(code) != signedCode {
            found.append(
                .bsmValueFieldDiffers(field: "unitEncoded", unsigned: code, point: name, signed: String(signedCode)))
        }
        if let unit = unsigned.unitName {
            let code = BSMDataPoint.unitCode(named: unit).map { Int64($0) }
            if code != signedCode {
                found.append(.bsmValueUnitDiffers(unit: unit, point: name, signedCode: signedCode))
            }
        }
        return found
    }

    /// Unit labels of the signed points themselves (the code is signed, the label is not).
    private func unitLabelContradictions() -> [Contradiction.Kind] {
        dataPoints.compactMap { point in
            guard point.text == nil, let unit = point.unitName, let code = BSMDataPoint.unitCode(named: unit),
                code != point.unitCode
            else { return nil }
            return .bsmUnitLabel(unit: unit, point: point.name, signedCode: Int64(point.unitCode))
        }
    }

    /// The measurement counter and the meter id.
    private func identityContradictions() -> [Contradiction.Kind] {
        var found: [Contradiction.Kind] = []
        if let measurementID, let counter = point("RCnt")?.integer, Int64(measurementID) != counter {
            found.append(
                .bsmCopyDiffers(field: "measurementId", unsigned: measurementID, point: "RCnt", signed: String(counter))
            )
        }
        if let meterID, let signed = point("MA1")?.text, meterID != signed {
            found.append(.bsmCopyDiffers(field: "meterInfo.meterId", unsigned: meterID, point: "MA1", signed: signed))
        }
        return found
    }

    /// The unsigned time against Epoch + TZO.
    private func timeContradictions() -> [Contradiction.Kind] {
        guard let time, let signed = signedTime else { return [] }
        guard let (instant, offset) = BSMSnapshot.parseTime(time) else {
            return [.bsmTimeUnreadable(time)]
        }
        if instant != signed.epochMilliseconds || offset != signed.utcOffsetSeconds {
            return [.bsmTimeDiffers(unsigned: time, signed: signed.text)]
        }
        return []
    }

    /// The contract and the container's EVSE id against the signed meta strings.
    private func contractContradictions() -> [Contradiction.Kind] {
        var found: [Contradiction.Kind] = []
        if contractID != nil || contractType != nil {
            let meta1 = point("Meta1")?.text
            let signed = BSMSnapshot.metaValue(meta1, key: "contract-id")
            // Some exporter versions write the contract without its type: then the id is compared
            // with the signed contract-id directly, whole (`rfid:102bb22f`) or without its type.
            let claimed =
                contractType == nil ? (contractID ?? "") : "\(contractType ?? ""):\(contractID ?? "")"
            var accepted = [signed?.lowercased()]
            if contractType == nil, let signed, let colon = signed.firstIndex(of: ":") {
                accepted.append(String(signed[signed.index(after: colon)...]).lowercased())
            }
            if !accepted.contains(claimed.lowercased()) {
                found.append(.bsmContractDiffers(unsigned: claimed, signed: meta1))
            }
        }
        if let evseID, let signed = BSMSnapshot.metaValue(point("Meta2")?.text, key: "evse-id"), !signed.isEmpty,
            IdentityText.normalise(signed) != IdentityText.normalise(evseID)
        {
            found.append(.bsmEVSEDiffers(unsigned: evseID, signed: signed))
        }
        return found
    }

    /// The value of a `key: value` meta string (`contract-id: rfid:102bb22f` → `rfid:102bb22f`).
    static func metaValue(_ meta: String?, key: String) -> String? {
        guard let meta, let colon = meta.firstIndex(of: ":") else { return nil }
        guard String(meta[..<colon]).trimmingCharacters(in: " ").lowercased() == key else { return nil }
        return String(meta[meta.index(after: colon)...]).trimmingCharacters(in: " ")
    }

    /// `YYYY-MM-DDThh:mm:ss[.fff]±hh:mm` (or `Z`): the instant in milliseconds and the offset in seconds.
    static func parseTime(_ text: String) -> (Int64, Int)? {
        TimeTextScanner.rfc3339(text, lenient: false).map { ($0.epochMilliseconds, $0.offsetSeconds) }
    }

    /// The signed points for display, then the unsigned meter description.
    var attributes: [Attribute] {
        var list = [
            Attribute(.bsmSnapshotType, .bsmSnapshotType(snapshotType))
        ]
        for name in BSMDataPoint.signedOrder where name != "Typ" {
            guard let point = point(name) else { continue }
            switch point.value {
            case .text(let text): list.append(Attribute(.field(name), text.isEmpty ? .empty : .text(text)))
            case .integer:
                let text = point.decimal?.text ?? "?"
                guard let symbol = BSMDataPoint.unitSymbol(point.unitCode) else {
                    list.append(Attribute(.field(name), .unitCode(value: text, code: point.unitCode)))
                    continue
                }
                list.append(Attribute(.field(name), symbol.isEmpty ? text : "\(text) \(symbol)"))
            }
        }
        if let meterType { list.append(Attribute(.meterTypeUnsigned, meterType)) }
        if let firmwareVersion { list.append(Attribute(.firmwareUnsigned, firmwareVersion)) }
        if let evseID { list.append(Attribute(.evseUnsigned, evseID)) }
        return list
    }
}
