/// The OCMF meter states (`ST`), by their letter.
public enum OCMFMeterStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case notPresent = "N"
    case ok = "G"
    case timeout = "T"
    case disconnected = "D"
    case notFound = "R"
    case manipulated = "M"
    case exchanged = "X"
    case incompatible = "I"
    case outOfRange = "O"
    case substitute = "S"
    case otherError = "E"
    case readError = "F"
}

/// The documented conditions of the Alfen status word (meter bits 0–15, adapter bits 16–31).
public enum AlfenCondition: String, Sendable, Hashable, Codable, CaseIterable {
    case rtcError, eepromError, dataflashError, phaseL1Failure, phaseL2Failure, phaseL3Failure
    case phaseSequenceWrong, fatalError, startStopMismatch, intermediateCommand, stopChargeCommand
    case startChargeCommand, memoryError, meterCommunicationError
}

extension MeterFlag {
    /// What a flag means, with the values the meter signed; the catalogue words it.
    public enum Meaning: Worded, Hashable, Codable {
        /// OCMF `ST` other than `G` (as written, and the state it names when it is one).
        case ocmfStatus(written: String, OCMFMeterStatus?)
        /// OCMF `EF` holds `E`: the energy is no longer billable (`EF` as written).
        case ocmfEnergyUnusable(errorFlags: String)
        /// OCMF `EF` holds `t`: the time is no longer billable (`EF` as written).
        case ocmfTimeUnusable(errorFlags: String)
        /// OCMF `TX=X`: an exception during charging.
        case ocmfException
        /// BSM-WS36A `Evt` other than 0 (its meaning is not documented).
        case bsmEvent(Int64)
        /// A bit of the Alfen status word; `condition` is `nil` for an undocumented bit, `error`
        /// says the reading must not be billed.
        case alfenStatusBit(word: UInt32, bit: Int, condition: AlfenCondition?, error: Bool)
        /// PCDF `BV` other than 1 (as written): the meter does not allow billing.
        case pcdfBillingNotAllowed(String)
        /// PCDF `SP` other than 1 (as written): the stop data is missing.
        case pcdfStopDataMissing(String)
        /// PCDF `TV:0`: the meter marks its time as not valid.
        case pcdfTimeNotValid
    }
}
