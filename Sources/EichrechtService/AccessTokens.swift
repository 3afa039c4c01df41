/// The tokens that may call `/v1`, as read from a `--tokens` file (one token a line).
///
/// Tokens are compared in constant time (the time does not depend on where a guess first differs)
/// and never shown: `description` hides them, so no log line can carry one.
public struct AccessTokens: Sendable, CustomStringConvertible {
    private let tokens: [[UInt8]]

    /// No tokens: every request is let in.
    public init() { tokens = [] }

    /// The given tokens; empty ones are dropped.
    public init(_ tokens: [String]) {
        self.tokens = tokens.map { Array($0.utf8) }.filter { !$0.isEmpty }
    }

    /// The tokens of a file: one a line, surrounding blanks removed, empty lines and lines starting
    /// with `#` skipped.
    public init(file bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        self.init(
            text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingBlanks() }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// Whether a token is asked for at all.
    public var isEnabled: Bool { !tokens.isEmpty }

    /// How many tokens there are.
    public var count: Int { tokens.count }

    /// Whether `candidate` is one of the tokens. Every token is compared in full, whatever matches.
    public func accepts(_ candidate: some Collection<UInt8>) -> Bool {
        let candidate = Array(candidate)
        var found = false
        for token in tokens where AccessTokens.constantTimeEqual(token, candidate) { found = true }
        return found
    }

    /// Equal bytes, in a time that depends on the lengths only.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt = a.count == b.count ? 0 : 1
        let length = max(a.count, b.count)
        for index in 0..<length {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= UInt(x ^ y)
        }
        return difference == 0
    }

    public var description: String { "\(tokens.count) access token(s)" }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
