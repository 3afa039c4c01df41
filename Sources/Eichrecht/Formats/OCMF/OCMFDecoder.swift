/// Decodes `OCMF|<payload>|<signature>[|<key>]` text into an `OCMFRecord` and a `SignedRecord`.
///
/// The signed bytes are the payload section exactly as transmitted, whitespace included; the JSON is
/// only read, never re-serialised. Sections are cut by scanning the JSON, so a `|` inside a string
/// (seen in tariff texts) does not split a record.
struct OCMFDecoder: MeterFormatDecoder {
    static let marker = Array("OCMF|".utf8)

    /// Whether the bytes (after leading whitespace) start like an OCMF record.
    static func recognises<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.drop(while: JSONScanner.isWhitespace).starts(with: marker)
    }

    /// Cuts text holding one or more records (a file may hold several, even pretty-printed) into
    /// the records' byte ranges.
    static func splitRecords(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var starts: [Int] = []
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "O"), bytes[index..<(index + marker.count)].elementsEqual(marker),
                index == 0 || JSONScanner.isWhitespace(bytes[index - 1])
            {
                starts.append(index)
                index += marker.count
            } else {
                index += 1
            }
        }
        return starts.enumerated().map { offset, start in
            let end = offset + 1 < starts.count ? starts[offset + 1] : bytes.count
            var slice = bytes[start..<end]
            while let last = slice.last, JSONScanner.isWhitespace(last) { slice = slice.dropLast() }
            return slice
        }
    }

    /// Decodes one record. `bytes` may carry surrounding whitespace.
    static func decode(_ input: ArraySlice<UInt8>) throws(FormatError) -> (OCMFRecord, SignedRecord) {
        var bytes = input
        while let first = bytes.first, JSONScanner.isWhitespace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, JSONScanner.isWhitespace(last) { bytes = bytes.dropLast() }
        let base = bytes.startIndex
        func fail(_ problem: FormatProblem, at index: Int? = nil) -> FormatError {
            FormatError(.ocmf, problem, offset: index.map { $0 - base })
        }
        guard bytes.starts(with: marker) else {
            throw fail(
                bytes.starts(with: Array("OCMF".utf8)) ? .ocmfNoSeparatorAfterHeader : .doesNotStartWith("OCMF|"))
        }
        // Payload section: one JSON object, then the separator.
        let payloadStart = base + marker.count
        let (payloadEnd, payloadSeparator) = try cutSection(bytes, from: payloadStart, section: .payload, fail: fail)
        guard let payloadSeparator else { throw fail(.ocmfSectionMissing(.signature)) }
        let payloadSection = bytes[payloadStart..<payloadEnd]
        // Signature section, then an optional 4th (public key) section; nothing after that.
        let signatureStart = payloadSeparator + 1
        let (signatureEnd, signatureSeparator) = try cutSection(
            bytes, from: signatureStart, section: .signature, fail: fail)
        var publicKeySection: String?
        var deviations: [Deviation] = []
        if let signatureSeparator {
            let rest = bytes[(signatureSeparator + 1)...]
            if let extra = rest.firstIndex(of: UInt8(ascii: "|")) {
                throw fail(.ocmfTooManySections, at: extra)
            }
            publicKeySection = String(decoding: rest, as: UTF8.self).trimmingCharacters(in: " \t\r\n")
            deviations.append(.ocmfPublicKeySection)
        }

        // The signature covers the bytes as received. A payload that is not UTF-8 (a Latin-1 byte in a
        // string) is read with replacement characters; the signed bytes stay untouched.
        var readable = payloadSection
        var replaced: [UInt8] = []
        if String(validating: payloadSection, as: UTF8.self) == nil {
            replaced = Array(String(decoding: payloadSection, as: UTF8.self).utf8)
            readable = replaced[...]
            deviations.append(.ocmfPayloadNotUTF8)
        }
        let payload: JSONValue
        do { payload = try JSONParser.parse(readable) } catch {
            throw fail(.ocmfSectionNotJSON(.payload, ParserFault(error)), at: payloadStart + error.offset)
        }
        let signatureJSON: JSONValue
        do { signatureJSON = try JSONParser.parse(bytes[signatureStart..<signatureEnd]) } catch {
            throw fail(.ocmfSectionNotJSON(.signature, ParserFault(error)), at: signatureStart + error.offset)
        }
        var fields = FieldReader(deviations: deviations)
        let record = try fields.record(payload: payload, signature: signatureJSON, publicKeySection: publicKeySection)
        var signed = fields.signedRecord(for: record, signedBytes: Array(payloadSection))
        signed.deviations = fields.deviations
        signed.details = .ocmf(record)
        return (record, signed)
    }

    /// Finds the end of the JSON object starting at `start` (after whitespace) and the `|` after it.
    private static func cutSection(
        _ bytes: ArraySlice<UInt8>, from start: Int, section: OCMFSection, fail: (FormatProblem, Int?) -> FormatError
    ) throws(FormatError) -> (end: Int, separator: Int?) {
        var index = start
        while index < bytes.endIndex, JSONScanner.isWhitespace(bytes[index]) { index += 1 }
        guard index < bytes.endIndex, bytes[index] != UInt8(ascii: "|") else {
            throw fail(.ocmfSectionEmpty(section), index)
        }
        guard bytes[index] == UInt8(ascii: "{") else { throw fail(.ocmfSectionNotObject(section), index) }
        switch JSONScanner.endOfValue(bytes, from: index) {
        case .incomplete: throw fail(.ocmfSectionUnterminated(section), bytes.endIndex)
        case .invalid(let at): throw fail(.ocmfSectionNotJSON(section, nil), at)
        case .end(let end):
            var after = end
            while after < bytes.endIndex, JSONScanner.isWhitespace(bytes[after]) { after += 1 }
            if after == bytes.endIndex { return (after, nil) }
            guard bytes[after] == UInt8(ascii: "|") else {
                throw fail(.ocmfTextAfterSection(section), after)
            }
            return (after, after)
        }
    }
}

