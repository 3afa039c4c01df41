/// Decodes Alfen Eichrecht lines, `AP;<type>;<blob version>;<key>;<dataset>;<signature>;`, into an
/// `AlfenRecord` and a `SignedRecord`.
///
/// The line travels through many hands (OCPI fields, OCPP `signedMeterData`, XML, quoted JSON), so
/// surrounding whitespace and quotes are tolerated and the trailing `;` is optional. Inside the line
/// nothing is guessed: the three base32 fields must decode to exactly 25, 82 and 48 bytes, because a
/// hand-copied line with one character too many or too few still decodes as base32.
struct AlfenDecoder: MeterFormatDecoder {
    static let marker = Array("AP;".utf8)
    static let keyLength = 25
    static let signatureLength = 48

    /// Whether the bytes (after whitespace and an opening quote) start like an Alfen line.
    static func recognises<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var rest = bytes.drop(while: JSONScanner.isWhitespace)
        if let first = rest.first, isQuote(first) { rest = rest.dropFirst() }
        return rest.starts(with: marker)
    }

    /// Cuts text holding one or more lines into the lines. An AP line contains no whitespace, so any
    /// whitespace (line breaks, spaces) separates lines.
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(whereSeparator: JSONScanner.isWhitespace)
    }

    /// Decodes one line. `input` may carry surrounding whitespace and quotes. Error offsets are
    /// relative to the start of `input`.
    static func decode(_ input: ArraySlice<UInt8>) throws(FormatError) -> (AlfenRecord, SignedRecord) {
        let origin = input.startIndex
        var line = input
        while let first = line.first, JSONScanner.isWhitespace(first) { line = line.dropFirst() }
        while let last = line.last, JSONScanner.isWhitespace(last) { line = line.dropLast() }
        // Quotes around the line (a JSON or CSV export); a lost closing quote is tolerated too.
        if let first = line.first, isQuote(first) { line = line.dropFirst() }
        if let last = line.last, isQuote(last) { line = line.dropLast() }
        func fail(_ problem: FormatProblem, at index: Int) -> FormatError {
            FormatError(.alfen, problem, offset: index - origin)
        }
        guard line.starts(with: marker) else {
            throw fail(.doesNotStartWith("AP;"), at: line.startIndex)
        }
        if let bad = line.firstIndex(where: { $0 < 0x20 || $0 > 0x7E }) {
            throw fail(.nonPrintableByte(line[bad]), at: bad)
        }
        var fields = line.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        if fields.count == 7, let last = fields.last, last.isEmpty { fields.removeLast() }
        guard fields.count == 6 else {
            throw fail(.alfenFieldCount(fields.count), at: line.startIndex)
        }
        var deviations: [Deviation] = []

        let typeField = fields[1]
        guard let type = AlfenRecord.LineType(rawValue: text(typeField)) else {
            throw fail(.alfenUnknownType(text(typeField)), at: typeField.startIndex)
        }
        let versionField = fields[2]
        let blobVersion = text(versionField)
        guard !blobVersion.isEmpty else { throw fail(.alfenFieldEmpty(.blobVersion), at: versionField.startIndex) }
        if blobVersion != "3" { deviations.append(.alfenBlobVersion(blobVersion)) }

        let key = try base32(
            fields[3], field: .publicKey, length: keyLength, deviations: &deviations, fail: fail)
        let dataset = try base32(
            fields[4], field: .dataset, length: AlfenDataset.length, deviations: &deviations, fail: fail)
        let signature = try base32(
            fields[5], field: .signature, length: signatureLength, deviations: &deviations, fail: fail)

        let parsed: AlfenDataset.Fields
        do { parsed = try AlfenDataset.read(dataset) } catch {
            throw fail(error.problem, at: fields[4].startIndex)
        }
        do { _ = try DecimalText.scaled(parsed.value, scaler: parsed.scaler, format: .alfen) } catch {
            throw fail(error.problem, at: fields[4].startIndex)
        }
        let record = AlfenRecord(
            type: type, blobVersion: blobVersion, publicKey: key, dataset: dataset, signature: signature,
            adapterID: parsed.adapterID, adapterFirmware: parsed.adapterFirmware,
            adapterFirmwareChecksum: parsed.adapterFirmwareChecksum, meterID: parsed.meterID, status: parsed.status,
            secondIndex: parsed.secondIndex, timestamp: parsed.timestamp, obis: parsed.obis, unitCode: parsed.unitCode,
            scaler: parsed.scaler, value: parsed.value, uid: uidText(parsed.uidBytes, deviations: &deviations),
            sessionID: parsed.sessionID, pagination: parsed.pagination)
        if record.unitSymbol != "Wh" {
            deviations.append(.alfenUnitNotEnergy(Int(record.unitCode)))
        }
        if !isPrintable(record.adapterFirmware) {
            deviations.append(.alfenFirmwareNotText)
        }
        return (record, record.signedRecord(deviations: deviations))
    }

    /// Decodes one base32 field and requires its exact length. Lower case is read but noted.
    private static func base32(
        _ bytes: ArraySlice<UInt8>, field: AlfenField, length: Int, deviations: inout [Deviation],
        fail: (FormatProblem, Int) -> FormatError
    ) throws(FormatError) -> [UInt8] {
        guard !bytes.isEmpty else { throw fail(.alfenFieldEmpty(field), bytes.startIndex) }
        var sawPadding = false
        for index in bytes.indices {
            let c = bytes[index]
            let isAlphabet = (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x32...0x37).contains(c)
            if c == UInt8(ascii: "=") {
                sawPadding = true
            } else if !isAlphabet {
                throw fail(.alfenNotBase32Character(field, character: String(Character(Unicode.Scalar(c)))), index)
            } else if sawPadding {
                throw fail(.alfenBase32AfterPadding(field), index)
            }
        }
        guard let decoded = Base32.decode(text(bytes)) else { throw fail(.alfenNotBase32(field), bytes.startIndex) }
        guard decoded.count == length else {
            throw fail(.alfenFieldLength(field, actual: decoded.count, expected: length), bytes.startIndex)
        }
        if bytes.contains(where: { (0x61...0x7A).contains($0) }) { deviations.append(.alfenLowerCaseBase32(field)) }
        return decoded
    }

    /// The UID: ASCII up to the first NUL. Anything that is not printable text is shown as hex.
    private static func uidText(_ bytes: [UInt8], deviations: inout [Deviation]) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let text = bytes[..<end]
        if bytes[end...].contains(where: { $0 != 0 }) {
            deviations.append(.alfenUIDAfterPadding)
        }
        guard isPrintable(text) else {
            deviations.append(.alfenUIDNotText)
            return Hex.encode(bytes, uppercase: true)
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func isPrintable<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
    }

    private static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
