/// A deviation from a format's specification that did not stop decoding, or a note on how a record
/// was read (a key found inside a wrapper). Cases carry the values the text names: field names as
/// the format writes them, the meter's own text, counts.
public enum Deviation: Sendable, Hashable, CustomStringConvertible {
    // Any format.
    /// The key was found inside a wrapper (PEM text, a JSON object) and read from there.
    case keyWrapped(KeyOrigin, envelope: String)
    /// A field the format requires is absent; decoding went on without it.
    case fieldMissing(String)
    /// The signature is DER but not canonical; it was read leniently.
    case nonCanonicalDER(field: String)
    /// The signature is raw r‖s instead of DER.
    case rawSignature(field: String, bytes: Int)
    /// A register's unit code is not Wh (30).
    case unitNotWh(field: String, code: Int)
    /// A signed local time occurs twice in the zone (end of daylight saving time); the earlier
    /// instant is taken.
    case localTimeTwice(wallClock: String, zone: String)
    /// A signed local time does not exist in the zone (start of daylight saving time); read with
    /// the offset before the change.
    case localTimeSkipped(wallClock: String, zone: String)

    // OCMF.
    /// A 4th (public key) section, which OCMF 1.0.1 and later do not define.
    case ocmfPublicKeySection
    /// The payload is not valid UTF-8; read with replacement characters, verified as received.
    case ocmfPayloadNotUTF8
    /// A field that must be a JSON string is another JSON value.
    case ocmfNotAString(field: String, found: ValueKind)
    /// `PG` is not a context letter followed by a number.
    case ocmfPaginationUnreadable(String)
    /// `IF` holds something else than strings.
    case ocmfFlagNotString
    /// `IF` is a single string instead of an array.
    case ocmfFlagsNotArray
    /// `IF` names a flag OCMF does not define.
    case ocmfUnknownFlag(String)
    /// `RV` is a JSON string instead of a number.
    case ocmfValueAsString(String)
    /// `RV` uses exponent notation.
    case ocmfValueExponent(String)
    /// `SA` spells a brainpool curve another way than the specification.
    case ocmfCurveSpelling(written: String, specified: String)
    /// `SM` names another MIME type than `application/x-der`.
    case ocmfMimeType(String)
    /// `TM` deviates from the specification's grammar.
    case ocmfTime(OCMFTimeDeviation)

    // Alfen.
    /// A blob version other than 3.
    case alfenBlobVersion(String)
    /// A base32 field written in lower case.
    case alfenLowerCaseBase32(AlfenField)
    /// Bytes after the NUL padding of the UID.
    case alfenUIDAfterPadding
    /// The UID is not ASCII text (shown as hex).
    case alfenUIDNotText
    /// The adapter firmware version is not ASCII text (shown as hex).
    case alfenFirmwareNotText
    /// The unit code is not Wh; the value is not read as energy.
    case alfenUnitNotEnergy(Int)

    // EDL40 family.
    /// An SML entry is absent; zeros are signed in its place.
    case entryAbsent(obis: String)
    /// An entry has no status; 0 is signed in its place.
    case entryWithoutStatus(obis: String)
    /// An entry has no time; 0 is signed in its place.
    case entryWithoutTime(obis: String)
    /// The offsets of an SML local timestamp are not a UTC offset.
    case smlOffsetsNotUTCOffset(offset: Int64, season: Int64)
    /// A reserved block byte that is not zero (signed as received).
    case reservedByteNotZero(Int)
    /// The XML arrived entity-escaped and was unescaped once.
    case xmlEntityEscaped
    /// The signature's trailing logbook bytes differ from the container's; the signed ones count.
    case logbookBytesDiffer(signature: String, container: String)
    /// `<signatureMethod>` is missing.
    case signatureMethodMissing
    /// `<signatureMethod>` does not fit the signature's length.
    case signatureMethodMismatch(method: String, bytes: Int, curve: String)
    /// `<encodingMethod>` is not EDL.
    case encodingMethodNotEDL(String)
    /// Mennekes: the signature's logbook bytes are not the `EventCounter`.
    case mennekesLogbookNotEventCounter(logbook: String, eventCounter: UInt64)

    // BSM-WS36A.
    /// A data point outside the signed message.
    case bsmPointNotSigned(String)
    /// A string point without a value, read as the empty string the meter signs.
    case bsmPointValueOmitted(String)
    /// `contract` without `type`; `contract.id` is compared with the signed contract-id directly.
    case bsmContractWithoutType
    /// `@context` does not name bsm-ws36a.
    case bsmContext(String)
    /// `Typ` is not a documented snapshot type (0–4).
    case bsmSnapshotType(String)

