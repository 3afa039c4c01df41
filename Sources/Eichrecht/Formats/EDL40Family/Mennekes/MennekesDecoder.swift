import Foundation

/// Decodes Mennekes EDL40 XML (variant C, OCPI `EDL40 Mennekes`) into EDL40 records, two per
/// charging process (start and end measurement).
///
/// The root is either a bare `<ChargingProcess>` or a `<Billing>` document whose
/// `BillingPeriods/BillingPeriod/ChargingProcesses/ChargingProcess` elements hold the processes
/// (customer, supplier and billing number are unsigned decoration). The namespace
/// `http://www.mennekes.de/Mennekes.EdlVerification.xsd` may be present or not; elements are matched
/// by local name. Hex and ISO text may be broken over lines: whitespace is removed before decoding.
///
/// Each measurement's block: server id, the local epoch of its `Timestamp`, `MeterStatus` & 0xFF,
/// `SecondIndex`, `Pagination`, OBIS 1-0:1.17.0*255, unit Wh, `Scaler`, `Value`, the last two
/// signature bytes if the signature has 50 bytes (else `EventCounter` high byte, low byte), the
/// hex-decoded `CustomerIdent` and the local epoch of the measurement's (else the process's)
/// `TimestampCustomerIdent`. The key is the process's `PublicKey` (P-192, X‖Y).
struct MennekesDecoder: MeterFormatDecoder {
    static let roots: Set<String> = ["ChargingProcess", "Billing"]

