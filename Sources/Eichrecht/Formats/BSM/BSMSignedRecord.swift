extension BSMSnapshot {
    /// The common record: the rebuilt message signed with ECDSA P-256 / SHA-256, the key the
    /// snapshot claims (`meterInfo.publicKey`), and one reading of the reference cumulative register
    /// `RCR` — the billing value, reset at turn-on, so end − begin is the session's energy. The
    /// snapshot type is signed, so the OCPI nature must agree with it.
    // Built unoptimised: Swift 6.3.1's CopyPropagation pass crashes ("Found ownership error") on
    // this function in release builds. It runs once per snapshot; the signature check dominates.
    @_optimize(none)
    func signedRecord() -> SignedRecord {
        var deviations: [String] = []
        let known = Set(BSMDataPoint.signedOrder)
        for point in dataPoints where !known.contains(point.name) {
            deviations.append("data point \(point.name) is not part of the signed message")
        }
        for point in dataPoints where point.valueOmitted {
            deviations.append("data point \(point.name) has no value; read as the empty string the meter signs")
        }
        if contractType == nil, contractID != nil {
            deviations.append(
                "contract has no type; contract.id is compared with the signed Meta1 contract-id directly")
        }
        if let context, !context.lowercased().contains("bsm-ws36a") {
            deviations.append("@context \(context) does not name bsm-ws36a")
        }
        let type = snapshotType
        let readingType: ReadingType
        switch type {
        case 1?, 3?: readingType = .begin
        case 2?, 4?: readingType = .end
        case 0?: readingType = .intermediate
        default:
            readingType = .unspecified
            deviations.append("Typ \(type.map(String.init) ?? "?") is not a documented snapshot type (0–4)")
        }
        let rcr = point("RCR")
        var flags: [MeterFlag] = []
        if let event = point("Evt")?.integer, event != 0 {
            flags.append(
                MeterFlag(
                    severity: .warning, code: "bsm.Evt",
                    message: "Evt = \(event): the meter reports an event (its meaning is not documented)"))
        }
        let reading = Reading(
            type: readingType, typeCode: type.map(String.init), time: signedTime, value: rcr?.decimal,
            unit: rcr.map { BSMDataPoint.unitSymbol($0.unitCode) ?? "unit code \($0.unitCode)" },
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
            identification: identification, readings: [reading], deviations: deviations.map(Deviation.detail))
        if let evse = BSMSnapshot.metaValue(point("Meta2")?.text, key: "evse-id"), !evse.isEmpty {
            record.chargePoint = ChargePointIdentity(type: "EVSEID", id: evse, isSigned: true)
        }
        if signature == nil {
            record.signatureProblem = "the snapshot's signature is missing or not hex"
        } else if record.signature == nil {
            record.signatureProblem = "the signature is not a DER ECDSA signature"
        } else if record.signature?.encoding != .der {
            record.deviations.append(.detail("the signature is not canonical DER (read leniently)"))
        }
        record.details = .bsmWS36A(self)
        record.natureIsSigned = true
        record.sessionInvariants = [
            "meter id (MA1)": meter ?? "",
            "contract (Meta1)": point("Meta1")?.text ?? "",
            "EVSE (Meta2)": point("Meta2")?.text ?? "",
        ]
        record.attributes = attributes
        record.contradictions = contradictions.map { Contradiction(.detail($0)) }
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
    var contradictions: [String] {
        valueContradictions() + unitLabelContradictions() + identityContradictions() + timeContradictions()
            + contractContradictions()
    }

    /// The top-level value: a copy of the RCR point (or of the point it names).
    private func valueContradictions() -> [String] {
        guard let unsigned = self.value else { return [] }
        let name = unsigned.name ?? "RCR"
        guard let signed = point(name) else {
            return ["the unsigned value names \(name), which is not a signed data point"]
        }
        return BSMSnapshot.compare(unsigned, with: signed, name: name)
    }

    /// The unsigned `value.measuredValue` fields against the signed point they copy.
    private static func compare(_ unsigned: UnsignedValue, with signed: BSMDataPoint, name: String) -> [String] {
        var found: [String] = []
        let prefix = "the unsigned value.measuredValue"
        if let text = unsigned.value {
            let integer = Int64(text)
            if integer == nil {
                found.append("\(prefix).value \"\(text)\" is not an integer")
            } else if integer != signed.integer {
                let signedText = signed.integer.map { String($0) } ?? "?"
                found.append("\(prefix).value \(text) differs from the signed \(name) \(signedText)")
            }
        }
        let signedScale = Int64(signed.scale)
        if let scale = unsigned.scale, Int64(scale) != signedScale {
            found.append("\(prefix).scale \(scale) differs from the signed \(name) scale \(signedScale)")
        }
        let signedCode = Int64(signed.unitCode)
        if let code = unsigned.unitCode, Int64(code) != signedCode {
            found.append("\(prefix).unitEncoded \(code) differs from the signed \(name) unit code \(signedCode)")
        }
        if let unit = unsigned.unitName {
            let code = BSMDataPoint.unitCode(named: unit).map { Int64($0) }
            if code == nil {
                found.append("\(prefix).unit \(unit) is not the unit of the signed \(name) (code \(signedCode))")
            } else if code != signedCode {
                found.append("\(prefix).unit \(unit) differs from the signed \(name) unit code \(signedCode)")
            }
        }
        return found
    }

    /// Unit labels of the signed points themselves (the code is signed, the label is not).
    private func unitLabelContradictions() -> [String] {
        dataPoints.compactMap { point in
            guard point.text == nil, let unit = point.unitName, let code = BSMDataPoint.unitCode(named: unit),
                code != point.unitCode
            else { return nil }
            return "the unit label \(unit) of \(point.name) contradicts its signed unit code \(point.unitCode)"
        }
    }

    /// The measurement counter and the meter id.
    private func identityContradictions() -> [String] {
        var found: [String] = []
        if let measurementID, let counter = point("RCnt")?.integer, Int64(measurementID) != counter {
            found.append("the unsigned measurementId \(measurementID) differs from the signed RCnt \(counter)")
        }
        if let meterID, let signed = point("MA1")?.text, meterID != signed {
            found.append("the unsigned meterInfo.meterId \(meterID) differs from the signed MA1 \(signed)")
        }
        return found
    }

    /// The unsigned time against Epoch + TZO.
    private func timeContradictions() -> [String] {
        guard let time, let signed = signedTime else { return [] }
        guard let (instant, offset) = BSMSnapshot.parseTime(time) else {
            return ["the unsigned time \"\(time)\" is not an ISO 8601 time with an offset"]
        }
        if instant != signed.epochMilliseconds || offset != signed.utcOffsetSeconds {
            return ["the unsigned time \(time) differs from the signed Epoch + TZO \(signed.text)"]
        }
        return []
    }

    /// The contract and the container's EVSE id against the signed meta strings.
    private func contractContradictions() -> [String] {
        var found: [String] = []
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
                let shown = meta1.map { "\"\($0)\"" } ?? "(absent)"
                found.append("the unsigned contract \(claimed) differs from the signed Meta1 \(shown)")
            }
        }
        if let evseID, let signed = BSMSnapshot.metaValue(point("Meta2")?.text, key: "evse-id"), !signed.isEmpty,
            IdentityText.normalise(signed) != IdentityText.normalise(evseID)
        {
            found.append("the container's EVSE id \(evseID) differs from the signed Meta2 evse-id \(signed)")
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
            Attribute(
                "snapshot type (Typ)", "\(snapshotType.map(String.init) ?? "?") (\(BSMSnapshot.typeName(snapshotType)))"
            )
        ]
        for name in BSMDataPoint.signedOrder where name != "Typ" {
            guard let point = point(name) else { continue }
            switch point.value {
            case .text(let text): list.append(Attribute(name, text.isEmpty ? "(empty)" : text))
            case .integer:
                let symbol = BSMDataPoint.unitSymbol(point.unitCode) ?? "unit code \(point.unitCode)"
                let text = point.decimal?.text ?? "?"
                list.append(Attribute(name, symbol.isEmpty ? text : "\(text) \(symbol)"))
            }
        }
        if let meterType { list.append(Attribute("meter type (unsigned)", meterType)) }
        if let firmwareVersion { list.append(Attribute("firmware (unsigned)", firmwareVersion)) }
        if let evseID { list.append(Attribute("EVSE (unsigned)", evseID)) }
        return list
    }
}
