// English texts of what decoding notes: deviations from a format's specification and unsigned
// copies that contradict the signed data.

/// Meter data as English texts show it: escaped, in double quotes.
private func quoted(_ text: String) -> String { "\"\(TextSafety.escaped(text))\"" }
private func name(_ text: String) -> String { TextSafety.escaped(text) }

extension Deviation: Explained {
    public var english: String {
        switch self {
        case .keyWrapped(let origin, let envelope): return "\(origin.english) is wrapped: read from \(envelope)"
        case .fieldMissing(let field): return "\(name(field)) is missing"
        case .nonCanonicalDER(let field): return "\(name(field)) is not canonical DER (read leniently)"
        case .rawSignature(let field, let bytes): return "\(name(field)) is raw r‖s (\(bytes) bytes), not DER"
        case .unitNotWh(let field, let code): return "\(name(field)): unit code \(code) is not Wh (30)"
        case .localTimeTwice(let wall, let zone):
            return "local time \(wall) occurs twice in \(name(zone)) (end of daylight saving time); "
                + "read as the earlier instant"
        case .localTimeSkipped(let wall, let zone):
            return "local time \(wall) does not exist in \(name(zone)) (start of daylight saving time); "
                + "read with the offset before the change"
        case .ocmfPublicKeySection:
            return "a 4th (public key) section is present; OCMF 1.0.1 and later do not define it"
        case .ocmfPayloadNotUTF8:
            return
                "the payload is not valid UTF-8 (read with replacement characters; the signature covers the bytes as received)"
        case .ocmfNotAString(let field, let found): return "\(name(field)) is \(found.english), not a string"
        case .ocmfPaginationUnreadable(let pg): return "PG \(quoted(pg)) is not a context letter followed by a number"
        case .ocmfFlagNotString: return "IF holds a non-string"
        case .ocmfFlagsNotArray: return "IF is a string, not an array"
        case .ocmfUnknownFlag(let flag): return "unknown identification flag \(quoted(flag))"
        case .ocmfValueAsString(let value): return "RV \(quoted(value)) is a string, not a JSON number"
        case .ocmfValueExponent(let value): return "RV \(quoted(value)) uses exponent notation"
        case .ocmfCurveSpelling(let written, let specified):
            return "SA spells the curve \(quoted(written)) (the specification writes \(specified))"
        case .ocmfMimeType(let mime): return "SM \(quoted(mime)) is not application/x-der"
        case .ocmfTime(let time): return time.english
        case .alfenBlobVersion(let version): return "blob version \(quoted(version)); every known Alfen line has 3"
        case .alfenLowerCaseBase32(let field): return "\(field.english) is written in lower-case base32"
        case .alfenUIDAfterPadding: return "the UID field holds bytes after its NUL padding"
        case .alfenUIDNotText: return "the UID is not ASCII text (shown as hex)"
        case .alfenFirmwareNotText: return "the adapter firmware version is not ASCII text (shown as hex)"
        case .alfenUnitNotEnergy(let code): return "unit code \(code) is not Wh (30); the value is not read as energy"
        case .entryAbsent(let obis): return "no entry \(name(obis)); zeros are signed in its place"
        case .entryWithoutStatus(let obis): return "entry \(name(obis)) has no status; 0 is signed in its place"
        case .entryWithoutTime(let obis): return "entry \(name(obis)) has no time; 0 is signed in its place"
        case .smlOffsetsNotUTCOffset(let offset, let season):
            return "the local timestamp's offsets (\(offset) + \(season) min) are not a UTC offset"
        case .reservedByteNotZero(let byte): return "reserved block byte \(byte) is not zero (signed as received)"
        case .xmlEntityEscaped:
            return "the XML arrived entity-escaped (&lt;signedMeterValue&gt;) and was unescaped once"
        case .logbookBytesDiffer(let signature, let container):
            return "the signature's trailing logbook bytes \(signature) differ from the container's \(container); "
                + "the signed bytes count"
        case .signatureMethodMissing: return "<signatureMethod> is missing"
        case .signatureMethodMismatch(let method, let bytes, let curve):
            return "<signatureMethod> \(quoted(method)) does not match the \(bytes)-byte signature (\(curve))"
        case .encodingMethodNotEDL(let method): return "<encodingMethod> is \(quoted(method)), not EDL"
        case .mennekesLogbookNotEventCounter(let logbook, let counter):
            return "the signature's logbook bytes \(logbook) are not the EventCounter \(counter)"
        case .bsmPointNotSigned(let point): return "data point \(name(point)) is not part of the signed message"
        case .bsmPointValueOmitted(let point):
            return "data point \(name(point)) has no value; read as the empty string the meter signs"
        case .bsmContractWithoutType:
            return "contract has no type; contract.id is compared with the signed Meta1 contract-id directly"
        case .bsmContext(let context): return "@context \(quoted(context)) does not name bsm-ws36a"
        case .bsmSnapshotType(let type): return "Typ \(quoted(type)) is not a documented snapshot type (0–4)"
        case .pcdfUnknownAttribute(let key): return "unknown attribute \(name(key))"
        case .pcdfAttributeOrder(let order):
            return "the attributes are not in the usual order (\(order.joined(separator: ", ")))"
        case .pcdfEnergyLength(let value): return "RV \(quoted(value)) is not 8 characters (nnnn.nnn)"
        case .pcdfIdentificationLength:
            return "SI is outside the lengths PCDF allows (idTag and transaction 1–36, total 5–75)"
        case .pcdfIdentificationTypeNotDigit(let type): return "SI type \(quoted(type)) is not a single digit"
        case .pcdfIdentificationTypeUnknown(let type):
            return "SI type \(quoted(type)) is not a known identification type (1–5)"
        case .pcdfChecksum(let checksum): return "CS \(quoted(checksum)) is not 8 hex characters"
        case .pcdfHardwareLength(let serial): return "HW \(quoted(serial)) is not 11 characters"
        case .pcdfMeterType(let type): return "DT \(quoted(type)) is not a known DC meter type (0 = PES DC meter EU)"
        }
    }
}

