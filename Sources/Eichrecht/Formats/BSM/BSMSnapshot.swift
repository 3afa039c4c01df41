/// One BAUER BSM-WS36A signed snapshot from a chargeIT JSON container, as the meter and the charge
/// point wrote it.
///
/// Only `additionalValues` is signed. Everything else (`time`, `meterInfo`, `contract`,
/// `measurementId`, the top-level `value`, the container's EVSE id) is an unsigned copy or claim that
/// must agree with the signed data points; `contradictions` in the common record lists where it
/// does not.
public struct BSMSnapshot: Sendable, Hashable {
    /// The unsigned copy of the billing value (`value`), as written.
    public struct UnsignedValue: Sendable, Hashable {
        /// `measurand.name`: the point the copy claims to be (`RCR` when absent).
        public var name: String?
        /// `measuredValue.value` as written; must equal the signed point's value.
        public var value: String?
        /// `measuredValue.scale` as written; must equal the signed point's scale.
        public var scale: String?
        /// `measuredValue.unit` as written (`WATT_HOUR`, …); must name the signed point's unit code.
        public var unitName: String?
        /// `measuredValue.unitEncoded` as written; must equal the signed point's unit code.
        public var unitCode: String?
    }

    /// `@context`, e.g. `https://www.chargeit-mobility.com/contexts/bsm-ws36a-json-v1`.
    public var context: String?
    /// `@id`, conventionally `<meterId>-<measurementId>`.
    public var id: String?
    /// `time`, ISO 8601 with offset (unsigned; must equal `Epoch` + `TZO`).
    public var time: String?
    /// `meterInfo.meterId` (unsigned; must equal `MA1`).
    public var meterID: String?
    /// `meterInfo.publicKey`: hex DER SubjectPublicKeyInfo (a claim).
    public var publicKey: String?
    /// `meterInfo.firmwareVersion`, unsigned.
    public var firmwareVersion: String?
    /// `meterInfo.type`, unsigned.
    public var meterType: String?
    /// `meterInfo.manufacturer`, unsigned.
    public var manufacturer: String?
    /// `contract.id` and `contract.type` (unsigned; must match `Meta1`).
    public var contractID: String?
    /// `contract.type`, e.g. `rfid` (unsigned; must match `Meta1`).
    public var contractType: String?
    /// `measurementId` as written (unsigned; must equal `RCnt`).
    public var measurementID: String?
    /// `value`: the unsigned copy of the billing value, which must equal the signed `RCR` point.
    public var value: UnsignedValue?
    /// The container's EVSE id (`placeInfo.evseId` or `chargePointInfo.evseId`), unsigned.
    public var evseID: String?
    /// The signed data points, in JSON order.
    var dataPoints: [BSMDataPoint]
    /// `signature`, decoded from hex: DER ECDSA-Sig-Value.
    public var signature: [UInt8]?
    /// The signed message: the 17 data points' encodings in the fixed order.
    public var signedMessage: [UInt8]

    /// The data point with this `measurand.name`.
    func point(_ name: String) -> BSMDataPoint? { dataPoints.first { $0.name == name } }

    /// `Typ`: 0 current, 1 turn on, 2 turn off, 3 start, 4 end.
    public var snapshotType: Int64? { point("Typ")?.integer }

    /// The name of a snapshot type, for reports.
    public static func typeName(_ type: Int64?) -> String {
        switch type {
        case 0?: "current"
        case 1?: "turn on"
        case 2?: "turn off"
        case 3?: "start"
        case 4?: "end"
        case let other?: "unknown type \(other)"
        case nil: "no type"
        }
    }
}
