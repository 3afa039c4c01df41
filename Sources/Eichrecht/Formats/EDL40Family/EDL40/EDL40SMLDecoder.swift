import Foundation

/// Decodes an EDL40 SML telegram (variant A: EDL40, EDL40+, EMH EMOC) into an `EDL40Record`.
///
/// The signature covers not the telegram but the 320-byte block rebuilt from its first
/// `SML_GetList.Res`: server id, the signed energy entry (1-0:1.17.0*255, else 1-0:1.8.0*255) with
/// its time, status, unit, scaler and value, the seconds index, the pagination, the contract id
/// with its time, the logbook bytes (the last two bytes of the list signature) and, on EMOC meters,
/// the extended fields. Telegrams carry no key: it comes from the CDR or the caller.
struct EDL40SMLDecoder: MeterFormatDecoder {
    enum Entry {
        static let secondsIndex: [UInt8] = [0x81, 0x00, 0x60, 0x08, 0x00, 0x01]
        static let pagination: [UInt8] = [0x81, 0x80, 0x81, 0x71, 0x01, 0xFF]
        static let contractID: [UInt8] = [0x81, 0x82, 0x81, 0x54, 0x01, 0xFF]
        static let signatureVersion: [UInt8] = [0x00, 0xAF, 0x73, 0x76, 0x72, 0xFF]
        static let historicalValue: [UInt8] = [0x01, 0x00, 0x01, 0x11, 0x00, 0x64]
        static let historicalCompensatedValue: [UInt8] = [0x01, 0x00, 0x01, 0x11, 0x00, 0xC8]
        static let lineResistance: [UInt8] = [0x00, 0xAF, 0x6C, 0x6C, 0x72, 0xFF]
        static let stopwatch: [UInt8] = [0x00, 0xAF, 0x64, 0x75, 0x72, 0xFF]
        static let price: [UInt8] = [0x00, 0xAF, 0x70, 0x72, 0x63, 0xFF]
    }

    /// Decodes one SML file.
    static func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> (
        EDL40Record, SignedRecord
    ) {
        let format = MeterFormat.edl40SML
        let (file, list) = try SMLFile.readGetList(bytes, as: format)
        let fields = SMLFields(list: list, format: format)
        var deviations: [Deviation] = []

        guard list.serverID.count == 10 else {
            throw FormatError(
                format, .badLength(field: "serverId", expected: .exactly(10), actual: list.serverID.count),
                offset: list.offset)
        }
        guard let signed = list.entry(OBISCode.signedEnergy) ?? list.entry(OBISCode.activeImport) else {
            throw FormatError(
                format,
                .missingEntry(obis: "\(Hex.encode(OBISCode.signedEnergy)) / \(Hex.encode(OBISCode.activeImport))"),
                offset: list.offset)
        }
        guard let listSignature = list.listSignature else {
            throw FormatError(format, .missingField("listSignature"), offset: list.offset)
        }
        guard let signature = EDL40Signature(listSignature, lengths: .withLogbook), let logbook = signature.logbook
        else {
            throw FormatError(
                format,
                .badLength(
                    field: "listSignature", expected: EDL40Signature.expected(.withLogbook), actual: listSignature.count
                ),
                offset: list.offset)
        }
        let value = try fields.integer(signed)
        guard let unit = signed.unit else { throw fields.missing("unit", of: signed) }
        guard let scaler = signed.scaler else { throw fields.missing("scaler", of: signed) }
        _ = try DecimalText.scaled(value, scaler: scaler, format: format, offset: signed.offset)
        if unit != 30 { deviations.append(.unitNotWh(field: Hex.encode(signed.objectName), code: Int(unit))) }
        let statusWord = signed.status ?? 0
        if signed.status == nil { deviations.append(.entryWithoutStatus(obis: Hex.encode(signed.objectName))) }

        let contract = list.entry(Entry.contractID)
        var contractID: [UInt8] = []
        if let contract { contractID = try fields.octets(contract) }
        guard contractID.count <= EDL40Block.contractIDLength else {
            throw FormatError(
                format,
                .badLength(
                    field: Hex.encode(Entry.contractID), expected: .atMost(EDL40Block.contractIDLength),
                    actual: contractID.count), offset: contract?.offset)
        }
        if contract == nil { deviations.append(.entryAbsent(obis: Hex.encode(Entry.contractID))) }

        var block = EDL40Block(
            serverID: list.serverID, localTime: signed.time?.blockValue ?? 0,
            status: listSignature.count == 66
                ? EDL40SMLDecoder.emocStatus(statusWord) : UInt8(truncatingIfNeeded: statusWord),
            secondsIndex: try fields.secondsIndex(&deviations),
            pagination: try fields.u32(Entry.pagination, &deviations),
            obis: signed.objectName, unit: unit, scaler: scaler, value: value, logbook: logbook, contractID: contractID,
            contractTime: contract?.time?.blockValue ?? 0)
        block.historicalValue = try fields.optionalInteger(Entry.historicalValue)
        block.historicalCompensatedValue = try fields.optionalInteger(Entry.historicalCompensatedValue)
        block.lineResistance = UInt16(
            truncatingIfNeeded: try fields.optionalUnsigned(Entry.lineResistance, max: 0xFFFF))
        block.stopwatch = UInt32(truncatingIfNeeded: try fields.optionalUnsigned(Entry.stopwatch, max: 0xFFFF_FFFF))
        block.price = UInt16(truncatingIfNeeded: try fields.optionalUnsigned(Entry.price, max: 0xFFFF))
        if signed.time == nil { deviations.append(.entryWithoutTime(obis: Hex.encode(signed.objectName))) }

        let time = signed.time.map { EDL40Time.sml($0, zone: context.meterTimeZone) }
        let contractTime = contract?.time.map { EDL40Time.sml($0, zone: context.meterTimeZone) }
        deviations += [time?.note, contractTime?.note].compactMap { $0 }
        var record = EDL40Record(
            container: .smlTelegram, block: block, signature: listSignature, curve: signature.curve,
            time: time?.time, contractTime: contractTime?.time)
        record.statusWord = statusWord
        record.listName = list.listName
        record.signatureVersion = list.entry(Entry.signatureVersion)?.value.unsigned
        var attributes = [
            Attribute(.fileChecksum, .verifiedChecksum("0x\(SMLTransport.hex16(file.frame.checksum))")),
            Attribute(.messageChecksums, .verifiedCount(file.messages.count)),
        ]
        if let sensor = list.sensorTime { attributes.append(Attribute(.sensorTime, .smlTime(sensor.value))) }
        if let time = signed.time { attributes.append(Attribute(.readingTimeAsWritten, .smlTime(time.value))) }
        return (record, record.signedRecord(format: format, deviations: deviations, attributes: attributes))
    }

