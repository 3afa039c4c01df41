/// One EDL40 signed reading: the 320-byte block the meter signed, its signature, and what the
/// container it came in said about it.
///
/// The same block travels in four containers (an SML telegram, the prebuilt `<signedMeterValue>`
/// XML, Mennekes XML, chargeIT JSON); `container` says which. The block is exactly the signed bytes;
/// everything else here is either derived from it or taken from the container to turn the block's
/// local times into instants and to tell begin from end where the container does so.
public struct EDL40Record: Sendable, Hashable {
    /// The container an EDL40 block arrived in, named in reports by its raw value.
    public enum Container: String, Sendable, Hashable, Codable {
        /// An SML file (variant A); the block is rebuilt from its first `SML_GetList.Res`.
        case smlTelegram = "SML telegram"
        /// The prebuilt block in `<signedMeterValue>` XML (variant B, "signature only").
        case signatureOnly = "signedMeterValue XML"
        /// A measurement of a Mennekes `<ChargingProcess>` (variant C); the block is rebuilt from its
        /// elements.
        case mennekes = "Mennekes XML"
        /// An EMH value in the old chargeIT JSON container (variant D); the block is rebuilt from its
        /// members.
        case emhChargeIT = "chargeIT JSON (EMHCrypt01)"
    }

    /// The container the block came in.
    public var container: Container
    /// The signed bytes.
    var block: EDL40Block
    /// The signature as transmitted (r‖s, possibly followed by the two logbook bytes).
    public var signature: [UInt8]
    /// The curve, told by the signature's length: P-192 for 48 or 50 bytes, P-256 for 64 or 66.
    public var curve: Curve
    /// The key the container carries next to the value (a claim only), as raw X‖Y.
    public var publicKey: [UInt8]?
    /// Begin or end where the container says so (Mennekes `MeasurementStart`/`MeasurementEnd`, the
    /// order of a chargeIT session); `unspecified` for a bare telegram or block, which does not say.
    public var readingType: ReadingType
    /// The reading time as an instant; `nil` when the container carries no time for it.
    public var time: SignedTime?
    /// When the contract id was presented, as an instant.
    public var contractTime: SignedTime?
    /// The full status word where the container has one (SML status, Mennekes `MeterStatus`); the
    /// block keeps only a byte of it.
    public var statusWord: UInt64?
    /// SML GetList.Res list name.
    public var listName: [UInt8]?
    /// SML entry `00af737672ff` (4 = EMH EMOC).
    public var signatureVersion: UInt64?
    /// Mennekes `MeteringPoint` (EVSE id), unsigned.
    public var meteringPoint: String?
    /// Mennekes `EventCounter`.
    public var eventCounter: UInt64?

    /// A record of the block and signature; decoders set the container-specific fields afterwards.
    init(
        container: Container, block: EDL40Block, signature: [UInt8], curve: Curve, publicKey: [UInt8]? = nil,
        readingType: ReadingType = .unspecified, time: SignedTime? = nil, contractTime: SignedTime? = nil
    ) {
        self.container = container
        self.block = block
        self.signature = signature
        self.curve = curve
        self.publicKey = publicKey
        self.readingType = readingType
        self.time = time
        self.contractTime = contractTime
    }

    /// The meter's server id as hex (what CDR `meter_id` is compared with).
    public var serverIDHex: String { Hex.encode(block.serverID) }

    /// The signed register's OBIS code in `A-B:C.D.E*F` notation, e.g. `1-0:1.17.0*255`.
    public var obisText: String { OBISCode.text(block.obis) }

    /// The reading as an exact decimal in the block's unit.
    public var reading: DecimalText? { DecimalText(integer: block.value, scaler: block.scaler) }

    /// The contract id as text when it is printable ASCII, else as upper-case hex.
    public var contractText: String { EDL40Record.text(block.contractID) }

    /// The customer the contract id names: the id without the `01` (begin) or `02` (end) byte that
    /// EMH EMOC meters write in front of a binary contract id (see the SML/EDL40 format reference).
    var customerText: String {
        let id = block.contractID
        if id.count > 1, let first = id.first, first == 0x01 || first == 0x02 {
            return EDL40Record.text(Array(id.dropFirst()))
        }
        return contractText
    }

    static func text(_ bytes: [UInt8]) -> String {
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return Hex.encode(bytes, uppercase: true)
    }
}
