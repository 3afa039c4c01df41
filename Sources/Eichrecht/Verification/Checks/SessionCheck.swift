import Foundation

/// One check of the contract: looks at a session and says `pass`, `fail`, `warn` or `skip`, with a
/// reason. Checks never look at each other's results; the verdict is derived from all of them.
public protocol SessionCheck: Sendable {
    /// The code this check reports under.
    static var code: CheckCode { get }
    /// The check's result for `session`, judged from the session alone, never from other checks'
    /// results.
    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult
}

extension SessionCheck {
    func pass(_ message: Message, expected: String? = nil, actual: String? = nil) -> CheckResult {
        CheckResult(code: Self.code, status: .pass, message: message, expected: expected, actual: actual)
    }
    func fail(_ message: Message, expected: String? = nil, actual: String? = nil, verdict: Verdict? = nil)
        -> CheckResult
    {
        CheckResult(
            code: Self.code, status: .fail, message: message, expected: expected, actual: actual, verdictOnFail: verdict
        )
    }
    func warn(_ message: Message, expected: String? = nil, actual: String? = nil) -> CheckResult {
        CheckResult(code: Self.code, status: .warn, message: message, expected: expected, actual: actual)
    }
    func skip(_ message: Message) -> CheckResult {
        CheckResult(code: Self.code, status: .skip, message: message)
    }
}

/// Labels shared by the checks' messages.
enum Label {
    static func value(_ index: Int, _ nature: SignedValue.Nature) -> Message {
        let name = nature == .other ? "" : " (\(nature.rawValue))"
        return Message(en: "value \(index + 1)\(name)", de: "Wert \(index + 1)\(name)")
    }

    static func join(_ messages: [Message]) -> Message {
        Message(en: messages.map(\.en).joined(separator: "; "), de: messages.map(\.de).joined(separator: "; "))
    }

    static func kWh(_ value: Decimal) -> String { "\(value.plainText) kWh" }

    static let noCDR = Message(en: "no CDR to compare with", de: "kein CDR zum Vergleich")
}
