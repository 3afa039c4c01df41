import Foundation
import Testing

@testable import Eichrecht

/// Every typed reason of the decoding stage (format problems, SML problems, deviations,
/// contradictions, attribute labels) has a code and real English and German texts, and the German
/// texts hold no English prose.
@Suite("Decoding texts exist in English and German")
struct DecodingCatalogueTests {
    /// English words a German text must not contain (field names, format names and quoted meter data
    /// are removed first).
    static let denylist = [
        "the", "and", "is", "not", "signed", "value", "record", "meter", "key", "from", "with", "no", "missing",
        "invalid", "expected", "found",
    ]

    /// The English words of the denylist that `german` contains outside backtick- and double-quoted parts.
    static func englishWords(in german: String) -> [String] {
        let unquoted = german.replacingOccurrences(of: "`[^`]*`", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\"[^\"]*\"", with: " ", options: .regularExpression)
        return denylist.filter {
            unquoted.range(of: "\\b\($0)\\b", options: [.regularExpression, .caseInsensitive]) != nil
        }
    }

    /// Non-empty texts in both languages that differ, and a German text without English words.
    static func check(_ code: String, english: String, german: String, sameAllowed: Bool = false) {
        #expect(!code.isEmpty)
        #expect(!english.isEmpty, "\(code)")
        #expect(!german.isEmpty, "\(code)")
        if !sameAllowed { #expect(english != german, "\(code): \(german)") }
        #expect(englishWords(in: german).isEmpty, "\(code): \(englishWords(in: german)) in \(german)")
    }

    static func check(_ item: some Explained, sameAllowed: Bool = false) {
        check(item.code, english: item.text(.en), german: item.text(.de), sameAllowed: sameAllowed)
    }

    @Test func formatProblems() {
        let samples = FormatProblem.samples
        #expect(Set(samples.map(Self.caseIndex)) == Set(0..<Self.formatProblemCases))
        #expect(Set(samples.map(\.code)).count == samples.count, "codes are unique")
        for format in MeterFormat.allCases {
            for problem in samples {
                let error = FormatError(format, problem, offset: 7)
                Self.check(error)
                #expect(error.code.hasPrefix("format.\(format.rawValue.lowercased())."))
                #expect(error.description == error.text(.en))
            }
        }
    }

    @Test func smlProblems() {
        let samples = SMLProblem.samples
        #expect(Set(samples.map(Self.caseIndex)) == Set(0..<Self.smlProblemCases))
        #expect(Set(samples.map(\.code)).count == samples.count, "codes are unique")
        for problem in samples { Self.check(FormatError(.edl40SML, .sml(problem), offset: 3)) }
        for structure in SMLStructure.allCases {
            Self.check(FormatError(.isaEDL40, .sml(.notAListOf(structure, count: 2))))
        }
    }

    @Test func valueKindsAndLengths() {
        #expect(Set(ValueKind.samples.map(Self.caseIndex)) == Set(0..<Self.valueKindCases))
        for kind in ValueKind.samples {
            for found in [nil, kind] {
                Self.check(
                    FormatError(.bsmWS36A, .invalidValue(field: "RCR.value", value: "12", expected: kind, found: found))
                )
            }
            Self.check(FormatError(.ocmf, .topLevelNotObject(found: kind)))
        }
        for length in [ExpectedLength.exactly(10), .atMost(128), .oneOf([48, 50])] {
            Self.check(FormatError(.mennekes, .badLength(field: "<ServerId>", expected: length, actual: 9)))
        }
        for field in [AlfenField.type, .blobVersion, .publicKey, .dataset, .signature] {
            Self.check(FormatError(.alfen, .alfenFieldEmpty(field)))
        }
    }

    @Test func deviations() {
        let samples = Deviation.samples
        #expect(Set(samples.map(Self.caseIndex)) == Set(0..<Self.deviationCases))
        #expect(Set(OCMFTimeDeviation.samples.map(Self.caseIndex)) == Set(0..<Self.ocmfTimeDeviationCases))
        #expect(Set(samples.map(\.code)).count == samples.count, "codes are unique")
        for deviation in samples { Self.check(deviation) }
        var origins: [KeyOrigin] = [.embedded, .trusted]
        for unit in UnitKind.allCases { origins += [.given(unit, perValue: false), .given(unit, perValue: true)] }
        for origin in origins { Self.check(Deviation.keyWrapped(origin, envelope: "PEM")) }
    }

    @Test func contradictions() {
        let samples = Contradiction.samples
        #expect(Set(samples.map { Self.caseIndex($0.kind) }) == Set(0..<Self.contradictionKindCases))
        #expect(Set(samples.map(\.code)).count == samples.count, "codes are unique")
        for contradiction in samples { Self.check(contradiction) }
        #expect(Contradiction(.bsmValueNotInteger("x")).severity == .fail)
    }

    @Test func attributeLabels() {
        let samples = AttributeLabel.samples
        #expect(Set(samples.map(Self.caseIndex)) == Set(0..<Self.attributeLabelCases))
        #expect(Set(samples.map(\.code)).count == samples.count, "codes are unique")
        for label in samples {
            // Names (ESTH, UID) and a meter's own field names are written the same in both languages.
            let isName = [.esth, .uid].contains(label) || label.code.hasPrefix("attribute.field.")
            Self.check(label, sameAllowed: isName)
            #expect(label.description == label.text(.en))
        }
        #expect(AttributeLabel.field("RCR").text(.de) == "RCR")
    }

    @Test func undecodedAndSignedBytesRules() {
        let reasons: [UndecodedReason] = [
            .unrecognised(encodingMethod: "X"), .unrecognised(encodingMethod: nil), .unsupported(format: "Y"),
        ]
        for reason in reasons { Self.check(reason) }
        for rule in SignedBytesRule.allCases { Self.check(rule) }
    }

    @Test func denylistFindsEnglish() {
        #expect(
            Self.englishWords(in: "the value is missing")
                == ["the", "is", "value", "missing"].sorted {
                    Self.denylist.firstIndex(of: $0) ?? 0 < Self.denylist.firstIndex(of: $1) ?? 0
                })
        #expect(Self.englishWords(in: "`value.measuredValue.value` \"no meter\" fehlt").isEmpty)
    }
}

