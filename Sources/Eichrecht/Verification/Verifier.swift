/// Verifies CDRs and signed data: decodes every signed value, checks every signature with OpenSSL,
/// cross-checks the signed readings with the CDR, and reports a verdict with reasons.
///
/// A value type without shared mutable state: one `Verifier` can serve any number of threads.
///
/// ```swift
/// let verifier = Verifier()
/// let report = try verifier.verify(cdrJSON: bytes)
/// if report.verdict != .verified { print(report.reason.text(.en)) }
/// ```
public struct Verifier: Sendable {
    /// The settings every verification of this verifier uses.
    public var options: VerificationOptions
    /// Decoded keys and OpenSSL key handles, shared by copies of this verifier.
    public let keyCache: KeyCache
    /// The format decoders verification uses: the registry's, unless a test registers its own.
    var formatDecoders: [any MeterFormatDecoder] = FormatRegistry.decoders

    /// The checks, in report order. Each is independent; the verdict is derived from all results.
    static let checks: [any SessionCheck] = [
        FormatCheck(), PublicKeyCheck(), SignatureCheck(), ConsistencyCheck(), MeterStatusCheck(), PairingCheck(),
        EnergyCheck(), StartTimeCheck(), EndTimeCheck(), MeterIDCheck(), ChargingPeriodsCheck(), DurationCheck(),
        EVSEIDCheck(), IdentificationCheck(), TimeSyncCheck(), KeyTrustCheck(),
    ]

    /// A verifier with `options`. Pass a `keyCache` to share decoded keys with other verifiers.
    public init(options: VerificationOptions = VerificationOptions(), keyCache: KeyCache = KeyCache()) {
        self.options = options
        self.keyCache = keyCache
    }

    /// Verifies a decoded CDR.
    public func verify(cdr: CDR) -> Report {
        report(session(cdr: cdr, signedData: cdr.signedData, unit: .cdr), id: cdr.id)
    }

    /// Verifies a standalone OCPI `SignedData` (no CDR to cross-check against); `unit` says what it
    /// came as (a bare SignedData, a S.A.F.E. transaction, OCPP values, raw records).
    public func verify(signedData: SignedData, id: String? = nil, unit: UnitKind = .signedData) -> Report {
        report(session(cdr: nil, signedData: signedData, unit: unit), id: id)
    }

    /// Verifies one unit and keeps, beside the report, its signed values as verification decoded
    /// them, for writers that hand the values on (the S.A.F.E. export): nothing is decoded twice.
    public func verifyKeepingDecodedValues(_ unit: VerificationUnit) -> VerifiedUnit {
        let cdr: CDR?
        let signedData: SignedData?
        switch unit.content {
        case .cdr(let value):
            cdr = value
            signedData = value.signedData
        case .signedData(let value):
            cdr = nil
            signedData = value
        }
        let session = session(cdr: cdr, signedData: signedData, unit: unit.kind)
        var result = report(session, id: cdr?.id)
        if result.id == nil { result.id = unit.label }
        return VerifiedUnit(report: result, signedData: signedData, values: session.values)
    }

    /// `verifyKeepingDecodedValues(_:)` for a standalone SignedData that came as `unit`.
    public func verifyKeepingDecodedValues(signedData: SignedData, unit: UnitKind = .signedData) -> VerifiedUnit {
        let session = session(cdr: nil, signedData: signedData, unit: unit)
        return VerifiedUnit(report: report(session, id: nil), signedData: signedData, values: session.values)
    }

    /// Decodes (once) and assembles the session of one unit.
    func session(cdr: CDR?, signedData: SignedData?, unit: UnitKind) -> Session {
        SessionAssembler.assemble(
            cdr: cdr, signedData: signedData, unit: unit, options: options, keys: keyCache, decoders: formatDecoders)
    }

    /// Verifies one CDR given as JSON bytes.
    public func verify<C: Collection>(cdrJSON bytes: C) throws(InputError) -> Report where C.Element == UInt8 {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw InputError(json: error) }
        return verify(cdr: try CDR(json: json))
    }

    /// Verifies every unit of an input: a CDR, an array of CDRs, an OCPI response envelope, NDJSON,
    /// a bare SignedData, or raw signed records (OCMF text, plain or base64). For large inputs use
    /// `InputReader`, which streams.
    public func verify(document bytes: [UInt8]) throws(InputError) -> [Report] {
        var reports: [Report] = []
        let reader = InputReader(source: BufferSource(bytes))
        while let unit = try reader.next() {
            reports.append(verify(unit))
        }
        return reports
    }

    /// Verifies a sequence of CDRs in order, lazily.
    public func verify<S: Sequence>(_ cdrs: S) -> LazyMapSequence<S, Report> where S.Element == CDR {
        cdrs.lazy.map { self.verify(cdr: $0) }
    }

    /// Verifies one unit read from an input.
    public func verify(_ unit: VerificationUnit) -> Report {
        var result: Report
        switch unit.content {
        case .cdr(let cdr): result = verify(cdr: cdr)
        case .signedData(let signedData): result = verify(signedData: signedData, unit: unit.kind)
        }
        if result.id == nil { result.id = unit.label }
        return result
    }

    /// Runs the checks on an assembled session and builds the report.
    func report(_ session: Session, id: String?) -> Report {
        let results = Verifier.checks.map { $0.evaluate(session, options: options) }
        let decision = Verdict.decide(results)
        return Report(
            id: id, verdict: decision.verdict, reason: decision.reason,
            encodingMethod: session.signedData?.encodingMethod, unit: session.unit, checks: results,
            values: ReportBuilder.values(session), session: ReportBuilder.summary(session),
            cdr: session.cdr.map(ReportBuilder.cdrSummary))
    }
}

