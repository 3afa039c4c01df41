import Foundation
import Testing

@testable import Eichrecht

/// Sample values of every reason case, for the catalogue tests. A new case needs a sample here.
enum ReasonSamples {
    static let time = SignedTime(
        epochMilliseconds: 1_772_462_567_675, utcOffsetSeconds: 3600, clock: .synchronised,
        text: "2026-03-02T15:42:47,675+0100 S")
    static let later = SignedTime(
        epochMilliseconds: 1_772_467_648_727, utcOffsetSeconds: 3600, clock: .informative,
        text: "2026-03-02T17:07:28,727+0100 I")
    static let cdrTime = OCPITime("2026-03-02T14:40:00Z") ?? OCPITime("1970-01-01T00:00:00Z")!
    static let billed = DecimalText("29.042") ?? DecimalText(value: 29, text: "29", resolution: 1)
    static let energy = Decimal(string: "28.542") ?? 0
    static let tolerance = Decimal(string: "0.001") ?? 0
    static let start = ValuePosition(0, .start)
    static let end = ValuePosition(1, .end)
    static let other = ValuePosition(2, .other)
    static let formatError = FormatError(.edl40SML, .sml(.fileChecksumMismatch(transmitted: 0x1234, computed: 0x5678)))
    static let flag = MeterFlag(severity: .error, code: "E", meaning: .ocmfEnergyUnusable(errorFlags: "E"))
    static let contradiction = Contradiction(
        .otherRecordInField(field: "plain_data", format: .ocmf, signedField: "signed_data"))
    static let keyErrors: [KeyInput.DecodingError] = [
        .empty, .undecodableText, .invalidKey(.unrecognisedShape(byteCount: 12)), .invalidKey(.malformedSPKI),
        .invalidKey(.unsupportedCurve), .invalidKey(.pointNotOnCurve(.prime256v1)),
        .invalidKey(.curveMismatch(key: .prime256v1, expected: .prime192v1)),
    ]
    static let keyNames: [KeyName] = [.trusted, .embedded, .cdr, .value, .signedData, .safe, .ocpp, .rawRecord]
    static let keyProblems: [KeyProblem] =
        keyErrors.map { .unusable(.cdr, $0) } + keyNames.map { .unusable($0, .empty) }
        + keyNames.map { .differs($0, from: .trusted) } + [.differs(.embedded, from: .cdr)]
    static let decodingProblems: [DecodingProblem] = [
        .malformed(formatError), .unsupported(.unsupported(format: "XYZ 1.0")),
        .unrecognised(.unrecognised(encodingMethod: "ABC")),
    ]
    static let signatureNotes: [SignatureNote] =
        [
            .noUsableKey, .algorithmUnsupported(nil), .undecodable(nil),
            .doesNotMatch, .verifiedWithoutWhitespace,
        ] + decodingProblems.map(SignatureNote.valueNotDecoded)
        + algorithmProblems.map(SignatureNote.algorithmUnsupported)
        + signatureProblems.map(SignatureNote.undecodable)
    static let comparison = TimeReason.Comparison(signed: time, cdr: cdrTime, deltaSeconds: 30, toleranceSeconds: 120)

    static let consistencyIssues: [ConsistencyIssue] = [
        .differentMeters(["1ACME0000001", "1ACME0000002"]), .mixedFormats([.ocmf, .alfen]),
        .paginationBackwards(previous: "T12", previousValue: other, current: "T11", value: end),
        .paginationRepeated("T12"), .paginationGap(previous: "T12", current: "T15"),
        .registerMixesEnergyUnits(register: "1-b:1.8.0"), .registerMixesEnergyUnits(register: ""),
        .registerChangesUnit(register: "1-b:1.8.0", units: ["Wh", "kWh"]),
        .registerBackwards(register: "1-b:1.8.0", from: energy, to: tolerance),
        .timeBackwards(register: "1-b:1.8.0", from: later, to: time),
        .noSharedRegister(begin: ["1-b:1.8.0"], end: ["1-b:2.8.0"]),
        .unsignedCopyContradicts(start, contradiction), .unsignedCopyDiffers(end, contradiction),
        .invariantChanges(field: .sessionID, first: "12", firstValue: other, then: "13", value: end),
        .natureWithoutReading(start), .natureWithoutReading(end),
        .natureWithoutReading(ValuePosition(3, .intermediate)),
        .customerChanges(first: "04AABB", firstValue: start, then: "04CCDD", value: end),
    ]