extension DecodingCatalogueTests {
    /// The position of `item`'s case among all cases of `FormatProblem` (every one of them): an exhaustive
    /// switch, so a new case does not compile until it is listed here and given a sample.
    static func caseIndex(_ item: FormatProblem) -> Int {
        switch item {
        case .valueCarriesNoData: 0
        case .notARecordInAnyTransport: 1
        case .tooManyReadings: 2
        case .missingField: 3
        case .emptyField: 4
        case .duplicateField: 5
        case .badLength: 6
        case .scalerOutOfRange: 7
        case .invalidValue: 8
        case .topLevelNotObject: 9
        case .doesNotStartWith: 10
        case .nonPrintableByte: 11
        case .malformedJSON: 12
        case .malformedXML: 13
        case .malformedEscapedXML: 14
        case .wrongRoot: 15
        case .unknownEncoding: 16
        case .endsInside: 17
        case .endsBefore: 18
        case .sml: 19
        case .ocmfNoSeparatorAfterHeader: 20
        case .ocmfSectionMissing: 21
        case .ocmfSectionEmpty: 22
        case .ocmfSectionNotObject: 23
        case .ocmfSectionUnterminated: 24
        case .ocmfSectionNotJSON: 25
        case .ocmfTextAfterSection: 26
        case .ocmfTooManySections: 27
        case .alfenFieldCount: 28
        case .alfenUnknownType: 29
        case .alfenFieldEmpty: 30
        case .alfenNotBase32Character: 31
        case .alfenBase32AfterPadding: 32
        case .alfenNotBase32: 33
        case .alfenFieldLength: 34
        case .missingEntry: 35
        case .isaListName: 36
        case .mennekesNoProcesses: 37
        case .mennekesNoMeasurement: 38
        case .bsmSignedPointMissing: 39
        case .bsmValueType: 40
        case .bsmNotLatin1: 41
        case .pcdfSTXWithoutETX: 42
        case .pcdfETXWithoutSTX: 43
        case .pcdfExpectedAttribute: 44
        case .pcdfAttributeForm: 45
        case .pcdfAttributeName: 46
        case .pcdfParenthesisInAttribute: 47
        case .pcdfAttributeAfterSignature: 48
        case .pcdfEnergyUnit: 49
        }
    }
    static let formatProblemCases = 50