/// Reads the payload and signature JSON into the record, collecting deviations.
private struct FieldReader {
    var deviations: [Deviation]

    private static let payloadKeys: Set<String> = [
        "FV", "GI", "GS", "GV", "PG", "MV", "MM", "MS", "MF", "IS", "IL", "IF", "IT", "ID", "TT", "CF", "LC", "CT",
        "CI",
        "RD", "VI", "VV",
    ]
    private static let readingKeys: Set<String> = ["TM", "TX", "RV", "RI", "RU", "RT", "CL", "EF", "ST", "EI"]

    mutating func text(_ object: JSONValue, _ key: String) -> String? {
        guard let value = object[key] else { return nil }
        switch value {
        case .string(let s): return s
        case .null: return nil
        default:
            deviations.append(.ocmfNotAString(field: key, found: value.kind))
            return value.looseText
        }
    }

    mutating func record(payload: JSONValue, signature: JSONValue, publicKeySection: String?) throws(FormatError)
        -> OCMFRecord
    {
        guard case .object(let members) = payload else { throw FormatError(.ocmf, .ocmfSectionNotObject(.payload)) }
        guard case .object = signature else { throw FormatError(.ocmf, .ocmfSectionNotObject(.signature)) }

        var vendorFields: [String: JSONValue] = [:]
        for member in members where !FieldReader.payloadKeys.contains(member.key) {
            vendorFields[member.key] = member.value
        }
        var pagination: Pagination?
        if let pg = text(payload, "PG") {
            pagination = FieldReader.pagination(pg)
            if pagination == nil { deviations.append(.ocmfPaginationUnreadable(pg)) }
        } else {
            deviations.append(.fieldMissing("PG"))
        }
        var flags: [String] = []
        switch payload["IF"] {
        case .array(let items)?:
            for item in items {
                if let flag = item.stringValue {
                    flags.append(flag)
                } else {
                    deviations.append(.ocmfFlagNotString)
                }
            }
        case .string(let single)?:
            flags = [single]
            deviations.append(.ocmfFlagsNotArray)
        default: break
        }
        let known: Set<String> = [
            "RFID_NONE", "RFID_PLAIN", "RFID_RELATED", "RFID_PSK", "OCPP_NONE", "OCPP_RS", "OCPP_AUTH", "OCPP_RS_TLS",
            "OCPP_AUTH_TLS", "OCPP_CACHE", "OCPP_WHITELIST", "OCPP_CERTIFIED", "ISO15118_NONE", "ISO15118_PNC",
            "PLMN_NONE", "PLMN_RING", "PLMN_SMS",
        ]
        for flag in flags where !known.contains(flag) { deviations.append(.ocmfUnknownFlag(flag)) }

        var lossCompensation: OCMFRecord.LossCompensation?
        if let lc = payload["LC"], lc.isObject {
            lossCompensation = OCMFRecord.LossCompensation(
                name: text(lc, "LN"), identifier: lc["LI"]?.looseText,
                resistance: lc["LR"]?.numericText.flatMap(DecimalText.init), unit: text(lc, "LU"))
        }
        let identificationStatus: String?
        switch payload["IS"] {
        case .bool(let flag)?: identificationStatus = flag ? "true" : "false"
        case .string(let s)?: identificationStatus = s
        case nil: identificationStatus = nil
        case let other?: identificationStatus = other.looseText
        }

        guard let rd = payload["RD"] else { throw FormatError(.ocmf, .missingField("RD")) }
        guard case .array(let items) = rd, !items.isEmpty else {
            throw FormatError(.ocmf, .invalidValue(field: "RD", value: nil, expected: .nonEmptyArray, found: rd.kind))
        }
        try DecodingLimits.checkReadings(items.count, format: .ocmf)
        var readings: [OCMFReading] = []
        readings.reserveCapacity(items.count)
        var previous: OCMFReading?
        for (position, item) in items.enumerated() {
            readings.append(try reading(item, position: position, previous: previous))
            previous = readings.last
        }
        if payload["FV"] == nil { deviations.append(.fieldMissing("FV")) }
        if payload["MS"] == nil { deviations.append(.fieldMissing("MS")) }
        if payload["IT"] == nil, payload["IS"] != nil { deviations.append(.fieldMissing("IT")) }

        guard let sd = signature["SD"] else { throw FormatError(.ocmf, .missingField("SD")) }
        guard let sdText = sd.stringValue else {
            throw FormatError(.ocmf, .invalidValue(field: "SD", value: nil, expected: .text, found: sd.kind))
        }
        let section = OCMFRecord.SignatureSection(
            algorithm: text(signature, "SA"), encoding: text(signature, "SE"), mimeType: text(signature, "SM"),
            data: sdText)

        return OCMFRecord(
            formatVersion: payload["FV"]?.looseText,
            gatewayIdentification: text(payload, "GI") ?? text(payload, "VI"),
            gatewaySerial: text(payload, "GS"),
            gatewayVersion: text(payload, "GV") ?? text(payload, "VV"),
            pagination: pagination,
            meterVendor: text(payload, "MV"), meterModel: text(payload, "MM"), meterSerial: text(payload, "MS"),
            meterFirmware: text(payload, "MF"),
            identificationStatus: identificationStatus, identificationLevel: text(payload, "IL"),
            identificationFlags: flags, identificationType: text(payload, "IT"),
            identificationData: text(payload, "ID"), tariffText: text(payload, "TT"),
            chargeControllerFirmware: text(payload, "CF"), lossCompensation: lossCompensation,
            chargePointIdentificationType: text(payload, "CT"), chargePointIdentification: text(payload, "CI"),
            readings: readings, vendorFields: vendorFields, signatureSection: section,
            publicKeySection: publicKeySection)
    }

