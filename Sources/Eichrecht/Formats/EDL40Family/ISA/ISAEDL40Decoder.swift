import Foundation

/// Decodes an Isabellenhütte EDL40P SML telegram (variant E) into an `ISAEDL40Record`.
///
/// The telegram's list name (`81 80 81 62 nn FF`) marks it; its GetList.Res carries the contract
/// id, the start register (1-0:1.8.0*128), the actual register (1-0:1.8.0*255, with its own
/// 66-byte value signature), the pagination and the 20-byte ESTH. The signature is the first 64
/// bytes of the list signature, ECDSA P-256 over SHA-256 of the rebuilt ISA block.
struct ISAEDL40Decoder: MeterFormatDecoder {
    enum Entry {
        static let startRegister: [UInt8] = [0x01, 0x00, 0x01, 0x08, 0x00, 0x80]
        static let pagination: [UInt8] = [0x81, 0x80, 0xC7, 0xF0, 0x40, 0xFF]
        static let esth: [UInt8] = [0x81, 0x80, 0x81, 0x61, 0x01, 0xFF]
    }

    /// The list-name prefix `81 80 81 62`; the fifth byte is the telegram kind, the sixth `FF`.
    static let listNamePrefix: [UInt8] = [0x81, 0x80, 0x81, 0x62]

    /// Whether an SML file carries an ISA list name: a 6-byte octet string (type-length 07) of the
    /// form `81 80 81 62 nn FF`. A byte search, cheap enough for content detection.
    static func hasISAListName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard SMLTransport.startsFrame(bytes) else { return false }
        let pattern: [UInt8] = [0x07] + listNamePrefix
        var index = bytes.startIndex
        while index + 7 <= bytes.endIndex {
            if bytes[index] == 0x07, bytes[index..<(index + 5)].elementsEqual(pattern), bytes[index + 6] == 0xFF {
                return true
            }
            index += 1
        }
        return false
    }

    /// Decodes one SML file: checks its checksums, takes the kind from the list name and rebuilds the
    /// ISA block from the first `SML_GetList.Res`.
    static func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> (
        ISAEDL40Record, SignedRecord
    ) {
        let format = MeterFormat.isaEDL40
        let (file, list) = try SMLFile.readGetList(bytes, as: format)
        let fields = SMLFields(list: list, format: format)
        var deviations: [Deviation] = []

        guard let listName = list.listName, listName.count == 6, listName.starts(with: listNamePrefix),
            listName[5] == 0xFF, let kind = ISAEDL40Record.Kind(rawValue: listName[4])
        else {
            throw FormatError(format, .isaListName, offset: list.offset)
        }
        guard list.serverID.count == 10 else {
            throw FormatError(
                format, .badLength(field: "serverId", expected: .exactly(10), actual: list.serverID.count),
                offset: list.offset)
        }
        func required(_ name: [UInt8]) throws(FormatError) -> SMLListEntry {
            guard let entry = list.entry(name) else {
                throw FormatError(format, .missingEntry(obis: Hex.encode(name)), offset: list.offset)
            }
            return entry
        }
        let startEntry = try required(Entry.startRegister)
        let actualEntry = try required(OBISCode.activeImport)
        let esth = try fields.octets(try required(Entry.esth))
        guard esth.count == ISAEDL40Block.esthLength else {
            throw FormatError(
                format, .badLength(field: "ESTH", expected: .exactly(ISAEDL40Block.esthLength), actual: esth.count),
                offset: list.offset)
        }
        var paginationDeviations: [Deviation] = []
        _ = try required(Entry.pagination)
        let pagination = try fields.u32(Entry.pagination, &paginationDeviations)
        guard let listSignature = list.listSignature, listSignature.count == 66 else {
            throw FormatError(
                format,
                .badLength(field: "listSignature", expected: .exactly(66), actual: list.listSignature?.count ?? 0),
                offset: list.offset)
        }
        guard let valueSignature = actualEntry.valueSignature,
            valueSignature.count == ISAEDL40Block.valueSignatureLength
        else {
            throw FormatError(
                format,
                .badLength(
                    field: "\(Hex.encode(actualEntry.objectName)).valueSignature",
                    expected: .exactly(ISAEDL40Block.valueSignatureLength),
                    actual: actualEntry.valueSignature?.count ?? 0),
                offset: actualEntry.offset)
        }
        var contractID: [UInt8] = []
        if let contract = list.entry(EDL40SMLDecoder.Entry.contractID) {
            contractID = try fields.octets(contract)
        } else {
            deviations.append(.entryAbsent(obis: Hex.encode(EDL40SMLDecoder.Entry.contractID)))
        }
        guard contractID.count <= EDL40Block.contractIDLength else {
            throw FormatError(
                format,
                .badLength(
                    field: Hex.encode(EDL40SMLDecoder.Entry.contractID), expected: .atMost(EDL40Block.contractIDLength),
                    actual: contractID.count))
        }
        let start = try register(startEntry, fields: fields, deviations: &deviations)
        let actual = try register(actualEntry, fields: fields, deviations: &deviations)
        let block = ISAEDL40Block(
            serverID: list.serverID, actual: actual, logEntryIndex: Array(listSignature.suffix(2)),
            valueSignature: valueSignature, contractID: contractID, start: start, esth: esth, listName: listName,
            pagination: pagination)
        let actualTime = actualEntry.time.map { EDL40Time.sml($0, zone: context.meterTimeZone) }
        let startTime = startEntry.time.map { EDL40Time.sml($0, zone: context.meterTimeZone) }
        deviations += [actualTime?.note, startTime?.note].compactMap { $0 }
        let record = ISAEDL40Record(
            kind: kind, block: block, listSignature: listSignature, actualTime: actualTime?.time,
            startTime: startTime?.time, actualStatusWord: actualEntry.status ?? 0,
            startStatusWord: startEntry.status ?? 0)
        let attributes = [
            Attribute(.fileChecksum, .verifiedChecksum("0x\(SMLTransport.hex16(file.frame.checksum))")),
            Attribute(.messageChecksums, .verifiedCount(file.messages.count)),
        ]
        return (record, record.signedRecord(deviations: deviations, attributes: attributes))
    }

    /// One register entry as the block holds it.
    private static func register(
        _ entry: SMLListEntry, fields: SMLFields, deviations: inout [Deviation]
    ) throws(FormatError) -> ISAEDL40Block.Register {
        guard let unit = entry.unit else { throw fields.missing("unit", of: entry) }
        guard let scaler = entry.scaler else { throw fields.missing("scaler", of: entry) }
        let obis = Hex.encode(entry.objectName)
        let value = try fields.integer(entry)
        _ = try DecimalText.scaled(
            value, scaler: scaler, format: .isaEDL40, field: "\(obis).scaler", offset: entry.offset)
        if unit != 30 { deviations.append(.unitNotWh(field: obis, code: Int(unit))) }
        if entry.status == nil { deviations.append(.entryWithoutStatus(obis: obis)) }
        if entry.time == nil { deviations.append(.entryWithoutTime(obis: obis)) }
        return ISAEDL40Block.Register(
            localTime: entry.time?.blockValue ?? 0, status: UInt8(truncatingIfNeeded: entry.status ?? 0),
            obis: entry.objectName, unit: unit, scaler: scaler, value: value)
    }
}
