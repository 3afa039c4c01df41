/// `meter_status`: no meter or adapter error flags in the signed readings.
struct MeterStatusCheck: SessionCheck {
    typealias Reason = MeterStatusReason
    static let code = CheckCode.meterStatus

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        let records = session.distinctRecords
        guard !records.isEmpty else { return skip(.noRecord) }
        var errors: [FlaggedReading] = []
        var warnings: [FlaggedReading] = []
        var count = 0
        for entry in records {
            for reading in entry.record.readings {
                count += 1
                for flag in reading.flags {
                    let found = FlaggedReading(value: entry.position, typeCode: reading.typeCode, flag: flag)
                    if flag.severity == .error { errors.append(found) } else { warnings.append(found) }
                }
            }
        }
        if !errors.isEmpty { return fail(.errorFlags(errors)) }
        if !warnings.isEmpty { return warn(.warningFlags(warnings)) }
        return pass(.noFlags(readings: count))
    }
}

/// The reasons of `meter_status`.
enum MeterStatusReason: Explained, Hashable {
    /// No decoded record.
    case noRecord
    /// The meter flagged errors.
    case errorFlags([FlaggedReading])
    /// The meter flagged something worth telling.
    case warningFlags([FlaggedReading])
    /// No flags in any of the signed readings.
    case noFlags(readings: Int)

    public var code: String {
        switch self {
        case .noRecord: "meter_status.no_record"
        case .errorFlags: "meter_status.error_flags"
        case .warningFlags: "meter_status.warning_flags"
        case .noFlags: "meter_status.no_flags"
        }
    }
}

/// A flag the meter set on one signed reading.
struct FlaggedReading: Sendable, Hashable {
    /// The value holding the reading.
    public var value: ValuePosition
    /// The format's own code for the reading's type (OCMF `TX`), when it has one.
    public var typeCode: String?
    /// The flag.
    public var flag: MeterFlag
}
