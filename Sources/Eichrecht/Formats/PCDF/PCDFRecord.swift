/// One PCDF line (Porsche Charging Data File) of the PES DC meter, every attribute as written.
///
/// `128.8.0(ST:…)(CT:…)(CD:…)(TV:…)(BV:…)(CSC:…)(SP:…)(RV:…*kWh)(SI:…)(CS:…)(HW:…)(DT:…)(PK:…)(SG:…)`.
/// The meter signs the text from `128.8.0` up to `(SG:` with ECDSA P-256 / SHA-256 and carries its
/// own key in `PK`. Unlike the register formats, `RV` is already the session's energy.
public struct PCDFRecord: Sendable, Hashable {
    /// A civil time `yyMMddHHmmss` as the meter wrote it, without a zone.
    public struct LocalTime: Sendable, Hashable {
        /// The year: 2000 + `yy` (2019 or later).
        public var year: Int
        /// The month, 1–12.
        public var month: Int
        /// The day of the month.
        public var day: Int
        /// The hour, 0–23.
        public var hour: Int
        /// The minute, 0–59.
        public var minute: Int
        /// The second, 0–59.
        public var second: Int
        /// The 12 digits as written.
        public var text: String
    }

    /// How the session was authorised (`SI` type digit).
    public enum IdentificationType: String, Sendable, Hashable {
        case rfid = "1"
        case emaid = "2"
        case creditCard = "3"
        case remote = "4"
        case nfc = "5"

        /// The name reports use; `RFID` lets the consistency check compare the card UID with the
        /// CDR's `cdr_token.uid`.
        public var name: String {
            switch self {
            case .rfid: "RFID"
            case .emaid: "EMAID"
            case .creditCard: "CREDIT_CARD"
            case .remote: "REMOTE"
            case .nfc: "NFC"
            }
        }
    }

    /// `ST`: session start, local time.
    public var start: LocalTime
    /// `CT`: the current (stop) time, local time.
    public var stop: LocalTime
    /// `CD`: charging duration `hhmmss`, as written.
    public var chargingDuration: String
    /// `TV`: whether the meter considers its time valid.
    public var timeValid: Bool
    /// `BV`: whether the meter allows billing (`0` means a meter error).
    public var billingValid: String
    /// `CSC`: charging session counter.
    public var sessionCounter: UInt64
    /// `SP`: `1` when the record holds the session's stop data.
    public var stopPresent: String
    /// `RV`: session energy, kWh, exactly as written (`0003.276`).
    public var energy: DecimalText
    /// `SI` part 1: the authorisation id (idTag).
    public var idTag: String
    /// `SI` part 2: the identification type digit, as written.
    public var idTypeCode: String
    /// `SI` part 3: the transaction id.
    public var transactionID: String
    /// `CS`: software checksum (8 hex characters).
    public var softwareChecksum: String
    /// `HW`: hardware serial (11 characters).
    public var hardwareSerial: String
    /// `DT`: DC meter type (`0` = PES DC meter EU).
    public var meterType: String
    /// `PK`, decoded: the 65-byte uncompressed P-256 point. A claim only.
    public var publicKey: [UInt8]
    /// `SG`, decoded: DER ECDSA-Sig-Value.
    public var signature: [UInt8]
    /// The signed text: from `128.8.0` up to, not including, `(SG:`.
    public var signedText: [UInt8]

    /// The identification type the `SI` digit stands for; `nil` for a digit outside 1–5.
    public var idType: IdentificationType? { IdentificationType(rawValue: idTypeCode) }

    /// The meter type in words.
    public var meterTypeName: String? { meterType == "0" ? "PES DC EU" : nil }
}