    // PCDF.
    /// An attribute PCDF does not define.
    case pcdfUnknownAttribute(String)
    /// The mandatory attributes are not in the usual order.
    case pcdfAttributeOrder([String])
    /// `RV` is not 8 characters.
    case pcdfEnergyLength(String)
    /// `SI` is outside the lengths PCDF allows.
    case pcdfIdentificationLength
    /// The `SI` type is not a single digit.
    case pcdfIdentificationTypeNotDigit(String)
    /// The `SI` type is not a known identification type (1–5).
    case pcdfIdentificationTypeUnknown(String)
    /// `CS` is not 8 hex characters.
    case pcdfChecksum(String)
    /// `HW` is not 11 characters.
    case pcdfHardwareLength(String)
    /// `DT` is not a known DC meter type.
    case pcdfMeterType(String)

    /// A stable machine code.
    public var code: String {
        let part: String
        switch self {
        case .keyWrapped: part = "key_wrapped"
        case .fieldMissing: part = "field_missing"
        case .nonCanonicalDER: part = "non_canonical_der"
        case .rawSignature: part = "raw_signature"
        case .unitNotWh: part = "unit_not_wh"
        case .localTimeTwice: part = "local_time_twice"
        case .localTimeSkipped: part = "local_time_skipped"
        case .ocmfPublicKeySection: part = "ocmf.public_key_section"
        case .ocmfPayloadNotUTF8: part = "ocmf.payload_not_utf8"
        case .ocmfNotAString: part = "ocmf.not_a_string"
        case .ocmfPaginationUnreadable: part = "ocmf.pagination_unreadable"
        case .ocmfFlagNotString: part = "ocmf.flag_not_string"
        case .ocmfFlagsNotArray: part = "ocmf.flags_not_array"
        case .ocmfUnknownFlag: part = "ocmf.unknown_flag"
        case .ocmfValueAsString: part = "ocmf.value_as_string"
        case .ocmfValueExponent: part = "ocmf.value_exponent"
        case .ocmfCurveSpelling: part = "ocmf.curve_spelling"
        case .ocmfMimeType: part = "ocmf.mime_type"
        case .ocmfTime(let time): part = "ocmf.time.\(time.code)"
        case .alfenBlobVersion: part = "alfen.blob_version"
        case .alfenLowerCaseBase32: part = "alfen.lower_case_base32"
        case .alfenUIDAfterPadding: part = "alfen.uid_after_padding"
        case .alfenUIDNotText: part = "alfen.uid_not_text"
        case .alfenFirmwareNotText: part = "alfen.firmware_not_text"
        case .alfenUnitNotEnergy: part = "alfen.unit_not_energy"
        case .entryAbsent: part = "edl40.entry_absent"
        case .entryWithoutStatus: part = "edl40.entry_without_status"
        case .entryWithoutTime: part = "edl40.entry_without_time"
        case .smlOffsetsNotUTCOffset: part = "edl40.offsets_not_utc_offset"
        case .reservedByteNotZero: part = "edl40.reserved_byte_not_zero"
        case .xmlEntityEscaped: part = "edl40.xml_entity_escaped"
        case .logbookBytesDiffer: part = "edl40.logbook_bytes_differ"
        case .signatureMethodMissing: part = "edl40.signature_method_missing"
        case .signatureMethodMismatch: part = "edl40.signature_method_mismatch"
        case .encodingMethodNotEDL: part = "edl40.encoding_method_not_edl"
        case .mennekesLogbookNotEventCounter: part = "mennekes.logbook_not_event_counter"
        case .bsmPointNotSigned: part = "bsm.point_not_signed"
        case .bsmPointValueOmitted: part = "bsm.point_value_omitted"
        case .bsmContractWithoutType: part = "bsm.contract_without_type"
        case .bsmContext: part = "bsm.context"
        case .bsmSnapshotType: part = "bsm.snapshot_type"
        case .pcdfUnknownAttribute: part = "pcdf.unknown_attribute"
        case .pcdfAttributeOrder: part = "pcdf.attribute_order"
        case .pcdfEnergyLength: part = "pcdf.energy_length"
        case .pcdfIdentificationLength: part = "pcdf.identification_length"
        case .pcdfIdentificationTypeNotDigit: part = "pcdf.identification_type_not_digit"
        case .pcdfIdentificationTypeUnknown: part = "pcdf.identification_type_unknown"
        case .pcdfChecksum: part = "pcdf.checksum"
        case .pcdfHardwareLength: part = "pcdf.hardware_length"
        case .pcdfMeterType: part = "pcdf.meter_type"
        }
        return "deviation.\(part)"
    }

