/// `SML_Time`: list(2){choice, value}. Choice 1 is a seconds index (a counter, not a clock), 2 a
/// plain timestamp, 3 a local timestamp list(3){timestamp, localOffset, seasonTimeOffset} whose
/// offsets are minutes.
enum SMLTime: Sendable, Hashable {
    case secondsIndex(UInt64)
    case timestamp(UInt64)
    case localTimestamp(timestamp: UInt64, localOffsetMinutes: Int64, seasonOffsetMinutes: Int64)

    init(_ element: SMLElement) throws(SMLError) {
        guard let parts = element.list, parts.count == 2, let choice = parts[0].unsigned else {
            throw SMLError(.notAListOf(.time, count: 2), at: element.offset)
        }
        let value = parts[1]
        switch choice {
        case 1, 2:
            guard let number = value.unsigned else {
                throw SMLError(
                    .elementType(field: "SML_Time", expected: .unsignedNumber, found: value.kind), at: value.offset)
            }
            self = choice == 1 ? .secondsIndex(number) : .timestamp(number)
        case 3:
            guard let local = value.list, local.count == 3, let timestamp = local[0].unsigned,
                let offset = local[1].integer, let season = local[2].integer
            else {
                throw SMLError(.notAListOf(.localTimestamp, count: 3), at: value.offset)
            }
            self = .localTimestamp(timestamp: timestamp, localOffsetMinutes: offset, seasonOffsetMinutes: season)
        default:
            throw SMLError(.timeChoice(choice), at: parts[0].offset)
        }
    }

    /// The number the EDL40 block stores for this time: the local epoch (UTC timestamp plus both
    /// offsets) for a local timestamp, the value as it is otherwise. Arithmetic wraps at 32 bits,
    /// as the 4-byte block field does.
    var blockValue: UInt32 {
        switch self {
        case .secondsIndex(let value), .timestamp(let value):
            return UInt32(truncatingIfNeeded: value)
        case .localTimestamp(let timestamp, let offset, let season):
            let local = Int64(truncatingIfNeeded: timestamp) &+ (offset &+ season) &* 60
            return UInt32(truncatingIfNeeded: local)
        }
    }

    /// The time for reports (worded by the catalogue).
    var value: SMLTimeValue {
        switch self {
        case .secondsIndex(let value): .secondsIndex(value)
        case .timestamp(let value): .timestamp(value)
        case .localTimestamp(let timestamp, let offset, let season):
            .localTimestamp(timestamp: timestamp, localOffsetMinutes: offset, seasonOffsetMinutes: season)
        }
    }

    /// The time as written, for reports.
    var text: String {
        switch self {
        case .secondsIndex(let value): "secIndex \(value)"
        case .timestamp(let value): "timestamp \(value)"
        case .localTimestamp(let timestamp, let offset, let season):
            "timestamp \(timestamp), local offset \(offset) min, season offset \(season) min"
        }
    }
}
