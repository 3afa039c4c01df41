extension JSONValue {
    /// The first member name that an object in this value (at any depth) holds twice, exactly or
    /// differing only in ASCII letter case; `nil` when every object's names are distinct.
    ///
    /// JSON libraries disagree on such objects (first wins, last wins, case-insensitive binding), so
    /// a billing system may read another value than we verify: the record is ambiguous.
    func repeatedMemberName() -> String? {
        var stack: [JSONValue] = [self]
        while let value = stack.popLast() {
            switch value {
            case .object(let members):
                if members.count > 1 {
                    var seen = Set<String>(minimumCapacity: members.count)
                    for member in members {
                        if !seen.insert(member.key.asciiLowercased).inserted { return member.key }
                    }
                }
                stack.append(contentsOf: members.lazy.map(\.value).filter(\.isContainer))
            case .array(let items):
                stack.append(contentsOf: items.lazy.filter(\.isContainer))
            default: break
            }
        }
        return nil
    }

    /// Whether the value is an object or an array.
    var isContainer: Bool {
        switch self {
        case .object, .array: true
        default: false
        }
    }

    /// The value as written, for messages: a string's text, a number's digits, or the JSON word.
    var writtenText: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .object: "an object"
        case .array: "an array"
        }
    }
}

extension String {
    /// The string with ASCII letters lowered and every other character kept (member names compare
    /// this way; Unicode case folding would match names no JSON library conflates).
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
