/// An XML element as read by `XMLReader`: name, attributes, text and children, in document order.
///
/// Names keep their prefix (`ns:values`); `localName` drops it, so code can match elements with or
/// without a namespace, as the formats' producers write both.
struct XMLElement: Sendable, Hashable {
    /// The qualified name as written, prefix included (`ns:values`).
    public var name: String
    /// The attributes in document order, names as written and values with entities resolved.
    public var attributes: [(name: String, value: String)]
    /// The child elements in document order.
    public var children: [XMLElement]
    /// The element's own text (character data and CDATA, entities resolved), concatenated.
    public var text: String
    /// Byte offset of the element's `<` in the document.
    public var offset: Int

    /// Equal when names, text, attributes (in order) and children are equal; offsets do not count.
    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.text == rhs.text && lhs.children == rhs.children
            && lhs.attributes.count == rhs.attributes.count
            && zip(lhs.attributes, rhs.attributes).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes the name, text and children, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(text)
        hasher.combine(children)
    }

    /// The name without a namespace prefix.
    public var localName: Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    /// The value of an attribute, matched by local name, case-insensitively.
    public func attribute(_ name: String) -> String? {
        let wanted = name.lowercased()
        return attributes.first { attribute in
            let local = attribute.name.split(separator: ":").last.map(String.init) ?? attribute.name
            return local.lowercased() == wanted
        }?.value
    }

    /// The first child with this local name (case-insensitive).
    public func child(_ name: String) -> XMLElement? {
        let wanted = name.lowercased()
        return children.first { $0.localName.lowercased() == wanted }
    }

    /// Every child with this local name (case-insensitive).
    public func children(_ name: String) -> [XMLElement] {
        let wanted = name.lowercased()
        return children.filter { $0.localName.lowercased() == wanted }
    }

    /// The text with surrounding whitespace removed.
    public var trimmedText: String { text.trimmingCharacters(in: " \t\r\n") }
}
