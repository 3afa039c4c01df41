/// A small, strict XML reader for the documents meter data travels in (S.A.F.E. values files,
/// Mennekes and EDL40 XML). It reads elements, attributes, character data, CDATA, comments,
/// processing instructions and the five predefined plus numeric entities. It does not fetch
/// anything: DTDs are skipped and external entities are never resolved, so a hostile document
/// cannot reach the network or expand without bound. Nesting depth and size are bounded; errors
/// name the line and column.
enum XMLReader {
    /// Where and why a document could not be read.
    public struct Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong, in words.
        public var reason: String
        /// The byte offset into the document.
        public var offset: Int
        /// The 1-based line of the offset.
        public var line: Int
        /// The 1-based column of the offset, counted in bytes.
        public var column: Int
        /// The position as line and column, then the reason.
        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    /// The deepest element nesting accepted; a deeper document is rejected with an error.
    public static let maximumDepth = 128

    /// Whether the bytes look like XML: after whitespace and a byte order mark, a `<` followed by a
    /// name character, `?` or `!`.
    public static func looksLikeXML<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var rest = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        guard rest.first == UInt8(ascii: "<"), let next = rest.dropFirst().first else { return false }
        return next == UInt8(ascii: "?") || next == UInt8(ascii: "!") || isNameStart(next)
    }

    /// The name of the root element, without reading the whole document (`nil` if there is none).
    public static func rootName<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        guard let root = try? parse(Array(bytes.prefix(1 << 20)), rootOnly: true) else { return nil }
        return root.name
    }

    /// Parses a document and returns its root element.
    public static func parse(_ bytes: [UInt8]) throws(Error) -> XMLElement {
        try parse(bytes, rootOnly: false)
    }

    static func parse(_ bytes: [UInt8], rootOnly: Bool) throws(Error) -> XMLElement {
        var parser = Parser(bytes: bytes, rootOnly: rootOnly)
        return try parser.document()
    }

    static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
            || c >= 0x80
    }

    static func isNameChar(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }

    private struct Parser {
        let bytes: [UInt8]
        let rootOnly: Bool
        var index = 0
        var depth = 0

        init(bytes: [UInt8], rootOnly: Bool) {
            self.bytes = bytes
            self.rootOnly = rootOnly
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        func error(_ reason: String, at position: Int? = nil) -> Error {
            let at = min(position ?? index, bytes.count)
            var line = 1
            var lineStart = 0
            for i in 0..<at where bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            return Error(reason: reason, offset: at, line: line, column: at - lineStart + 1)
        }

        func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        func starts(with literal: String) -> Bool {
            let utf8 = Array(literal.utf8)
            return index + utf8.count <= bytes.count && bytes[index..<(index + utf8.count)].elementsEqual(utf8)
        }

        mutating func skipWhitespace() {
            while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
        }

        /// Skips past `terminator`; errors when the input ends first.
        mutating func skip(past terminator: String, what: String) throws(Error) {
            let start = index
            let utf8 = Array(terminator.utf8)
            while index + utf8.count <= bytes.count {
                if bytes[index..<(index + utf8.count)].elementsEqual(utf8) {
                    index += utf8.count
                    return
                }
                index += 1
            }
            throw error("unterminated \(what)", at: start)
        }

        /// Comments, processing instructions, a DOCTYPE, whitespace: everything that may stand
        /// between elements outside the root.
        mutating func skipMisc() throws(Error) {
            while true {
                skipWhitespace()
                if starts(with: "<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if starts(with: "<!--") {
                    try skip(past: "-->", what: "comment")
                } else if starts(with: "<!DOCTYPE") || starts(with: "<!doctype") {
                    try skipDoctype()
                } else {
                    return
                }
            }
        }

        mutating func skipDoctype() throws(Error) {
            let start = index
            var bracket = 0
            while let c = peek() {
                index += 1
                if c == UInt8(ascii: "[") { bracket += 1 }
                if c == UInt8(ascii: "]") { bracket -= 1 }
                if c == UInt8(ascii: ">") && bracket <= 0 { return }
            }
            throw error("unterminated DOCTYPE", at: start)
        }

        mutating func document() throws(Error) -> XMLElement {
            try skipMisc()
            guard peek() == UInt8(ascii: "<") else {
                throw error(index >= bytes.count ? "the document has no root element" : "text before the root element")
            }
            let root = try parseElement()
            if rootOnly { return root }
            try skipMisc()
            guard index == bytes.count else { throw error("content after the root element") }
            return root
        }

        mutating func name() throws(Error) -> String {
            let start = index
            guard let first = peek(), XMLReader.isNameStart(first) else { throw error("expected a name") }
            while let c = peek(), XMLReader.isNameChar(c) { index += 1 }
            guard let text = String(validating: bytes[start..<index], as: UTF8.self) else {
                throw error("invalid UTF-8 in a name", at: start)
            }
            return text
        }

        mutating func parseElement() throws(Error) -> XMLElement {
            let start = index
            depth += 1
            guard depth <= XMLReader.maximumDepth else { throw error("nesting deeper than \(XMLReader.maximumDepth)") }
            index += 1  // <
            let tag = try name()
            var element = XMLElement(name: tag, attributes: [], children: [], text: "", offset: start)
            while true {
                let hadSpace = peek().map { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? false
                skipWhitespace()
                guard let c = peek() else { throw error("unterminated start tag <\(tag)>", at: start) }
                if c == UInt8(ascii: "/") {
                    guard peek(1) == UInt8(ascii: ">") else { throw error("expected '>' after '/'") }
                    index += 2
                    depth -= 1
                    return element
                }
                if c == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                guard hadSpace else { throw error("expected whitespace before an attribute") }
                let attributeName = try name()
                skipWhitespace()
                guard peek() == UInt8(ascii: "=") else { throw error("expected '=' after attribute \(attributeName)") }
                index += 1
                skipWhitespace()
                guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw error("attribute \(attributeName): the value must be quoted")
                }
                index += 1
                let valueStart = index
                while let v = peek(), v != quote {
                    if v == UInt8(ascii: "<") { throw error("'<' in attribute \(attributeName)") }
                    index += 1
                }
                guard peek() == quote else {
                    throw error("unterminated value of attribute \(attributeName)", at: valueStart)
                }
                let value = try decodeText(bytes[valueStart..<index], at: valueStart)
                index += 1
                if element.attributes.contains(where: { $0.name == attributeName }) {
                    throw error("attribute \(attributeName) appears twice")
                }
                element.attributes.append((attributeName, value))
            }
            if rootOnly && depth == 1 { return element }
            // Content.
            var text: [UInt8] = []
            while true {
                guard let c = peek() else { throw error("element <\(tag)> is not closed", at: start) }
                if c != UInt8(ascii: "<") {
                    let textStart = index
                    while let t = peek(), t != UInt8(ascii: "<") { index += 1 }
                    text.append(contentsOf: Array(try decodeText(bytes[textStart..<index], at: textStart).utf8))
                    continue
                }
                if starts(with: "</") {
                    index += 2
                    let closing = try name()
                    guard closing == tag else { throw error("</\(closing)> closes <\(tag)>") }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ">") else { throw error("expected '>' in </\(closing)>") }
                    index += 1
                    guard let decoded = String(validating: text, as: UTF8.self) else {
                        throw error("invalid UTF-8 in <\(tag)>", at: start)
                    }
                    element.text = decoded
                    depth -= 1
                    return element
                }
                if starts(with: "<!--") {
                    try skip(past: "-->", what: "comment")
                } else if starts(with: "<![CDATA[") {
                    index += 9
                    let cdataStart = index
                    try skip(past: "]]>", what: "CDATA section")
                    text.append(contentsOf: bytes[cdataStart..<(index - 3)])
                } else if starts(with: "<?") {
                    try skip(past: "?>", what: "processing instruction")
                } else if starts(with: "<!") {
                    throw error("markup declarations are not allowed inside an element")
                } else {
                    element.children.append(try parseElement())
                }
            }
        }

        /// Resolves entity and character references in text or an attribute value.
        func decodeText(_ slice: ArraySlice<UInt8>, at base: Int) throws(Error) -> String {
            guard slice.contains(UInt8(ascii: "&")) else {
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw error("invalid UTF-8", at: base)
                }
                return text
            }
            var out: [UInt8] = []
            var i = slice.startIndex
            while i < slice.endIndex {
                let c = slice[i]
                guard c == UInt8(ascii: "&") else {
                    out.append(c)
                    i += 1
                    continue
                }
                guard let semicolon = slice[i...].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 12 else {
                    throw error("unterminated entity reference", at: i)
                }
                let entity = String(decoding: slice[(i + 1)..<semicolon], as: UTF8.self)
                switch entity {
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "amp": out.append(UInt8(ascii: "&"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    var scalar: UInt32?
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        scalar = UInt32(entity.dropFirst(2), radix: 16)
                    } else if entity.hasPrefix("#") {
                        scalar = UInt32(entity.dropFirst(), radix: 10)
                    }
                    guard let value = scalar, let unicode = Unicode.Scalar(value) else {
                        throw error("unknown entity &\(entity);", at: i)
                    }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                }
                i = semicolon + 1
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8", at: base) }
            return text
        }
    }
}
