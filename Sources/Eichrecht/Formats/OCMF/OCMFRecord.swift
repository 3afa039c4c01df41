/// An OCMF record with every field of OCMF 1.4.1 (and the 0.1 names), as the meter wrote it.
///
/// Field names follow the specification's long names; the short keys are noted on each. Unknown
/// vendor keys (`U…`–`Z…`, `A…`–`F…`) are preserved in `vendorFields`.
public struct OCMFRecord: Sendable, Hashable {
    /// `FV`, as text (some gateways send a JSON number).
    public var formatVersion: String?
    /// `GI` (`VI` in OCMF 0.1).
    public var gatewayIdentification: String?
    /// `GS`.
    public var gatewaySerial: String?
    /// `GV` (`VV` in OCMF 0.1).
    public var gatewayVersion: String?
    /// `PG`.
    public var pagination: Pagination?
    /// `MV`, `MM`, `MS`, `MF`.
    public var meterVendor: String?
    /// `MM`: the meter model.
    public var meterModel: String?
    /// `MS`: the meter serial.
    public var meterSerial: String?
    /// `MF`: the meter firmware version.
    public var meterFirmware: String?
    /// `IS`: `true`/`false` (OCMF 0.1: a string such as `VERIFIED`).
    public var identificationStatus: String?
    /// `IL`, `IF`, `IT`, `ID`.
    public var identificationLevel: String?
    /// `IF`: the identification flags (OCMF Tables 13–16); empty when absent.
    public var identificationFlags: [String]
    /// `IT`: the identification type (OCMF Table 17), e.g. `ISO14443` or `NONE`.
    public var identificationType: String?
    /// `ID`: the identification data, e.g. an RFID UID in hex.
    public var identificationData: String?
    /// `TT` (1.1+).
    public var tariffText: String?
    /// `CF` (1.3+).
    public var chargeControllerFirmware: String?
    /// `LC` (1.2+).
    public var lossCompensation: LossCompensation?
    /// `CT`, `CI`.
    public var chargePointIdentificationType: String?
    /// `CI`: the charge point identification, of the type `CT` names.
    public var chargePointIdentification: String?
    /// `RD`, with omitted fields inherited from the previous reading as the specification says.
    public var readings: [OCMFReading]
    /// Top-level keys the specification does not define, in the order written.
    public var vendorFields: [String: JSONValue]
    /// The third section: the signature and how it is written.
    public var signatureSection: SignatureSection
    /// The optional 4th section of OCMF 1.0 (a public key), when present.
    public var publicKeySection: String?

    /// `LC`: cable loss compensation.
    public struct LossCompensation: Sendable, Hashable {
        /// `LN`: a naming or traceability text.
        public var name: String?
        /// `LI`: an id into a lookup table of the meter's documentation, as written.
        public var identifier: String?
        /// `LR`: the cable resistance the compensation uses, in the unit `LU`.
        public var resistance: DecimalText?
        /// `LU`: the unit of `LR`, `mOhm` or `uOhm`.
        public var unit: String?
    }

    /// The unsigned signature section.
    public struct SignatureSection: Sendable, Hashable {
        /// `SA` as written (`nil` = the default `ECDSA-secp256r1-SHA256`).
        public var algorithm: String?
        /// `SE` as written (`nil` = `hex`).
        public var encoding: String?
        /// `SM` as written (`nil` = `application/x-der`).
        public var mimeType: String?
        /// `SD`.
        public var data: String
    }
}

/// One entry of `RD`.
public struct OCMFReading: Sendable, Hashable {
    /// `TM`.
    public var time: SignedTime?
    /// `TX`.
    public var transaction: String?
    /// `RV`.
    public var value: DecimalText?
    /// `RI`.
    public var registerIdentifier: String?
    /// `RU`.
    public var unit: String?
    /// `RT`.
    public var currentType: String?
    /// `CL`.
    public var cumulatedLoss: DecimalText?
    /// `EF`.
    public var errorFlags: String?
    /// `ST`.
    public var status: String?
    /// Keys of the reading the specification does not define (BAUER `XV`…, LEM `UC`).
    public var vendorFields: [String: JSONValue]
}
