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
        var deviations: [String] = []

        guard list.serverID.count == 10 else {
            throw FormatError(
                format, "the server id has \(list.serverID.count) bytes; the EDL40 block holds exactly 10",
                offset: list.offset)
        }
        guard let signed = list.entry(OBISCode.signedEnergy) ?? list.entry(OBISCode.activeImport) else {
            throw FormatError(
                format, "the GetList.Res has no signed energy entry (1-0:1.17.0*255 or 1-0:1.8.0*255)",
                offset: list.offset)
        }
        guard let listSignature = list.listSignature else {
            throw FormatError(format, "the GetList.Res has no listSignature", offset: list.offset)
        }
        guard let signature = EDL40Signature(listSignature, lengths: .withLogbook), let logbook = signature.logbook
        else {
            throw FormatError(
                format,
                "the listSignature has \(listSignature.count) bytes; it must be \(EDL40Signature.expected(.withLogbook))",
                offset: list.offset)
        }
        let value = try fields.integer(signed, "meter value")
        guard let unit = signed.unit else { throw fields.missing("unit", of: signed) }
        guard let scaler = signed.scaler else { throw fields.missing("scaler", of: signed) }
        _ = try DecimalText.scaled(value, scaler: scaler, format: format, offset: signed.offset)
        if unit != 30 { deviations.append("unit code \(unit) is not Wh (30); EDL40 verifiers require Wh") }
        let statusWord = signed.status ?? 0
        if signed.status == nil { deviations.append("the signed value has no status; 0 is signed in its place") }

        let contract = list.entry(Entry.contractID)
        var contractID: [UInt8] = []
        if let contract { contractID = try fields.octets(contract, "contract id") }
        guard contractID.count <= EDL40Block.contractIDLength else {
            throw FormatError(
                format, "the contract id has \(contractID.count) bytes; the block holds at most 128",
                offset: contract?.offset)
        }
        if contract == nil { deviations.append("no contract id entry (8182815401ff); zeros are signed in its place") }

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
        if signed.time == nil { deviations.append("the signed value has no time; 0 is signed in its place") }

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
            Attribute(.fileChecksum, "0x\(SMLTransport.hex16(file.frame.checksum)) (verified)"),
            Attribute(.messageChecksums, "\(file.messages.count) verified"),
        ]
        if let sensor = list.sensorTime { attributes.append(Attribute(.sensorTime, sensor.text)) }
        if let time = signed.time { attributes.append(Attribute(.readingTimeAsWritten, time.text)) }
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

    func missing(_ what: String, of entry: SMLListEntry) -> FormatError {
        FormatError(format, "entry \(Hex.encode(entry.objectName)) has no \(what)", offset: entry.offset)
    }

    func integer(_ entry: SMLListEntry, _ what: String) throws(FormatError) -> Int64 {
        guard let number = entry.value.integer else {
            throw FormatError(
                format,
                "the \(what) (entry \(Hex.encode(entry.objectName))) is a \(entry.value.typeName), not an integer",
                offset: entry.value.offset)
        }
        return number
    }

    func octets(_ entry: SMLListEntry, _ what: String) throws(FormatError) -> [UInt8] {
        if entry.value.isAbsent { return [] }
        guard let bytes = entry.value.octets else {
            throw FormatError(
                format, "the \(what) (entry \(Hex.encode(entry.objectName))) is a \(entry.value.typeName), not octets",
                offset: entry.value.offset)
        }
        return bytes
    }

    /// An unsigned entry that must fit 4 bytes; 0 (with a deviation) when the entry is absent.
    func u32(_ name: [UInt8], _ deviations: inout [String]) throws(FormatError) -> UInt32 {
        guard let entry = list.entry(name) else {
            deviations.append("no entry \(Hex.encode(name)); zeros are signed in its place")
            return 0
        }
        guard let number = entry.value.unsigned, number <= UInt64(UInt32.max) else {
            throw FormatError(
                format, "entry \(Hex.encode(name)) is a \(entry.value.typeName), not a 4-byte unsigned number",
                offset: entry.value.offset)
        }
        return UInt32(number)
    }

    /// The seconds index: its value is list(2){1, SML_Time of choice 1}; a bare SML_Time or a bare
    /// number are read too.
    func secondsIndex(_ deviations: inout [String]) throws(FormatError) -> UInt32 {
        let name = EDL40SMLDecoder.Entry.secondsIndex
        guard let entry = list.entry(name) else {
            deviations.append("no seconds index entry (\(Hex.encode(name))); zeros are signed in its place")
            return 0
        }
        if let number = entry.value.unsigned, number <= UInt64(UInt32.max) { return UInt32(number) }
        var element = entry.value
        if let parts = element.list, parts.count == 2, parts[1].list != nil { element = parts[1] }
        let time: SMLTime
        do { time = try SMLTime(element) } catch { throw error.formatError(format) }
        guard case .secondsIndex(let number) = time, number <= UInt64(UInt32.max) else {
            throw FormatError(
                format, "the seconds index is \(time.text), not a 4-byte seconds index", offset: entry.value.offset)
        }
        return UInt32(number)
    }

    func optionalInteger(_ name: [UInt8]) throws(FormatError) -> Int64 {
        guard let entry = list.entry(name) else { return 0 }
        return try integer(entry, "value")
    }

    func optionalUnsigned(_ name: [UInt8], max: UInt64) throws(FormatError) -> UInt64 {
        guard let entry = list.entry(name) else { return 0 }
        guard let number = entry.value.unsigned, number <= max else {
            throw FormatError(
                format, "entry \(Hex.encode(name)) is a \(entry.value.typeName), not an unsigned number that fits",
                offset: entry.value.offset)
        }
        return number
    }
}
