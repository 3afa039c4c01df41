/// Reads BAUER BSM-WS36A snapshots from chargeIT JSON: a container
/// (`{placeInfo | chargePointInfo, signedMeterValues: [snapshot, …]}`) or a single snapshot object.
///
/// The signed message is rebuilt from the data points in `additionalValues`, looked up by name and
/// concatenated in the fixed order `BSMDataPoint.signedOrder`, so the JSON's member order and
/// formatting never matter. Every signed point must be present exactly once and fit its type; a
/// snapshot that breaks this is a `FormatError`, because no signature could be checked over it.
struct BSMDecoder: MeterFormatDecoder {
    /// Whether the bytes look like chargeIT JSON holding BSM-WS36A snapshots: a JSON object that
    /// names a `bsm-ws36a` context and has `additionalValues`. EMH values in chargeIT JSON name no
    /// such context.
    static func recognises<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard bytes.drop(while: JSONScanner.isWhitespace).first == UInt8(ascii: "{") else { return false }
        let window = Array(bytes.prefix(1 << 20))
        return contains(window, "bsm-ws36a") && contains(window, "additionalValues")
    }

    /// Decodes every snapshot of a container, or the one snapshot of a snapshot object.
    static func decode(_ bytes: [UInt8]) throws(FormatError) -> [BSMSnapshot] {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch {
            throw FormatError(.bsmWS36A, .malformedJSON(ParserFault(error)), offset: error.offset)
        }
        guard json.isObject else { throw FormatError(.bsmWS36A, .topLevelNotObject(found: json.kind)) }
        if let values = json["signedMeterValues"] {
            guard let items = values.arrayValue, !items.isEmpty else {
                throw FormatError(
                    .bsmWS36A,
                    .invalidValue(field: "signedMeterValues", value: nil, expected: .nonEmptyArray, found: values.kind))
            }
            let evse = containerEVSE(json)
            var snapshots: [BSMSnapshot] = []
            for (index, item) in items.enumerated() {
                snapshots.append(try snapshot(item, evse: evse, path: "signedMeterValues[\(index)]"))
            }
            return snapshots
        }
        return [try snapshot(json, evse: nil, path: nil)]
    }

    /// Cuts a container of several snapshots into containers of one snapshot each (the container's
    /// other members kept), so every snapshot becomes its own signed value. `nil` when the bytes are
    /// not such a container.
    static func splitSnapshots(_ bytes: [UInt8]) -> [[UInt8]]? {
        ChargeITContainer.splitSignedMeterValues(bytes)
    }

    /// The EVSE id a container names: `placeInfo.evseId` (old style) or `chargePointInfo.evseId`.
    static func containerEVSE(_ json: JSONValue) -> String? {
        json["placeInfo"]?["evseId"]?.looseText ?? json["chargePointInfo"]?["evseId"]?.looseText
            ?? json["chargePointInfo"]?["placeInfo"]?["evseId"]?.looseText
    }

    /// One snapshot; `path` names it inside its container (`signedMeterValues[1]`) in errors.
    static func snapshot(_ json: JSONValue, evse: String?, path: String?) throws(FormatError) -> BSMSnapshot {
        func field(_ name: String) -> String { path.map { "\($0).\(name)" } ?? name }
        guard json.isObject else {
            guard let path else { throw FormatError(.bsmWS36A, .topLevelNotObject(found: json.kind)) }
            throw FormatError(
                .bsmWS36A, .invalidValue(field: path, value: nil, expected: .jsonObject, found: json.kind))
        }
        guard let items = json["additionalValues"]?.arrayValue else {
            throw FormatError(
                .bsmWS36A,
                .invalidValue(
                    field: field("additionalValues"), value: nil, expected: .jsonArray,
                    found: json["additionalValues"]?.kind))
        }
        var points: [BSMDataPoint] = []
        for (index, item) in items.enumerated() {
            let point = try dataPoint(item, position: index, field: field)
            if points.contains(where: { $0.name == point.name }) {
                throw FormatError(.bsmWS36A, .duplicateField(field(point.name)))
            }
            points.append(point)
        }
        var message: [UInt8] = []
        for name in BSMDataPoint.signedOrder {
            guard let point = points.first(where: { $0.name == name }) else {
                throw FormatError(.bsmWS36A, .bsmSignedPointMissing(name))
            }
            message += point.signedBytes
        }
        var signature: [UInt8]?
        if let text = json["signature"]?.stringValue {
            signature = Hex.decode(text.trimmingCharacters(in: " \t\r\n"))
        }
        let meterInfo = json["meterInfo"]
        let contract = json["contract"]
        let value = json["value"]
        var unsignedValue: BSMSnapshot.UnsignedValue?
        if let value, value.isObject {
            let measured = value["measuredValue"]
            unsignedValue = BSMSnapshot.UnsignedValue(
                name: value["measurand"]?["name"]?.looseText, value: measured?["value"]?.looseText,
                scale: measured?["scale"]?.looseText, unitName: measured?["unit"]?.looseText,
                unitCode: measured?["unitEncoded"]?.looseText)
        }
        return BSMSnapshot(
            context: json["@context"]?.looseText, id: json["@id"]?.looseText, time: json["time"]?.looseText,
            meterID: meterInfo?["meterId"]?.looseText, publicKey: meterInfo?["publicKey"]?.stringValue,
            firmwareVersion: meterInfo?["firmwareVersion"]?.looseText, meterType: meterInfo?["type"]?.looseText,
            manufacturer: meterInfo?["manufacturer"]?.looseText, contractID: contract?["id"]?.looseText,
            contractType: contract?["type"]?.looseText, measurementID: json["measurementId"]?.looseText,
            value: unsignedValue, evseID: evse, dataPoints: points,
            signature: signature, signedMessage: message)
    }

    /// One data point; `position` is its index in `additionalValues`, `field` names the snapshot's
    /// fields in errors.
    static func dataPoint(_ json: JSONValue, position: Int, field: (String) -> String) throws(FormatError)
        -> BSMDataPoint
    {
        guard let name = json["measurand"]?["name"]?.stringValue, !name.isEmpty else {
            throw FormatError(.bsmWS36A, .missingField(field("additionalValues[\(position)].measurand.name")))
        }
        func invalid(_ part: String, _ value: String?, _ expected: ValueKind, _ found: ValueKind?) -> FormatError {
            FormatError(
                .bsmWS36A,
                .invalidValue(field: field("\(name).\(part)"), value: value, expected: expected, found: found))
        }
        guard let measured = json["measuredValue"], measured.isObject else {
            throw invalid("measuredValue", nil, .jsonObject, json["measuredValue"]?.kind)
        }
        let valueType = measured["valueType"]?.stringValue
        let isString = BSMDataPoint.stringPoints.contains(name) || valueType?.lowercased() == "string"
        let measurandID = json["measurand"]?["id"]?.looseText
        let unitName = measured["unit"]?.looseText
        if isString {
            // The exporter leaves out the value of an empty string: the signature covers "" then.
            let omitted = measured["value"] == nil || measured["value"] == .null
            guard let text = omitted ? "" : measured["value"]?.stringValue else {
                throw invalid("value", nil, .text, measured["value"]?.kind)
            }
            var encoding = BSMDataPoint.TextEncoding.utf8
            if let declared = measured["valueEncoding"]?.stringValue {
                guard let known = BSMDataPoint.TextEncoding(rawValue: declared.uppercased()) else {
                    throw invalid("valueEncoding", declared, .textEncodingName, nil)
                }
                encoding = known
            }
            guard BSMDataPoint.bytes(text, encoding) != nil else {
                throw FormatError(.bsmWS36A, .bsmNotLatin1(point: field(name)))
            }
            return BSMDataPoint(
                name: name, measurandID: measurandID, value: .text(text), valueType: valueType, scale: 0, unitCode: 0,
                unitName: unitName, textEncoding: encoding, valueOmitted: omitted)
        }
        guard let raw = measured["value"]?.numericText, let integer = Int64(raw) else {
            throw invalid("value", measured["value"]?.looseText, .integer, nil)
        }
        switch valueType {
        case "UnsignedInteger32"?:
            guard (0...Int64(UInt32.max)).contains(integer) else {
                throw invalid("value", String(integer), .fitting("UnsignedInteger32"), nil)
            }
        case "Integer32"?:
            guard (Int64(Int32.min)...Int64(Int32.max)).contains(integer) else {
                throw invalid("value", String(integer), .fitting("Integer32"), nil)
            }
        default:
            throw FormatError(.bsmWS36A, .bsmValueType(point: field(name), valueType: valueType))
        }
        // Newer containers leave out a scale of 0.
        let scaleText = measured["scale"]?.numericText ?? "0"
        guard let scale = Int8(scaleText) else {
            throw invalid("scale", scaleText, .integerIn(lowest: -128, highest: 127), nil)
        }
        _ = try DecimalText.scaled(integer, scaler: scale, format: .bsmWS36A, field: field("\(name).scale"))
        guard let unitText = measured["unitEncoded"]?.numericText, let unitCode = UInt8(unitText) else {
            throw invalid("unitEncoded", measured["unitEncoded"]?.looseText, .integerIn(lowest: 0, highest: 255), nil)
        }
        return BSMDataPoint(
            name: name, measurandID: measurandID, value: .integer(integer), valueType: valueType, scale: scale,
            unitCode: unitCode, unitName: unitName)
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] | 0x20 == first | 0x20,
                zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            {
                return true
            }
            index += 1
        }
        return false
    }
}