    /// The English text (report writers still print `description`).
    public var description: String { english }

    /// One deviation of every case (and every OCMF time deviation), for the catalogue tests.
    static var samples: [Self] {
        [
            .keyWrapped(.embedded, envelope: "PEM"), .fieldMissing("PG"), .nonCanonicalDER(field: "SD"),
            .rawSignature(field: "SD", bytes: 64), .unitNotWh(field: "0100011100ff", code: 27),
            .localTimeTwice(wallClock: "2025-10-26T02:30:00", zone: "Europe/Berlin"),
            .localTimeSkipped(wallClock: "2025-03-30T02:30:00", zone: "Europe/Berlin"), .ocmfPublicKeySection,
            .ocmfPayloadNotUTF8, .ocmfNotAString(field: "MS", found: .number), .ocmfPaginationUnreadable("X"),
            .ocmfFlagNotString, .ocmfFlagsNotArray, .ocmfUnknownFlag("RFID_MAGIC"), .ocmfValueAsString("1.5"),
            .ocmfValueExponent("1e3"), .ocmfCurveSpelling(written: "brainpoolp256r1", specified: "brainpool256r1"),
            .ocmfMimeType("text/plain"),
        ] + OCMFTimeDeviation.samples.map(Deviation.ocmfTime) + [
            .alfenBlobVersion("4"), .alfenLowerCaseBase32(.publicKey), .alfenUIDAfterPadding, .alfenUIDNotText,
            .alfenFirmwareNotText, .alfenUnitNotEnergy(27), .entryAbsent(obis: "8182815401ff"),
            .entryWithoutStatus(obis: "0100011100ff"), .entryWithoutTime(obis: "0100011100ff"),
            .smlOffsetsNotUTCOffset(offset: 60, season: 9999), .reservedByteNotZero(200), .xmlEntityEscaped,
            .logbookBytesDiffer(signature: "0001", container: "0002"), .signatureMethodMissing,
            .signatureMethodMismatch(method: "ECDSA256SHA256", bytes: 48, curve: "P-192"),
            .encodingMethodNotEDL("XYZ"), .mennekesLogbookNotEventCounter(logbook: "0001", eventCounter: 2),
            .bsmPointNotSigned("Foo"), .bsmPointValueOmitted("Meta3"), .bsmContractWithoutType,
            .bsmContext("https://example.org"), .bsmSnapshotType("7"), .pcdfUnknownAttribute("XX"),
            .pcdfAttributeOrder(["ST", "CT"]), .pcdfEnergyLength("3.276"), .pcdfIdentificationLength,
            .pcdfIdentificationTypeNotDigit("x"), .pcdfIdentificationTypeUnknown("9"), .pcdfChecksum("XYZ"),
            .pcdfHardwareLength("123"), .pcdfMeterType("7"),
        ]
    }
}

/// How an OCMF `TM` deviates from the grammar (the last deviation found is kept).
public enum OCMFTimeDeviation: Sendable, Hashable {
    /// `.` instead of `,` before the milliseconds.
    case dotBeforeMilliseconds
    /// Another number of fractional digits than 3.
    case fractionDigits(Int)
    /// No milliseconds.
    case noMilliseconds
    /// `Z` instead of a `+hhmm` offset.
    case zulu
    /// The offset is written with a colon.
    case offsetColon
    /// No time synchronisation flag.
    case noSyncFlag

    var code: String {
        switch self {
        case .dotBeforeMilliseconds: "dot_before_milliseconds"
        case .fractionDigits: "fraction_digits"
        case .noMilliseconds: "no_milliseconds"
        case .zulu: "zulu"
        case .offsetColon: "offset_colon"
        case .noSyncFlag: "no_sync_flag"
        }
    }

    static var samples: [Self] {
        [.dotBeforeMilliseconds, .fractionDigits(6), .noMilliseconds, .zulu, .offsetColon, .noSyncFlag]
    }
}

/// Where a key that verification resolved came from, as texts name it.
public enum KeyOrigin: Sendable, Hashable {
    /// The key that came with the signed data; `perValue` when it travelled with one value.
    case given(UnitKind, perValue: Bool)
    /// The key embedded in the record itself.
    case embedded
    /// The key from the caller's trusted keys.
    case trusted
}
