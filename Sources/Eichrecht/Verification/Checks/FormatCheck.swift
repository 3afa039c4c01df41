/// `format`: every signed value decodes in the format its encoding method names or its content shows.
struct FormatCheck: SessionCheck {
    static let code = CheckCode.format

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        if let problem = session.signedDataProblem { return fail(problem) }
        guard let signedData = session.signedData else {
            return skip(Message(en: "the CDR carries no signed_data", de: "der CDR enthält keine signed_data"))
        }
        guard !session.values.isEmpty else {
            return skip(
                Message(en: "signed_data has no signed values", de: "signed_data enthält keine signierten Werte"))
        }
        var failures: [Message] = []
        var skips: [Message] = []
        for value in session.values {
            let label = Label.value(value.index, value.nature)
            switch value.outcome {
            case .malformed(let error):
                failures.append(Message(en: "\(label.en): \(error)", de: "\(label.de): \(error)"))
            case .unsupported(let reason), .unrecognised(let reason):
                skips.append(Message(en: "\(label.en): \(reason)", de: "\(label.de): \(reason)"))
            case .decoded: break
            }
        }
        if !failures.isEmpty { return fail(Label.join(failures)) }
        if !skips.isEmpty { return skip(Label.join(skips)) }

        let formats = Set(session.values.compactMap { $0.format?.rawValue }).sorted().joined(separator: ", ")
        let transports = Set(session.values.compactMap { $0.transport?.rawValue }).sorted().joined(separator: ", ")
        let count = session.values.count
        let named = FormatRegistry.formats(forEncodingMethod: signedData.encodingMethod)
        if let method = signedData.encodingMethod, !method.isEmpty, !named.isEmpty,
            session.values.contains(where: { value in value.format.map { !named.contains($0) } ?? false })
        {
            return warn(
                Message(
                    en:
                        "encoding_method \"\(method)\" does not match the content (\(formats)); the content was decoded",
                    de: "encoding_method \"\(method)\" passt nicht zum Inhalt (\(formats)); der Inhalt wurde dekodiert")
            )
        }
        if let method = signedData.encodingMethod, !method.isEmpty,
            FormatRegistry.decoder(forEncodingMethod: method) == nil
        {
            return warn(
                Message(
                    en: "encoding_method \"\(method)\" is not a known name; the content is \(formats)",
                    de: "encoding_method \"\(method)\" ist unbekannt; der Inhalt ist \(formats)"))
        }
        let deviations = session.records.reduce(0) { $0 + $1.record.deviations.count }
        let note =
            deviations == 0
            ? Message("")
            : Message(
                en: ", \(deviations) deviation\(deviations == 1 ? "" : "s") from the specification noted",
                de: ", \(deviations) Abweichung\(deviations == 1 ? "" : "en") von der Spezifikation vermerkt")
        return pass(
            Message(
                en: "\(count) signed value\(count == 1 ? "" : "s") decoded as \(formats) (\(transports))",
                de:
                    "\(count) signierte\(count == 1 ? "r" : "") Wert\(count == 1 ? "" : "e") als \(formats) dekodiert (\(transports))"
            )
                + note)
    }
}