extension OCMFTimeDeviation {
    var english: String {
        switch self {
        case .dotBeforeMilliseconds: "TM uses '.' instead of ',' before the milliseconds"
        case .fractionDigits(let digits): "TM has \(digits) fractional digits instead of 3"
        case .noMilliseconds: "TM has no milliseconds"
        case .zulu: "TM uses 'Z' instead of a +hhmm offset"
        case .offsetColon: "TM offset is written with a colon"
        case .noSyncFlag: "TM has no time synchronisation flag"
        }
    }
}

extension KeyOrigin {
    /// How English names the key, as the start of a sentence is not needed (lower case).
    public var english: String {
        switch self {
        case .embedded: return "the key embedded in the record"
        case .trusted: return "the trusted key"
        case .given(let unit, let perValue):
            switch (unit, perValue) {
            case (.cdr, false): return "the CDR's public_key"
            case (.cdr, true), (.signedData, true): return "the value's public_key"
            case (.signedData, false): return "signed_data's public_key"
            case (.safeTransaction, _): return "the S.A.F.E. <publicKey>"
            case (.ocppMessage, _): return "the OCPP publicKey"
            case (.rawRecord, _): return "the key given with the record"
            }
        }
    }
}

extension Contradiction: Explained {
    public var english: String {
        switch kind {
        case .otherRecordInField(let field, let format, let signedField):
            return "\(field) holds another \(format.rawValue) record than \(signedField) (different signed data)"
        case .unsignedOffset(let element, let written, let zoneOffset, let zone, let readAs):
            return "the unsigned UTC offset \(written) of \(element) is not \(zoneOffset) of the meter time zone "
                + "\(zone); the signed local time is read as \(readAs)"
        case .bsmValueNamesUnsignedPoint(let point):
            return "the unsigned value names \(name(point)), which is not a signed data point"
        case .bsmValueNotInteger(let text):
            return "the unsigned value.measuredValue.value \(quoted(text)) is not an integer"
        case .bsmValueFieldDiffers(let field, let unsigned, let point, let signed):
            return "the unsigned value.measuredValue.\(name(field)) \(name(unsigned)) differs from the signed "
                + "\(name(point)) \(name(field)) \(name(signed))"
        case .bsmValueUnitDiffers(let unit, let point, let code):
            return "the unsigned value.measuredValue.unit \(name(unit)) is not the unit of the signed \(name(point)) "
                + "(unit code \(code))"
        case .bsmUnitLabel(let unit, let point, let code):
            return "the unit label \(name(unit)) of \(name(point)) contradicts its signed unit code \(code)"
        case .bsmCopyDiffers(let field, let unsigned, let point, let signed):
            return
                "the unsigned \(name(field)) \(name(unsigned)) differs from the signed \(name(point)) \(name(signed))"
        case .bsmTimeUnreadable(let time):
            return "the unsigned time \(quoted(time)) is not an ISO 8601 time with an offset"
        case .bsmTimeDiffers(let unsigned, let signed):
            return "the unsigned time \(name(unsigned)) differs from the signed Epoch + TZO \(signed)"
        case .bsmContractDiffers(let unsigned, let signed):
            return "the unsigned contract \(name(unsigned)) differs from the signed Meta1 "
                + (signed.map(quoted) ?? "(absent)")
        case .bsmEVSEDiffers(let unsigned, let signed):
            return "the container's EVSE id \(name(unsigned)) differs from the signed Meta2 evse-id \(name(signed))"
        }
    }
}