    /// The position of `item`'s case among all cases of `SMLProblem` (every one of them): an exhaustive
    /// switch, so a new case does not compile until it is listed here and given a sample.
    static func caseIndex(_ item: SMLProblem) -> Int {
        switch item {
        case .noBeginSequence: 0
        case .noEndSequence: 1
        case .endsInsideEscape: 2
        case .secondBeginSequence: 3
        case .unknownEscape: 4
        case .tooMuchPadding: 5
        case .paddingBeyondFile: 6
        case .paddingNotZero: 7
        case .fileChecksumMismatch: 8
        case .bytesAfterEnd: 9
        case .noMessage: 10
        case .noGetListResponse: 11
        case .notAListOf: 12
        case .elementType: 13
        case .endsBeforeChecksum: 14
        case .checksumType: 15
        case .messageChecksumMismatch: 16
        case .noEndOfMessage: 17
        case .endsInsideElement: 18
        case .continuedTypeLength: 19
        case .typeLengthTooLong: 20
        case .lengthShorterThanTypeLength: 21
        case .endOfMessageInElement: 22
        case .nestedTooDeep: 23
        case .listTooLong: 24
        case .elementTooLong: 25
        case .unknownType: 26
        case .booleanLength: 27
        case .integerLength: 28
        case .timeChoice: 29
        }
    }
    static let smlProblemCases = 30

    /// The position of `item`'s case among all cases of `Deviation` (every one of them): an exhaustive
    /// switch, so a new case does not compile until it is listed here and given a sample.
    static func caseIndex(_ item: Deviation) -> Int {
        switch item {
        case .keyWrapped: 0
        case .fieldMissing: 1
        case .nonCanonicalDER: 2
        case .rawSignature: 3
        case .unitNotWh: 4
        case .localTimeTwice: 5
        case .localTimeSkipped: 6
        case .ocmfPublicKeySection: 7
        case .ocmfPayloadNotUTF8: 8
        case .ocmfNotAString: 9
        case .ocmfPaginationUnreadable: 10
        case .ocmfFlagNotString: 11
        case .ocmfFlagsNotArray: 12
        case .ocmfUnknownFlag: 13
        case .ocmfValueAsString: 14
        case .ocmfValueExponent: 15
        case .ocmfCurveSpelling: 16
        case .ocmfMimeType: 17
        case .ocmfTime: 18
        case .alfenBlobVersion: 19
        case .alfenLowerCaseBase32: 20
        case .alfenUIDAfterPadding: 21
        case .alfenUIDNotText: 22
        case .alfenFirmwareNotText: 23
        case .alfenUnitNotEnergy: 24
        case .entryAbsent: 25
        case .entryWithoutStatus: 26
        case .entryWithoutTime: 27
        case .smlOffsetsNotUTCOffset: 28
        case .reservedByteNotZero: 29
        case .xmlEntityEscaped: 30
        case .logbookBytesDiffer: 31
        case .signatureMethodMissing: 32
        case .signatureMethodMismatch: 33
        case .encodingMethodNotEDL: 34
        case .mennekesLogbookNotEventCounter: 35
        case .bsmPointNotSigned: 36
        case .bsmPointValueOmitted: 37
        case .bsmContractWithoutType: 38
        case .bsmContext: 39
        case .bsmSnapshotType: 40
        case .pcdfUnknownAttribute: 41
        case .pcdfAttributeOrder: 42
        case .pcdfEnergyLength: 43
        case .pcdfIdentificationLength: 44
        case .pcdfIdentificationTypeNotDigit: 45
        case .pcdfIdentificationTypeUnknown: 46
        case .pcdfChecksum: 47
        case .pcdfHardwareLength: 48
        case .pcdfMeterType: 49
        }
    }
    static let deviationCases = 50

    /// The position of `item`'s case among all cases of `OCMFTimeDeviation` (every one of them): an exhaustive
    /// switch, so a new case does not compile until it is listed here and given a sample.
    static func caseIndex(_ item: OCMFTimeDeviation) -> Int {
        switch item {
        case .dotBeforeMilliseconds: 0
        case .fractionDigits: 1
        case .noMilliseconds: 2
        case .zulu: 3
        case .offsetColon: 4
        case .noSyncFlag: 5
        }
    }
    static let ocmfTimeDeviationCases = 6

    /// The position of `item`'s case among all cases of `Contradiction.Kind` (every one of them): an exhaustive
    /// switch, so a new case does not compile until it is listed here and given a sample.
    static func caseIndex(_ item: Contradiction.Kind) -> Int {
        switch item {
        case .otherRecordInField: 0
        case .unsignedOffset: 1
        case .bsmValueNamesUnsignedPoint: 2
        case .bsmValueNotInteger: 3
        case .bsmValueFieldDiffers: 4
        case .bsmValueUnitDiffers: 5
        case .bsmUnitLabel: 6
        case .bsmCopyDiffers: 7
        case .bsmTimeUnreadable: 8
        case .bsmTimeDiffers: 9
        case .bsmContractDiffers: 10
        case .bsmEVSEDiffers: 11
        }
    }
    static let contradictionKindCases = 12

