/// `SML_GetList.Res` = list(7){clientId?, serverId, listName?, actSensorTime?, valList,
/// listSignature?, actGatewayTime?}: the list of values a meter signs (EDL40, ISA EDL40P).
struct SMLGetListResponse: Sendable, Hashable {
    var clientID: [UInt8]?
    var serverID: [UInt8]
    var listName: [UInt8]?
    var sensorTime: SMLTime?
    var entries: [SMLListEntry]
    var listSignature: [UInt8]?
    /// Offset of the message body in the transmitted file.
    var offset: Int

    init(_ body: SMLElement) throws(SMLError) {
        guard let fields = body.list, fields.count == 7 else {
            throw SMLError(.notAListOf(.getListResponse, count: 7), at: body.offset)
        }
        offset = body.offset
        clientID = try SMLGetListResponse.optionalOctets(fields[0], "clientId")
        guard let server = fields[1].octets else {
            throw SMLError(
                .elementType(field: "serverId", expected: .octetString, found: fields[1].kind), at: fields[1].offset)
        }
        serverID = server
        listName = try SMLGetListResponse.optionalOctets(fields[2], "listName")
        sensorTime = fields[3].isAbsent ? nil : try SMLTime(fields[3])
        guard let values = fields[4].list else {
            throw SMLError(.elementType(field: "valList", expected: .list, found: fields[4].kind), at: fields[4].offset)
        }
        var entries: [SMLListEntry] = []
        for value in values { entries.append(try SMLListEntry(value)) }
        self.entries = entries
        listSignature = try SMLGetListResponse.optionalOctets(fields[5], "listSignature")
    }

    /// The first entry with this object name (OBIS code).
    func entry(_ objectName: [UInt8]) -> SMLListEntry? {
        entries.first { $0.objectName == objectName }
    }

    static func optionalOctets(_ element: SMLElement, _ name: String) throws(SMLError) -> [UInt8]? {
        if element.isAbsent { return nil }
        guard let bytes = element.octets else {
            throw SMLError(.elementType(field: name, expected: .octetString, found: element.kind), at: element.offset)
        }
        return bytes
    }
}

/// `SML_ListEntry` = list(7){objName, status?, valTime?, unit?, scaler?, value, valueSignature?}.
struct SMLListEntry: Sendable, Hashable {
    /// The OBIS code, six bytes.
    var objectName: [UInt8]
    /// The status word, of any width up to 64 bits.
    var status: UInt64?
    var time: SMLTime?
    var unit: UInt8?
    var scaler: Int8?
    var value: SMLElement
    var valueSignature: [UInt8]?
    var offset: Int

    init(_ element: SMLElement) throws(SMLError) {
        guard let fields = element.list, fields.count == 7 else {
            throw SMLError(.notAListOf(.listEntry, count: 7), at: element.offset)
        }
        offset = element.offset
        guard let name = fields[0].octets, name.count == 6 else {
            throw SMLError(
                .elementType(field: "objName", expected: .obisCode, found: fields[0].kind), at: fields[0].offset)
        }
        objectName = name
        if fields[1].isAbsent {
            status = nil
        } else {
            guard let word = fields[1].unsigned else {
                throw SMLError(
                    .elementType(
                        field: "\(Hex.encode(name)).status", expected: .unsignedNumber, found: fields[1].kind),
                    at: fields[1].offset)
            }
            status = word
        }
        time = fields[2].isAbsent ? nil : try SMLTime(fields[2])
        if fields[3].isAbsent {
            unit = nil
        } else {
            guard let code = fields[3].unsigned, code <= 255 else {
                throw SMLError(
                    .elementType(
                        field: "\(Hex.encode(name)).unit", expected: .smlUnsigned(bits: 8), found: fields[3].kind),
                    at: fields[3].offset)
            }
            unit = UInt8(code)
        }
        if fields[4].isAbsent {
            scaler = nil
        } else {
            guard let power = fields[4].integer, power >= -128, power <= 127 else {
                throw SMLError(
                    .elementType(
                        field: "\(Hex.encode(name)).scaler", expected: .smlInteger(bits: 8), found: fields[4].kind),
                    at: fields[4].offset)
            }
            scaler = Int8(power)
        }
        value = fields[5]
        valueSignature = try SMLGetListResponse.optionalOctets(fields[6], "valueSignature")
    }
}
