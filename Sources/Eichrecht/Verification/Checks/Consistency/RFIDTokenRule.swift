/// A signed RFID UID against the CDR's `cdr_token.uid`: only a warning, because the signature does
/// not cover the CDR and backends write UIDs in other forms (byte order, length).
struct RFIDTokenRule: ConsistencyRule {
    /// Identification types whose data is an RFID card UID: OCMF's `IT` values for RFID cards, and
    /// `RFID` for formats that sign the card UID without naming a standard (Alfen).
    static let rfidIdentificationTypes: Set<String> = ["ISO14443", "ISO15693", "RFID"]

    func findings(_ session: Session, records: [SessionRecord]) -> [ConsistencyFinding] {
        guard let token = session.cdr?.tokenUID, !token.trimmingCharacters(in: " ").isEmpty else { return [] }
        let wanted = IdentityText.normalise(token)
        let signed = Set(
            records.compactMap { entry -> String? in
                guard let identification = entry.record.identification, let type = identification.type,
                    Self.rfidIdentificationTypes.contains(type.uppercased()),
                    let data = identification.data, !data.isEmpty
                else { return nil }
                return data
            })
        return signed.sorted().filter { IdentityText.normalise($0) != wanted }.map {
            .warn(.rfidDiffersFromToken(signed: $0, token: token))
        }
    }
}