    /// Every reason case (and every label), as the catalogue must put it into words.
    static var reasons: [any Explained] {
        var all: [any Explained] = [VerifiedReason.allChecksPassed]
        all +=
            [SignedDataProblem.unreadable(.invalidJSON("EOF")), .tooManyValues(count: 1001, limit: 1000)]
            as [SignedDataProblem]
        let undecoded = decodingProblems.map { UndecodedValue(value: start, problem: $0) }
        all +=
            [
                .signedData(.tooManyValues(count: 1001, limit: 1000)), .signedData(.unreadable(.signedValuesNotArray)),
                .noSignedData,
                .noSignedValues, .malformed(undecoded), .notDecodable(undecoded),
                .encodingMethodDisagrees(method: "Alfen Eichrecht", content: [.ocmf]),
                .encodingMethodUnknown(method: "XYZ", content: [.ocmf]),
                .decoded(values: 1, formats: [.ocmf], transports: [.plain], deviations: 0),
                .decoded(values: 2, formats: [.ocmf], transports: [.plain, .base64], deviations: 2),
            ] as [FormatReason]
        all += keyProblems
        all += signatureNotes
        all +=
            [
                .noRecord, .noKey, .severalKeys(2), .someRecordsWithoutKey(1), .someRecordsWithoutKey(3),
                .setAsideUnverified(start, keyProblems), .setAside(keyProblems),
                .fits(curve: .prime256v1, shape: .spki, envelope: nil, from: .cdr),
                .fits(curve: .prime192v1, shape: .rawXY, envelope: "PEM", from: .embedded),
            ] as [PublicKeyReason]
        all += keyProblems.map { PublicKeyReason.unusable(end, $0) }
        let findings = signatureNotes.map { SignatureFinding(value: start, note: $0) }
        all +=
            [
                .noRecord, .invalid(findings), .unchecked(findings),
                .valid(count: 1, algorithms: [SignatureAlgorithm(curve: .prime256v1)], withoutWhitespace: false),
                .valid(count: 2, algorithms: [SignatureAlgorithm(curve: .prime256v1)], withoutWhitespace: true),
            ] as [SignatureReason]
        all += [ConsistencyReason.noRecord, .inOrder(records: 1, meter: nil), .inOrder(records: 2, meter: "1ACME")]
        all += consistencyIssues.map { ConsistencyReason.failed([$0]) }
        all += consistencyIssues.map { ConsistencyReason.warned([$0]) }
        all += consistencyIssues
        let flagged = [
            FlaggedReading(value: start, typeCode: "B", flag: flag), .init(value: end, typeCode: nil, flag: flag),
        ]
        all +=
            [.noRecord, .errorFlags(flagged), .warningFlags(flagged), .noFlags(readings: 1), .noFlags(readings: 2)]
            as [MeterStatusReason]
        let notes: [PairingNote] = [.repeats(end, original: 0), .incompleteRegister("1-b:2.8.0")]
        all +=
            [
                .noRecord, .severalReadings(register: "1-b:1.8.0", type: .begin, values: [billed, nil]),
                .severalReadings(register: "", type: .end, values: [billed, billed]),
                .paired(register: "1-b:1.8.0", begin: billed, end: billed, notes: []),
                .paired(register: "", begin: nil, end: billed, notes: notes),
            ] as [PairingReason]
        all += MissingReading.allCases.flatMap { [PairingReason.missing($0, notes: []), .missing($0, notes: notes)] }
        all +=
            [
                .noCDR, .cdrEnergyUnreadable(written: "\"29,0\""), .cdrEnergyMissing, .noPair,
                .withinTolerance(signed: energy, billed: billed, tolerance: tolerance),
                .outsideTolerance(signed: energy, billed: billed, tolerance: tolerance),
            ] as [EnergyReason]
        for b in TimeReason.Boundary.allCases {
            all +=
                [
                    .noCDR(b), .cdrTimeUnreadable(b, written: "2026-02-30T10:00:00+99:99"), .cdrTimeMissing(b),
                    .cdrTimeUnknown(b), .noSignedTime(b),
                    .clockNotAbsolute(
                        b, SignedTime(epochMilliseconds: 5000, utcOffsetSeconds: nil, clock: .relative, text: "5 R")),
                    .clockNotAbsolute(
                        b, SignedTime(epochMilliseconds: 0, utcOffsetSeconds: nil, clock: .unknown, text: "0 U")),
                    .withinTolerance(b, comparison), .outsideTolerance(b, comparison),
                    .outsideToleranceInformativeClock(b, comparison),
                ] as [TimeReason]
        }
        all +=
            [
                .noCDR, .cdrMeterIdMissing, .nothingSigned, .matches(cdr: "1ACME", signed: "1ACME"),
                .differs(cdr: "1ACME", signed: ["2ACME", "GW-1"]),
            ] as [MeterIDReason]
        all += reconciliationReasons
        all += [.noRecord, .noTimes, .synchronised, .notSynchronised([later, time])] as [TimeSyncReason]
        all += [.noKey, .trusted, .untrusted(fromRecord: true), .untrusted(fromRecord: false)] as [KeyTrustReason]
        return all
    }

