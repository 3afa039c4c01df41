import Foundation

/// One byte decoding of key text, with the wrapper it was found in.
struct KeyCandidate: Sendable, Hashable {
    /// The bytes that may be a key.
    var bytes: [UInt8]
    /// The wrapper around them in words (`JSON member "UK"`), `nil` for a plain spelling.
    var envelope: String?
}

/// Wrappers that devices and back ends put around key text, read wherever a key evidently is.
///
/// A KEBA P30 (OCPP 2.0.1) sends `publicKey` as base64 of `{"UK":"3059…"}`; operators paste PEM
/// files (`-----BEGIN PUBLIC KEY-----`, line breaks kept, removed or escaped as `\n`) into key
/// fields. A wrapper only says where the key text is: the key found inside must still verify the
/// signature, so unwrapping can never make a wrong key pass.
enum KeyEnvelope {
    /// The candidates inside a JSON object or PEM text, `nil` when the text is neither (so the
    /// plain spellings are tried). An envelope with no key inside gives no candidate.
    static func unwrap(_ text: String, depth: Int) -> [KeyCandidate]? {
        if text.utf8.first == UInt8(ascii: "{") { return jsonObject(text, depth: depth) }
        if let body = pemBody(text) {
            guard let der = Base64.decode(body), !der.isEmpty else { return [] }
            return [KeyCandidate(bytes: der, envelope: "PEM text")]
        }
        return nil
    }

    /// Names of members that hold a key, compared lower-cased.
    static let keyNames: Set<String> = ["uk", "pk", "key", "publickey", "public_key", "pubkey", "value"]

    /// The key inside a JSON object: its only string member, or else the one string member named
    /// like a key. Several candidates and no way to choose between them: no key.
    static func jsonObject(_ text: String, depth: Int) -> [KeyCandidate] {
        guard case .object(let members)? = try? JSONParser.parse(text) else { return [] }
        let strings = members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }
        var chosen = strings.count == 1 ? strings.first : nil
        if chosen == nil {
            let named = strings.filter { keyNames.contains($0.0.lowercased()) || $0.0.lowercased().hasSuffix("key") }
            if named.count == 1 { chosen = named.first }
        }
        guard let (name, value) = chosen else { return [] }
        let inner = value.trimmingCharacters(in: " \t\r\n")
        guard !inner.isEmpty else { return [] }
        return KeyInput.candidates(inner, depth: depth + 1).map { candidate in
            let here = "a JSON object's member \"\(name)\""
            return KeyCandidate(
                bytes: candidate.bytes, envelope: candidate.envelope.map { "\($0) in \(here)" } ?? here)
        }
    }

    /// The base64 body of PEM text (`-----BEGIN …-----` … `-----END …-----`), with line breaks,
    /// spaces and escaped line breaks (`\n` as two characters) removed; `nil` without the markers.
    static func pemBody(_ text: String) -> String? {
        // No space required after BEGIN/END: readers that strip whitespace (S.A.F.E. keys) remove it.
        guard let begin = text.range(of: "-----BEGIN"),
            let labelEnd = text.range(of: "-----", range: begin.upperBound..<text.endIndex),
            let end = text.range(of: "-----END", range: labelEnd.upperBound..<text.endIndex)
        else { return nil }
        return String(text[labelEnd.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "\\n", with: "").replacingOccurrences(of: "\\r", with: "")
    }
}
