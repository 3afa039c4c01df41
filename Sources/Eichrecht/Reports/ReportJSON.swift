/// Writes a report as one line of JSON, keys in contract order (`id`, `verdict`, `reason`, …).
///
/// The CLI writes millions of these; a direct writer is several times faster than `JSONEncoder` and
/// keeps the field order stable across platforms. Its output decodes with `JSONDecoder` into the
/// same `Report` (tested).
public struct ReportJSONWriter: Sendable {
    /// The language of every `message` and of `signature_reason`; `reason` fields are machine codes.
    public var language: Language

    /// A writer whose texts are in `language`.
    public init(language: Language = .en) {
        self.language = language
    }

    /// The report as UTF-8 JSON, without a trailing newline.
    public func encode(_ report: Report) -> [UInt8] {
        var out = JSONOutput()
        out.bytes.reserveCapacity(8192)  // a two-record OCMF report is about 5.5 KB
        out.object {
            $0.field("id", report.id)
            $0.field("verdict", report.verdict.rawValue)
            $0.field("reason", report.reason.code)
            $0.field("message", report.reason.text(language))
            $0.field("encoding_method", report.encodingMethod)
            $0.field("unit", report.unit?.rawValue)
            $0.array("checks", report.checks) { out, check in
                out.object {
                    $0.field("code", check.code.rawValue)
                    $0.field("status", check.status.rawValue)
                    $0.field("reason", check.reason.code)
                    $0.field("message", check.reason.text(language))
                    $0.field("expected", check.expected.map(Self.text))
                    $0.field("actual", check.actual.map(Self.text))
                    $0.field("verdict_on_fail", check.verdictOnFail?.rawValue)
                }
            }
            $0.array("values", report.values) { out, value in
                out.object {
                    $0.field("index", value.index)
                    $0.field("nature", value.nature)
                    $0.field("format", value.format?.rawValue)
                    $0.field("transport", value.transport?.rawValue)
                    $0.field("signature", value.signature.rawValue)
                    $0.field("signature_reason", value.signatureReason?.text(language))
                    $0.field("algorithm", value.algorithm?.description)
                    $0.field("signature_encoding", value.signatureEncoding?.rawValue)
                    $0.field("key_source", value.keySource?.rawValue)
                    $0.field("public_key", value.publicKey)
                    $0.object("meter", value.meter) { out, meter in
                        out.field("serial", meter.serial)
                        out.field("gateway_serial", meter.gatewaySerial)
                        out.field("vendor", meter.vendor)
                        out.field("model", meter.model)
                        out.field("firmware", meter.firmware)
                    }
                    $0.field("pagination", value.pagination)
                    $0.object("identification", value.identification) { out, identification in
                        out.field("type", identification.type)
                        out.field("data", identification.data)
                        out.field("level", identification.level)
                    }
                    Self.write(value.chargePoint, &$0)
                    $0.array("readings", value.readings) { out, reading in write(reading, &out) }
                    $0.array("deviations", value.deviations) { out, deviation in
                        out.string(StageText.deviation(deviation, language))
                    }
                    $0.array("attributes", value.attributes) { out, attribute in
                        out.object {
                            $0.field("label", StageText.label(attribute, language))
                            $0.field("value", attribute.value.text(language))
                        }
                    }
                    $0.field("error", value.error.map { StageText.text($0, language) })
                    $0.field("duplicate_of", value.duplicateOf)
                }
            }
            $0.object("session", report.session) { out, session in
                out.field("meter", session.meter)
                out.field("register", session.register)
                out.key("begin")
                write(session.begin, &out)
                out.key("end")
                write(session.end, &out)
                out.field("energy_kwh", session.energyKWh)
                out.field("duration_seconds", session.durationSeconds.map(Int.init))
                Self.write(session.chargePoint, &out)
            }
            $0.object("cdr", report.cdr) { out, cdr in
                out.field("total_energy", cdr.totalEnergy)
                out.field("start_date_time", cdr.startDateTime)
                out.field("end_date_time", cdr.endDateTime)
                out.field("meter_id", cdr.meterId)
                out.field("token_uid", cdr.tokenUID)
                out.array("problems", cdr.problems) { out, problem in
                    out.string(problem.text(language))
                }
                out.field("evse_id", cdr.evseId)
                out.object("location", cdr.location) { out, place in
                    out.field("name", place.name)
                    out.field("address", place.address)
                    out.field("postal_code", place.postalCode)
                    out.field("city", place.city)
                    out.field("country", place.country)
                }
                out.field("total_cost_excl_vat", cdr.totalCostExcludingVAT)
                out.field("total_cost_incl_vat", cdr.totalCostIncludingVAT)
                out.field("currency", cdr.currency)
            }
        }
        return out.bytes
    }

