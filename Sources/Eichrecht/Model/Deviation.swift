/// A deviation from a format's specification that did not stop decoding, or a note on how a record
/// was read (a key found inside a wrapper). Cases carry the values the text names.
public enum Deviation: Sendable, Hashable, CustomStringConvertible {
    /// The key was found inside a wrapper (PEM text, a JSON object) and read from there.
    case keyWrapped(KeyOrigin, envelope: String)
    /// A deviation a decoder still describes in English only, as it was written before typed
    /// deviations; the German text says only that a deviation was noted.
    case detail(String)

    /// A stable machine code.
    public var code: String {
        switch self {
        case .keyWrapped: "deviation.key_wrapped"
        case .detail: "deviation.noted"
        }
    }

    /// The English text (report writers still print `description`).
    public var description: String { english }
}

/// Where a key that verification resolved came from, as texts name it.
public enum KeyOrigin: Sendable, Hashable {
    /// The key that came with the signed data; `perValue` when it travelled with one value.
    case given(UnitKind, perValue: Bool)
    /// The key embedded in the record itself.
    case embedded
    /// The key from the caller's trusted keys.
    case trusted
}
