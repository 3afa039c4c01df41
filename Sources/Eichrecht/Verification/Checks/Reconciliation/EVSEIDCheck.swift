/// `evse_id`: the charge point the meter signed (OCMF `CI` when `CT` is `EVSEID`, BSM-WS36A `evse-id`
/// in `Meta2`) or its container names (Mennekes `MeteringPoint`) against `cdr_location.evse_id`.
/// EVSE ids are written with and without `*` and dashes, so those, spaces and letter case do not
/// count.
struct EVSEIDCheck: SessionCheck {
    typealias Reason = EVSEIDReason
    static let code = CheckCode.evseID

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(.noCDR) }
        guard let evseId = cdr.evseId ?? cdr.location?.evseId, !Self.normalise(evseId).isEmpty else {
            return skip(.cdrEVSEIdMissing)
        }
        var signed: [ChargePointIdentity] = []
        var otherTypes: [String?] = []
        for entry in session.distinctRecords {
            guard let point = entry.record.chargePoint else { continue }
            if !point.isEVSE {
                otherTypes.append(point.type)
            } else if !Self.normalise(point.id).isEmpty, !signed.contains(point) {
                signed.append(point)
            }
        }
        guard let match = signed.first else {
            if let type = otherTypes.first { return skip(.notAnEVSE(type: type)) }
            return skip(.nothingSigned)
        }
        let wanted = Self.normalise(evseId)
        if let other = signed.first(where: { Self.normalise($0.id) != wanted }) {
            return fail(
                .differs(cdr: evseId, signed: other.id, isSigned: other.isSigned), expected: .text(other.id),
                actual: .text(evseId))
        }
        return pass(
            .matches(cdr: evseId, signed: match.id, isSigned: match.isSigned), expected: .text(match.id),
            actual: .text(evseId))
    }

    /// An EVSE id without `*`, spaces and dashes, in lower case: `DE*ABC*E123*1` → `deabce1231`.
    static func normalise(_ id: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(id.utf8.count)
        for byte in id.utf8 {
            switch byte {
            case 0x2A, 0x20, 0x2D, 0x09: continue  // star, space, dash, tab
            case 0x41...0x5A: bytes.append(byte | 0x20)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }
}
