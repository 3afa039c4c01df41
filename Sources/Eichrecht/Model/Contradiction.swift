/// An unsigned copy of a signed field, travelling with a record, that says something else than the
/// signature covers (the contract's "Unsigned copies" rule).
///
/// The signed value always wins; the copy only decides how loudly the `consistency` check speaks.
/// Most copies are a forger's lever and fail the check (BSM-WS36A's JSON fields); a few are known
/// to be written carelessly by the container and only warn (the UTC offsets Mennekes XML writes
/// next to its signed local times).
public struct Contradiction: Sendable, Hashable, CustomStringConvertible {
    /// How the `consistency` check answers a contradiction.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The check fails (verdict `invalid`).
        case fail
        /// The check warns; the verdict is not affected.
        case warn
    }

    /// What disagrees, with the values on both sides.
    public enum Kind: Sendable, Hashable {
        /// The other OCPI field of the value holds a different record of the same format.
        case otherRecordInField(field: String, format: MeterFormat, signedField: String)
        /// Mennekes XML: the unsigned UTC offset of a signed local time is not the meter time zone's.
        case unsignedOffset(element: String, written: String, zoneOffset: String, zone: String, readAs: String)
        /// BSM-WS36A: the unsigned `value` names a point that is not signed.
        case bsmValueNamesUnsignedPoint(String)
        /// BSM-WS36A: the unsigned `value.measuredValue.value` is not an integer.
        case bsmValueNotInteger(String)
        /// BSM-WS36A: an unsigned `value.measuredValue` field (`value`, `scale`, `unitEncoded`)
        /// differs from the signed point's.
        case bsmValueFieldDiffers(field: String, unsigned: String, point: String, signed: String)
        /// BSM-WS36A: the unsigned `value.measuredValue.unit` is not the unit of the signed point.
        case bsmValueUnitDiffers(unit: String, point: String, signedCode: Int64)
        /// BSM-WS36A: a signed point's unit label contradicts its signed unit code.
        case bsmUnitLabel(unit: String, point: String, signedCode: Int64)
        /// BSM-WS36A: an unsigned copy (`measurementId`, `meterInfo.meterId`) differs from its
        /// signed point (`RCnt`, `MA1`).
        case bsmCopyDiffers(field: String, unsigned: String, point: String, signed: String)
        /// BSM-WS36A: the unsigned `time` is not an ISO 8601 time with an offset.
        case bsmTimeUnreadable(String)
        /// BSM-WS36A: the unsigned `time` differs from the signed `Epoch` + `TZO`.
        case bsmTimeDiffers(unsigned: String, signed: String)
        /// BSM-WS36A: the unsigned contract differs from the signed `Meta1` (nil: absent).
        case bsmContractDiffers(unsigned: String, signed: String?)
        /// BSM-WS36A: the container's EVSE id differs from the signed `Meta2` evse-id.
        case bsmEVSEDiffers(unsigned: String, signed: String)
    }

    /// How the consistency check answers.
    public var severity: Severity
    /// What disagrees.
    public var kind: Kind

    /// A contradiction that fails `consistency` unless `severity` says otherwise.
    public init(_ kind: Kind, severity: Severity = .fail) {
        self.kind = kind
        self.severity = severity
    }

    /// A stable machine code.
    public var code: String {
        switch kind {
        case .otherRecordInField: "contradiction.other_record_in_field"
        case .unsignedOffset: "contradiction.unsigned_offset"
        case .bsmValueNamesUnsignedPoint: "contradiction.bsm.value_names_unsigned_point"
        case .bsmValueNotInteger: "contradiction.bsm.value_not_integer"
        case .bsmValueFieldDiffers: "contradiction.bsm.value_field_differs"
        case .bsmValueUnitDiffers: "contradiction.bsm.value_unit_differs"
        case .bsmUnitLabel: "contradiction.bsm.unit_label"
        case .bsmCopyDiffers: "contradiction.bsm.copy_differs"
        case .bsmTimeUnreadable: "contradiction.bsm.time_unreadable"
        case .bsmTimeDiffers: "contradiction.bsm.time_differs"
        case .bsmContractDiffers: "contradiction.bsm.contract_differs"
        case .bsmEVSEDiffers: "contradiction.bsm.evse_differs"
        }
    }

    /// The English sentence.
    public var text: String { english }

    /// The English sentence (report writers still print `description`).
    public var description: String { english }

    /// One contradiction of every kind, for the catalogue tests.
    static var samples: [Self] {
        [
            Contradiction(.otherRecordInField(field: "plain_data", format: .ocmf, signedField: "signed_data")),
            Contradiction(
                .unsignedOffset(
                    element: "<MeasurementStart><Timestamp>", written: "+01:00", zoneOffset: "+02:00",
                    zone: "Europe/Berlin", readAs: "2018-09-04T12:22:14+02:00"), severity: .warn),
            Contradiction(.bsmValueNamesUnsignedPoint("XYZ")), Contradiction(.bsmValueNotInteger("abc")),
            Contradiction(.bsmValueFieldDiffers(field: "value", unsigned: "100", point: "RCR", signed: "0")),
            Contradiction(.bsmValueUnitDiffers(unit: "JOULE", point: "RCR", signedCode: 30)),
            Contradiction(.bsmUnitLabel(unit: "WATT", point: "RCR", signedCode: 30)),
            Contradiction(.bsmCopyDiffers(field: "measurementId", unsigned: "4711", point: "RCnt", signed: "305")),
            Contradiction(.bsmTimeUnreadable("yesterday")),
            Contradiction(.bsmTimeDiffers(unsigned: "2021-11-30T13:37:00+01:00", signed: "2021-11-30T12:38:47+01:00")),
            Contradiction(.bsmContractDiffers(unsigned: "rfid:deadbeef", signed: nil)),
            Contradiction(.bsmEVSEDiffers(unsigned: "DE*BDO*E2*1", signed: "DE*BDO*E1*1")),
        ]
    }
}
