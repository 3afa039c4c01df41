import Foundation

/// The reasons of `consistency`.
enum ConsistencyReason: Explained, Hashable {
    /// No decoded record.
    case noRecord
    /// Findings that fail the check (the code is the first one's).
    case failed([ConsistencyIssue])
    /// Findings worth telling (the code is the first one's).
    case warned([ConsistencyIssue])
    /// Everything in order.
    case inOrder(records: Int, meter: String?)

    public var code: String {
        switch self {
        case .noRecord: "consistency.no_record"
        case .failed(let issues): issues.first?.code ?? "consistency.failed"
        case .warned(let issues): issues.first?.code ?? "consistency.warned"
        case .inOrder: "consistency.in_order"
        }
    }
}

/// One thing a consistency rule found.
enum ConsistencyIssue: Explained, Hashable {
    /// The records name different meters (as written).
    case differentMeters([String])
    /// The values mix formats.
    case mixedFormats([MeterFormat])
    /// Pagination of one context goes backwards.
    case paginationBackwards(previous: String, previousValue: ValuePosition, current: String, value: ValuePosition)
    /// Two different records carry the same pagination.
    case paginationRepeated(String)
    /// Pagination skips numbers: records in between were not sent.
    case paginationGap(previous: String, current: String)
    /// A register mixes energy and non-energy units.
    case registerMixesEnergyUnits(register: String)
    /// A register changes its unit within the session (units as written).
    case registerChangesUnit(register: String, units: [String])
    /// A register's value goes backwards (kWh).
    case registerBackwards(register: String, from: Decimal, to: Decimal)
    /// A register's time goes backwards on one clock.
    case timeBackwards(register: String, from: SignedTime, to: SignedTime)
    /// Begin and end readings share no register.
    case noSharedRegister(begin: [String], end: [String])
    /// An unsigned copy contradicts the signed data (fails).
    case unsignedCopyContradicts(ValuePosition, Contradiction)
    /// An unsigned copy differs from the signed data; the signed value counts (warns).
    case unsignedCopyDiffers(ValuePosition, Contradiction)
    /// A field that must not change within a session changes.
    case invariantChanges(
        field: SessionField, first: String, firstValue: ValuePosition, then: String, value: ValuePosition)
    /// A value of nature Start, End or Intermediate carries no reading of that type.
    case natureWithoutReading(ValuePosition)
    /// The signed identification changes: the records belong to different sessions.
    case customerChanges(first: String, firstValue: ValuePosition, then: String, value: ValuePosition)

    public var code: String {
        switch self {
        case .differentMeters: "consistency.different_meters"
        case .mixedFormats: "consistency.mixed_formats"
        case .paginationBackwards: "consistency.pagination_backwards"
        case .paginationRepeated: "consistency.pagination_repeated"
        case .paginationGap: "consistency.pagination_gap"
        case .registerMixesEnergyUnits: "consistency.register_mixes_energy_units"
        case .registerChangesUnit: "consistency.register_changes_unit"
        case .registerBackwards: "consistency.register_backwards"
        case .timeBackwards: "consistency.time_backwards"
        case .noSharedRegister: "consistency.no_shared_register"
        case .unsignedCopyContradicts: "consistency.unsigned_copy_contradicts"
        case .unsignedCopyDiffers: "consistency.unsigned_copy_differs"
        case .invariantChanges: "consistency.invariant_changes"
        case .natureWithoutReading: "consistency.nature_without_reading"
        case .customerChanges: "consistency.customer_changes"
        }
    }
}
