/// Builds a `Session`: decodes every signed value, resolves each record's key, verifies every
/// signature with OpenSSL and groups the readings by register.
enum SessionAssembler {
    /// The most signed values one unit may hold (the contract's "Bounded work" rule).
    static let maximumSignedValues = 1_000

    static func assemble(
        cdr: CDR?, signedData: SignedData?, unit: UnitKind, options: VerificationOptions, keys: KeyCache,
        decoders: [any MeterFormatDecoder] = FormatRegistry.decoders
    ) -> Session {
        var session = Session(
            cdr: cdr, signedData: signedData, unit: unit, values: [], records: [], registers: [],
            billingRegister: nil, signedDataProblem: nil)
        if let problem = cdr?.signedDataProblem {
            session.signedDataProblem = .unreadable(problem)
        }
        guard let signedData else { return session }
        // Bounded work: a CDR of one charging session holds a handful of values; thousands are an
        // attack on the verifier's time, not meter data.
        guard signedData.signedValues.count <= SessionAssembler.maximumSignedValues else {
            let count = signedData.signedValues.count
            session.signedDataProblem = .tooManyValues(count: count, limit: maximumSignedValues)
            return session
        }
        var context = DecodingContext(meterTimeZone: options.meterTimeZone)
        context.decoders = decoders
        // The one decoding of each value; every later stage reads `session.values`.
        session.values = signedData.signedValues.enumerated().map { index, value in
            var decoded = SignedValueDecoding.decode(
                value, index: index, encodingMethod: signedData.encodingMethod, context: context)
            // Inputs without a nature field (raw records, S.A.F.E., OCPP) take the readings' one.
            if value.nature == nil, unit.infersMissingNature { decoded.inferNatureFromReadings() }
            return decoded
        }
        let cdrKey = signedData.publicKey.flatMap {
            $0.trimmingCharacters(in: " \t\r\n").isEmpty ? nil : KeyInput(text: $0)
        }

        // Session order: Start, Intermediate, End, others; input order within each.
        let ordered = session.values.sorted { ($0.nature.order, $0.index) < ($1.nature.order, $1.index) }
        // Repeats are found by signature first (short to hash), then confirmed on the signed bytes.
        var seen: [[UInt8]: [(bytes: [UInt8], index: Int)]] = [:]
        for value in ordered {
            for var record in value.records {
                // Formats that do not sign begin/end (EDL40 telegrams and blocks) take the value's nature.
                if !record.natureIsSigned, let type = value.nature.readingType {
                    for index in record.readings.indices where record.readings[index].type == .unspecified {
                        record.readings[index].type = type
                    }
                }
                let signatureKey = (record.signature?.r ?? []) + [0] + (record.signature?.s ?? [])
                let duplicateOf = seen[signatureKey]?.first { $0.bytes == record.signedBytes }?.index
                if duplicateOf == nil { seen[signatureKey, default: []].append((record.signedBytes, value.index)) }
                let valueKey =
                    signedData.signedValues.indices.contains(value.index)
                    ? signedData.signedValues[value.index].publicKey.flatMap(KeyInput.nonEmpty) : nil
                var notes = KeyNotes()
                let key = resolveKey(
                    for: record, cdrKey: valueKey ?? cdrKey, trusted: options.trustedKeys, keys: keys,
                    unit: unit, perValue: valueKey != nil, notes: &notes)
                record.deviations += notes.envelopes.map { .keyWrapped($0.origin, envelope: $0.envelope) }
                let signature = verifySignature(record, key: key, keys: keys)
                session.records.append(
                    SessionRecord(
                        valueIndex: value.index, nature: value.nature, record: record, key: key, signature: signature,
                        duplicateOf: duplicateOf, setAsideKeys: notes.setAside))
            }
        }
        session.registers = groupReadings(session.distinctRecords)
        session.billingRegister = session.registers
            .filter { $0.pair != nil && $0.billingRank < 50 }
            .min { $0.billingRank < $1.billingRank }
        return session
    }