    /// The status byte of EMH EMOC meters (66-byte list signature), rebuilt from the 32-bit status
    /// word: out bit 0 ← in 17, 3 ← 31, 4 ← 16, 5 ← 11, 6 ← 9, 7 ← 8.
    static func emocStatus(_ word: UInt64) -> UInt8 {
        let map: [(out: UInt8, in: UInt64)] = [(0, 17), (3, 31), (4, 16), (5, 11), (6, 9), (7, 8)]
        return map.reduce(UInt8(0)) { byte, bit in (word >> bit.in) & 1 == 1 ? byte | 1 << bit.out : byte }
    }
}

/// Typed reads of GetList.Res entries with errors that name the entry and its offset.
struct SMLFields {
    let list: SMLGetListResponse
    let format: MeterFormat

    /// The entry lacks `part` (`unit`, `scaler`).
    func missing(_ part: String, of entry: SMLListEntry) -> FormatError {
        FormatError(format, .missingField("\(Hex.encode(entry.objectName)).\(part)"), offset: entry.offset)
    }

    /// The entry's value is not `expected`.
    func invalid(_ entry: SMLListEntry, _ expected: ValueKind, value: String? = nil) -> FormatError {
        FormatError(
            format,
            .invalidValue(
                field: Hex.encode(entry.objectName), value: value, expected: expected, found: entry.value.kind),
            offset: entry.value.offset)
    }

    func integer(_ entry: SMLListEntry) throws(FormatError) -> Int64 {
        guard let number = entry.value.integer else { throw invalid(entry, .integer) }
        return number
    }

    func octets(_ entry: SMLListEntry) throws(FormatError) -> [UInt8] {
        if entry.value.isAbsent { return [] }
        guard let bytes = entry.value.octets else { throw invalid(entry, .octetString) }
        return bytes
    }

    /// An unsigned entry that must fit 4 bytes; 0 (with a deviation) when the entry is absent.
    func u32(_ name: [UInt8], _ deviations: inout [Deviation]) throws(FormatError) -> UInt32 {
        guard let entry = list.entry(name) else {
            deviations.append(.entryAbsent(obis: Hex.encode(name)))
            return 0
        }
        guard let number = entry.value.unsigned, number <= UInt64(UInt32.max) else {
            throw invalid(entry, .unsigned(bytes: 4))
        }
        return UInt32(number)
    }

    /// The seconds index: its value is list(2){1, SML_Time of choice 1}; a bare SML_Time or a bare
    /// number are read too.
    func secondsIndex(_ deviations: inout [Deviation]) throws(FormatError) -> UInt32 {
        let name = EDL40SMLDecoder.Entry.secondsIndex
        guard let entry = list.entry(name) else {
            deviations.append(.entryAbsent(obis: Hex.encode(name)))
            return 0
        }
        if let number = entry.value.unsigned, number <= UInt64(UInt32.max) { return UInt32(number) }
        var element = entry.value
        if let parts = element.list, parts.count == 2, parts[1].list != nil { element = parts[1] }
        let time: SMLTime
        do { time = try SMLTime(element) } catch { throw error.formatError(format) }
        guard case .secondsIndex(let number) = time, number <= UInt64(UInt32.max) else {
            throw FormatError(
                format,
                .invalidValue(field: Hex.encode(name), value: time.text, expected: .secondsIndex, found: nil),
                offset: entry.value.offset)
        }
        return UInt32(number)
    }

    func optionalInteger(_ name: [UInt8]) throws(FormatError) -> Int64 {
        guard let entry = list.entry(name) else { return 0 }
        return try integer(entry)
    }

    func optionalUnsigned(_ name: [UInt8], max: UInt64) throws(FormatError) -> UInt64 {
        guard let entry = list.entry(name) else { return 0 }
        guard let number = entry.value.unsigned, number <= max else {
            throw invalid(entry, .unsignedUpTo(max))
        }
        return number
    }
}