    /// Every reason of `charging_periods`, `duration`, `evse_id` and `identification`.
    static var reconciliationReasons: [any Explained] {
        var all: [any Explained] = []
        let periods = ChargingPeriodsReason.Comparison(
            signed: energy, periods: billed.value, periodCount: 3, tolerance: tolerance)
        let one = ChargingPeriodsReason.Comparison(
            signed: energy, periods: energy, periodCount: 1, tolerance: tolerance)
        all +=
            [
                .noCDR, .cdrPeriodsUnreadable(written: "\"12,5\""), .noEnergyDimension, .noPair,
                .withinTolerance(one), .withinTolerance(periods), .outsideTolerance(periods),
            ] as [ChargingPeriodsReason]
        let hours = DecimalText("1.4167") ?? billed
        for clock in [ClockQuality.synchronised, .relative, .informative] {
            let c = DurationReason.Comparison(
                begin: time, end: later, clock: clock, signedSeconds: Decimal(string: "5081.052") ?? 0,
                totalTime: hours, toleranceSeconds: 120)
            all +=
                [.withinTotalTime(c), .exceedsTotalTime(c), .exceedsTotalTimeInformativeClock(c)] as [DurationReason]
        }
        all +=
            [
                .noCDR, .cdrTotalTimeUnreadable(written: "\"1:25\""), .cdrTotalTimeMissing, .cdrTimeUnknown,
                .noSignedPair,
                .clockUnknown(SignedTime(epochMilliseconds: 0, utcOffsetSeconds: nil, clock: .unknown, text: "0 U")),
                .endBeforeBegin(begin: later, end: time),
            ] as [DurationReason]
        for isSigned in [true, false] {
            all +=
                [
                    .matches(cdr: "DE*ACM*E0001*1", signed: "DEACME00011", isSigned: isSigned),
                    .differs(cdr: "DE*ACM*E0001*1", signed: "DE*ACM*E0002*1", isSigned: isSigned),
                ] as [EVSEIDReason]
        }
        all +=
            [.noCDR, .cdrEVSEIdMissing, .nothingSigned, .notAnEVSE(type: "CBIDC"), .notAnEVSE(type: nil)]
            as [EVSEIDReason]
        all +=
            [.noCDR, .nothingSigned, .notComparable(type: "CENTRAL"), .notComparable(type: nil)]
            as [IdentificationReason]
        for field in IdentificationReason.TokenField.allCases {
            all +=
                [
                    .tokenFieldMissing(field), .matches(field, signed: "04AABB", token: "04aabb"),
                    .reversedBytes(field, signed: "04AABBCC", token: "CCBBAA04"),
                    .differs(field, signed: "04AABB", token: "04CCDD"),
                ] as [IdentificationReason]
        }
        return all
    }

