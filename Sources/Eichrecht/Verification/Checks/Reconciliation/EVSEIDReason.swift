/// The reasons of `evse_id`.
enum EVSEIDReason: Explained, Hashable {
    /// No CDR to compare with.
    case noCDR
    /// The CDR has no `cdr_location.evse_id`.
    case cdrEVSEIdMissing
    /// The records name no charge point.
    case nothingSigned
    /// The records name a charge point of another kind (OCMF `CT` as written, e.g. a charge box id;
    /// `nil` when no `CT` is given).
    case notAnEVSE(type: String?)
    /// The CDR's EVSE id is the one the records name; `isSigned` is false when the container writes
    /// it beside the signed data (Mennekes).
    case matches(cdr: String, signed: String, isSigned: Bool)
    /// The CDR names another EVSE than the records.
    case differs(cdr: String, signed: String, isSigned: Bool)

    public var code: String {
        switch self {
        case .noCDR: "evse_id.no_cdr"
        case .cdrEVSEIdMissing: "evse_id.cdr_evse_id_missing"
        case .nothingSigned: "evse_id.nothing_signed"
        case .notAnEVSE: "evse_id.not_an_evse"
        case .matches: "evse_id.matches"
        case .differs: "evse_id.differs"
        }
    }
}
