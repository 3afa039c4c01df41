import Foundation

/// A parsed JSON value that keeps numbers as their exact text.
///
/// Meter data must never pass through `Double`: OCMF's `2935.600` states three decimals, and a CDR's
/// `total_energy` is compared to the signed energy to the last digit. Objects keep their key order,
/// so diagnostics show fields as the sender wrote them.
public indirect enum JSONValue: Sendable, Hashable {
    /// An object, its members in the order written (a repeated key is kept; lookups find the first).
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number, exactly as written (validated against the JSON number grammar).
    case number(String)
    case bool(Bool)
    case null

    /// Structural equality: objects need the same members in the same order, numbers the same text.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// Hashes the structure, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .object(let members):
            hasher.combine(0)
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        case .array(let items): hasher.combine(items)
        case .string(let s): hasher.combine(s)
        case .number(let n): hasher.combine(n)
        case .bool(let b): hasher.combine(b)
        case .null: hasher.combine(5)
        }
    }

    /// The member named `key` of an object (first occurrence), else `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The member whose name equals `key` ignoring ASCII case.
    func member(caseInsensitive key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        if let exact = members.first(where: { $0.key == key }) { return exact.value }
        let lowered = key.lowercased()
        return members.first(where: { $0.key.lowercased() == lowered })?.value
    }

    /// The string, when the value is a JSON string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements, when the value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// Whether the value is an object.
    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// The text of a number, or of a string holding a number (trimmed), for decimal parsing.
    var numericText: String? {
        switch self {
        case .number(let text): text
        case .string(let text): text.trimmingCharacters(in: .whitespaces)
        default: nil
        }
    }

    /// A string, or the text of a number or boolean (fields some senders type loosely).
    var looseText: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// A short name of the value's type, for messages.
    var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}
