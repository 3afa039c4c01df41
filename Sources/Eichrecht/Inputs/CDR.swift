/// The fields of an OCPI 2.2.1 CDR that the cross-checks use.
///
/// Read tolerantly: unknown fields are ignored and a field of the wrong type is recorded as a
/// problem instead of making the CDR unreadable, because a CPO's CDR with one odd field still
/// deserves a verdict on its signed data.
public struct CDR: Sendable, Hashable {
    /// `id`: the CDR's id, as text.
    public var id: String?
    /// `start_date_time`; `nil` when absent or unreadable (then noted in `problems`).
    public var startDateTime: OCPITime?
    /// `end_date_time`; `nil` when absent or unreadable (then noted in `problems`).
    public var endDateTime: OCPITime?
    /// `total_energy` in kWh, exactly as written.
    public var totalEnergy: DecimalText?
    /// `meter_id`: the meter the CPO names, compared with the meter id the records sign.
    public var meterId: String?
    /// `cdr_token.uid`.
    public var tokenUID: String?
    /// `cdr_location.evse_id`.
    public var evseId: String?
    /// `signed_data`, also when the sender wrapped the object in a JSON string; `nil` when absent or
    /// unreadable.
    public var signedData: SignedData?
    /// Why `signed_data` could not be read, when it is present but malformed.
    public var signedDataProblem: String?
    /// Fields that are present but unreadable.
    public var problems: [String]

    /// A CDR from fields already read, with no problems noted.
    public init(
        id: String? = nil, startDateTime: OCPITime? = nil, endDateTime: OCPITime? = nil,
        totalEnergy: DecimalText? = nil, meterId: String? = nil, tokenUID: String? = nil, evseId: String? = nil,
        signedData: SignedData? = nil
    ) {
        self.id = id
        self.startDateTime = startDateTime
        self.endDateTime = endDateTime
        self.totalEnergy = totalEnergy
        self.meterId = meterId
        self.tokenUID = tokenUID
        self.evseId = evseId
        self.signedData = signedData
        self.problems = []
    }

    /// Reads a CDR object.
    public init(json: JSONValue) throws(InputError) {
        guard json.isObject else { throw InputError("a CDR must be a JSON object, found a \(json.typeName)") }
        self.init()
        id = json.member(caseInsensitive: "id")?.looseText
        for (key, assign) in [("start_date_time", 0), ("end_date_time", 1)] {
            guard let value = json.member(caseInsensitive: key), value != .null else { continue }
            guard let text = value.stringValue, let time = OCPITime(text) else {
                problems.append("\(key) is not an RFC 3339 time")
                continue
            }
            if assign == 0 { startDateTime = time } else { endDateTime = time }
        }
        if let energy = json.member(caseInsensitive: "total_energy"), energy != .null {
            if let text = energy.numericText, let value = DecimalText(text) {
                totalEnergy = value
            } else {
                problems.append("total_energy is not a number")
            }
        }
        meterId = json.member(caseInsensitive: "meter_id")?.looseText
        tokenUID = json.member(caseInsensitive: "cdr_token")?.member(caseInsensitive: "uid")?.looseText
        evseId = json.member(caseInsensitive: "cdr_location")?.member(caseInsensitive: "evse_id")?.looseText
        if let signed = json.member(caseInsensitive: "signed_data"), signed != .null {
            do {
                signedData = try SignedData(json: signed)
            } catch {
                // Some senders put the SignedData object into a string.
                if let text = signed.stringValue, let inner = try? JSONParser.parse(text),
                    let parsed = try? SignedData(json: inner)
                {
                    signedData = parsed
                } else {
                    signedDataProblem = error.reason
                }
            }
        }
    }

    /// Whether a JSON object looks like a CDR (has CDR fields, not only a SignedData's).
    static func looksLikeCDR(_ json: JSONValue) -> Bool {
        ["signed_data", "total_energy", "start_date_time", "cdr_token", "charging_periods", "end_date_time"]
            .contains { json.member(caseInsensitive: $0) != nil }
    }
}
