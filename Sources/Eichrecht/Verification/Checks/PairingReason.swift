/// The reasons of `pairing`.
enum PairingReason: Explained, Hashable {
    /// No decoded record.
    case noRecord
    /// A register holds several different begin (or end) readings (values as written).
    case severalReadings(register: String, type: ReadingType, values: [DecimalText?])
    /// No complete pair to bill from.
    case missing(MissingReading, notes: [PairingNote])
    /// One begin and one end on the billing register (values as written), with notes.
    case paired(register: String, begin: DecimalText?, end: DecimalText?, notes: [PairingNote])

    public var code: String {
        switch self {
        case .noRecord: "pairing.no_record"
        case .severalReadings(_, let type, _):
            type == .end ? "pairing.several_end_readings" : "pairing.several_begin_readings"
        case .missing(.beginAndEnd, _): "pairing.no_begin_no_end"
        case .missing(.begin, _): "pairing.no_begin"
        case .missing(.end, _): "pairing.no_end"
        case .missing(.commonRegister, _): "pairing.no_register_with_pair"
        case .paired(_, _, _, let notes): notes.isEmpty ? "pairing.paired" : "pairing.paired_with_notes"
        }
    }
}

/// What is missing for a begin/end pair.
enum MissingReading: Sendable, Hashable, CaseIterable {
    /// Neither a begin nor an end reading.
    case beginAndEnd
    /// No begin reading.
    case begin
    /// No end reading.
    case end
    /// Begin and end readings, but no energy register with both.
    case commonRegister
}

/// A finding beside the pair that does not stop billing.
enum PairingNote: Sendable, Hashable {
    /// A value repeats an earlier one (0-based index) and counts once.
    case repeats(ValuePosition, original: Int)
    /// Another register has no complete begin/end pair.
    case incompleteRegister(String)
}
