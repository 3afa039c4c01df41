/// The chargeIT JSON container that BSM-WS36A snapshots and EMH readings travel in: an object whose
/// `signedMeterValues` array holds the signed values, next to shared members (`@context`, meter
/// info, contract, EVSE id).
enum ChargeITContainer {
    /// The container cut into one container per signed value (the other members kept), so a raw
    /// file becomes one OCPI-style signed value per meter reading. `nil` when the bytes are not such
    /// a container or hold only one value. The formats sign data points, not this JSON text, so
    /// re-writing it changes nothing that is verified.
    static func splitSignedMeterValues(_ bytes: [UInt8]) -> [[UInt8]]? {
        guard case .object(let members)? = try? JSONParser.parse(bytes),
            let index = members.firstIndex(where: { $0.key == "signedMeterValues" }),
            case .array(let items) = members[index].value, items.count > 1
        else { return nil }
        return items.map { item in
            var copy = members
            copy[index] = (key: "signedMeterValues", value: .array([item]))
            return JSONValue.object(copy).compactText
        }
    }
}