/// Builds the report's value, session and CDR sections.
enum ReportBuilder {
    static func values(_ session: Session) -> [ValueReport] {
        var recordsByValue: [Int: [SessionRecord]] = [:]
        for entry in session.records { recordsByValue[entry.valueIndex, default: []].append(entry) }
        return session.values.map { value in
            let entries = recordsByValue[value.index] ?? []
            let statuses = entries.map(\.signature.status)
            let status: SignatureStatus =
                statuses.contains(.invalid)
                ? .invalid : (statuses.isEmpty || statuses.contains(.unchecked) ? .unchecked : .valid)
            let error = DecodingProblem(value.outcome)
            let first = entries.first
            var keySource: KeySource?
            var publicKey: String?
            if case .resolved(let key, let source)? = first?.key {
                keySource = source
                publicKey = key.description
            }
            let reason =
                entries.first { $0.signature.status == status }?.signature.reason
                ?? (entries.isEmpty ? error.map(SignatureNote.valueNotDecoded) : nil)
            return ValueReport(
                index: value.index, nature: value.natureText, format: value.format, transport: value.transport,
                signature: status, signatureReason: reason,
                algorithm: first?.record.algorithm, signatureEncoding: first?.record.signature?.encoding,
                keySource: keySource, publicKey: publicKey, meter: first?.record.meter,
                pagination: first?.record.pagination?.text, identification: first?.record.identification,
                chargePoint: first?.record.chargePoint,
                readings: entries.flatMap { $0.record.readings.map(ReadingReport.init) },
                deviations: entries.flatMap(\.record.deviations),
                attributes: entries.first?.record.attributes ?? [],
                error: error,
                duplicateOf: first?.duplicateOf)
        }
    }

    static func summary(_ session: Session) -> SessionSummary? {
        guard let billing = session.billingRegister, let pair = billing.pair else { return nil }
        var energy: String?
        if let begin = pair.begin.energyKWh, let end = pair.end.energyKWh { energy = (end - begin).plainText }
        var duration: Int64?
        if let begin = pair.begin.time, let end = pair.end.time, begin.clock != .unknown, end.clock != .unknown,
            end.epochMilliseconds >= begin.epochMilliseconds
        {
            duration = (end.epochMilliseconds - begin.epochMilliseconds) / 1000
        }
        let chargePoints = session.distinctRecords.compactMap(\.record.chargePoint)
        return SessionSummary(
            meter: session.distinctRecords.first?.record.meter.primary, register: billing.register,
            begin: ReadingReport(pair.begin), end: ReadingReport(pair.end), energyKWh: energy,
            durationSeconds: duration,
            chargePoint: chargePoints.first(where: \.isSigned) ?? chargePoints.first)
    }

    static func cdrSummary(_ cdr: CDR) -> CDRSummary {
        let place = cdr.location.flatMap { location -> CDRSummary.Place? in
            let place = CDRSummary.Place(
                name: location.name, address: location.address, postalCode: location.postalCode, city: location.city,
                country: location.country)
            return [place.name, place.address, place.postalCode, place.city, place.country].allSatisfy { $0 == nil }
                ? nil : place
        }
        return CDRSummary(
            totalEnergy: cdr.totalEnergy?.text, startDateTime: cdr.startDateTime?.text,
            endDateTime: cdr.endDateTime?.text,
            meterId: cdr.meterId, tokenUID: cdr.tokenUID, problems: cdr.problems,
            evseId: cdr.location?.evseId ?? cdr.evseId, location: place,
            totalCostExcludingVAT: cdr.totalCost?.excludingVAT.text,
            totalCostIncludingVAT: cdr.totalCost?.includingVAT?.text, currency: cdr.currency)
    }
}

/// A verified unit: its report, and its signed values as the one decoding read them.
public struct VerifiedUnit: Sendable {
    /// The unit's report.
    public var report: Report
    /// The unit's signed data, as read from the input (`nil` for a CDR without any).
    public var signedData: SignedData?
    /// Each signed value as decoded, in `signed_values` order.
    public var values: [DecodedValue]
}
