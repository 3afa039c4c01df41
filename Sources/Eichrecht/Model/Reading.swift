import Foundation

/// What a reading stands for in a charging session.
public enum ReadingType: String, Sendable, Hashable, Codable {
    case begin
    case intermediate
    case end
    /// An error event during charging (OCMF `TX=X`): energy and time are unusable from here on.
    case exception
    /// No transaction reference (fiscal metering, or a format that does not say).
    case unspecified
}

/// A problem a meter flagged in its own signed data.
public struct MeterFlag: Sendable, Hashable, Codable {
    /// How much a flag matters for billing.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The reading must not be used for billing.
        case error
        /// Worth telling; billing is not affected.
        case warning
    }

    /// Whether the flag rules the reading out for billing or is only worth telling.
    public var severity: Severity
    /// A stable code, e.g. `ocmf.status.E`, `ocmf.error_flags.E`.
    public var code: String
    /// What the flag means, with the values it concerns (worded by the catalogue).
    public var meaning: Meaning

    /// A flag from its severity, stable code and meaning.
    public init(severity: Severity, code: String, meaning: Meaning) {
        self.severity = severity
        self.code = code
        self.meaning = meaning
    }
}

/// One signed meter reading, in a shape common to every format.
public struct Reading: Sendable, Hashable, Codable {
    /// What the reading stands for in the session.
    public var type: ReadingType
    /// The format's own code for the type (OCMF `TX`, Alfen line type, …).
    public var typeCode: String?
    /// When the meter took the reading, and how far its clock could be trusted; `nil` when the record
    /// signs no time for it.
    public var time: SignedTime?
    /// The reading's value in `unit`, exact: as written, or the signed integer scaled by its power of
    /// ten.
    public var value: DecimalText?
    /// The unit as written (`kWh`, `Wh`, `sec`, …).
    public var unit: String?
    /// The register (OBIS code) as written.
    public var register: String?
    /// The format's status code as written (OCMF `ST`).
    public var status: String?
    /// Problems the meter flagged for this reading.
    public var flags: [MeterFlag]

    /// A reading from its fields, as a format decoder builds it.
    public init(
        type: ReadingType, typeCode: String? = nil, time: SignedTime? = nil, value: DecimalText? = nil,
        unit: String? = nil, register: String? = nil, status: String? = nil, flags: [MeterFlag] = []
    ) {
        self.type = type
        self.typeCode = typeCode
        self.time = time
        self.value = value
        self.unit = unit
        self.register = register
        self.status = status
        self.flags = flags
    }

    /// The factor from the reading's unit to kWh, when it is an energy unit.
    var kWhFactor: Decimal? {
        switch unit?.lowercased() {
        case "kwh": 1
        case "wh": Decimal(sign: .plus, exponent: -3, significand: 1)
        case "mwh": 1000
        default: nil
        }
    }

    /// The value in kWh, when the reading is an energy reading.
    public var energyKWh: Decimal? {
        guard let value, let factor = kWhFactor else { return nil }
        return value.value * factor
    }

    /// The resolution of the value in kWh.
    public var resolutionKWh: Decimal? {
        guard let value, let factor = kWhFactor else { return nil }
        return value.resolution * factor
    }
}
