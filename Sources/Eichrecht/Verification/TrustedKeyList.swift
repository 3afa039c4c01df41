extension TrustedKeys {
    /// Reads a key list: JSON (`{"serial": "key", …}` or `[{"meter": …, "public_key": …}, …]`) or
    /// CSV (`serial,key` per line; a header line and `#` comments are skipped). Keys may be in any
    /// spelling `KeyInput` accepts; identities are meter serials or server ids (compared ignoring
    /// case, spaces, dashes and colons).
    ///
    /// Semantics: a listed meter's key is the trusted key for its records — a CDR or record key that
    /// differs fails `public_key`, and `key_trust` passes. A meter the list does not name keeps the
    /// key its CDR or record carries (`key_trust` warns). A list that is a single bare key trusts it
    /// for every meter, as `--key` does.
    public static func parse(_ bytes: [UInt8]) throws(InputError) -> TrustedKeys {
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: " \t\r\n")
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            let json: JSONValue
            do { json = try JSONParser.parse(bytes) } catch { throw InputError(json: error) }
            var entries: [Entry] = []
            switch json {
            case .object(let members):
                for member in members {
                    guard let key = member.value.stringValue else {
                        throw InputError(.keyNotString(member.key))
                    }
                    entries.append(Entry(identity: member.key, key: KeyInput(text: key)))
                }
            case .array(let items):
                for (index, item) in items.enumerated() {
                    let identity = ["meter", "identity", "serial", "meter_id", "id", "server_id"].lazy
                        .compactMap { item.member(caseInsensitive: $0)?.looseText }.first
                    guard
                        let key = ["public_key", "key", "publicKey"].lazy.compactMap({
                            item.member(caseInsensitive: $0)?.stringValue
                        }).first
                    else { throw InputError(.entryWithoutKey(index + 1)) }
                    // An entry without a meter would be trusted for every meter the list does not
                    // name; only a list of one key may mean that (like `--key`).
                    guard identity != nil || items.count == 1 else {
                        throw InputError(.entryWithoutMeter(index + 1))
                    }
                    entries.append(Entry(identity: identity, key: KeyInput(text: key)))
                }
            default:
                throw InputError(.keyListShape)
            }
            return TrustedKeys(entries)
        }
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).map {
                String($0).trimmingCharacters(in: " \"")
            }
            guard fields.count >= 2 else {
                if entries.isEmpty, fields.count == 1 {  // a single bare key
                    entries.append(Entry(identity: nil, key: KeyInput(text: fields[0])))
                    continue
                }
                throw InputError(.keyListLine(number + 1), line: number + 1, column: 1)
            }
            if entries.isEmpty, ["meter", "serial", "identity", "id", "meter_id"].contains(fields[0].lowercased()) {
                continue
            }
            entries.append(Entry(identity: fields[0].isEmpty ? nil : fields[0], key: KeyInput(text: fields[1])))
        }
        guard !entries.isEmpty else { throw InputError(.keyListEmpty) }
        return TrustedKeys(entries)
    }
}
