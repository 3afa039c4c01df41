/// What became of one record of an input read by a `VerificationStream`, in input order.
public enum StreamOutcome: Sendable {
    /// A unit was read and verified. The report's `id` is the CDR's own, or the input's name and the
    /// unit's position (`stdin#3`) when it carries none.
    case report(Report)
    /// A record of a stream could not be read (a broken NDJSON line, an array member that is not a
    /// CDR); reading went on after it. `id` is the input's name and the record's position.
    case unreadable(id: String, error: InputError)
    /// The input cannot be read further; always the last outcome of its stream.
    case inputFailed(InputError)
}