    private mutating func reading(_ item: JSONValue, position: Int, previous: OCMFReading?) throws(FormatError)
        -> OCMFReading
    {
        guard case .object(let members) = item else {
            throw FormatError(
                .ocmf, .invalidValue(field: "RD[\(position)]", value: nil, expected: .jsonObject, found: item.kind))
        }
        var vendor: [String: JSONValue] = [:]
        for member in members where !FieldReader.readingKeys.contains(member.key) { vendor[member.key] = member.value }

        var time = previous?.time
        if let tm = text(item, "TM") {
            guard let (parsed, deviation) = OCMFTime.parse(tm) else {
                throw FormatError(
                    .ocmf, .invalidValue(field: "RD[\(position)].TM", value: tm, expected: .ocmfTime, found: nil))
            }
            time = parsed
            if let deviation { deviations.append(.ocmfTime(deviation)) }
        }
        var value: DecimalText?
        if let rv = item["RV"] {
            guard let numeric = rv.numericText, let parsed = DecimalText(numeric) else {
                throw FormatError(
                    .ocmf, .invalidValue(field: "RD[\(position)].RV", value: nil, expected: .number, found: rv.kind))
            }
            if case .string = rv { deviations.append(.ocmfValueAsString(numeric)) }
            if numeric.contains(where: { $0 == "e" || $0 == "E" }) {
                deviations.append(.ocmfValueExponent(numeric))
            }
            value = parsed
        }
        var cumulatedLoss: DecimalText?
        if let cl = item["CL"] {
            guard let numeric = cl.numericText, let parsed = DecimalText(numeric) else {
                throw FormatError(
                    .ocmf, .invalidValue(field: "RD[\(position)].CL", value: nil, expected: .number, found: cl.kind))
            }
            cumulatedLoss = parsed
        }
        return OCMFReading(
            time: time,
            transaction: text(item, "TX") ?? previous?.transaction,
            value: value,
            registerIdentifier: text(item, "RI") ?? previous?.registerIdentifier,
            unit: text(item, "RU") ?? previous?.unit,
            currentType: text(item, "RT") ?? previous?.currentType,
            cumulatedLoss: cumulatedLoss,
            errorFlags: text(item, "EF") ?? previous?.errorFlags,
            status: text(item, "ST") ?? previous?.status,
            vendorFields: vendor)
    }

    static func pagination(_ text: String) -> Pagination? {
        guard let first = text.first, first.isLetter else { return nil }
        let digits = text.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = UInt64(digits) else { return nil }
        return Pagination(context: String(first).uppercased(), number: number, text: text)
    }

