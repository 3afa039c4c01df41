import Foundation

/// Decodes EMH eHZ values in the old chargeIT JSON container (variant D, Chargy's "EMHCrypt01").
///
/// `signedMeterValues[]` objects without `@context`: `meterInfo` (`meterId`, `publicKey`),
/// `contract` (`id`, `timestampLocal`), `measurementId`, `measuredValue` (`value`, `scale`,
/// `unitEncoded`, `timestampLocal`), `measurand.id` (OBIS), `additionalInfo` (`status`,
/// `indexes.timer`, `indexes.logBook`) and `signature`. Each becomes the 320-byte EDL40 block:
/// meter id, local epoch of the value's `timestampLocal`, status, timer, measurement id (as the
/// pagination), OBIS, unit, scale, value, logbook bytes, **`contract.id` as ASCII text** (not
/// hex-decoded), local epoch of the contract's `timestampLocal`. P-192 with the embedded key.
///
/// The container lists one session's values in order, so with two or more values the first is the
/// begin and the last the end reading; a lone value says neither. The top-level `timestamp`,
/// `transactionId` and `placeInfo` are unsigned and are not used.
struct EMHChargeITDecoder: MeterFormatDecoder {
    /// Whether the bytes are such a JSON object: cheap marker search (no parse).
    static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        let trimmed = bytes.drop(while: JSONScanner.isWhitespace)
        guard trimmed.first == UInt8(ascii: "{") else { return false }
        let head = trimmed.prefix(1 << 18)
        return contains(head, "\"signedMeterValues\"") && contains(head, "\"timestampLocal\"")
            && contains(head, "\"measurementId\"") && !contains(head, "\"@context\"")
    }

    static func contains(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while index + needle.count <= bytes.endIndex {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Decodes every value of the container in order, each rebuilt into its EDL40 block. With two or
    /// more values the first is the begin and the last the end reading.
    static func decode(_ bytes: [UInt8]) throws(FormatError) -> [(EDL40Record, SignedRecord)] {
        let values = try signedMeterValues(bytes)
        var results: [(EDL40Record, SignedRecord)] = []
        for (index, value) in values.enumerated() {
            let type: ReadingType =
                values.count < 2 ? .unspecified : index == 0 ? .begin : index == values.count - 1 ? .end : .intermediate
            results.append(try decode(value: value, position: index + 1, type: type))
        }
        return results
    }

    static func signedMeterValues(_ bytes: [UInt8]) throws(FormatError) -> [JSONValue] {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw FormatError(.emhChargeIT, .malformedJSON(ParserFault(error)), offset: error.offset)
        }
        guard let values = json["signedMeterValues"]?.arrayValue, !values.isEmpty else {
            throw FormatError(
                .emhChargeIT,
                .invalidValue(
                    field: "signedMeterValues", value: nil, expected: .nonEmptyArray,
                    found: json["signedMeterValues"]?.kind))
        }
        return values
    }

    static func decode(value: JSONValue, position: Int, type: ReadingType) throws(FormatError) -> (
        EDL40Record, SignedRecord
    ) {
        let fields = EMHFields(value: value, position: position)
        let meterID = try fields.hex(["meterInfo", "meterId"], length: 10)
        let key = try fields.hex(["meterInfo", "publicKey"], length: nil)
        let signatureBytes = try fields.hex(["signature"], length: nil)
        guard let signature = EDL40Signature(signatureBytes, lengths: .any), signature.curve == .prime192v1 else {
            throw fields.error(
                .badLength(field: fields.name(["signature"]), expected: .oneOf([48, 50]), actual: signatureBytes.count))
        }
        let contractText = try fields.string(["contract", "id"])
        let contract = Array(contractText.utf8)
        guard contract.count <= EDL40Block.contractIDLength else {
            throw fields.error(
                .badLength(
                    field: fields.name(["contract", "id"]), expected: .atMost(EDL40Block.contractIDLength),
                    actual: contract.count))
        }
        let valueTime = try fields.localTime(["measuredValue", "timestampLocal"])
        let contractTime = try fields.localTime(["contract", "timestampLocal"])
        let status = try fields.hex(["additionalInfo", "status"], length: 1)
        let logbook = try fields.hex(["additionalInfo", "indexes", "logBook"], length: 2)
        let measurementID = try fields.hex(["measurementId"], length: 4)
        let block = EDL40Block(
            serverID: meterID, localTime: valueTime.local, status: status.first ?? 0,
            secondsIndex: UInt32(
                try fields.integer(["additionalInfo", "indexes", "timer"], in: 0...Int64(UInt32.max))),
            pagination: measurementID.reduce(UInt32(0)) { $0 << 8 | UInt32($1) },
            obis: try fields.hex(["measurand", "id"], length: 6),
            unit: UInt8(try fields.integer(["measuredValue", "unitEncoded"], in: 0...255)),
            scaler: Int8(
                try fields.integer(
                    ["measuredValue", "scale"],
                    in: Int64(DecimalText.scalerRange.lowerBound)...Int64(DecimalText.scalerRange.upperBound))),
            value: try fields.integer(["measuredValue", "value"], in: Int64.min...Int64.max), logbook: logbook,
            contractID: contract, contractTime: contractTime.local)
        var deviations: [Deviation] = []
        if block.unit != 30 {
            deviations.append(.unitNotWh(field: fields.name(["measuredValue", "unitEncoded"]), code: Int(block.unit)))
        }
        if let trailing = signature.logbook, trailing != logbook {
            deviations.append(.logbookBytesDiffer(signature: Hex.encode(trailing), container: Hex.encode(logbook)))
        }
        var record = EDL40Record(
            container: .emhChargeIT, block: block, signature: signature.bytes, curve: .prime192v1, publicKey: key,
            readingType: type, time: valueTime.time, contractTime: contractTime.time)
        record.statusWord = UInt64(block.status)
        var attributes = [Attribute(.measurementID, Hex.encode(measurementID, uppercase: true))]
        if let contractType = value["contract"]?["type"]?.looseText {
            attributes.append(Attribute(.contractTypeUnsigned, contractType))
        }
        if let transaction = value["transactionId"]?.looseText {
            attributes.append(Attribute(.transactionIDUnsigned, transaction))
        }
        return (record, record.signedRecord(format: .emhChargeIT, deviations: deviations, attributes: attributes))
    }

    /// The container cut into one container per signed value (the other members kept), so that a
    /// raw file can become one OCPI signed value per meter reading. `nil` when there is only one.
    static func splitValues(_ bytes: [UInt8]) -> [[UInt8]]? {
        ChargeITContainer.splitSignedMeterValues(bytes)
    }
}

