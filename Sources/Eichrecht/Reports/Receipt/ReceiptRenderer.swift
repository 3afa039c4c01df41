import Foundation

/// Renders a driver's receipt: what the meter signed, next to what was billed, with the verdict as a
/// sentence and what the driver can do. German or English, as a self-contained HTML document or as
/// plain text.
///
/// ```swift
/// let receipt = Verifier().receipt(cdr: try CDR(json: JSONParser.parse(bytes)))
/// let page = ReceiptRenderer(language: .de).html(receipt)
/// ```
public struct ReceiptRenderer: Sendable {
    /// The language of the receipt.
    public var language: Language
    /// The zone local times are written in.
    public var timeZone: TimeZone

    /// Europe/Berlin: where German calibration law applies, the default zone of a receipt.
    public static let berlin = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600) ?? .current

    /// A renderer writing in `language`, with times in `timeZone` (Europe/Berlin unless given).
    public init(language: Language = .de, timeZone: TimeZone = ReceiptRenderer.berlin) {
        self.language = language
        self.timeZone = timeZone
    }

    /// The receipt as one self-contained HTML document: inline CSS, no script, no external request
    /// (a Content-Security-Policy forbids any), no web font. Everything from input is escaped.
    public func html(_ receipt: Receipt) -> String {
        HTMLReceipt(content: ReceiptContent(receipt, language: language, timeZone: timeZone)).document()
    }

    /// The receipt as plain text, ending with a newline. Control characters from input are escaped.
    public func text(_ receipt: Receipt) -> String {
        TextReceipt(content: ReceiptContent(receipt, language: language, timeZone: timeZone)).document()
    }
}