    static let algorithmProblems: [AlgorithmProblem] = [
        .ocmfHashNotSHA256(algorithm: "ECDSA-secp256r1-SHA512", hash: "SHA512"), .ocmfUnknownAlgorithm("RSA"),
    ]
    static let signatureProblems: [SignatureProblem] = [
        .ocmfUnknownEncoding("base85"), .ocmfNotEncoded(encoding: "hex"), .ocmfNotASignature(byteCount: 12),
        .bsmMissingOrNotHex, .bsmNotDER, .edl40Length(byteCount: 50), .pcdfNotDER(byteCount: 7),
    ]
    static let meterFlagMeanings: [MeterFlag.Meaning] =
        OCMFMeterStatus.allCases.map { .ocmfStatus(written: $0.rawValue, $0) } + [
            .ocmfStatus(written: "Z", nil), .ocmfEnergyUnusable(errorFlags: "Et"), .ocmfTimeUnusable(errorFlags: "t"),
            .ocmfException, .bsmEvent(3), .alfenStatusBit(word: 0x20, bit: 5, condition: nil, error: false),
            .pcdfBillingNotAllowed("0"), .pcdfStopDataMissing("0"), .pcdfTimeNotValid,
        ]
        + AlfenCondition.allCases.flatMap { condition in
            [false, true].map { .alfenStatusBit(word: 0x1_0000, bit: 16, condition: condition, error: $0) }
        }
    static let attributeValues: [AttributeValue] =
        [
            .text("1ACME"), .empty, .none, .verifiedChecksum("0x1234"), .verifiedCount(3),
            .unitCode(value: "12", code: 99), .alfenLineType(code: "0", .start), .alfenLineType(code: "1", .stop),
            .alfenLineType(code: "2", .intermediate), .alfenStatus(half: 0, conditions: [], undocumentedBits: []),
            .alfenStatus(half: 0x2001, conditions: AlfenCondition.allCases, undocumentedBits: [5]),
            .edl40LocalTime(1_772_442_900), .edl40LocalTime(777), .edl40LocalTime(0xFFFF_FFFF),
            .smlTime(.secondsIndex(7)), .smlTime(.timestamp(1_772_442_900)),
            .smlTime(.localTimestamp(timestamp: 1_772_442_900, localOffsetMinutes: 60, seasonOffsetMinutes: 0)),
            .isaTelegram(kind: "START", listName: "818081620000ff"),
            .pcdfIdentification(tag: "04AABB", typeName: "RFID", typeCode: "1"),
            .pcdfIdentification(tag: "04AABB", typeName: nil, typeCode: "9"), .pcdfMeterType("0"), .pcdfMeterType("7"),
            .edl40Container(.smlTelegram), .edl40Container(.signatureOnly), .edl40Container(.mennekes),
            .edl40Container(.emhChargeIT),
        ] + ([nil] + (0...5).map { Int64($0) }).map(AttributeValue.bsmSnapshotType)

    static let inputProblems: [InputProblem] =
        [
            .invalidJSON("unexpected end"), .endsInsideArray, .empty, .expectedCommaOrBracket,
            .valueTooLarge(mebibytes: 64), .endsInsideValue, .rawTooLarge(mebibytes: 64), .fileTooLarge(mebibytes: 64), .timeLimitExceeded(seconds: 60),
            .safeUnreadable("unclosed tag"), .safeRoot("foo"), .safeNoValue, .ocppNoSignedValues, .noSuchFile,
            .isDirectory, .cannotOpen, .readError("I/O error"), .repeatedMember(.cdr, "id"),
            .repeatedMember(.signedData, "signed_values"), .noSignedValues, .signedValuesNotArray, .notAUnit,
            .notRecognised(preview: "NOPE|{}"), .keyNotString("1ACME"), .entryWithoutKey(2), .entryWithoutMeter(3),
            .keyListShape, .keyListLine(4), .keyListEmpty,
        ]
        + [InputProblem.SAFEValueProblem.noData, .severalData, .severalKeys, .emptyData("signedData")].map {
            .safeValue(2, $0)
        }
        + ValueKind.samples.flatMap { [.signedDataNotObject($0), .notACDR($0)] }