    /// The position of `item`'s case among all cases of `AttributeLabel` (every one of them): an exhaustive
    /// switch, so a new case does not compile until it is listed here and given a sample.
    static func caseIndex(_ item: AttributeLabel) -> Int {
        switch item {
        case .lineType: 0
        case .blobVersion: 1
        case .adapterID: 2
        case .adapterFirmware: 3
        case .adapterFirmwareVersion: 4
        case .adapterFirmwareChecksum: 5
        case .firmwareChecksum: 6
        case .meterID: 7
        case .meterStatus: 8
        case .adapterStatus: 9
        case .status: 10
        case .secondIndex: 11
        case .timestamp: 12
        case .meterValue: 13
        case .sessionID: 14
        case .uid: 15
        case .scaler: 16
        case .unit: 17
        case .obisCode: 18
        case .pagination: 19
        case .pcdfStart: 20
        case .pcdfStop: 21
        case .pcdfChargingDuration: 22
        case .pcdfTimeValid: 23
        case .pcdfBillingValid: 24
        case .pcdfSessionCounter: 25
        case .pcdfStopDataPresent: 26
        case .pcdfSessionEnergy: 27
        case .pcdfIdentification: 28
        case .pcdfTransaction: 29
        case .pcdfSoftwareChecksum: 30
        case .pcdfHardwareSerial: 31
        case .pcdfMeterType: 32
        case .bsmSnapshotType: 33
        case .meterTypeUnsigned: 34
        case .firmwareUnsigned: 35
        case .evseUnsigned: 36
        case .fileChecksum: 37
        case .messageChecksums: 38
        case .telegram: 39
        case .serverID: 40
        case .startRegister: 41
        case .startRegisterTime: 42
        case .actualRegister: 43
        case .actualRegisterTime: 44
        case .startStatus: 45
        case .actualStatus: 46
        case .logEntryIndex: 47
        case .contractID: 48
        case .esth: 49
        case .valueSignature: 50
        case .curve: 51
        case .sensorTime: 52
        case .readingTimeAsWritten: 53
        case .container: 54
        case .readingTime: 55
        case .statusByte: 56
        case .secondsIndex: 57
        case .logbookBytes: 58
        case .contractTimeBlock: 59
        case .contractTime: 60
        case .statusWord: 61
        case .listName: 62
        case .signatureVersion: 63
        case .historicalValue: 64
        case .historicalCompensatedValue: 65
        case .lineResistance: 66
        case .stopwatch: 67
        case .price: 68
        case .meteringPoint: 69
        case .eventCounter: 70
        case .meterTimeZone: 71
        case .signatureMethod: 72
        case .measurement: 73
        case .measurementID: 74
        case .contractTypeUnsigned: 75
        case .transactionIDUnsigned: 76
        case .field: 77
        }
    }
    static let attributeLabelCases = 78

    /// The position of `item`'s case among all cases of `ValueKind` (every one of them): an exhaustive
    /// switch, so a new case does not compile until it is listed here and given a sample.
    static func caseIndex(_ item: ValueKind) -> Int {
        switch item {
        case .jsonObject: 0
        case .jsonArray: 1
        case .nonEmptyArray: 2
        case .text: 3
        case .number: 4
        case .boolean: 5
        case .null: 6
        case .integer: 7
        case .integerIn: 8
        case .unsignedUpTo: 9
        case .unsignedNumber: 10
        case .unsigned: 11
        case .digits: 12
        case .singleDigit: 13
        case .oneOf: 14
        case .fitting: 15
        case .octetString: 16
        case .smlInteger: 17
        case .smlUnsigned: 18
        case .smlList: 19
        case .list: 20
        case .absent: 21
        case .obisCode: 22
        case .secondsIndex: 23
        case .hex: 24
        case .encoded: 25
        case .textEncodingName: 26
        case .ocmfTime: 27
        case .isoTimeWithOffset: 28
        case .pcdfTime: 29
        case .pcdfDuration: 30
        case .pcdfEnergy: 31
        case .pcdfIdentification: 32
        }
    }
    static let valueKindCases = 33
}
