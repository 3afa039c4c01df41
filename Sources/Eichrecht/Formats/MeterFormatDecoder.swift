import Foundation

/// Decodes one meter format. Adding a format means adding a folder with a type conforming to this
/// protocol and listing it in `FormatRegistry.decoders`.
public protocol MeterFormatDecoder: Sendable {
    /// The format this decoder reads.
    var format: MeterFormat { get }
    /// OCPI `encoding_method` names of this format, lower-cased.
    var encodingMethods: [String] { get }
    /// Whether the bytes look like this format (magic bytes, markers): cheap, no full parse.
    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool
    /// Decodes the bytes of one signed value into its records (usually one).
    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord]
    /// A raw input of this format cut into one piece per signed value (a file of OCMF records, Alfen
    /// lines, a container of BSM snapshots or Mennekes measurements); empty or one piece when the
    /// input is a single value.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>]
    /// The OCPI nature of each of `count` pieces `splitSignedValues` cut, when the input's order
    /// says it and the pieces alone do not (a chargeIT container of EMH readings lists the begin
    /// first and the end last); `nil` when each piece's own readings say it.
    func naturesByOrder(ofPieces count: Int) -> [String]?
}

extension MeterFormatDecoder {
    /// Most formats carry one signed value per input.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { [bytes[...]] }

    /// Most formats sign whether a reading is a begin or an end.
    func naturesByOrder(ofPieces count: Int) -> [String]? { nil }
}

/// What a decoder may need beyond the bytes.
public struct DecodingContext: Sendable {
    /// The time zone of meters that sign local time without an offset (EDL40).
    public var meterTimeZone: TimeZone

    /// A context whose meters sign local time in `meterTimeZone`, Europe/Berlin unless told otherwise.
    public init(meterTimeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt) {
        self.meterTimeZone = meterTimeZone
    }
}

/// The OCMF decoder as a registry entry.
struct OCMFFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .ocmf }
    var encodingMethods: [String] { ["ocmf"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.drop(while: JSONScanner.isWhitespace).starts(with: Array("OCMF".utf8))
    }

    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { OCMFDecoder.splitRecords(bytes) }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        let pieces = OCMFDecoder.splitRecords(bytes)
        guard !pieces.isEmpty else { return [try OCMFDecoder.decode(bytes[...]).1] }
        var records: [SignedRecord] = []
        for piece in pieces { records.append(try OCMFDecoder.decode(piece).1) }
        return records
    }
}

/// Every format decoder, in the order content detection tries them.
public enum FormatRegistry {
    static let decoders: [any MeterFormatDecoder] = [
        OCMFFormatDecoder(), AlfenFormatDecoder(), PCDFFormatDecoder(), BSMFormatDecoder(),
        ISAEDL40FormatDecoder(), EDL40SMLFormatDecoder(), EDL40SignatureOnlyFormatDecoder(),
        MennekesFormatDecoder(), EMHChargeITFormatDecoder(),
    ]

    /// OCPI encoding methods of formats that exist in the field but are not decoded yet.
    static let unsupportedEncodingMethods: [String: String] = [:]

    /// The format an OCPI `encoding_method` names, if we decode it.
    static func decoder(forEncodingMethod method: String?) -> (any MeterFormatDecoder)? {
        guard let key = method?.trimmingCharacters(in: " ").lowercased() else { return nil }
        // A name several decoders accept (a family) belongs first to the decoder it is the main name of.
        return decoders.first { $0.encodingMethods.first == key } ?? decoders.first { $0.encodingMethods.contains(key) }
    }

    /// Every format an OCPI `encoding_method` may stand for: one name can cover a family
    /// (`EDL40 E-Mobility Extension` arrives as SML telegrams, prebuilt blocks or ISA telegrams).
    static func formats(forEncodingMethod method: String?) -> Set<MeterFormat> {
        guard let key = method?.trimmingCharacters(in: " ").lowercased() else { return [] }
        return Set(decoders.filter { $0.encodingMethods.contains(key) }.map(\.format))
    }

    /// The decoder that recognises the bytes.
    static func decoder(recognising bytes: ArraySlice<UInt8>) -> (any MeterFormatDecoder)? {
        decoders.first { $0.recognises(bytes) }
    }
}
