/// `identification`: the identification the meter signed against the CDR's `cdr_token`. A warning
/// at most: the signature does not cover the CDR, and backends write card UIDs in other forms
/// (byte order, separators, letter case).
///
/// Which token field a signed identification is compared with depends on its type: an RFID card
/// (OCMF `IT` `ISO14443`, `ISO15693`, the `RFID_*` spellings; Alfen UIDs; the EDL40 family's
/// untyped UIDs) against `cdr_token.uid`, a contract (`EMAID`, `EVCCID`, an ISO 15118 type)
/// against `cdr_token.contract_id`. Other types name nothing the token holds.
struct IdentificationCheck: SessionCheck {
    typealias Reason = IdentificationReason
    static let code = CheckCode.identification

    /// The formats of the EDL40 family, whose contract id field carries the card UID untyped.
    static let edl40Family: Set<MeterFormat> = [.edl40SML, .edl40Signature, .isaEDL40, .mennekes, .emhChargeIT]

    /// One signed identification to compare: the field it belongs to, the id as signed, and the
    /// customer it names without vendor prefixes (EMOC's `01`/`02`).
    private struct Signed: Hashable {
        var field: IdentificationReason.TokenField
        var data: String
        var customer: String?
    }

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(.noCDR) }
        var signed: [Signed] = []
        var otherTypes: [String?] = []
        for entry in session.distinctRecords {
            guard let identification = entry.record.identification, let data = identification.data,
                !IdentityText.normalise(data).isEmpty
            else { continue }
            guard let field = Self.field(of: identification, format: entry.record.format) else {
                otherTypes.append(identification.type)
                continue
            }
            let item = Signed(field: field, data: data, customer: identification.customer)
            if !signed.contains(item) { signed.append(item) }
        }
        guard let first = signed.first else {
            if let type = otherTypes.first { return skip(.notComparable(type: type)) }
            return skip(.nothingSigned)
        }
        var matched: [(Signed, String, Self.Match)] = []
        for item in signed {
            guard let token = Self.token(cdr, item.field) else { continue }
            let match = [item.data, item.customer].compactMap { $0 }.map { Self.compare($0, token) }.min() ?? .differs
            matched.append((item, token, match))
        }
        if let (item, token, _) = matched.first(where: { $0.2 == .differs }) {
            return warn(
                .differs(item.field, signed: item.data, token: token), expected: .text(item.data), actual: .text(token))
        }
        if let (item, token, _) = matched.first(where: { $0.2 == .reversed }) {
            return pass(
                .reversedBytes(item.field, signed: item.data, token: token), expected: .text(item.data),
                actual: .text(token))
        }
        guard let (item, token, _) = matched.first else { return skip(.tokenFieldMissing(first.field)) }
        return pass(
            .matches(item.field, signed: item.data, token: token), expected: .text(item.data), actual: .text(token))
    }

    /// The token field a signed identification is compared with, or `nil` when its type names
    /// nothing the token holds.
    static func field(of identification: SignedIdentification, format: MeterFormat) -> IdentificationReason.TokenField?
    {
        let type = (identification.type ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if format == .alfen { return .uid }
        if type.isEmpty { return edl40Family.contains(format) ? .uid : nil }
        if type == "ISO14443" || type == "ISO15693" || type.hasPrefix("RFID") { return .uid }
        if type == "EMAID" || type == "EVCCID" || type.contains("15118") { return .contractId }
        return nil
    }

    /// The CDR's value of `field`, when it holds one.
    static func token(_ cdr: CDR, _ field: IdentificationReason.TokenField) -> String? {
        let value: String?
        switch field {
        case .uid: value = cdr.tokenUID
        case .contractId: value = cdr.tokenContractId
        }
        guard let value, !IdentityText.normalise(value).isEmpty else { return nil }
        return value
    }

    /// How a signed id compares with a token's, best first.
    enum Match: Int, Comparable {
        case same, reversed, differs

        static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }
    }

    /// Compares ignoring letter case and separators; two hex UIDs of the same bytes in opposite
    /// order are `reversed` (readers disagree on the byte order of card UIDs).
    static func compare(_ signed: String, _ token: String) -> Match {
        let a = IdentityText.normalise(signed)
        let b = IdentityText.normalise(token)
        if a == b { return .same }
        let hex = Set("0123456789abcdef")
        guard a.count == b.count, a.count >= 4, a.count % 2 == 0, a.allSatisfy(hex.contains), b.allSatisfy(hex.contains)
        else { return .differs }
        return reversedBytes(a) == b ? .reversed : .differs
    }

    /// Hex text with its bytes (pairs of digits) in opposite order.
    static func reversedBytes(_ hex: String) -> String {
        let digits = Array(hex)
        var out = ""
        out.reserveCapacity(digits.count)
        var index = digits.count
        while index >= 2 {
            out.append(digits[index - 2])
            out.append(digits[index - 1])
            index -= 2
        }
        return out
    }
}
