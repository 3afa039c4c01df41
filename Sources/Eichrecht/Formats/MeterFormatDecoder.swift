import Foundation

/// Decodes one meter format, and knows every fact about the format that the rest of the package
/// needs (its S.A.F.E. name, how its key is exported, which bytes a signature may also cover,
/// whether it signs the nature). Adding a format means adding a folder with one type conforming
/// to this protocol and listing it in `FormatRegistry.decoders`; nothing outside `Formats/`
/// switches over formats.
protocol MeterFormatDecoder: Sendable {
    /// The format this decoder reads.
    var format: MeterFormat { get }
    /// OCPI `encoding_method` names of this format, lower-cased; the first is its main name.
    var encodingMethods: [String] { get }
    /// Whether the bytes look like this format (magic bytes, markers): cheap, no full parse.
    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool
    /// Decodes the bytes of one signed value into its records (usually one).
    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord]
    /// A raw input of this format cut into one piece per signed value (a file of OCMF records, Alfen
    /// lines, a container of BSM snapshots or Mennekes measurements); empty or one piece when the
    /// input is a single value.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>]
    /// The OCPI nature of each of `count` pieces `splitSignedValues` cut, when the input's order
    /// says it and the pieces alone do not (a chargeIT container of EMH readings lists the begin
    /// first and the end last); `nil` when each piece's own readings say it.
    func naturesByOrder(ofPieces count: Int) -> [String]?
    /// A record split over OCPI's two fields (OCMF: payload in `plain_data`, signature section in
    /// `signed_data`), put back together; `nil` when the fields are not such a split.
    func reassembled(plainData: String, signedData: String) -> [UInt8]?
    /// Whether the records of one value sign their own begin/end type, so the OCPI `nature` must
    /// agree with them (`SignedRecord.natureIsSigned`).
    func signsNature(recordCount: Int) -> Bool
    /// Bytes besides `record.signedBytes` that a genuine signature of this format may cover, each
    /// with the rule that allows it (OCMF 1.0 signed its payload without whitespace). Verification
    /// tries them, in order, only when the signature does not verify over the signed bytes.
    func alternativeSignedBytes(_ record: SignedRecord) -> [AlternativeSignedBytes]
    /// The reference software's name of the format (S.A.F.E. `signedData@format`).
    var safeFormatName: String { get }
    /// The `encoding_method` as OCPI spells it, where that differs from `safeFormatName`.
    var ocpiEncodingMethod: String? { get }
    /// How the S.A.F.E. export writes a key for this format's records.
    var exportedKeyShape: ExportedKeyShape { get }
    /// The decoded bytes of one value cut into the record texts the S.A.F.E. export writes (one
    /// `<value>` per OCMF record or Alfen line); one piece when the value is exported whole.
    func exportPieces(_ bytes: [UInt8]) -> [ArraySlice<UInt8>]
}

extension MeterFormatDecoder {
    /// Most formats carry one signed value per input.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { [bytes[...]] }

    /// Most formats sign whether a reading is a begin or an end.
    func naturesByOrder(ofPieces count: Int) -> [String]? { nil }

    /// Only OCMF is known to be split over OCPI's two fields.
    func reassembled(plainData: String, signedData: String) -> [UInt8]? { nil }

    /// Formats sign readings without saying begin or end unless they declare otherwise.
    func signsNature(recordCount: Int) -> Bool { false }

    /// A signature covers the signed bytes and nothing else.
    func alternativeSignedBytes(_ record: SignedRecord) -> [AlternativeSignedBytes] { [] }

    /// The format's report name, which the reference software does not know either.
    var safeFormatName: String { format.rawValue }

    /// OCPI's spelling is the S.A.F.E. name.
    var ocpiEncodingMethod: String? { nil }

    /// The hex DER SubjectPublicKeyInfo the reference software compares for most formats.
    var exportedKeyShape: ExportedKeyShape { .subjectPublicKeyInfo }

    /// A value is exported whole.
    func exportPieces(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { [bytes[...]] }
}

/// Bytes a signature may cover instead of the record's signed bytes, and the rule that says so.
struct AlternativeSignedBytes: Sendable, Hashable {
    /// The bytes to verify the signature over.
    var bytes: [UInt8]
    /// Why these bytes count; reported when the signature verifies over them.
    var rule: SignedBytesRule
}

/// A format rule under which a signature covers other bytes than the record's signed bytes.
public enum SignedBytesRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// OCMF 1.0 signed the payload with the optional JSON whitespace removed.
    case ocmfWhitespaceRemoved

    /// A stable machine code.
    public var code: String {
        switch self {
        case .ocmfWhitespaceRemoved: "format.ocmf.whitespace_removed"
        }
    }
}

/// How the S.A.F.E. export writes a public key.
enum ExportedKeyShape: Sendable, Hashable {
    /// Hex of the DER SubjectPublicKeyInfo (OCMF, Alfen, PCDF, BSM).
    case subjectPublicKeyInfo
    /// Hex of the raw point X‖Y without the SEC1 prefix byte (the SML/EDL40 family).
    case rawPoint
}
