/// `public_key`: a key is present, parses, lies on the curve the record names, and agrees with every
/// other key given (trusted key, CDR key, key embedded in the record).
struct PublicKeyCheck: SessionCheck {
    static let code = CheckCode.publicKey

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else {
            return skip(Message(en: "no decoded record to check a key for", de: "kein dekodierter Datensatz"))
        }
        var keys: [PublicKey: KeySource] = [:]
        var missing = 0
        for entry in session.records {
            switch entry.key {
            case .failed(let message):
                return fail(
                    Message(
                        en: "\(Label.value(entry.valueIndex, entry.nature).en): ",
                        de: "\(Label.value(entry.valueIndex, entry.nature).de): ") + message)
            case .none: missing += 1
            case .resolved(let key, let source): keys[key] = keys[key] ?? source
            }
        }
        if keys.isEmpty {
            return skip(
                Message(
                    en: "no public key: the CDR has none, the record carries none, and none was given",
                    de: "kein öffentlicher Schlüssel: weder im CDR noch im Datensatz, und keiner wurde angegeben"))
        }
        if keys.count > 1 {
            return fail(
                Message(
                    en: "the records of one session are signed with \(keys.count) different keys",
                    de: "die Datensätze einer Sitzung sind mit \(keys.count) verschiedenen Schlüsseln signiert"))
        }
        guard let (key, source) = keys.first.map({ ($0.key, $0.value) }) else { return skip(Message("")) }
        if missing > 0 {
            return skip(
                Message(
                    en: "\(missing) record\(missing == 1 ? " has" : "s have") no public key",
                    de: "\(missing) Datensatz/Datensätze ohne öffentlichen Schlüssel"))
        }
        let from: Message
        switch source {
        case .trusted: from = Message(en: "the trusted key", de: "der vertrauenswürdige Schlüssel")
        case .cdr:
            let given = KeyNames.given(unit: session.unit, perValue: false)
            from = Message(en: given.en, de: given.de.prefix(1).lowercased() + given.de.dropFirst())
        case .embedded: from = Message(en: "the record", de: "der Datensatz")
        }
        return pass(
            Message(
                en: "\(key.curve) key (\(key.shape.rawValue)) from \(from.en) fits the signature algorithm",
                de: "\(key.curve)-Schlüssel (\(key.shape.rawValue)) passt zum Signaturverfahren; Herkunft: \(from.de)"),
            expected: key.description)
    }
}
