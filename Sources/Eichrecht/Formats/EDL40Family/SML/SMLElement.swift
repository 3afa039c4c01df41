/// One element of an SML message (SML 1.04): a scalar, a list, or the marker of an absent optional
/// element. Integers keep the width they were written with, because SML allows any width from one
/// to eight bytes and a report should show what the meter sent.
struct SMLElement: Sendable, Hashable {
    indirect enum Value: Sendable, Hashable {
        /// `01`: an optional element that is not there.
        case absent
        case octets([UInt8])
        case boolean(Bool)
        /// A signed integer, sign-extended from `width` bytes.
        case integer(Int64, width: Int)
        case unsigned(UInt64, width: Int)
        case list([SMLElement])
    }

    var value: Value
    /// Offset of the element's first type-length byte in the transmitted file.
    var offset: Int

    var isAbsent: Bool { value == .absent }

    var octets: [UInt8]? {
        if case .octets(let bytes) = value { return bytes }
        return nil
    }

    var list: [SMLElement]? {
        if case .list(let items) = value { return items }
        return nil
    }

    /// The value as an unsigned number: unsigned elements, and signed ones that are not negative
    /// (meters are not strict about which integer type they use for counters).
    var unsigned: UInt64? {
        switch value {
        case .unsigned(let number, _): return number
        case .integer(let number, _) where number >= 0: return UInt64(number)
        default: return nil
        }
    }

    /// The value as a signed number: signed elements, and unsigned ones that fit.
    var integer: Int64? {
        switch value {
        case .integer(let number, _): return number
        case .unsigned(let number, _) where number <= UInt64(Int64.max): return Int64(number)
        default: return nil
        }
    }

    /// The element's type, as errors name it.
    var kind: ValueKind {
        switch value {
        case .absent: .absent
        case .octets: .octetString
        case .boolean: .boolean
        case .integer(_, let width): .smlInteger(bits: width * 8)
        case .unsigned(_, let width): .smlUnsigned(bits: width * 8)
        case .list(let items): .smlList(count: items.count)
        }
    }
}
