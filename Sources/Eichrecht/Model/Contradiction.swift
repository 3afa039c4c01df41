/// An unsigned copy of a signed field, travelling with a record, that says something else than the
/// signature covers (the contract's "Unsigned copies" rule).
///
/// The signed value always wins; the copy only decides how loudly the `consistency` check speaks.
/// Most copies are a forger's lever and fail the check (BSM-WS36A's JSON fields); a few are known
/// to be written carelessly by the container and only warn (the UTC offsets Mennekes XML writes
/// next to its signed local times).
public struct Contradiction: Sendable, Hashable, CustomStringConvertible {
    /// How the `consistency` check answers a contradiction.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The check fails (verdict `invalid`).
        case fail
        /// The check warns; the verdict is not affected.
        case warn
    }

    /// What disagrees, with the values on both sides.
    public enum Kind: Sendable, Hashable {
        /// The other OCPI field of the value holds a different record of the same format.
        case otherRecordInField(field: String, format: MeterFormat, signedField: String)
        /// Mennekes XML: the unsigned UTC offset of a signed local time is not the meter time zone's.
        case unsignedOffset(element: String, written: String, zoneOffset: String, zone: String, readAs: String)
        /// A contradiction a decoder still describes in English only (BSM-WS36A's JSON copies).
        case detail(String)
    }

    /// How the consistency check answers.
    public var severity: Severity
    /// What disagrees.
    public var kind: Kind

    /// A contradiction that fails `consistency` unless `severity` says otherwise.
    public init(_ kind: Kind, severity: Severity = .fail) {
        self.kind = kind
        self.severity = severity
    }

    /// A stable machine code.
    public var code: String {
        switch kind {
        case .otherRecordInField: "contradiction.other_record_in_field"
        case .unsignedOffset: "contradiction.unsigned_offset"
        case .detail: "contradiction.unsigned_copy"
        }
    }

    /// The English sentence.
    public var text: String { english }

    /// The English sentence (report writers still print `description`).
    public var description: String { english }
}
