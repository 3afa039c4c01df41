/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports where the input went wrong.
///
/// Written for untrusted input: bounded nesting depth, every index checked, invalid UTF-8 rejected,
/// and errors carry the byte offset plus line and column.
struct JSONParser {
    /// Where and why JSON could not be parsed.
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// Byte offset from the start of the parsed text.
        public var offset: Int
        /// 1-based line and column (in bytes) of the offset.
        public var line: Int
        /// The 1-based column, counted in bytes.
        public var column: Int
        /// What is wrong, in words.
        public var reason: String

        /// The position as line and column, then the reason.
        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    /// The deepest nesting accepted; deeper input is rejected instead of exhausting the stack.
    public static let maximumDepth = 256

    /// The text being parsed; every access is bounds-checked against `end`.
    private let bytes: ArraySlice<UInt8>
    /// Where the text starts in `bytes` (offsets in errors count from here) and where it ends.
    private let start: Int
    private let end: Int
    private var index: Int
    private var depth = 0

    private init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.start = bytes.startIndex
        self.end = bytes.endIndex
        self.index = bytes.startIndex
    }

    /// Parses exactly one JSON value; only whitespace may follow it.
    public static func parse(_ bytes: ArraySlice<UInt8>) throws(Error) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.end else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    /// Parses exactly one JSON value; only whitespace may follow it.
    public static func parse(_ bytes: [UInt8]) throws(Error) -> JSONValue {
        try parse(bytes[...])
    }

    /// Parses exactly one JSON value; only whitespace may follow it.
    public static func parse<C: Collection>(_ input: C) throws(Error) -> JSONValue where C.Element == UInt8 {
        // Arrays and their slices are parsed where they are; anything else is copied once.
        if let slice = input as? ArraySlice<UInt8> { return try parse(slice) }
        if let array = input as? [UInt8] { return try parse(array[...]) }
        return try parse(Array(input)[...])
    }

    /// Parses a JSON value from a string.
    public static func parse(_ text: String) throws(Error) -> JSONValue {
        try parse(Array(text.utf8)[...])
    }

    // MARK: Grammar

    private mutating func parseValue() throws(Error) -> JSONValue {
        guard index < end else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character \(describe(bytes[index])), expected a value")
        }
    }

    private mutating func enter() throws(Error) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("nesting deeper than \(JSONParser.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(Error) -> JSONValue {
        try enter()
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else {
                throw error(
                    index < end
                        ? "expected a member name in quotes" : "unexpected end of input inside an object")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after member name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append((key, value))
            skipWhitespace()
            guard index < end else { throw error("unexpected end of input inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object") }
            index += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func parseArray() throws(Error) -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < end else { throw error("unexpected end of input inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
            index += 1
            depth -= 1
            return .array(items)
        }
    }

    private mutating func parseString() throws(Error) -> String {
        index += 1  // opening quote
        let first = index
        // Fast path: no escapes.
        let run = JSONParser.plainRun(bytes, from: index)
        index = run.end
        if index < end {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                guard let text = run.text else { throw error("invalid UTF-8 in a string", at: first) }
                index += 1
                return text
            }
            if c < 0x20 { throw error("control character \(describe(c)) in a string (must be escaped)") }
        }
        var out = [UInt8](bytes[first..<index])
        while index < end {
            let c = bytes[index]
            switch c {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: out, as: UTF8.self) else {
                    throw error("invalid UTF-8 in a string", at: first)
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < end else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("unpaired UTF-16 surrogate in a \\u escape") }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid UTF-16 surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired UTF-16 surrogate in a \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw error("invalid escape \\\(describe(escape))", at: index - 1)
                }
            default:
                if c < 0x20 { throw error("control character \(describe(c)) in a string (must be escaped)") }
                out.append(c)
                index += 1
            }
        }
        throw error("unterminated string", at: first - 1)
    }

    /// Where the run of plain string bytes from `first` ends (at a quote, a backslash, a control
    /// character or the end), and the run as text when it ends at a quote and is valid UTF-8. A span
    /// reads the bytes with checked indices, without retaining the array's storage per string.
    private static func plainRun(_ bytes: borrowing ArraySlice<UInt8>, from first: Int) -> (end: Int, text: String?) {
        let span = bytes.span
        let start = first - bytes.startIndex
        var offset = start
        while offset < span.count {
            let c = span[offset]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
            offset += 1
        }
        let end = bytes.startIndex + offset
        guard offset < span.count, span[offset] == UInt8(ascii: "\"") else { return (end, nil) }
        guard let text = try? UTF8Span(validating: span.extracting(start..<offset)) else { return (end, nil) }
        return (end, String(copying: text))
    }

    private mutating func parseHex4() throws(Error) -> UInt32 {
        guard index + 4 <= end else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Hex.nibble(bytes[index]) else { throw error("invalid hex digit in a \\u escape") }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(Error) -> String {
        let first = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) { throw error("invalid number (leading zero)") }
        } else {
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(bytes[index]) else { throw error("invalid number (no digit after '.')") }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < end, isDigit(bytes[index]) else {
                throw error("invalid number (no digit in exponent)")
            }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[first..<index], as: UTF8.self)
    }

    /// Reads `literal` (`true`, `false`, `null`); errors point at its first byte.
    private mutating func expectLiteral(_ literal: String) throws(Error) {
        let first = index
        for expected in literal.utf8 {
            guard index < end else { throw error("unexpected end of input", at: first) }
            guard bytes[index] == expected else { throw error("invalid literal, expected \(literal)", at: first) }
            index += 1
        }
    }

    @inline(__always) private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private func describe(_ c: UInt8) -> String {
        (0x21...0x7E).contains(c) ? "'\(Character(Unicode.Scalar(c)))'" : "0x" + Hex.encode([c], uppercase: true)
    }

    /// An error at `position` (the current index when `nil`), with its offset, line and column
    /// counted from the start of the text.
    private func error(_ reason: String, at position: Int? = nil) -> Error {
        let clamped = max(start, min(position ?? index, end))
        var line = 1
        var lineStart = start
        for i in start..<clamped where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return Error(offset: clamped - start, line: line, column: clamped - lineStart + 1, reason: reason)
    }
}