/// Typed reads of one chargeIT signed value, with errors that name the value and the field path.
struct EMHFields {
    let value: JSONValue
    let position: Int

    func error(_ problem: FormatProblem) -> FormatError { FormatError(.emhChargeIT, problem) }

    /// A field's path inside the container: `signedMeterValues[0].meterInfo.meterId`.
    func name(_ path: [String]) -> String { "signedMeterValues[\(position - 1)]." + path.joined(separator: ".") }

    func lookup(_ path: [String]) throws(FormatError) -> JSONValue {
        var current = value
        for key in path {
            guard let next = current[key], next != .null else {
                throw error(.missingField(name(path)))
            }
            current = next
        }
        return current
    }

    func string(_ path: [String]) throws(FormatError) -> String {
        let field = try lookup(path)
        guard let text = field.looseText else {
            throw error(.invalidValue(field: name(path), value: nil, expected: .text, found: field.kind))
        }
        return text
    }

    func hex(_ path: [String], length: Int?) throws(FormatError) -> [UInt8] {
        let text = try string(path).trimmingCharacters(in: " \t\r\n")
        guard let bytes = Hex.decode(text), !bytes.isEmpty else {
            throw error(.invalidValue(field: name(path), value: text, expected: .hex, found: nil))
        }
        if let length, bytes.count != length {
            throw error(.badLength(field: name(path), expected: .exactly(length), actual: bytes.count))
        }
        return bytes
    }

    /// An integer written as a JSON number or a decimal string, within `range`.
    func integer(_ path: [String], in range: ClosedRange<Int64>) throws(FormatError) -> Int64 {
        let field = try lookup(path)
        guard let text = field.numericText, let number = Int64(text), range.contains(number) else {
            throw error(
                .invalidValue(
                    field: name(path), value: field.looseText,
                    expected: .integerIn(lowest: range.lowerBound, highest: range.upperBound), found: nil))
        }
        return number
    }

    /// `timestampLocal{timestamp, localOffset, seasonOffset}`: the instant, and the block's local
    /// epoch `timestamp + (localOffset + seasonOffset) · 60` wrapped to 32 bits.
    func localTime(_ path: [String]) throws(FormatError) -> (time: SignedTime, local: UInt32) {
        let timestamp = try integer(path + ["timestamp"], in: 0...Int64(UInt32.max))
        let offset = try integer(path + ["localOffset"], in: -1440...1440)
        let season = try integer(path + ["seasonOffset"], in: -1440...1440)
        let seconds = Int((offset + season) * 60)
        return (
            EDL40Time.utc(timestamp, offsetSeconds: seconds),
            UInt32(truncatingIfNeeded: timestamp + Int64(seconds))
        )
    }
}
