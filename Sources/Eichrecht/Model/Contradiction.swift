/// An unsigned copy of a signed field, travelling with a record, that says something else than the
/// signature covers (the contract's "Unsigned copies" rule).
///
/// The signed value always wins; the copy only decides how loudly the `consistency` check speaks.
/// Most copies are a forger's lever and fail the check (BSM-WS36A's JSON fields); a few are known
/// to be written carelessly by the container and only warn (the UTC offsets Mennekes XML writes
/// next to its signed local times).
public struct Contradiction: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the `consistency` check answers a contradiction.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The check fails (verdict `invalid`).
        case fail
        /// The check warns; the verdict is not affected.
        case warn
    }

    /// How the consistency check answers.
    public var severity: Severity
    /// What disagrees, one English sentence naming the unsigned field and the signed value.
    public var text: String

    /// A contradiction that fails `consistency` unless `severity` says otherwise.
    public init(_ text: String, severity: Severity = .fail) {
        self.text = text
        self.severity = severity
    }

    /// The sentence.
    public var description: String { text }
}
