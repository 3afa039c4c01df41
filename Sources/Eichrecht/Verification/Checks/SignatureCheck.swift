/// `signature`: every signed value's signature verifies over the exact signed bytes (OpenSSL ECDSA).
struct SignatureCheck: SessionCheck {
    static let code = CheckCode.signature

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else {
            return skip(Message(en: "no decoded record to verify", de: "kein dekodierter Datensatz zu prüfen"))
        }
        var invalid: [Message] = []
        var unchecked: [Message] = []
        for entry in session.records {
            let label = Label.value(entry.valueIndex, entry.nature)
            let reason = entry.signature.reason ?? Message("")
            switch entry.signature.status {
            case .invalid: invalid.append(Message(en: "\(label.en): \(reason.en)", de: "\(label.de): \(reason.de)"))
            case .unchecked: unchecked.append(Message(en: "\(label.en): \(reason.en)", de: "\(label.de): \(reason.de)"))
            case .valid: break
            }
        }
        if !invalid.isEmpty { return fail(Label.join(invalid)) }
        if !unchecked.isEmpty { return skip(Label.join(unchecked)) }
        let algorithms = Set(session.records.compactMap { $0.record.algorithm?.description }).sorted().joined(
            separator: ", ")
        let count = session.records.count
        let normalised = session.records.contains { $0.signature.normalised }
        let note =
            normalised
            ? Message(
                en: " (a pretty-printed payload verified with whitespace removed, as OCMF 1.0 signed it)",
                de: " (formatierte Nutzdaten wurden ohne Leerraum verifiziert, wie OCMF 1.0 signierte)") : Message("")
        return pass(
            Message(
                en: "\(count) signature\(count == 1 ? "" : "s") valid (\(algorithms))",
                de: "\(count) Signatur\(count == 1 ? "" : "en") gültig (\(algorithms))") + note)
    }
}
