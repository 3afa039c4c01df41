import Foundation

/// The result of verifying one CDR (or one standalone signed-data unit). Stable contract: the JSON
/// form is what `eichrecht verify --format json` prints, one object per line.
public struct Report: Sendable, Codable {
    /// The CDR's `id`, or a position such as `cdrs.json#3` assigned by the caller.
    public var id: String?
    public var verdict: Verdict
    /// The one sentence that decided the verdict (the first failing or blocking check), in English.
    public var reason: String
    /// The same in German.
    public var reasonDE: String
    public var encodingMethod: String?
    public var checks: [CheckResult]
    public var values: [ValueReport]
    /// What the meter signed for the session, when a begin/end pair exists.
    public var session: SessionSummary?
    /// The CDR fields the signed data was compared with.
    public var cdr: CDRSummary?

    enum CodingKeys: String, CodingKey {
        case id, verdict, reason
        case reasonDE = "reason_de"
        case encodingMethod = "encoding_method"
        case checks, values, session, cdr
    }

    /// The result of one check.
    public func check(_ code: CheckCode) -> CheckResult? { checks.first { $0.code == code } }
}

/// One signed value in the report.
public struct ValueReport: Sendable, Codable {
    public var index: Int
    public var nature: String?
    public var format: MeterFormat?
    /// How the text was decoded (`plain`, `base64`, `hex`, `base32`, `reassembled`).
    public var transport: Transport?
    /// `valid`, `invalid` or `unchecked`.
    public var signature: SignatureStatus
    public var signatureReason: String?
    public var algorithm: String?
    public var signatureEncoding: ECDSASignature.Encoding?
    public var keySource: KeySource?
    /// The key that was used, as hex DER SubjectPublicKeyInfo.
    public var publicKey: String?
    public var meter: MeterIdentity?
    public var pagination: String?
    public var identification: SignedIdentification?
    public var readings: [ReadingReport]
    public var deviations: [String]
    /// Further signed fields of the record, for display.
    public var attributes: [Attribute]
    /// Why the value could not be decoded.
    public var error: String?
    /// Set when the same signed data already appeared in an earlier value.
    public var duplicateOf: Int?

    enum CodingKeys: String, CodingKey {
        case index, nature, format, transport, signature
        case signatureReason = "signature_reason"
        case algorithm
        case signatureEncoding = "signature_encoding"
        case keySource = "key_source"
        case publicKey = "public_key"
        case meter, pagination, identification, readings, deviations, attributes, error
        case duplicateOf = "duplicate_of"
    }
}

/// One signed reading in the report. Values are strings: exact decimal text, never floating point.
public struct ReadingReport: Sendable, Codable {
    public var type: ReadingType
    public var typeCode: String?
    /// The time as the meter wrote it.
    public var time: String?
    /// The same instant in UTC (ISO 8601).
    public var timeUTC: String?
    public var clock: ClockQuality?
    public var value: String?
    public var unit: String?
    public var register: String?
    public var energyKWh: String?
    public var status: String?
    public var flags: [MeterFlag]

    enum CodingKeys: String, CodingKey {
        case type
        case typeCode = "type_code"
        case time
        case timeUTC = "time_utc"
        case clock, value, unit, register
        case energyKWh = "energy_kwh"
        case status, flags
    }

    init(_ reading: Reading) {
        type = reading.type
        typeCode = reading.typeCode
        time = reading.time?.text
        timeUTC = reading.time?.isoUTC
        clock = reading.time?.clock
        value = reading.value?.text
        unit = reading.unit
        register = reading.register
        energyKWh = reading.energyKWh?.plainText
        status = reading.status
        flags = reading.flags
    }
}

/// What the meter signed for the session as a whole.
public struct SessionSummary: Sendable, Codable {
    public var meter: String?
    public var register: String?
    public var begin: ReadingReport
    public var end: ReadingReport
    /// end − begin in kWh, exact.
    public var energyKWh: String?
    /// Seconds between the signed begin and end.
    public var durationSeconds: Int64?

    enum CodingKeys: String, CodingKey {
        case meter, register, begin, end
        case energyKWh = "energy_kwh"
        case durationSeconds = "duration_seconds"
    }
}

/// The CDR fields used for the cross-checks.
public struct CDRSummary: Sendable, Codable {
    public var totalEnergy: String?
    public var startDateTime: String?
    public var endDateTime: String?
    public var meterId: String?
    public var tokenUID: String?
    public var problems: [String]

    enum CodingKeys: String, CodingKey {
        case totalEnergy = "total_energy"
        case startDateTime = "start_date_time"
        case endDateTime = "end_date_time"
        case meterId = "meter_id"
        case tokenUID = "token_uid"
        case problems
    }
}
