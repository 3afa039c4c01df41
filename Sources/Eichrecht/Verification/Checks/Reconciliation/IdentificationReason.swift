/// The reasons of `identification`.
enum IdentificationReason: Explained, Hashable {
    /// The `cdr_token` field a signed identification is compared with.
    enum TokenField: String, Sendable, Hashable, CaseIterable {
        /// `cdr_token.uid`: an RFID card UID.
        case uid
        /// `cdr_token.contract_id`: an EMAID or another contract id.
        case contractId = "contract_id"
    }

    /// No CDR to compare with.
    case noCDR
    /// The records sign no identification.
    case nothingSigned
    /// The signed identification is of a type the token has no field for (as written; `nil` when
    /// untyped).
    case notComparable(type: String?)
    /// The CDR's token lacks the field the signed identification is compared with.
    case tokenFieldMissing(TokenField)
    /// The token names the signed identification.
    case matches(TokenField, signed: String, token: String)
    /// The token writes the signed UID's bytes in reverse order (a note, not a difference).
    case reversedBytes(TokenField, signed: String, token: String)
    /// The token names another identification than the signed one (a warning).
    case differs(TokenField, signed: String, token: String)

    public var code: String {
        switch self {
        case .noCDR: "identification.no_cdr"
        case .nothingSigned: "identification.nothing_signed"
        case .notComparable: "identification.not_comparable"
        case .tokenFieldMissing: "identification.token_field_missing"
        case .matches: "identification.matches"
        case .reversedBytes: "identification.reversed_bytes"
        case .differs(.uid, _, _): "identification.uid_differs"
        case .differs(.contractId, _, _): "identification.contract_id_differs"
        }
    }
}