    /// Every report label.
    static var labels: [any Worded] {
        var all: [ReportLabel] = Verdict.allCases.map(ReportLabel.verdict) + CheckCode.allCases.map(ReportLabel.check)
        all += UnitKind.allCases.map(ReportLabel.unit)
        for source in [KeySource.trusted, .cdr, .embedded] { all += UnitKind.allCases.map { .keySource(source, $0) } }
        all += [SignatureStatus.valid, .invalid, .unchecked].map(ReportLabel.signature)
        all += [ClockQuality.synchronised, .informative, .relative, .unknown, nil].map(ReportLabel.clock)
        all += [
            .repeatsValue(0), .unreadable, .meter, .begin, .end, .energy, .signed, .duration, .signedValues, .deviation,
            .checks,
        ]
        all += [ReadingType.begin, .intermediate, .end, .exception, .unspecified].map(ReportLabel.readingType)
        return all + keyNames + keyErrors + [SignedValue.Nature.start, .end, .intermediate, .other]
            + algorithmProblems + signatureProblems + meterFlagMeanings + attributeValues + inputProblems
            + CDR.Field.allCases.map(CDRProblem.unreadable) + SessionField.allCases + ReceiptPhrase.all
            + [SignatureAlgorithm(curve: .prime256v1)]
    }
}

@Suite("Message catalogue")
struct CatalogueTests {
    /// English words that must not appear in German text (field names such as total_energy are fine).
    static let englishWords = GermanProse.englishWords

    @Test func everyReasonHasTextInBothLanguages() {
        for reason in ReasonSamples.reasons {
            #expect(!reason.english.isEmpty, "\(reason.code)")
            #expect(!reason.german.isEmpty, "\(reason.code)")
        }
        for label in ReasonSamples.labels {
            #expect(!label.english.isEmpty && !label.german.isEmpty, "\(label)")
        }
    }

    @Test func germanTextHoldsNoEnglishWords() throws {
        let pattern = try NSRegularExpression(
            pattern: "\\b(" + Self.englishWords.joined(separator: "|") + ")\\b", options: [.caseInsensitive])
        let texts =
            ReasonSamples.reasons.map { ($0.code, $0.german) } + ReasonSamples.labels.map { ("\($0)", $0.german) }
        for (code, written) in texts {
            let text = GermanProse.withoutQuotedParts(written)
            let range = NSRange(text.startIndex..., in: text)
            let match = pattern.firstMatch(in: text, range: range).flatMap { Range($0.range, in: text) }
            #expect(match == nil, "\(code): \(text)")
        }
    }

    @Test func germanTextWritesGermanNumbersAndDates() {
        let text = EnergyReason.outsideTolerance(
            signed: ReasonSamples.energy, billed: ReasonSamples.billed, tolerance: ReasonSamples.tolerance
        ).german
        #expect(text.contains("28,542 kWh") && text.contains("29,042 kWh") && text.contains("0,001 kWh"))
        let time = TimeReason.outsideTolerance(.start, ReasonSamples.comparison).german
        #expect(time.contains("02.03.2026 14:42:47,675 UTC"), "\(time)")
        #expect(PublicKeyReason.someRecordsWithoutKey(1).english == "1 record has no public key")
        #expect(PublicKeyReason.someRecordsWithoutKey(2).german == "2 Datensätze ohne öffentlichen Schlüssel")
    }

    @Test func codesAreStableDottedAndDocumented() throws {
        let codes = Set(ReasonSamples.reasons.map(\.code))
        let checks = Set(CheckCode.allCases.map(\.rawValue) + ["verified"])
        for code in codes {
            let parts = code.split(separator: ".")
            #expect(parts.count == 2 && checks.contains(String(parts[0])), "\(code)")
            #expect(code.allSatisfy { $0.isLowercase || $0 == "." || $0 == "_" }, "\(code)")
        }
        // Unique: no two different cases of different types share a code unless they mean the same.
        var owner: [String: String] = [:]
        for reason in ReasonSamples.reasons {
            let type = String(describing: Swift.type(of: reason))
            // Wrappers (a check's reason naming a finding) take the finding's code.
            if reason is ConsistencyReason || reason is PublicKeyReason || reason is FormatReason { continue }
            if let other = owner[reason.code] { #expect(other == type, "\(reason.code): \(other) and \(type)") }
            owner[reason.code] = type
        }
        let docs = try String(contentsOf: Paths.repository.appendingPathComponent("Docs/CLI.md"), encoding: .utf8)
        for code in codes.sorted() { #expect(docs.contains("`\(code)`"), "Docs/CLI.md lacks \(code)") }
    }
}