    /// The common record: algorithm, signature, readings with their flags.
    mutating func signedRecord(for record: OCMFRecord, signedBytes: [UInt8]) -> SignedRecord {
        var algorithm: SignatureAlgorithm?
        var algorithmProblem: AlgorithmProblem?
        let sa = record.signatureSection.algorithm ?? "ECDSA-secp256r1-SHA256"
        let parts = sa.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].uppercased() == "ECDSA", let curve = Curve(name: String(parts[1])) {
            if ["SHA256", "SHA-256"].contains(parts[2].uppercased()) {
                algorithm = SignatureAlgorithm(curve: curve, hash: .sha256)
                if parts[1].lowercased().hasPrefix("brainpoolp") {
                    deviations.append(
                        .ocmfCurveSpelling(
                            written: String(parts[1]), specified: "brainpool\(parts[1].dropFirst(10))"))
                }
            } else {
                algorithmProblem = .ocmfHashNotSHA256(algorithm: sa, hash: String(parts[2]))
            }
        } else {
            algorithmProblem = .ocmfUnknownAlgorithm(sa)
        }

        var signature: ECDSASignature?
        var signatureProblem: SignatureProblem?
        let encoding = (record.signatureSection.encoding ?? "hex").lowercased()
        let sdBytes: [UInt8]?
        switch encoding {
        case "hex": sdBytes = Hex.decode(record.signatureSection.data)
        case "base64": sdBytes = Base64.decode(record.signatureSection.data)
        default:
            sdBytes = nil
            signatureProblem = .ocmfUnknownEncoding(record.signatureSection.encoding ?? "")
        }
        if let mime = record.signatureSection.mimeType, mime.lowercased() != "application/x-der" {
            deviations.append(.ocmfMimeType(mime))
        }
        if let sdBytes {
            signature = ECDSASignature.parse(sdBytes, curve: algorithm?.curve)
            switch signature?.encoding {
            case .raw?: deviations.append(.rawSignature(field: "SD", bytes: sdBytes.count))
            case .nonCanonicalDER?: deviations.append(.nonCanonicalDER(field: "SD"))
            case .der?: break
            case nil:
                signatureProblem = .ocmfNotASignature(byteCount: sdBytes.count)
            }
        } else if signatureProblem == nil {
            signatureProblem = .ocmfNotEncoded(encoding: encoding)
        }

        let readings = record.readings.map(FieldReader.commonReading)
        var signed = SignedRecord(
            format: .ocmf, signedBytes: signedBytes, signature: signature, signatureProblem: signatureProblem,
            algorithm: algorithm, algorithmProblem: algorithmProblem,
            embeddedKey: record.publicKeySection.flatMap { $0.isEmpty ? nil : KeyInput(text: $0) },
            meter: MeterIdentity(
                serial: record.meterSerial, gatewaySerial: record.gatewaySerial, vendor: record.meterVendor,
                model: record.meterModel, firmware: record.meterFirmware),
            transactionReference: nil, pagination: record.pagination,
            identification: SignedIdentification(
                type: record.identificationType, data: record.identificationData, level: record.identificationLevel),
            readings: readings)
        if let id = record.chargePointIdentification, !id.isEmpty {
            signed.chargePoint = ChargePointIdentity(type: record.chargePointIdentificationType, id: id, isSigned: true)
        }
        return signed
    }

    static func commonReading(_ reading: OCMFReading) -> Reading {
        let type: ReadingType
        switch reading.transaction?.uppercased() {
        case "B": type = .begin
        case "C", "T", "S": type = .intermediate
        case "E", "L", "R", "A", "P": type = .end
        case "X": type = .exception
        default: type = .unspecified
        }
        var flags: [MeterFlag] = []
        if let status = reading.status, status != "G" {
            flags.append(
                MeterFlag(
                    severity: .error, code: "ocmf.status.\(status)",
                    meaning: .ocmfStatus(written: status, OCMFMeterStatus(rawValue: status))))
        }
        if let ef = reading.errorFlags {
            if ef.contains("E") {
                flags.append(
                    MeterFlag(
                        severity: .error, code: "ocmf.error_flags.E",
                        meaning: .ocmfEnergyUnusable(errorFlags: ef)))
            }
            if ef.contains("t") {
                flags.append(
                    MeterFlag(
                        severity: .warning, code: "ocmf.error_flags.t",
                        meaning: .ocmfTimeUnusable(errorFlags: ef)))
            }
        }
        if type == .exception {
            // EF says which quantity the exception made unusable; an `E` there is already an error.
            flags.append(
                MeterFlag(
                    severity: .warning, code: "ocmf.tx.X",
                    meaning: .ocmfException))
        }
        return Reading(
            type: type, typeCode: reading.transaction, time: reading.time, value: reading.value, unit: reading.unit,
            register: reading.registerIdentifier, status: reading.status, flags: flags)
    }
}
