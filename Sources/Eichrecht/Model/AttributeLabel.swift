/// What a signed field shown in reports is: the label of an `Attribute`. A vendor's own field name
/// shown as written (a BSM-WS36A data point such as `RCR`) is `.field`, printed as is in every
/// language.
public enum AttributeLabel: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `line type`.
    case lineType
    /// `blob version`.
    case blobVersion
    /// `adapter id`.
    case adapterID
    /// `adapter firmware`.
    case adapterFirmware
    /// `adapter firmware version`.
    case adapterFirmwareVersion
    /// `adapter firmware checksum`.
    case adapterFirmwareChecksum
    /// `firmware checksum`.
    case firmwareChecksum
    /// `meter id`.
    case meterID
    /// `meter status`.
    case meterStatus
    /// `adapter status`.
    case adapterStatus
    /// `status`.
    case status
    /// `second index`.
    case secondIndex
    /// `timestamp`.
    case timestamp
    /// `meter value`.
    case meterValue
    /// `session id`.
    case sessionID
    /// `UID`.
    case uid
    /// `scaler`.
    case scaler
    /// `unit`.
    case unit
    /// `OBIS code`.
    case obisCode
    /// `pagination`.
    case pagination
    /// `start (ST)`.
    case pcdfStart
    /// `stop (CT)`.
    case pcdfStop
    /// `charging duration (CD)`.
    case pcdfChargingDuration
    /// `time valid (TV)`.
    case pcdfTimeValid
    /// `billing valid (BV)`.
    case pcdfBillingValid
    /// `session counter (CSC)`.
    case pcdfSessionCounter
    /// `stop data present (SP)`.
    case pcdfStopDataPresent
    /// `session energy (RV)`.
    case pcdfSessionEnergy
    /// `identification (SI)`.
    case pcdfIdentification
    /// `transaction (SI)`.
    case pcdfTransaction
    /// `software checksum (CS)`.
    case pcdfSoftwareChecksum
    /// `hardware serial (HW)`.
    case pcdfHardwareSerial
    /// `meter type (DT)`.
    case pcdfMeterType
    /// `snapshot type (Typ)`.
    case bsmSnapshotType
    /// `meter type (unsigned)`.
    case meterTypeUnsigned
    /// `firmware (unsigned)`.
    case firmwareUnsigned
    /// `EVSE (unsigned)`.
    case evseUnsigned
    /// `file checksum`.
    case fileChecksum
    /// `message checksums`.
    case messageChecksums
    /// `telegram`.
    case telegram
    /// `server id`.
    case serverID
    /// `start register`.
    case startRegister
    /// `start register time (block, local)`.
    case startRegisterTime
    /// `actual register`.
    case actualRegister
    /// `actual register time (block, local)`.
    case actualRegisterTime
    /// `start status`.
    case startStatus
    /// `actual status`.
    case actualStatus
    /// `log entry index`.
    case logEntryIndex
    /// `contract id`.
    case contractID
    /// `ESTH`.
    case esth
    /// `value signature`.
    case valueSignature
    /// `curve`.
    case curve
    /// `sensor time`.
    case sensorTime
    /// `reading time as written`.
    case readingTimeAsWritten
    /// `container`.
    case container
    /// `reading time (block, local)`.
    case readingTime
    /// `status byte`.
    case statusByte
    /// `seconds index`.
    case secondsIndex
    /// `logbook bytes`.
    case logbookBytes
    /// `contract id time (block, local)`.
    case contractTimeBlock
    /// `contract id time`.
    case contractTime
    /// `status word`.
    case statusWord
    /// `list name`.
    case listName
    /// `signature version`.
    case signatureVersion
    /// `historical value (raw)`.
    case historicalValue
    /// `historical compensated value (raw)`.
    case historicalCompensatedValue
    /// `power-line resistance`.
    case lineResistance
    /// `stopwatch`.
    case stopwatch
    /// `price`.
    case price
    /// `metering point`.
    case meteringPoint
    /// `event counter`.
    case eventCounter
    /// `meter time zone (block times are local)`.
    case meterTimeZone
    /// `signature method`.
    case signatureMethod
    /// `measurement`.
    case measurement
    /// `measurement id`.
    case measurementID
    /// `contract type (unsigned)`.
    case contractTypeUnsigned
    /// `transaction id (unsigned)`.
    case transactionIDUnsigned
    /// A field name from the meter data, shown as written.
    case field(String)

    /// A stable machine code: `attribute.<name>`; a meter's own field is `attribute.field.<name>`.
    public var code: String {
        switch self {
        case .lineType: "attribute.line_type"
        case .blobVersion: "attribute.blob_version"
        case .adapterID: "attribute.adapter_id"
        case .adapterFirmware: "attribute.adapter_firmware"
        case .adapterFirmwareVersion: "attribute.adapter_firmware_version"
        case .adapterFirmwareChecksum: "attribute.adapter_firmware_checksum"
        case .firmwareChecksum: "attribute.firmware_checksum"
        case .meterID: "attribute.meter_id"
        case .meterStatus: "attribute.meter_status"
        case .adapterStatus: "attribute.adapter_status"
        case .status: "attribute.status"
        case .secondIndex: "attribute.second_index"
        case .timestamp: "attribute.timestamp"
        case .meterValue: "attribute.meter_value"
        case .sessionID: "attribute.session_id"
        case .uid: "attribute.uid"
        case .scaler: "attribute.scaler"
        case .unit: "attribute.unit"
        case .obisCode: "attribute.obis_code"
        case .pagination: "attribute.pagination"
        case .pcdfStart: "attribute.pcdf_start"
        case .pcdfStop: "attribute.pcdf_stop"
        case .pcdfChargingDuration: "attribute.pcdf_charging_duration"
        case .pcdfTimeValid: "attribute.pcdf_time_valid"
        case .pcdfBillingValid: "attribute.pcdf_billing_valid"
        case .pcdfSessionCounter: "attribute.pcdf_session_counter"
        case .pcdfStopDataPresent: "attribute.pcdf_stop_data_present"
        case .pcdfSessionEnergy: "attribute.pcdf_session_energy"
        case .pcdfIdentification: "attribute.pcdf_identification"
        case .pcdfTransaction: "attribute.pcdf_transaction"
        case .pcdfSoftwareChecksum: "attribute.pcdf_software_checksum"
        case .pcdfHardwareSerial: "attribute.pcdf_hardware_serial"
        case .pcdfMeterType: "attribute.pcdf_meter_type"
        case .bsmSnapshotType: "attribute.bsm_snapshot_type"
        case .meterTypeUnsigned: "attribute.meter_type_unsigned"
        case .firmwareUnsigned: "attribute.firmware_unsigned"
        case .evseUnsigned: "attribute.evse_unsigned"
        case .fileChecksum: "attribute.file_checksum"
        case .messageChecksums: "attribute.message_checksums"
        case .telegram: "attribute.telegram"
        case .serverID: "attribute.server_id"
        case .startRegister: "attribute.start_register"
        case .startRegisterTime: "attribute.start_register_time"
        case .actualRegister: "attribute.actual_register"
        case .actualRegisterTime: "attribute.actual_register_time"
        case .startStatus: "attribute.start_status"
        case .actualStatus: "attribute.actual_status"
        case .logEntryIndex: "attribute.log_entry_index"
        case .contractID: "attribute.contract_id"
        case .esth: "attribute.esth"
        case .valueSignature: "attribute.value_signature"
        case .curve: "attribute.curve"
        case .sensorTime: "attribute.sensor_time"
        case .readingTimeAsWritten: "attribute.reading_time_as_written"
        case .container: "attribute.container"
        case .readingTime: "attribute.reading_time"
        case .statusByte: "attribute.status_byte"
        case .secondsIndex: "attribute.seconds_index"
        case .logbookBytes: "attribute.logbook_bytes"
        case .contractTimeBlock: "attribute.contract_time_block"
        case .contractTime: "attribute.contract_time"
        case .statusWord: "attribute.status_word"
        case .listName: "attribute.list_name"
        case .signatureVersion: "attribute.signature_version"
        case .historicalValue: "attribute.historical_value"
        case .historicalCompensatedValue: "attribute.historical_compensated_value"
        case .lineResistance: "attribute.line_resistance"
        case .stopwatch: "attribute.stopwatch"
        case .price: "attribute.price"
        case .meteringPoint: "attribute.metering_point"
        case .eventCounter: "attribute.event_counter"
        case .meterTimeZone: "attribute.meter_time_zone"
        case .signatureMethod: "attribute.signature_method"
        case .measurement: "attribute.measurement"
        case .measurementID: "attribute.measurement_id"
        case .contractTypeUnsigned: "attribute.contract_type_unsigned"
        case .transactionIDUnsigned: "attribute.transaction_id_unsigned"
        case .field(let name): "attribute.field.\(name)"
        }
    }

    /// The English label (report writers still print `description`).
    public var description: String { english }

    /// One label of every case, for the catalogue tests.
    static var samples: [Self] {
        [
            .lineType, .blobVersion, .adapterID, .adapterFirmware, .adapterFirmwareVersion, .adapterFirmwareChecksum,
            .firmwareChecksum, .meterID, .meterStatus, .adapterStatus, .status, .secondIndex, .timestamp, .meterValue,
            .sessionID, .uid, .scaler, .unit, .obisCode, .pagination, .pcdfStart, .pcdfStop, .pcdfChargingDuration,
            .pcdfTimeValid, .pcdfBillingValid, .pcdfSessionCounter, .pcdfStopDataPresent, .pcdfSessionEnergy,
            .pcdfIdentification, .pcdfTransaction, .pcdfSoftwareChecksum, .pcdfHardwareSerial, .pcdfMeterType,
            .bsmSnapshotType, .meterTypeUnsigned, .firmwareUnsigned, .evseUnsigned, .fileChecksum, .messageChecksums,
            .telegram, .serverID, .startRegister, .startRegisterTime, .actualRegister, .actualRegisterTime,
            .startStatus, .actualStatus, .logEntryIndex, .contractID, .esth, .valueSignature, .curve, .sensorTime,
            .readingTimeAsWritten, .container, .readingTime, .statusByte, .secondsIndex, .logbookBytes,
            .contractTimeBlock, .contractTime, .statusWord, .listName, .signatureVersion, .historicalValue,
            .historicalCompensatedValue, .lineResistance, .stopwatch, .price, .meteringPoint, .eventCounter,
            .meterTimeZone, .signatureMethod, .measurement, .measurementID, .contractTypeUnsigned,
            .transactionIDUnsigned, .field("RCR"),
        ]
    }

    /// Encoded as the English label, as reports wrote it before labels were typed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(english)
    }

    /// Decoded from an English label; a label no case writes is a meter's own field name.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = AttributeLabel.samples.first { $0.english == text } ?? .field(text)
    }
}
