import Foundation

/// PCDF as a registry entry. OCPI names no `encoding_method` for PCDF; `pcdf` is
/// accepted as a hint in case a sender invents it.
extension PCDFDecoder {
    var format: MeterFormat { .pcdf }
    var encodingMethods: [String] { ["pcdf"] }
    var safeFormatName: String { "PCDF" }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.recognises(bytes) }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        let (record, deviations) = try Self.decode(bytes[...])
        return [record.signedRecord(deviations: deviations, timeZone: context.meterTimeZone)]
    }
}

extension PCDFRecord {
    /// The common record. A PCDF line is a whole session: the reference software derives a begin
    /// reading of 0 kWh at `ST` and an end reading of `RV` at `CT`, so the energy check compares `RV`
    /// itself with the CDR. The billing flags become meter flags: `BV` ≠ 1 and `SP` ≠ 1 forbid billing
    /// even under a valid signature (the reference software rejects such records before it checks the
    /// signature).
    func signedRecord(deviations: [Deviation], timeZone: TimeZone) -> SignedRecord {
        var flags: [MeterFlag] = []
        if billingValid != "1" {
            flags.append(
                MeterFlag(
                    severity: .error, code: "pcdf.BV",
                    meaning: .pcdfBillingNotAllowed(billingValid)))
        }
        if stopPresent != "1" {
            flags.append(
                MeterFlag(
                    severity: .error, code: "pcdf.SP",
                    meaning: .pcdfStopDataMissing(stopPresent)))
        }
        if !timeValid {
            flags.append(
                MeterFlag(severity: .warning, code: "pcdf.TV", meaning: .pcdfTimeNotValid))
        }
        // ST and CT carry no zone: they are read in the meter's time zone, so the instants are
        // informative; with TV:0 they are unusable.
        let clock: ClockQuality = timeValid ? .informative : .unknown
        let zero = DecimalText(
            value: 0, text: PCDFRecord.zeroText(like: energy.text), resolution: energy.resolution)
        let begin = Reading(
            type: .begin, typeCode: "ST", time: PCDFRecord.signedTime(start, zone: timeZone, clock: clock), value: zero,
            unit: "kWh", register: PCDFRecord.register)
        let end = Reading(
            type: .end, typeCode: "CT", time: PCDFRecord.signedTime(stop, zone: timeZone, clock: clock), value: energy,
            unit: "kWh", register: PCDFRecord.register, flags: flags)
        var signed = SignedRecord(
            format: .pcdf, signedBytes: signedText,
            signature: ECDSASignature.parse(signature, curve: .prime256v1),
            signatureProblem: nil, algorithm: SignatureAlgorithm(curve: .prime256v1, hash: .sha256),
            embeddedKey: KeyInput(bytes: publicKey),
            meter: MeterIdentity(serial: hardwareSerial, model: meterTypeName),
            transactionReference: transactionID,
            pagination: Pagination(context: "", number: sessionCounter, text: String(sessionCounter)),
            identification: SignedIdentification(type: idType?.name ?? idTypeCode, data: idTag),
            readings: [begin, end], deviations: deviations)
        if signed.signature == nil {
            signed.signatureProblem = .pcdfNotDER(byteCount: signature.count)
        } else if signed.signature?.encoding != .der {
            signed.deviations.append(.nonCanonicalDER(field: "SG"))
        }
        signed.details = .pcdf(self)
        signed.sessionInvariants = [.hardwareSerial: hardwareSerial, .transactionID: transactionID]
        signed.attributes = [
            Attribute(.pcdfStart, start.text),
            Attribute(.pcdfStop, stop.text),
            Attribute(.pcdfChargingDuration, chargingDuration),
            Attribute(.pcdfTimeValid, timeValid ? "1" : "0"),
            Attribute(.pcdfBillingValid, billingValid),
            Attribute(.pcdfSessionCounter, String(sessionCounter)),
            Attribute(.pcdfStopDataPresent, stopPresent),
            Attribute(.pcdfSessionEnergy, "\(energy.text) kWh"),
            Attribute(
                .pcdfIdentification, .pcdfIdentification(tag: idTag, typeName: idType?.name, typeCode: idTypeCode)),
            Attribute(.pcdfTransaction, transactionID),
            Attribute(.pcdfSoftwareChecksum, softwareChecksum),
            Attribute(.pcdfHardwareSerial, hardwareSerial),
            Attribute(.pcdfMeterType, .pcdfMeterType(meterType)),
        ]
        return signed
    }

    /// The register name of PCDF's readings: `RV` is the session energy, not an OBIS register.
    static let register = "RV (session energy)"

    /// `0` written with as many decimals as `text` (`0003.276` → `0.000`).
    static func zeroText(like text: String) -> String {
        guard let point = text.firstIndex(of: ".") else { return "0" }
        return "0." + String(repeating: "0", count: text.distance(from: point, to: text.endIndex) - 1)
    }

    /// A local time read in `zone`, as an instant. The offset is the zone's at that civil time
    /// (a time in the hour a clock change repeats reads as the earlier instant).
    static func signedTime(_ local: LocalTime, zone: TimeZone, clock: ClockQuality) -> SignedTime {
        let asUTC = CivilTime.epochMilliseconds(
            year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute,
            second: local.second, millisecond: 0, offsetSeconds: 0)
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(asUTC) / 1000))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(asUTC - Int64(guess) * 1000) / 1000))
        let instant = asUTC - Int64(offset) * 1000
        return SignedTime(
            epochMilliseconds: instant, utcOffsetSeconds: offset, clock: clock,
            text: CivilTime.iso8601(epochMilliseconds: instant, offsetSeconds: offset))
    }
}