    /// The contract's line for an unreadable record of a stream, without a trailing newline:
    /// `{"id": "FILE#3", "verdict": null, "error": {"message", "line", "column"}}`.
    public func encodeUnreadable(id: String, error: InputError) -> [UInt8] {
        var out = JSONOutput()
        out.object {
            $0.field("id", id)
            $0.key("verdict")
            $0.null()
            $0.key("error")
            $0.object {
                $0.field("message", error.problem.text(language))
                $0.field("line", error.line)
                $0.field("column", error.column)
                $0.field("offset", error.offset)
            }
        }
        return out.bytes
    }

    /// A compared value as the contract writes it: dot decimals, UTC times, text as written.
    static func text(_ value: ComparedValue) -> String {
        switch value {
        case .energy(let kWh): kWh.plainText
        case .writtenNumber(let number): number.text
        case .signedTime(let time): time.isoUTC
        case .cdrTime(let time): time.text
        case .text(let text): text
        case .seconds(let seconds): seconds.plainText
        case .key(let key): key.description
        }
    }

    /// A charge point as the `charge_point` member: `{"type", "id", "signed"}`; none without one.
    private static func write(_ chargePoint: ChargePointIdentity?, _ out: inout JSONOutput) {
        out.object("charge_point", chargePoint) { out, chargePoint in
            out.field("type", chargePoint.type)
            out.field("id", chargePoint.id)
            out.key("signed")
            out.bool(chargePoint.isSigned)
        }
    }

    private func write(_ reading: ReadingReport, _ out: inout JSONOutput) {
        out.object {
            $0.field("type", reading.type.rawValue)
            $0.field("type_code", reading.typeCode)
            $0.field("time", reading.time)
            $0.field("time_utc", reading.timeUTC)
            $0.field("clock", reading.clock?.rawValue)
            $0.field("value", reading.value)
            $0.field("unit", reading.unit)
            $0.field("register", reading.register)
            $0.field("energy_kwh", reading.energyKWh)
            $0.field("status", reading.status)
            $0.array("flags", reading.flags) { out, flag in
                let language = self.language
                out.object {
                    $0.field("severity", flag.severity.rawValue)
                    $0.field("code", flag.code)
                    $0.field("message", StageText.text(flag, language))
                }
            }
        }
    }
}

/// A minimal JSON byte writer: objects with ordered keys, strings with RFC 8259 escaping.
struct JSONOutput {
    var bytes: [UInt8] = []
    private var needsComma = false

    mutating func object(_ body: (inout JSONOutput) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// A member holding an object; omitted when `value` is `nil`.
    mutating func object<T>(_ name: String, _ value: T?, _ body: (inout JSONOutput, T) -> Void) {
        guard let value else { return }
        key(name)
        object { body(&$0, value) }
    }

    /// A member name. Names are this file's literals (ASCII letters and `_`), so they are written
    /// as they are, without the escaper's scan.
    mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A string field; omitted when `nil`.
    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A JSON `true` or `false` after a key.
    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// A JSON `null` after a key.
    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func array<T>(_ name: String, _ items: [T], _ element: (inout JSONOutput, T) -> Void) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items {
            if needsComma { bytes.append(UInt8(ascii: ",")) }
            needsComma = false
            element(&self, item)
            needsComma = true
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func string(_ value: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        JSONOutput.appendEscaped(value, to: &bytes)
        needsComma = true
    }

    /// A JSON string literal with RFC 8259 escaping (the one escaper every JSON writer here uses).
    ///
    /// Almost every string of a report needs no escape: one scan of its UTF-8 decides, and such a
    /// string is copied in one piece.
    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if needsEscaping(value.utf8.span) {
            appendEscapedBytes(value.utf8, to: &bytes)
        } else {
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any byte is a quote, a backslash or a control character.
    private static func needsEscaping(_ span: Span<UInt8>) -> Bool {
        var index = 0
        while index < span.count {
            let byte = span[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    private static func appendEscapedBytes(_ utf8: String.UTF8View, to bytes: inout [UInt8]) {
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0xF))
            default: bytes.append(byte)
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
