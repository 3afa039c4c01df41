/// Finds where a JSON value ends without building it.
///
/// Used to cut OCMF sections (a `|` may stand inside a JSON string) and to split a stream of JSON
/// values for streaming input. It only tracks strings and bracket depth; the value is validated
/// afterwards by `JSONParser`.
enum JSONScanner {
    enum Outcome: Equatable {
        /// The value ends just before this index.
        case end(Int)
        /// The input ended inside the value (more bytes may complete it).
        case incomplete
        /// The bytes at this index cannot start or continue a value.
        case invalid(Int)
    }

    /// Scans the value starting at `start` (which must not be whitespace).
    static func endOfValue<C: RandomAccessCollection>(_ bytes: C, from start: C.Index) -> Outcome
    where C.Element == UInt8, C.Index == Int {
        guard start < bytes.endIndex else { return .incomplete }
        var index = start
        let first = bytes[index]
        if first != UInt8(ascii: "{") && first != UInt8(ascii: "[") {
            if first == UInt8(ascii: "\"") {
                return endOfString(bytes, from: index)
            }
            // A scalar: runs to the next structural character or whitespace.
            while index < bytes.endIndex {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "|"):
                    return index == start ? .invalid(start) : .end(index)
                default: index += 1
                }
            }
            return .incomplete
        }
        var depth = 0
        while index < bytes.endIndex {
            let c = bytes[index]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > JSONParser.maximumDepth { return .invalid(index) }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return .end(index + 1) }
            case UInt8(ascii: "\""):
                switch endOfString(bytes, from: index) {
                case .end(let after):
                    index = after
                    continue
                case let other: return other
                }
            default: break
            }
            index += 1
        }
        return .incomplete
    }

    private static func endOfString<C: RandomAccessCollection>(_ bytes: C, from start: Int) -> Outcome
    where C.Element == UInt8, C.Index == Int {
        var index = start + 1
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return .end(index + 1)
            default: index += 1
            }
        }
        return .incomplete
    }

    static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
