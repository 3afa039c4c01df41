/// One `<value>` of a S.A.F.E. values document (the input container of the S.A.F.E.
/// Transparenzsoftware), as written.
///
/// ```xml
/// <values>
///   <value transactionId="1" context="Transaction.Begin">
///     <signedData format="OCMF" encoding="plain">OCMF|{…}|{…}</signedData>
///     <publicKey encoding="hex">3059…</publicKey>
///   </value>
/// </values>
/// ```
public struct SAFEValue: Sendable, Hashable {
    /// `transactionId`, trimmed; values sharing one belong to one transaction.
    public var transactionID: String?
    /// `context`, trimmed: `Transaction.Begin` and `Transaction.End` mean something, anything else
    /// is a free label.
    public var context: String?
    /// The text of `<signedData>` (or `<encodedData>`), with only leading and trailing whitespace
    /// removed and line ends normalised as XML prescribes; the bytes in between are exactly the
    /// meter's.
    public var data: String
    /// `signedData@format` (`OCMF`, `ALFEN`, `PCDF`, `ISA_EDL_40_P`, `EDL_40_P`, …): a hint.
    public var format: String?
    /// `signedData@encoding` (`plain`, `hex`, `base64`, `base32`): a hint, the content is sniffed.
    public var encoding: String?
    /// Whether the data came from `<encodedData>` (an RSA-sealed message, not an ECDSA record).
    public var isSealed: Bool
    /// The text of `<publicKey>`, whitespace removed.
    public var publicKey: String?
    /// `publicKey@encoding`: a hint, the key's spelling is recognised from the text.
    public var publicKeyEncoding: String?
    /// The line of the `<value>` element in the document (1-based).
    public var line: Int

    /// A value from its parts.
    public init(
        transactionID: String? = nil, context: String? = nil, data: String, format: String? = nil,
        encoding: String? = nil, isSealed: Bool = false, publicKey: String? = nil, publicKeyEncoding: String? = nil,
        line: Int = 1
    ) {
        self.transactionID = transactionID
        self.context = context
        self.data = data
        self.format = format
        self.encoding = encoding
        self.isSealed = isSealed
        self.publicKey = publicKey
        self.publicKeyEncoding = publicKeyEncoding
        self.line = line
    }

    /// The context strings that carry meaning.
    public static let beginContext = "Transaction.Begin"
    /// The context of the value at a transaction's end.
    public static let endContext = "Transaction.End"

    /// The OCPI nature the context stands for, when it is one of the two meaningful strings.
    public var contextNature: String? {
        switch context {
        case SAFEValue.beginContext?: "Start"
        case SAFEValue.endContext?: "End"
        default: nil
        }
    }
}