    /// Picks the record's key: a trusted key first, then the CDR's, then one the record embeds.
    /// Any two that are present must agree. With a usable trusted key, a CDR or record key that
    /// cannot be read is set aside in `notes` instead of failing: the operator's key decides, and
    /// `public_key` warns (or fails when the trusted key does not verify the record).
    static func resolveKey(
        for record: SignedRecord, cdrKey: KeyInput?, trusted: TrustedKeys, keys: KeyCache, unit: UnitKind = .cdr,
        perValue: Bool = false, notes: inout KeyNotes
    ) -> KeyResolution {
        let curve = record.algorithm?.curve
        func decode(_ input: KeyInput, _ name: KeyName) -> Result<PublicKey, KeyFailure> {
            keys.publicKey(input, for: curve).mapError { error in
                KeyFailure(problem: .unusable(name, error), isKey: error.isKeyOfAnotherCurve)
            }
        }
        let cdrName = KeyName.given(unit: unit, perValue: perValue)
        let cdrOrigin = KeyOrigin.given(unit, perValue: perValue)

        var chosen: (PublicKey, KeySource)?
        if let entry = trusted.entry(for: record.meter) {
            switch decode(entry.key, .trusted) {
            case .success(let key): chosen = (key, .trusted)
            case .failure(let failure): return .failed(failure.problem)
            }
        }
        for (input, source, name, origin) in [
            (cdrKey, KeySource.cdr, cdrName, cdrOrigin), (record.embeddedKey, .embedded, KeyName.embedded, .embedded),
        ] {
            guard let input else { continue }
            switch decode(input, name) {
            case .failure(let failure):
                // Only a key nobody can read is set aside; a real key on another curve differs.
                guard chosen?.1 == .trusted, !failure.isKey else { return .failed(failure.problem) }
                notes.setAside.append(failure.problem)
            case .success(let key):
                if let envelope = key.envelope {
                    notes.envelopes.append((origin, envelope))
                }
                if let (existing, existingSource) = chosen {
                    if key != existing {
                        return .failed(.differs(name, from: existingSource == .trusted ? .trusted : cdrName))
                    }
                } else {
                    chosen = (key, source)
                }
            }
        }
        guard let (key, source) = chosen else { return .none }
        return .resolved(key, source)
    }

    static func verifySignature(_ record: SignedRecord, key: KeyResolution, keys: KeyCache) -> SignatureOutcome {
        let publicKey: PublicKey
        switch resolvedKey(key) {
        case .some(let resolved): publicKey = resolved
        case .none:
            return SignatureOutcome(status: .unchecked, reason: .noUsableKey)
        }
        guard let algorithm = record.algorithm else {
            return SignatureOutcome(
                status: .unchecked, reason: .algorithmUnsupported(record.algorithmProblem))
        }
        guard let signature = record.signature else {
            return SignatureOutcome(
                status: .invalid, reason: .undecodable(record.signatureProblem))
        }
        if SignatureVerifier.verify(
            message: record.signedBytes, signature: signature, key: publicKey, algorithm: algorithm, cache: keys)
        {
            return SignatureOutcome(status: .valid, reason: nil)
        }
        // Bytes the format allows a signature to cover instead (OCMF 1.0: no whitespace).
        for candidate in FormatRegistry.decoder(for: record.format)?.alternativeSignedBytes(record) ?? []
        where SignatureVerifier.verify(
            message: candidate.bytes, signature: signature, key: publicKey, algorithm: algorithm, cache: keys)
        {
            return SignatureOutcome(status: .valid, reason: .verifiedWithoutWhitespace, normalised: true)
        }
        return SignatureOutcome(status: .invalid, reason: .doesNotMatch)
    }

    private static func resolvedKey(_ resolution: KeyResolution) -> PublicKey? {
        if case .resolved(let key, _) = resolution { return key }
        return nil
    }

    /// Groups readings by register in session order; a reading repeated verbatim in several
    /// records (a Start record and a single record holding begin and end) counts once. Repeats are
    /// found through a set, so the work grows linearly with the readings (Bounded work).
    static func groupReadings(_ records: [SessionRecord]) -> [RegisterReadings] {
        var order: [String] = []
        var groups: [String: [Reading]] = [:]
        var seen: Set<ReadingIdentity> = []
        for entry in records {
            for reading in entry.record.readings {
                let register = reading.register ?? ""
                if groups[register] == nil {
                    order.append(register)
                    groups[register] = []
                }
                if seen.insert(ReadingIdentity(register: register, reading)).inserted {
                    groups[register, default: []].append(reading)
                }
            }
        }
        return order.map { RegisterReadings(register: $0, readings: groups[$0] ?? []) }
    }

    /// What makes two readings of one register the same reading for `groupReadings`.
    private struct ReadingIdentity: Hashable {
        var register: String
        var type: ReadingType
        var time: String?
        var value: String?
        var unit: String?

        init(register: String, _ reading: Reading) {
            self.register = register
            type = reading.type
            time = reading.time?.text
            value = reading.value?.text
            unit = reading.unit
        }
    }
}

private struct KeyFailure: Error {
    var problem: KeyProblem
    /// The text is a key, but on another (or an unsupported) curve: readable, so not set aside.
    var isKey = false
}

extension KeyInput.DecodingError {
    /// Whether the text decoded to a real key that is merely on another or an unsupported curve.
    var isKeyOfAnotherCurve: Bool {
        switch self {
        case .invalidKey(.curveMismatch), .invalidKey(.unsupportedCurve): true
        default: false
        }
    }
}

/// What key resolution noticed beside the key it chose.
struct KeyNotes {
    /// Keys that could not be read and were set aside for a trusted key.
    var setAside: [KeyProblem] = []
    /// Keys found inside a wrapper (a JSON object, PEM text), by where they came from.
    var envelopes: [(origin: KeyOrigin, envelope: String)] = []
}

extension SignedValue.Nature {
    /// The reading type a value of this nature stands for, for formats that do not sign one.
    var readingType: ReadingType? {
        switch self {
        case .start: .begin
        case .end: .end
        case .intermediate: .intermediate
        case .other: nil
        }
    }
}
