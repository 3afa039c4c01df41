/// One SML message: the envelope around a request or response body.
struct SMLMessage: Sendable, Hashable {
    /// Body tags this package reads or names.
    enum Tag {
        static let publicOpenResponse: UInt32 = 0x0101
        static let publicCloseResponse: UInt32 = 0x0201
        static let getListResponse: UInt32 = 0x0701
    }

    var transactionID: [UInt8]
    var groupNumber: UInt64
    var abortOnError: UInt64
    /// The body's choice tag (`0x0701` = GetList.Res).
    var tag: UInt32
    var body: SMLElement
    /// The message checksum as transmitted (it equals the computed one, or reading fails).
    var checksum: UInt16
    /// Offset of the message in the transmitted file.
    var offset: Int
    /// Offset of the checksum element's type-length byte (`63`) in the transmitted file.
    var checksumOffset: Int
}

/// A whole SML file: its frame and its messages, every checksum verified.
struct SMLFile: Sendable, Hashable {
    var frame: SMLTransport.Frame
    var messages: [SMLMessage]

    /// Reads and checks an SML file (transport escape, padding, file and message checksums).
    static func read(_ bytes: [UInt8]) throws(SMLError) -> SMLFile {
        let frame = try SMLTransport.read(bytes)
        return SMLFile(frame: frame, messages: try SMLParser.messages(in: frame))
    }

    /// The first `SML_GetList.Res`, which carries the signed values.
    func firstGetListResponse() throws(SMLError) -> SMLGetListResponse {
        guard let message = messages.first(where: { $0.tag == SMLMessage.Tag.getListResponse }) else {
            throw SMLError(.noGetListResponse, at: 8)
        }
        return try SMLGetListResponse(message.body)
    }

    /// Reads an SML file and its first GetList.Res for a format whose block is rebuilt from it,
    /// with SML errors reported as that format's `FormatError`.
    static func readGetList(_ bytes: [UInt8], as format: MeterFormat) throws(FormatError) -> (
        file: SMLFile, list: SMLGetListResponse
    ) {
        do {
            let file = try SMLFile.read(bytes)
            return (file, try file.firstGetListResponse())
        } catch { throw error.formatError(format) }
    }
}
