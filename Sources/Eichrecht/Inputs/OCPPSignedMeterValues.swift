/// Reads signed meter values as OCPP transports them into SignedData units.
///
/// Recognised shapes (JSON):
/// - OCPP 2.0.1 / 2.1 `SignedMeterValueType`: `{signedMeterData, signingMethod, encodingMethod,
///   publicKey}` (`signedMeterData` base64 by the schema, often the plain record in practice);
/// - a 2.x `SampledValueType` whose `signedMeterValue` is such an object;
/// - an OCPP 1.6 `SampledValue` with `format` `SignedData`, whose `value` string is either the JSON
///   of a `SignedMeterValueType` (OCA application note; also spelled `signedMeterValue`) or the raw
///   signed record;
/// - a `MeterValue` (`sampledValue[]`), a message holding meter values (`meterValue[]` of
///   MeterValues / TransactionEvent, `transactionData[]` of 1.6 StopTransaction), an OCPP-J CALL
///   frame `[2, id, action, payload]`, and a JSON array of any of these.
///
/// Everything one input holds is one transaction, one unit. `context` `Transaction.Begin` /
/// `Transaction.End` gives the OCPI nature Start / End, `Sample.Periodic` and `Sample.Clock`
/// Intermediate; other or missing contexts are read from the record's own readings.
/// `encodingMethod` and `signingMethod` are hints: the content decides. `publicKey` is the key the
/// values share (an empty string means none was sent); values whose keys differ are verified as
/// separate units, each with its own key.
public enum OCPPSignedMeterValues {
    /// One signed value found in an OCPP structure.
    public struct Entry: Sendable, Hashable {
        /// `context` of the sampled value (`Transaction.Begin`, …).
        public var context: String?
        /// The signed data text (`signedMeterData`, or the 1.6 `value`).
        public var data: String
        /// `publicKey`, as written (`nil` for a raw 1.6 value); an empty string means no key was sent.
        public var publicKey: String?
        /// `encodingMethod`, as written: a hint, the content decides.
        public var encodingMethod: String?
        /// `signingMethod`, as written (e.g. `ECDSA192SHA256`): a hint, the content decides.
        public var signingMethod: String?
    }

    /// Whether a JSON value is one OCPP signed value: a `SignedMeterValueType` or a sampled value
    /// that carries signed data (used to keep a streamed array of them together).
    static func isSignedSampledValue(_ json: JSONValue) -> Bool {
        guard json.isObject else { return false }
        return signedMeterValue(json) != nil || sampledValueEntry(json) != nil
    }

    /// The units of an OCPP shape, or `nil` when the JSON is not one.
    static func signedData(from json: JSONValue) throws(InputError) -> [SignedData]? {
        guard let entries = try entries(json) else { return nil }
        guard !entries.isEmpty else {
            throw InputError(.ocppNoSignedValues)
        }
        return units(entries)
    }

    /// The signed entries a JSON value holds; `nil` when it is no OCPP shape, empty when it is one
    /// without signed data.
    static func entries(_ json: JSONValue) throws(InputError) -> [Entry]? {
        switch json {
        case .array(let items):
            if let payload = callPayload(items) { return try entries(payload) }
            guard !items.isEmpty else { return nil }
            var all: [Entry] = []
            for item in items {
                guard let found = try entries(item) else { return nil }
                all += found
            }
            return all
        case .object:
            if let entry = signedMeterValue(json) { return [entry] }
            if let entry = sampledValueEntry(json) { return [entry] }
            if let samples = json.member(caseInsensitive: "sampledValue")?.arrayValue {
                return samples.compactMap(sampledValueEntry)
            }
            for key in ["meterValue", "transactionData"] {
                if let meterValues = json.member(caseInsensitive: key)?.arrayValue {
                    return meterValues.flatMap { meterValue in
                        (meterValue.member(caseInsensitive: "sampledValue")?.arrayValue ?? []).compactMap(
                            sampledValueEntry)
                    }
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// The payload of an OCPP-J CALL frame `[2, "<id>", "<action>", {payload}]`.
    static func callPayload(_ items: [JSONValue]) -> JSONValue? {
        guard items.count == 4, items[0] == .number("2"), items[1].stringValue != nil, items[2].stringValue != nil,
            items[3].isObject
        else { return nil }
        return items[3]
    }

    /// A `SignedMeterValueType` object (either spelling of its data field).
    static func signedMeterValue(_ json: JSONValue, context: String? = nil) -> Entry? {
        guard json.isObject else { return nil }
        let data =
            json.member(caseInsensitive: "signedMeterData")?.stringValue
            ?? (json.member(caseInsensitive: "value") == nil
                ? json.member(caseInsensitive: "signedMeterValue")?.stringValue : nil)
        guard let data else { return nil }
        return Entry(
            context: context, data: data, publicKey: json.member(caseInsensitive: "publicKey")?.stringValue,
            encodingMethod: json.member(caseInsensitive: "encodingMethod")?.stringValue,
            signingMethod: json.member(caseInsensitive: "signingMethod")?.stringValue)
    }

    /// A sampled value carrying signed data: 2.x `signedMeterValue` object, or 1.6 `format`
    /// `SignedData` with the data (or the JSON of a `SignedMeterValueType`) in `value`.
    static func sampledValueEntry(_ json: JSONValue) -> Entry? {
        guard json.isObject else { return nil }
        let context = json.member(caseInsensitive: "context")?.stringValue
        if let signed = json.member(caseInsensitive: "signedMeterValue"), signed.isObject {
            return signedMeterValue(signed, context: context)
        }
        guard json.member(caseInsensitive: "format")?.stringValue?.lowercased() == "signeddata",
            let value = json.member(caseInsensitive: "value")?.stringValue
        else { return nil }
        let trimmed = value.trimmingCharacters(in: " \t\r\n")
        if trimmed.hasPrefix("{"), let inner = try? JSONParser.parse(trimmed),
            let entry = signedMeterValue(inner, context: context)
        {
            return entry
        }
        return Entry(context: context, data: trimmed, publicKey: nil, encodingMethod: nil, signingMethod: nil)
    }

    /// The transaction's SignedData. Each value keeps the key it was sent with; a value sent
    /// without one (`PublicKeyWithSignedMeterValue = OncePerTransaction`) uses the first key of the
    /// transaction. Values naming different keys stay one session, which then fails `public_key`.
    static func units(_ entries: [Entry]) -> [SignedData] {
        let keyOf: (Entry) -> String? = { entry in
            guard let key = entry.publicKey?.trimmingCharacters(in: " \t\r\n"), !key.isEmpty else { return nil }
            return key
        }
        let methods = Set(entries.compactMap { $0.encodingMethod?.trimmingCharacters(in: " ") }.filter { !$0.isEmpty })
        let method = methods.count == 1 ? methods.first : nil
        return [
            SignedData(
                encodingMethod: method.flatMap { FormatRegistry.decoder(forEncodingMethod: $0) != nil ? $0 : nil },
                publicKey: entries.lazy.compactMap(keyOf).first,
                signedValues: entries.map { entry in
                    SignedValue(
                        nature: nature(entry.context), plainData: nil,
                        signedData: entry.data, publicKey: keyOf(entry))
                })
        ]
    }

    /// The OCPI nature of an OCPP reading context, where it names one.
    static func nature(_ context: String?) -> String? {
        switch context?.trimmingCharacters(in: " ") {
        case "Transaction.Begin"?: "Start"
        case "Transaction.End"?: "End"
        case "Sample.Periodic"?, "Sample.Clock"?: "Intermediate"
        default: nil
        }
    }
}
