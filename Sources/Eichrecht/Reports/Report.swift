import Foundation

/// The result of verifying one CDR (or one standalone signed-data unit). Stable contract: the JSON
/// form is what `eichrecht verify --format json` prints, one object per line.
public struct Report: Sendable {
    /// The CDR's `id`, or a position such as `cdrs.json#3` assigned by the caller.
    public var id: String?
    /// The overall result, derived from every check's result.
    public var verdict: Verdict
    /// The reason that decided the verdict: the deciding check's typed reason (the first failing or
    /// blocking check), or `VerifiedReason.allChecksPassed`. Its `code` is the JSON `reason`, its
    /// text the JSON `message`.
    public var reason: any Explained
    /// The OCPI `encoding_method` as the sender wrote it.
    public var encodingMethod: String?
    /// What the unit was in its input: a CDR, a S.A.F.E. transaction, an OCPP message, …
    public var unit: UnitKind?
    /// Every check's result, in report order.
    public var checks: [CheckResult]
    /// One entry per signed value, in input order.
    public var values: [ValueReport]
    /// What the meter signed for the session, when a begin/end pair exists.
    public var session: SessionSummary?
    /// The CDR fields the signed data was compared with.
    public var cdr: CDRSummary?

    /// The result of one check.
    public func check(_ code: CheckCode) -> CheckResult? { checks.first { $0.code == code } }
}

/// One signed value in the report.
public struct ValueReport: Sendable {
    /// The value's position in `signed_values` (0-based).
    public var index: Int
    /// The nature as the sender wrote it.
    public var nature: String?
    /// The format the value was decoded as; `nil` when no format was recognised or named.
    public var format: MeterFormat?
    /// How the text was decoded (`plain`, `base64`, `hex`, `base32`, `reassembled`).
    public var transport: Transport?
    /// `valid`, `invalid` or `unchecked`.
    public var signature: SignatureStatus
    /// Why the signature has its status (or a note on how it verified); for a value that yielded no
    /// record, the decoding problem.
    public var signatureReason: SignatureNote?
    /// The signature algorithm (JSON: its description, e.g. `ECDSA P-256 (secp256r1) with SHA-256`).
    public var algorithm: SignatureAlgorithm?
    /// How the signature's integers were encoded.
    public var signatureEncoding: ECDSASignature.Encoding?
    /// Where the key used came from; `nil` when no key was resolved.
    public var keySource: KeySource?
    /// The key that was used, as hex DER SubjectPublicKeyInfo.
    public var publicKey: String?
    /// The signing meter, as the value's first record names it.
    public var meter: MeterIdentity?
    /// The pagination as written.
    public var pagination: String?
    /// Who the session was authorised for, as signed.
    public var identification: SignedIdentification?
    /// The charge point the value's first record names (signed, or written beside the signed data).
    public var chargePoint: ChargePointIdentity?
    /// The signed readings of every record of the value.
    public var readings: [ReadingReport]
    /// Deviations from the format's specification that did not stop decoding.
    public var deviations: [Deviation]
    /// Further signed fields of the record, for display.
    public var attributes: [Attribute]
    /// Why the value could not be decoded.
    public var error: DecodingProblem?
    /// Set when the same signed data already appeared in an earlier value.
    public var duplicateOf: Int?
}

