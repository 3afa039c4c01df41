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
                if let repeated = JSONValue.repeatedName(members) { return repeated }
                stack.append(contentsOf: members.lazy.map(\.value).filter(\.isContainer))
            case .array(let items):
                stack.append(contentsOf: items.lazy.filter(\.isContainer))
            default: break
            }
        }
        return nil
    }

    /// The first name in `members` that an earlier member already has, ignoring ASCII case. Objects
    /// of a CDR are small: comparing pairs costs no allocation; large objects go through a set.
    private static func repeatedName(_ members: [(key: String, value: JSONValue)]) -> String? {
        guard members.count > 1 else { return nil }
        if members.count <= 32 {
            for later in 1..<members.count {
                let name = members[later].key.utf8
                for earlier in 0..<later where asciiCaseInsensitiveEqual(members[earlier].key.utf8, name) {
                    return members[later].key
                }
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: members.count)
        for member in members where !seen.insert(member.key.asciiLowercased).inserted { return member.key }
        return nil
    }

    /// Whether two UTF-8 names are equal once ASCII letters are lowered.
    private static func asciiCaseInsensitiveEqual(_ a: String.UTF8View, _ b: String.UTF8View) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            guard x | 0x20 == y | 0x20, (x | 0x20) >= 0x61, (x | 0x20) <= 0x7A else { return false }
        }
        return true
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
