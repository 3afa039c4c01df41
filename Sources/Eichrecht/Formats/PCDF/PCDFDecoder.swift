/// Reads a PCDF line into a `PCDFRecord`.
///
/// The line may be framed by STX (0x02) … ETX (0x03) and surrounded by whitespace; nothing else may
/// stand before `128.8.0` or after the last `)`, because text outside the signed part could only
/// mislead a reader. Attribute syntax, dates and the encodings of `PK` and `SG` must be exact: a
/// record that breaks them is a `FormatError`. Lengths the reference software enforces but that do
/// not change the meaning (`CS` 8, `HW` 11, `RV` 8 characters) are deviations.
struct PCDFDecoder: MeterFormatDecoder {
    static let marker = Array("128.8.0(".utf8)
    static let stx: UInt8 = 0x02
    static let etx: UInt8 = 0x03

    /// The attributes a PCDF line must carry, in the order the meter writes them.
    static let mandatory = ["ST", "CT", "CD", "TV", "BV", "CSC", "SP", "RV", "SI", "CS", "HW", "DT", "PK", "SG"]

    /// Whether the bytes (after whitespace and an optional STX) start like a PCDF line.
    static func recognises<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var rest = bytes.drop(while: JSONScanner.isWhitespace)
        if rest.first == stx { rest = rest.dropFirst() }
        return rest.starts(with: marker)
    }

    /// Decodes one line. Error offsets are relative to the start of `input`.
    static func decode(_ input: ArraySlice<UInt8>) throws(FormatError) -> (PCDFRecord, [Deviation]) {
        let origin = input.startIndex
        func fail(_ problem: FormatProblem, at index: Int) -> FormatError {
            FormatError(.pcdf, problem, offset: index - origin)
        }
        var line = input
        while let first = line.first, JSONScanner.isWhitespace(first) { line = line.dropFirst() }
        while let last = line.last, JSONScanner.isWhitespace(last) { line = line.dropLast() }
        var deviations: [Deviation] = []
        if line.first == stx {
            line = line.dropFirst()
            guard line.last == etx else {
                throw fail(.pcdfSTXWithoutETX, at: line.endIndex)
            }
            line = line.dropLast()
        } else if line.last == etx {
            throw fail(.pcdfETXWithoutSTX, at: line.endIndex - 1)
        }
        guard line.starts(with: marker) else {
            throw fail(.doesNotStartWith("128.8.0("), at: line.startIndex)
        }
        if let bad = line.firstIndex(where: { $0 < 0x20 || $0 > 0x7E }) {
            throw fail(.nonPrintableByte(line[bad]), at: bad)
        }

        // Attributes: `(KEY:value)` one after the other, nothing between them.
        var attributes: [String: (value: String, offset: Int)] = [:]
        var order: [String] = []
        var index = line.startIndex + marker.count - 1
        var signatureStart: Int?
        while index < line.endIndex {
            guard line[index] == UInt8(ascii: "(") else {
                throw fail(.pcdfExpectedAttribute(found: String(Character(Unicode.Scalar(line[index])))), at: index)
            }
            guard let colon = line[index...].firstIndex(of: UInt8(ascii: ":")),
                let close = line[index...].firstIndex(of: UInt8(ascii: ")")), colon < close
            else { throw fail(.pcdfAttributeForm, at: index) }
            let key = String(decoding: line[(index + 1)..<colon], as: UTF8.self)
            guard !key.isEmpty, key.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
                throw fail(.pcdfAttributeName(key), at: index + 1)
            }
            if let open = line[(colon + 1)..<close].firstIndex(of: UInt8(ascii: "(")) {
                throw fail(.pcdfParenthesisInAttribute(key), at: open)
            }
            guard attributes[key] == nil else { throw fail(.duplicateField(key), at: index) }
            if signatureStart != nil {
                throw fail(.pcdfAttributeAfterSignature(key), at: index)
            }
            if key == "SG" { signatureStart = index }
            attributes[key] = (String(decoding: line[(colon + 1)..<close], as: UTF8.self), colon + 1)
            order.append(key)
            index = close + 1
        }
        for key in mandatory where attributes[key] == nil {
            throw fail(.missingField(key), at: line.endIndex)
        }
        for key in order where !mandatory.contains(key) { deviations.append(.pcdfUnknownAttribute(key)) }
        if order.filter({ mandatory.contains($0) }) != mandatory {
            deviations.append(.pcdfAttributeOrder(mandatory))
        }
        guard let signatureStart else { throw fail(.missingField("SG"), at: line.endIndex) }

        func value(_ key: String) -> (String, Int) {
            let entry = attributes[key]
            return (entry?.value ?? "", entry?.offset ?? line.endIndex)
        }
        func time(_ key: String) throws(FormatError) -> PCDFRecord.LocalTime {
            let (text, offset) = value(key)
            guard let parsed = localTime(text) else {
                throw fail(.invalidValue(field: key, value: text, expected: .pcdfTime, found: nil), at: offset)
            }
            return parsed
        }
        func flag(_ key: String) throws(FormatError) -> String {
            let (text, offset) = value(key)
            guard text.count == 1, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw fail(.invalidValue(field: key, value: text, expected: .singleDigit, found: nil), at: offset)
            }
            return text
        }

        let start = try time("ST")
        let stop = try time("CT")
        let (duration, durationOffset) = value("CD")
        guard duration.count == 6, duration.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let minutes = Int(duration.dropFirst(2).prefix(2)), let seconds = Int(duration.suffix(2)),
            minutes <= 59, seconds <= 59
        else {
            throw fail(
                .invalidValue(field: "CD", value: duration, expected: .pcdfDuration, found: nil), at: durationOffset)
        }
        let timeValid = try flag("TV")
        guard timeValid == "0" || timeValid == "1" else {
            throw fail(
                .invalidValue(field: "TV", value: timeValid, expected: .oneOf(["0", "1"]), found: nil),
                at: value("TV").1)
        }
        let billingValid = try flag("BV")
        let stopPresent = try flag("SP")
        let (counterText, counterOffset) = value("CSC")
        guard !counterText.isEmpty, counterText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let counter = UInt64(counterText)
        else {
            throw fail(
                .invalidValue(field: "CSC", value: counterText, expected: .digits, found: nil), at: counterOffset)
        }

        let (rvText, rvOffset) = value("RV")
        let rvParts = rvText.split(separator: "*", omittingEmptySubsequences: false)
        guard rvParts.count == 2, let amount = DecimalText(String(rvParts[0])), !rvParts[0].hasPrefix("-"),
            !rvParts[0].hasPrefix("+"), !rvParts[0].contains(where: { $0 == "e" || $0 == "E" })
        else { throw fail(.invalidValue(field: "RV", value: rvText, expected: .pcdfEnergy, found: nil), at: rvOffset) }
        guard rvParts[1] == "kWh" else {
            throw fail(.pcdfEnergyUnit(value: rvText, unit: String(rvParts[1])), at: rvOffset)
        }
        if rvParts[0].count != 8 { deviations.append(.pcdfEnergyLength(String(rvParts[0]))) }

        let (siText, siOffset) = value("SI")
        let siParts = siText.split(separator: "*", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard siParts.count == 3, !siParts[0].isEmpty, !siParts[2].isEmpty else {
            throw fail(
                .invalidValue(field: "SI", value: siText, expected: .pcdfIdentification, found: nil), at: siOffset)
        }
        if siParts[0].count > 36 || siParts[2].count > 36 || siText.count < 5 || siText.count > 75 {
            deviations.append(.pcdfIdentificationLength)
        }
        if siParts[1].count != 1 || !siParts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            deviations.append(.pcdfIdentificationTypeNotDigit(siParts[1]))
        } else if PCDFRecord.IdentificationType(rawValue: siParts[1]) == nil {
            deviations.append(.pcdfIdentificationTypeUnknown(siParts[1]))
        }

        let checksum = value("CS").0
        if checksum.count != 8 || Hex.decode(checksum) == nil {
            deviations.append(.pcdfChecksum(checksum))
        }
        let hardware = value("HW").0
        guard !hardware.isEmpty else { throw fail(.emptyField("HW"), at: value("HW").1) }
        if hardware.count != 11 { deviations.append(.pcdfHardwareLength(hardware)) }
        let (meterType, meterTypeOffset) = value("DT")
        guard !meterType.isEmpty, meterType.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw fail(.invalidValue(field: "DT", value: meterType, expected: .digits, found: nil), at: meterTypeOffset)
        }
        if meterType != "0" { deviations.append(.pcdfMeterType(meterType)) }

        let (keyText, keyOffset) = value("PK")
        guard let key = Hex.decode(keyText), !key.isEmpty else {
            throw fail(.invalidValue(field: "PK", value: nil, expected: .hex, found: nil), at: keyOffset)
        }
        let (signatureText, signatureOffset) = value("SG")
        guard let signature = Hex.decode(signatureText), !signature.isEmpty else {
            throw fail(.invalidValue(field: "SG", value: nil, expected: .hex, found: nil), at: signatureOffset)
        }
        let record = PCDFRecord(
            start: start, stop: stop, chargingDuration: duration, timeValid: timeValid == "1",
            billingValid: billingValid, sessionCounter: counter, stopPresent: stopPresent, energy: amount,
            idTag: siParts[0], idTypeCode: siParts[1], transactionID: siParts[2], softwareChecksum: checksum,
            hardwareSerial: hardware, meterType: meterType, publicKey: key, signature: signature,
            signedText: Array(line[line.startIndex..<signatureStart]))
        return (record, deviations)
    }

    /// `yyMMddHHmmss` from 2019 on (the reference software rejects earlier years).
    static func localTime(_ text: String) -> PCDFRecord.LocalTime? {
        var scanner = TimeTextScanner(text)
        guard text.utf8.count == 12, let yy = scanner.digits(2), let month = scanner.digits(2),
            let day = scanner.digits(2), let hour = scanner.digits(2), let minute = scanner.digits(2),
            let second = scanner.digits(2), yy >= 19
        else { return nil }
        let year = 2000 + yy
        guard second <= 59,
            CivilTime.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return PCDFRecord.LocalTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, text: text)
    }
}