/// One signed reading in the report. Values are strings: exact decimal text, never floating point.
public struct ReadingReport: Sendable, Codable {
    /// What the reading stands for in the session.
    public var type: ReadingType
    /// The format's own code for the type (OCMF `TX`, Alfen line type, …).
    public var typeCode: String?
    /// The time as the meter wrote it.
    public var time: String?
    /// The same instant in UTC (ISO 8601).
    public var timeUTC: String?
    /// How far the meter's clock could be trusted.
    public var clock: ClockQuality?
    /// The value as exact decimal text, in `unit`.
    public var value: String?
    /// The unit as written (`kWh`, `Wh`, …).
    public var unit: String?
    /// The register (OBIS code) as written.
    public var register: String?
    /// The value in kWh as plain decimal text, when the unit is an energy unit.
    public var energyKWh: String?
    /// The format's status code as written.
    public var status: String?
    /// Problems the meter flagged for this reading.
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
    /// The meter's serial, else the serial of the gateway that signs for it.
    public var meter: String?
    /// The billing register the begin and end readings were taken on.
    public var register: String?
    /// The signed begin reading.
    public var begin: ReadingReport
    /// The signed end reading.
    public var end: ReadingReport
    /// end − begin in kWh, exact.
    public var energyKWh: String?
    /// Seconds between the signed begin and end.
    public var durationSeconds: Int64?
    /// The charge point the session's records name, preferring one the signature covers: what a
    /// receipt shows beside the CDR's EVSE id.
    public var chargePoint: ChargePointIdentity?

    enum CodingKeys: String, CodingKey {
        case meter, register, begin, end
        case energyKWh = "energy_kwh"
        case durationSeconds = "duration_seconds"
        case chargePoint = "charge_point"
    }
}

/// The CDR fields used for the cross-checks.
public struct CDRSummary: Sendable, Codable {
    /// `total_energy` in kWh, as written.
    public var totalEnergy: String?
    /// `start_date_time`, as written.
    public var startDateTime: String?
    /// `end_date_time`, as written.
    public var endDateTime: String?
    /// `meter_id`, as written.
    public var meterId: String?
    /// `cdr_token.uid`, as written.
    public var tokenUID: String?
    /// CDR fields that are present but unreadable.
    public var problems: [CDRProblem]
    /// `cdr_location.evse_id`, as written: the charge point the CPO bills for.
    public var evseId: String?
    /// `cdr_location`'s name and address, as written.
    public var location: Place?
    /// `total_cost.excl_vat`, as written; no signature covers it.
    public var totalCostExcludingVAT: String?
    /// `total_cost.incl_vat`, as written; no signature covers it.
    public var totalCostIncludingVAT: String?
    /// `currency` (ISO 4217), as written.
    public var currency: String?

    /// A CDR summary from the fields the cross-checks compare; the receipt fields default to none.
    public init(
        totalEnergy: String? = nil, startDateTime: String? = nil, endDateTime: String? = nil, meterId: String? = nil,
        tokenUID: String? = nil, problems: [CDRProblem] = [], evseId: String? = nil, location: Place? = nil,
        totalCostExcludingVAT: String? = nil, totalCostIncludingVAT: String? = nil, currency: String? = nil
    ) {
        self.totalEnergy = totalEnergy
        self.startDateTime = startDateTime
        self.endDateTime = endDateTime
        self.meterId = meterId
        self.tokenUID = tokenUID
        self.problems = problems
        self.evseId = evseId
        self.location = location
        self.totalCostExcludingVAT = totalCostExcludingVAT
        self.totalCostIncludingVAT = totalCostIncludingVAT
        self.currency = currency
    }

    /// Where the charge point stands, from `cdr_location`, every field as written.
    public struct Place: Sendable, Hashable, Codable {
        /// `name`.
        public var name: String?
        /// `address` (street and number).
        public var address: String?
        /// `postal_code`.
        public var postalCode: String?
        /// `city`.
        public var city: String?
        /// `country` (ISO 3166-1 alpha-3).
        public var country: String?

        enum CodingKeys: String, CodingKey {
            case name, address
            case postalCode = "postal_code"
            case city, country
        }
    }

    enum CodingKeys: String, CodingKey {
        case totalEnergy = "total_energy"
        case startDateTime = "start_date_time"
        case endDateTime = "end_date_time"
        case meterId = "meter_id"
        case tokenUID = "token_uid"
        case problems
        case evseId = "evse_id"
        case location
        case totalCostExcludingVAT = "total_cost_excl_vat"
        case totalCostIncludingVAT = "total_cost_incl_vat"
        case currency
    }
}
