extension TrustedKeys {
    /// Reads a key list: JSON (`{"serial": "key", …}` or `[{"meter": …, "public_key": …}, …]`) or
    /// CSV (`serial,key` per line; a header line and `#` comments are skipped). Keys may be in any
    /// spelling `KeyInput` accepts.
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
                        throw InputError("the key for \"\(member.key)\" is not a string")
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
                    else { throw InputError("entry \(index + 1) has no public_key") }
                    entries.append(Entry(identity: identity, key: KeyInput(text: key)))
                }
            default:
                throw InputError("a key list must be a JSON object or array")
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
                throw InputError("line \(number + 1): expected 'meter,key'", line: number + 1, column: 1)
            }
            if entries.isEmpty, ["meter", "serial", "identity", "id", "meter_id"].contains(fields[0].lowercased()) {
                continue
            }
            entries.append(Entry(identity: fields[0].isEmpty ? nil : fields[0], key: KeyInput(text: fields[1])))
        }
        guard !entries.isEmpty else { throw InputError("the key list holds no keys") }
        return TrustedKeys(entries)
    }
}
