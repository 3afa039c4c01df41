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
    static func decode(_ input: ArraySlice<UInt8>) throws(FormatError) -> (PCDFRecord, [String]) {
        let origin = input.startIndex
        func fail(_ reason: String, at index: Int) -> FormatError {
            FormatError(.pcdf, reason, offset: index - origin)
        }
        var line = input
        while let first = line.first, JSONScanner.isWhitespace(first) { line = line.dropFirst() }
        while let last = line.last, JSONScanner.isWhitespace(last) { line = line.dropLast() }
        var deviations: [String] = []
        if line.first == stx {
            line = line.dropFirst()
            guard line.last == etx else {
                throw fail("the record starts with STX but does not end with ETX", at: line.endIndex)
            }
            line = line.dropLast()
        } else if line.last == etx {
            throw fail("the record ends with ETX but does not start with STX", at: line.endIndex - 1)
        }
        guard line.starts(with: marker) else {
            throw fail("the record does not start with '128.8.0('", at: line.startIndex)
        }
        if let bad = line.firstIndex(where: { $0 < 0x20 || $0 > 0x7E }) {
            throw fail("the record holds a byte that is not printable ASCII (0x\(Hex.encode([line[bad]])))", at: bad)
        }

        // Attributes: `(KEY:value)` one after the other, nothing between them.
        var attributes: [String: (value: String, offset: Int)] = [:]
        var order: [String] = []
        var index = line.startIndex + marker.count - 1
        var signatureStart: Int?
        while index < line.endIndex {
            guard line[index] == UInt8(ascii: "(") else {
                throw fail(
                    "expected '(' to open an attribute, found '\(Character(Unicode.Scalar(line[index])))'", at: index)
            }
            guard let colon = line[index...].firstIndex(of: UInt8(ascii: ":")),
                let close = line[index...].firstIndex(of: UInt8(ascii: ")")), colon < close
            else { throw fail("an attribute is not of the form (KEY:value)", at: index) }
            let key = String(decoding: line[(index + 1)..<colon], as: UTF8.self)
            guard !key.isEmpty, key.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
                throw fail("attribute name \"\(key)\" is not upper-case letters", at: index + 1)
            }
            if let open = line[(colon + 1)..<close].firstIndex(of: UInt8(ascii: "(")) {
                throw fail("attribute \(key) holds a '('", at: open)
            }
            guard attributes[key] == nil else { throw fail("attribute \(key) appears twice", at: index) }
            if signatureStart != nil {
                throw fail("attribute \(key) follows SG: text after the signature is not covered by it", at: index)
            }
            if key == "SG" { signatureStart = index }
            attributes[key] = (String(decoding: line[(colon + 1)..<close], as: UTF8.self), colon + 1)
            order.append(key)
            index = close + 1
        }
        for key in mandatory where attributes[key] == nil {
            throw fail("the mandatory attribute \(key) is missing", at: line.endIndex)
        }
        for key in order where !mandatory.contains(key) { deviations.append("unknown attribute \(key)") }
        if order.filter({ mandatory.contains($0) }) != mandatory {
            deviations.append("the attributes are not in the usual order (\(mandatory.joined(separator: ", ")))")
        }
        guard let signatureStart else { throw fail("the signature attribute SG is missing", at: line.endIndex) }

        func value(_ key: String) -> (String, Int) {
            let entry = attributes[key]
            return (entry?.value ?? "", entry?.offset ?? line.endIndex)
        }
        func time(_ key: String) throws(FormatError) -> PCDFRecord.LocalTime {
            let (text, offset) = value(key)
            guard let parsed = localTime(text) else {
                throw fail("\(key) \"\(text)\" is not a time yyMMddHHmmss from 2019 on", at: offset)
            }
            return parsed
        }
        func flag(_ key: String) throws(FormatError) -> String {
            let (text, offset) = value(key)
            guard text.count == 1, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw fail("\(key) \"\(text)\" is not a single digit", at: offset)
            }
            return text
        }

        let start = try time("ST")
        let stop = try time("CT")
        let (duration, durationOffset) = value("CD")
        guard duration.count == 6, duration.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let minutes = Int(duration.dropFirst(2).prefix(2)), let seconds = Int(duration.suffix(2)),
            minutes <= 59, seconds <= 59
        else { throw fail("CD \"\(duration)\" is not a duration hhmmss", at: durationOffset) }
        let timeValid = try flag("TV")
        guard timeValid == "0" || timeValid == "1" else {
            throw fail("TV \"\(timeValid)\" is neither 0 nor 1", at: value("TV").1)
        }
        let billingValid = try flag("BV")
        let stopPresent = try flag("SP")
        let (counterText, counterOffset) = value("CSC")
        guard !counterText.isEmpty, counterText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let counter = UInt64(counterText)
        else { throw fail("CSC \"\(counterText)\" is not a counter", at: counterOffset) }

        let (rvText, rvOffset) = value("RV")
        let rvParts = rvText.split(separator: "*", omittingEmptySubsequences: false)
        guard rvParts.count == 2, let amount = DecimalText(String(rvParts[0])), !rvParts[0].hasPrefix("-"),
            !rvParts[0].hasPrefix("+"), !rvParts[0].contains(where: { $0 == "e" || $0 == "E" })
        else { throw fail("RV \"\(rvText)\" is not an energy nnnn.nnn*kWh", at: rvOffset) }
        guard rvParts[1] == "kWh" else {
            throw fail("RV \"\(rvText)\": the unit is \"\(rvParts[1])\"; PCDF writes kWh", at: rvOffset)
        }
        if rvParts[0].count != 8 { deviations.append("RV \"\(rvParts[0])\" is not 8 characters (nnnn.nnn)") }

        let (siText, siOffset) = value("SI")
        let siParts = siText.split(separator: "*", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard siParts.count == 3, !siParts[0].isEmpty, !siParts[2].isEmpty else {
            throw fail("SI \"\(siText)\" is not idTag*type*transaction", at: siOffset)
        }
        if siParts[0].count > 36 || siParts[2].count > 36 || siText.count < 5 || siText.count > 75 {
            deviations.append("SI is outside the lengths PCDF allows (idTag and transaction 1–36, total 5–75)")
        }
        if siParts[1].count != 1 || !siParts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            deviations.append("SI type \"\(siParts[1])\" is not a single digit")
        } else if PCDFRecord.IdentificationType(rawValue: siParts[1]) == nil {
            deviations.append("SI type \(siParts[1]) is not a known identification type (1–5)")
        }

        let checksum = value("CS").0
        if checksum.count != 8 || Hex.decode(checksum) == nil {
            deviations.append("CS \"\(checksum)\" is not 8 hex characters")
        }
        let hardware = value("HW").0
        guard !hardware.isEmpty else { throw fail("HW (hardware serial) is empty", at: value("HW").1) }
        if hardware.count != 11 { deviations.append("HW \"\(hardware)\" is not 11 characters") }
        let (meterType, meterTypeOffset) = value("DT")
        guard !meterType.isEmpty, meterType.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw fail("DT \"\(meterType)\" is not a number", at: meterTypeOffset)
        }
        if meterType != "0" { deviations.append("DT \(meterType) is not a known DC meter type (0 = PES DC meter EU)") }

        let (keyText, keyOffset) = value("PK")
        guard let key = Hex.decode(keyText), !key.isEmpty else { throw fail("PK is not hex", at: keyOffset) }
        let (signatureText, signatureOffset) = value("SG")
        guard let signature = Hex.decode(signatureText), !signature.isEmpty else {
            throw fail("SG is not hex", at: signatureOffset)
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
