/// `format`: every signed value decodes in the format its encoding method names or its content shows.
struct FormatCheck: SessionCheck {
    typealias Reason = FormatReason
    static let code = CheckCode.format

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        if let problem = session.signedDataProblem { return fail(.signedData(problem)) }
        guard let signedData = session.signedData else { return skip(.noSignedData) }
        guard !session.values.isEmpty else { return skip(.noSignedValues) }
        var failures: [UndecodedValue] = []
        var skips: [UndecodedValue] = []
        for value in session.values {
            guard let problem = DecodingProblem(value.outcome) else { continue }
            let entry = UndecodedValue(value: ValuePosition(value.index, value.nature), problem: problem)
            if case .malformed = problem { failures.append(entry) } else { skips.append(entry) }
        }
        if !failures.isEmpty { return fail(.malformed(failures)) }
        if !skips.isEmpty { return skip(.notDecodable(skips)) }

        let formats = Set(session.values.compactMap(\.format)).sorted { $0.rawValue < $1.rawValue }
        let named = FormatRegistry.formats(forEncodingMethod: signedData.encodingMethod)
        if let method = signedData.encodingMethod, !method.isEmpty, !named.isEmpty,
            session.values.contains(where: { value in value.format.map { !named.contains($0) } ?? false })
        {
            return warn(.encodingMethodDisagrees(method: method, content: formats))
        }
        if let method = signedData.encodingMethod, !method.isEmpty,
            FormatRegistry.decoder(forEncodingMethod: method) == nil
        {
            return warn(.encodingMethodUnknown(method: method, content: formats))
        }
        return pass(
            .decoded(
                values: session.values.count, formats: formats,
                transports: Set(session.values.compactMap(\.transport)).sorted { $0.rawValue < $1.rawValue },
                deviations: session.records.reduce(0) { $0 + $1.record.deviations.count }))
    }
}
