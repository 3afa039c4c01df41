/// The words of a driver's receipt: the verdict as a sentence and what the driver can do, the
/// headings and labels. Plain words for a person who is no metrology expert; the texts are in the
/// catalogue (`English/EnglishReceipt.swift`, `German/GermanReceipt.swift`), each an exhaustive
/// `switch`, so a phrase without a text in either language does not compile.
enum ReceiptPhrase: Worded, Hashable {
    /// The document's title.
    case title
    /// Before the CDR's id.
    case session
    /// The verdict in a few words, shown beside its icon (the verdict is never told by colour alone).
    case verdictWord(Verdict)
    /// The verdict as a sentence.
    case verdictSentence(Verdict)
    /// What the driver can do about the verdict.
    case verdictAdvice(Verdict)
    /// Before the technical reason that decided the verdict.
    case technicalReason
    /// The heading of the place and times.
    case whereAndWhen
    /// The charging station's name.
    case station
    /// The station's address.
    case address
    /// The charge point's EVSE id.
    case evseId
    /// The session's start.
    case start
    /// The session's end.
    case end
    /// Which time zone the times are in (its IANA name).
    case timeZone(String)
    /// The heading of the comparison of signed and billed values.
    case signedAndBilled
    /// The column of what the meter signed.
    case signedColumn
    /// The column of what the bill says.
    case billedColumn
    /// The table's caption.
    case tableCaption
    /// The meter reading at the start.
    case readingAtStart
    /// The meter reading at the end.
    case readingAtEnd
    /// The energy charged.
    case energy
    /// The meter's manufacturer (and model).
    case meterMaker
    /// The meter's serial number.
    case meterSerial
    /// The charge point the meter names.
    case chargePoint
    /// The price without VAT.
    case priceExcludingVAT
    /// The price with VAT.
    case priceIncludingVAT
    /// A billed value no signature covers (the price).
    case notSigned
    /// A charge point written beside the signed data, outside the signature.
    case besideSignature
    /// A value that is not stated.
    case notStated
    /// A signed reading whose time the meter's clock cannot vouch for.
    case clockNotSet
    /// The heading of the details for checking.
    case detailsHeading
    /// What the details are for.
    case detailsIntro
    /// The heading of the list of checks.
    case checks
    /// A check's result, in words.
    case checkStatus(CheckStatus)
    /// The format and the signature algorithm.
    case dataFormat
    /// The meter's public key.
    case publicKey
    /// The signed data.
    case signedData
    /// One signed value: its position (1-based) and nature.
    case signedValue(Int, SignedValue.Nature)
    /// The link to the charging provider's transparency page.
    case transparencyLink
    /// The link that downloads the S.A.F.E. values XML.
    case safeDownload
    /// Who checked, with the package version.
    case checkedBy(String)

    /// Every phrase, with every verdict and check status: what the catalogue tests walk.
    static var all: [ReceiptPhrase] {
        var phrases: [ReceiptPhrase] = [
            .title, .session, .technicalReason, .whereAndWhen, .station, .address, .evseId, .start, .end,
            .timeZone("Europe/Berlin"), .signedAndBilled, .signedColumn, .billedColumn, .tableCaption, .readingAtStart,
            .readingAtEnd, .energy, .meterMaker, .meterSerial, .chargePoint, .priceExcludingVAT, .priceIncludingVAT,
            .notSigned, .besideSignature, .notStated, .clockNotSet, .detailsHeading, .detailsIntro, .checks,
            .dataFormat, .publicKey, .signedData, .transparencyLink, .safeDownload, .checkedBy("0.0.0"),
        ]
        for verdict in Verdict.allCases {
            phrases += [.verdictWord(verdict), .verdictSentence(verdict), .verdictAdvice(verdict)]
        }
        phrases += [CheckStatus.pass, .fail, .warn, .skip].map(ReceiptPhrase.checkStatus)
        phrases += [SignedValue.Nature.start, .intermediate, .end, .other].map { .signedValue(1, $0) }
        return phrases
    }
}