    /// Whether the bytes are XML whose root element is `<ChargingProcess>` or `<Billing>`, with or
    /// without a namespace prefix.
    static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard XMLReader.looksLikeXML(bytes), let name = XMLReader.rootName(bytes) else { return false }
        return roots.contains(name.split(separator: ":").last.map(String.init) ?? name)
    }

    /// Every measurement of every charging process, in document order. The signed local times are
    /// read in the context's meter time zone.
    static func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError)
        -> [(EDL40Record, SignedRecord)]
    {
        var results: [(EDL40Record, SignedRecord)] = []
        for process in try processes(try document(bytes)) {
            results += try decode(process: process, context: context)
        }
        return results
    }

    static func document(_ bytes: [UInt8]) throws(FormatError) -> XMLElement {
        do { return try XMLReader.parse(bytes) } catch {
            throw FormatError(.mennekes, .malformedXML(ParserFault(error)), offset: error.offset)
        }
    }

    /// The `ChargingProcess` elements of a document.
    static func processes(_ root: XMLElement) throws(FormatError) -> [XMLElement] {
        switch root.localName {
        case "ChargingProcess":
            return [root]
        case "Billing":
            let processes = (root.child("BillingPeriods")?.children("BillingPeriod") ?? []).flatMap {
                $0.child("ChargingProcesses")?.children("ChargingProcess") ?? []
            }
            guard !processes.isEmpty else {
                throw FormatError(.mennekes, .mennekesNoProcesses, offset: root.offset)
            }
            return processes
        default:
            throw FormatError(
                .mennekes, .wrongRoot(found: root.name, expected: ["ChargingProcess", "Billing"]), offset: root.offset)
        }
    }

    /// The records of one charging process: start and end, as far as present.
    static func decode(process: XMLElement, context: DecodingContext) throws(FormatError)
        -> [(EDL40Record, SignedRecord)]
    {
        let fields = MennekesFields(process)
        let serverID = try fields.hex(process, "ServerId")
        guard serverID.count == 10 else {
            throw fields.error(.badLength(field: "<ServerId>", expected: .exactly(10), actual: serverID.count), process)
        }
        let key = try fields.hex(process, "PublicKey")
        let customer = try fields.hex(process, "CustomerIdent", allowEmpty: true)
        guard customer.count <= EDL40Block.contractIDLength else {
            throw fields.error(
                .badLength(
                    field: "<CustomerIdent>", expected: .atMost(EDL40Block.contractIDLength), actual: customer.count),
                process)
        }
        let meteringPoint = process.child("MeteringPoint")?.trimmedText
        let outerContractTime = process.child("TimestampCustomerIdent")
        var results: [(EDL40Record, SignedRecord)] = []
        for (name, type) in [("MeasurementStart", ReadingType.begin), ("MeasurementEnd", .end)] {
            guard let measurement = process.child(name) else { continue }
            var deviations: [Deviation] = []
            let signatureBytes = try fields.hex(measurement, "Signature")
            guard let signature = EDL40Signature(signatureBytes, lengths: .any), signature.curve == .prime192v1 else {
                throw fields.error(
                    .badLength(
                        field: "<\(name)><Signature>", expected: .oneOf([48, 50]), actual: signatureBytes.count),
                    measurement)
            }
            let time = try fields.time(measurement, "Timestamp")
            guard let contractElement = measurement.child("TimestampCustomerIdent") ?? outerContractTime else {
                throw fields.error(.missingField("<\(name)><TimestampCustomerIdent>"), measurement)
            }
            let contractTime = try fields.time(contractElement)
            let eventCounter = try fields.unsigned(measurement, "EventCounter", max: UInt64(UInt32.max))
            let status = try fields.unsigned(measurement, "MeterStatus", max: UInt64.max)
            let logbook =
                signature.logbook ?? [UInt8(truncatingIfNeeded: eventCounter >> 8), UInt8(eventCounter & 0xFF)]
            let block = EDL40Block(
                serverID: serverID, localTime: localEpoch(time), status: UInt8(truncatingIfNeeded: status),
                secondsIndex: UInt32(try fields.unsigned(measurement, "SecondIndex", max: UInt64(UInt32.max))),
                pagination: UInt32(try fields.unsigned(measurement, "Pagination", max: UInt64(UInt32.max))),
                obis: OBISCode.signedEnergy, unit: 30, scaler: try fields.scaler(measurement),
                value: try fields.integer(measurement, "Value"), logbook: logbook, contractID: customer,
                contractTime: localEpoch(contractTime))
            if let logbook = signature.logbook,
                logbook != [UInt8(truncatingIfNeeded: eventCounter >> 8), UInt8(eventCounter & 0xFF)]
            {
                deviations.append(
                    .mennekesLogbookNotEventCounter(logbook: Hex.encode(logbook), eventCounter: eventCounter))
            }
            // The block signs local wall-clock times without their offset; the offsets the XML writes
            // next to them are unsigned copies. The times are the signed local times read in the
            // meter time zone; an XML offset that disagrees is a contradiction that warns.
            let signedTime = EDL40Time.local(Int64(block.localTime), zone: context.meterTimeZone)
            let signedContractTime = EDL40Time.local(Int64(block.contractTime), zone: context.meterTimeZone)
            deviations += [signedTime.note, signedContractTime.note].compactMap { $0 }
            var contradictions: [Contradiction] = []
            for (element, written, read) in [
                ("Timestamp", time, signedTime.time),
                (contractElement.name, contractTime, signedContractTime.time),
            ] {
                if let contradiction = offsetContradiction(
                    "<\(name)><\(element)>", written: written, read: read, zone: context.meterTimeZone)
                {
                    contradictions.append(contradiction)
                }
            }
            var record = EDL40Record(
                container: .mennekes, block: block, signature: signatureBytes, curve: .prime192v1, publicKey: key,
                readingType: type, time: signedTime.time, contractTime: signedContractTime.time)
            record.statusWord = status
            record.meteringPoint = meteringPoint
            record.eventCounter = eventCounter
            var signed = record.signedRecord(
                format: .mennekes, deviations: deviations,
                attributes: [Attribute(.measurement, name)])
            signed.sessionInvariants[.eventCounter] = String(eventCounter)
            signed.contradictions = contradictions
            results.append((record, signed))
        }
        guard !results.isEmpty else {
            throw fields.error(.mennekesNoMeasurement, process)
        }
        return results
    }

    /// A warning when the XML's offset for a signed local time is not the meter time zone's offset
    /// at that time (a clock that was never set has no offset to disagree with).
    static func offsetContradiction(
        _ element: String, written: (seconds: Int64, offsetSeconds: Int), read: SignedTime, zone: TimeZone
    ) -> Contradiction? {
        guard read.clock != .unknown, let zoneOffset = read.utcOffsetSeconds, zoneOffset != written.offsetSeconds
        else { return nil }
        return Contradiction(
            .unsignedOffset(
                element: element, written: MennekesDecoder.offsetText(written.offsetSeconds),
                zoneOffset: MennekesDecoder.offsetText(zoneOffset), zone: zone.identifier, readAs: read.text),
            severity: .warn)
    }

    static func offsetText(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let minutes = magnitude / 60 % 60
        return (seconds < 0 ? "-" : "+") + (magnitude / 3600 < 10 ? "0" : "") + "\(magnitude / 3600):"
            + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    /// The block's local epoch: the UTC instant plus the written offset, wrapped to 32 bits.
    static func localEpoch(_ time: (seconds: Int64, offsetSeconds: Int)) -> UInt32 {
        UInt32(truncatingIfNeeded: time.seconds &+ Int64(time.offsetSeconds))
    }
}

