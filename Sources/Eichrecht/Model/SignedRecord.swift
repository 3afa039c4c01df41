/// The meter data formats this package decodes. Raw values are the stable names used in reports.
public enum MeterFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// OCMF records (`OCMF|payload|signature`).
    case ocmf = "OCMF"
    /// Alfen Eichrecht `AP;…` lines.
    case alfen = "ALFEN"
    /// EDL40 SML telegrams (EDL40, EDL40+, EMH EMOC); the signed block is rebuilt from the GetList.Res.
    case edl40SML = "EDL40_SML"
    /// The prebuilt EDL40 block in `<signedMeterValue>` XML ("signature only").
    case edl40Signature = "EDL40_SIG"
    /// Isabellenhütte EDL40P SML telegrams.
    case isaEDL40 = "ISA_EDL40"
    /// Mennekes EDL40 XML (`<ChargingProcess>` or `<Billing>`).
    case mennekes = "MENNEKES"
    /// EMH EDL40 values in the old chargeIT JSON container (EMHCrypt01).
    case emhChargeIT = "EMH_CHARGEIT"
    /// BAUER BSM-WS36A snapshots in chargeIT JSON.
    case bsmWS36A = "BSM_WS36A"
    /// PCDF lines of the PES DC meter (Porsche Charging Data File).
    case pcdf = "PCDF"
}

/// Who signed: the meter and, where there is one, the gateway that signs for it.
public struct MeterIdentity: Sendable, Hashable, Codable {
    /// The meter's serial: OCMF `MS`, the server id as hex (EDL40, ISA, Alfen meter id), BSM `MA1`,
    /// PCDF `HW`.
    public var serial: String?
    /// The serial of the gateway that signs for the meter: OCMF `GS`, or the Alfen adapter id as hex.
    public var gatewaySerial: String?
    /// The meter's manufacturer: OCMF `MV`, or the FLAG code in an SML server id (e.g. `EMH`).
    public var vendor: String?
    /// The meter model: OCMF `MM`, or the PCDF meter type in words.
    public var model: String?
    /// The meter firmware version (OCMF `MF`).
    public var firmware: String?

    /// An identity from whatever the format names; every field is optional.
    public init(
        serial: String? = nil, gatewaySerial: String? = nil, vendor: String? = nil, model: String? = nil,
        firmware: String? = nil
    ) {
        self.serial = serial
        self.gatewaySerial = gatewaySerial
        self.vendor = vendor
        self.model = model
        self.firmware = firmware
    }

    enum CodingKeys: String, CodingKey {
        case serial
        case gatewaySerial = "gateway_serial"
        case vendor, model, firmware
    }

    /// The identity to compare across records: the meter serial, else the gateway serial.
    var primary: String? { serial ?? gatewaySerial }
}

/// A record's position in the signer's sequence (OCMF `PG`, Alfen pagination, …).
public struct Pagination: Sendable, Hashable, Codable {
    /// The counter's context (OCMF `T` transaction, `F` fiscal); empty when the format has one.
    public var context: String
    /// The counter's value.
    public var number: UInt64
    /// The pagination as written (OCMF `T123`), or the number as text.
    public var text: String

    /// A pagination from its context, number and written form.
    public init(context: String, number: UInt64, text: String) {
        self.context = context
        self.number = number
        self.text = text
    }
}

/// Who the session was authorised for, as signed.
public struct SignedIdentification: Sendable, Hashable, Codable {
    /// The identification type: OCMF `IT`, the PCDF `SI` type, the type in BSM `Meta1`; `nil` when none
    /// is signed.
    public var type: String?
    /// The identification itself: OCMF `ID`, the Alfen UID, an EDL40 contract id, a PCDF idTag.
    public var data: String?
    /// The identification level (OCMF `IL`); `nil` for the other formats.
    public var level: String?
    /// The customer the identification names, as records of one session must agree on it: `data`
    /// without the vendor prefixes the format references document (EMH EMOC writes `01` before the
    /// begin's and `02` before the end's contract id), compared ignoring ASCII case.
    public var customer: String?

    /// An identification from the fields the format signs; `customer` defaults to `data`.
    public init(type: String? = nil, data: String? = nil, level: String? = nil, customer: String? = nil) {
        self.type = type
        self.data = data
        self.level = level
        self.customer = customer ?? data
    }
}

/// The charge point a record names: the meter signs it (OCMF `CT`/`CI`, BSM-WS36A `evse-id` in
/// `Meta2`) or its container writes it beside the signed data (Mennekes `MeteringPoint`).
public struct ChargePointIdentity: Sendable, Hashable, Codable {
    /// What kind of id it is as written: OCMF `CT` (`EVSEID`, `CBIDC`, …); `EVSEID` for the formats
    /// that only ever name an EVSE.
    public var type: String?
    /// The id as written.
    public var id: String
    /// Whether the signature covers the id (Mennekes writes `MeteringPoint` outside the signed block).
    public var isSigned: Bool

