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
        if let result = setAside(session) { return result }
        let from: Message
        switch source {
        case .trusted: from = Message(en: "the trusted key", de: "der vertrauenswürdige Schlüssel")
        case .cdr:
            let given = KeyNames.given(unit: session.unit, perValue: false)
            from = Message(en: given.en, de: given.de.prefix(1).lowercased() + given.de.dropFirst())
        case .embedded: from = Message(en: "the record", de: "der Datensatz")
        }
        // A key found inside a wrapper says so: the reader sees where it was taken from.
        let shape = key.shape.rawValue + (key.envelope.map { ", read from \($0)" } ?? "")
        return pass(
            Message(
                en: "\(key.curve) key (\(shape)) from \(from.en) fits the signature algorithm",
                de: "\(key.curve)-Schlüssel (\(shape)) passt zum Signaturverfahren; Herkunft: \(from.de)"),
            expected: key.description)
    }

    /// Keys that could not be read but were set aside for a trusted key: a warning naming them when
    /// the trusted key verifies every such record, a failure when it does not (then the unreadable
    /// key might have been the right one, and nothing vouches for the records).
    private func setAside(_ session: Session) -> CheckResult? {
        let entries = session.records.filter { !$0.setAsideKeys.isEmpty }
        guard !entries.isEmpty else { return nil }
        func described(_ entry: SessionRecord) -> Message {
            let label = Label.value(entry.valueIndex, entry.nature)
            let list = entry.setAsideKeys
            return Message(
                en: "\(label.en): " + list.map(\.en).joined(separator: "; "),
                de: "\(label.de): " + list.map(\.de).joined(separator: "; "))
        }
        if let unverified = entries.first(where: { $0.signature.status != .valid }) {
            let problem = described(unverified)
            return fail(
                Message(
                    en: problem.en + "; the trusted key does not verify the record",
                    de: problem.de + "; der vertrauenswürdige Schlüssel verifiziert den Datensatz nicht"))
        }
        // One CDR key unreadable for every value is one problem, named once.
        var seen: Set<String> = []
        let problems = entries.flatMap(\.setAsideKeys).filter { seen.insert($0.en).inserted }
        return warn(
            Message(
                en: "the trusted key verifies the records; set aside: " + problems.map(\.en).joined(separator: "; "),
                de: "der vertrauenswürdige Schlüssel verifiziert die Datensätze; übergangen: "
                    + problems.map(\.de).joined(separator: "; ")))
    }
}