/// Typed reads of Mennekes elements with errors that name the element and its offset.
struct MennekesFields {
    let process: XMLElement

    init(_ process: XMLElement) { self.process = process }

    func error(_ problem: FormatProblem, _ element: XMLElement) -> FormatError {
        FormatError(.mennekes, problem, offset: element.offset)
    }

    func invalid(_ name: String, _ text: String?, _ expected: ValueKind, _ element: XMLElement) -> FormatError {
        error(.invalidValue(field: "<\(name)>", value: text, expected: expected, found: nil), element)
    }

    /// The element's text with every whitespace character removed.
    func text(_ parent: XMLElement, _ name: String) throws(FormatError) -> (String, XMLElement) {
        guard let element = parent.child(name) else { throw error(.missingField("<\(parent.name)><\(name)>"), parent) }
        return (MennekesFields.compact(element.text), element)
    }

    static func compact(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    func hex(_ parent: XMLElement, _ name: String, allowEmpty: Bool = false) throws(FormatError) -> [UInt8] {
        let (text, element) = try self.text(parent, name)
        if text.isEmpty, allowEmpty { return [] }
        guard !text.isEmpty, let bytes = Hex.decode(text) else { throw invalid(name, nil, .hex, element) }
        return bytes
    }

    func unsigned(_ parent: XMLElement, _ name: String, max: UInt64) throws(FormatError) -> UInt64 {
        let (text, element) = try self.text(parent, name)
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = UInt64(text),
            number <= max
        else { throw invalid(name, text, .unsignedUpTo(max), element) }
        return number
    }

    func integer(_ parent: XMLElement, _ name: String) throws(FormatError) -> Int64 {
        let (text, element) = try self.text(parent, name)
        guard let number = Int64(text) else {
            throw invalid(name, text, .integerIn(lowest: Int64.min, highest: Int64.max), element)
        }
        return number
    }

    func scaler(_ parent: XMLElement) throws(FormatError) -> Int8 {
        let (text, element) = try self.text(parent, "Scaler")
        guard let number = Int8(text), DecimalText.scalerRange.contains(number) else {
            throw invalid(
                "Scaler", text,
                .integerIn(
                    lowest: Int64(DecimalText.scalerRange.lowerBound),
                    highest: Int64(DecimalText.scalerRange.upperBound)),
                element)
        }
        return number
    }

    func time(_ parent: XMLElement, _ name: String) throws(FormatError) -> (seconds: Int64, offsetSeconds: Int) {
        guard let element = parent.child(name) else { throw error(.missingField("<\(parent.name)><\(name)>"), parent) }
        return try time(element)
    }

    func time(_ element: XMLElement) throws(FormatError) -> (seconds: Int64, offsetSeconds: Int) {
        let text = MennekesFields.compact(element.text)
        guard let parsed = MennekesTime.parse(text) else {
            throw invalid(element.name, text, .isoTimeWithOffset, element)
        }
        return parsed
    }
}