    /// A charge point as the record writes it.
    public init(type: String?, id: String, isSigned: Bool) {
        self.type = type
        self.id = id
        self.isSigned = isSigned
    }

    enum CodingKeys: String, CodingKey {
        case type, id
        case isSigned = "signed"
    }

    /// Whether the id names an EVSE (OCMF `CT` `EVSEID`, any letter case), not a charge box.
    public var isEVSE: Bool { type?.uppercased() == "EVSEID" }
}

/// One signed unit as the meter produced it, decoded into a shape common to every format.
///
/// Holds everything verification needs: the exact signed bytes, the signature, the algorithm and
/// any key the record carries, plus the readings the session checks compare.
public struct SignedRecord: Sendable {
    /// The format the record was decoded from.
    public var format: MeterFormat
    /// The bytes the signature covers, exactly as transmitted.
    public var signedBytes: [UInt8]
    /// The signature, when it could be decoded.
    public var signature: ECDSASignature?
    /// Why the signature could not be decoded.
    public var signatureProblem: SignatureProblem?
    /// The signature algorithm, when the record names a supported one.
    public var algorithm: SignatureAlgorithm?
    /// Why the algorithm is unusable (unknown name, unsupported hash).
    public var algorithmProblem: AlgorithmProblem?
    /// A key the record carries itself (a claim, not a trust anchor).
    public var embeddedKey: KeyInput?
    /// The signing meter and, where there is one, the gateway, as the record names them.
    public var meter: MeterIdentity
    /// A transaction or session reference, when the format signs one.
    public var transactionReference: String?
    /// The record's position in the signer's sequence, when the format signs one.
    public var pagination: Pagination?
    /// Who the session was authorised for, when the record signs it.
    public var identification: SignedIdentification?
    /// The charge point the record names, when it names one.
    public var chargePoint: ChargePointIdentity?
    /// The signed readings, in the record's order.
    public var readings: [Reading]
    /// Deviations from the format's specification that did not stop decoding.
    public var deviations: [Deviation]
    /// The record in its format's own model, for reports that show every field.
    public var details: RecordDetails?
    /// Signed fields that must be equal in every record of one session (adapter id, OBIS, scaler,
    /// session id, …), by name. The consistency check compares them; formats only fill them in.
    public var sessionInvariants: [SessionField: String] = [:]
    /// Whether the OCPI `nature` must agree with the record's own type (formats whose lines carry
    /// an explicit start/stop type). When false, a disagreement is only a warning.
    public var natureIsSigned: Bool = false
    /// Further signed fields worth showing a person, in display order (label, value).
    public var attributes: [Attribute] = []
    /// Unsigned fields travelling with the record that contradict what it signs (BSM-WS36A's JSON
    /// copies of its signed data points, Mennekes XML offsets), one sentence each with the severity
    /// the consistency check answers with. The signature cannot cover them, so a forger edits
    /// exactly these; the signed value is always the one reported.
    public var contradictions: [Contradiction] = []

    /// A record from the fields every format has; decoders set the remaining properties afterwards.
    public init(
        format: MeterFormat, signedBytes: [UInt8], signature: ECDSASignature? = nil,
        signatureProblem: SignatureProblem? = nil,
        algorithm: SignatureAlgorithm? = nil, algorithmProblem: AlgorithmProblem? = nil, embeddedKey: KeyInput? = nil,
        meter: MeterIdentity = MeterIdentity(), transactionReference: String? = nil, pagination: Pagination? = nil,
        identification: SignedIdentification? = nil, readings: [Reading] = [], deviations: [Deviation] = []
    ) {
        self.format = format
        self.signedBytes = signedBytes
        self.signature = signature
        self.signatureProblem = signatureProblem
        self.algorithm = algorithm
        self.algorithmProblem = algorithmProblem
        self.embeddedKey = embeddedKey
        self.meter = meter
        self.transactionReference = transactionReference
        self.pagination = pagination
        self.identification = identification
        self.readings = readings
        self.deviations = deviations
        self.details = nil
    }
}

/// A signed field shown in reports.
public struct Attribute: Sendable, Hashable, Codable {
    /// What the field is, e.g. `.fileChecksum`.
    public var label: AttributeLabel
    /// The field's value: meter data as written, or a typed value the catalogue words.
    public var value: AttributeValue

    /// A field from its label and value.
    public init(_ label: AttributeLabel, _ value: AttributeValue) {
        self.label = label
        self.value = value
    }
}

/// A record in its format's own model.
public enum RecordDetails: Sendable, Hashable {
    case ocmf(OCMFRecord)
    case alfen(AlfenRecord)
    case bsmWS36A(BSMSnapshot)
    case pcdf(PCDFRecord)
    case edl40(EDL40Record)
    case isaEDL40(ISAEDL40Record)
}
