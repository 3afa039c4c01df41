/// A signed field that must keep its value in every record of one session (`SignedRecord
/// .sessionInvariants`). The raw value is the stable English name (and the order the consistency
/// check compares them in); texts come from the catalogue.
public enum SessionField: String, Worded, Hashable, Codable, CaseIterable {
    case bsmMeterID = "meter id (MA1)"
    case bsmContract = "contract (Meta1)"
    case bsmEVSE = "EVSE (Meta2)"
    case serverID = "server id"
    case obisCode = "OBIS code"
    case unit = "unit"
    case scaler = "scaler"
    case startRegister = "start register"
    case logbookBytes = "logbook bytes"
    case adapterID = "adapter id"
    case adapterFirmware = "adapter firmware"
    case adapterFirmwareChecksum = "adapter firmware checksum"
    case meterID = "meter id"
    case uid = "UID"
    case sessionID = "session id"
    case hardwareSerial = "hardware serial"
    case transactionID = "transaction id"
    case eventCounter = "event counter"
}
