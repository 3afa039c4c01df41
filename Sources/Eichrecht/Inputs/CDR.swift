import Foundation

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
    /// Claims the CDR makes but writes unreadably (`total_energy` as a string, `1e127`, a time with
    /// offset `+99:99`), with the text as written. Another system may read such a value some way and
    /// bill it, so the check that compares the field fails instead of skipping.
    public var unreadable: [Field: String] = [:]
    /// `meter_id`: the meter the CPO names, compared with the meter id the records sign.
    public var meterId: String?
    /// `cdr_token.uid`.
    public var tokenUID: String?
    /// `cdr_location.evse_id`.
    public var evseId: String?
    /// `cdr_token.contract_id`.
    public var tokenContractId: String?
    /// `cdr_token.type` (`RFID`, `APP_USER`, `AD_HOC_USER`, `OTHER`).
    public var tokenType: String?
    /// `total_time` in hours, exactly as written (includes parking time).
    public var totalTimeHours: DecimalText?
    /// The energy the `charging_periods` bill; `nil` when no period carries an `ENERGY` dimension.
    public var periodEnergy: PeriodEnergy?
    /// `cdr_location`: the charge point and its address.
    public var location: Location?
    /// `total_cost`, not covered by any signature.
    public var totalCost: Price?
    /// `currency` (ISO 4217).
    public var currency: String?
    /// `signed_data`, also when the sender wrapped the object in a JSON string; `nil` when absent or
    /// unreadable.
    public var signedData: SignedData?
    /// Why `signed_data` could not be read, when it is present but malformed.
    public var signedDataProblem: InputProblem?
    /// Fields that are present but unreadable, in field order.
    public var problems: [CDRProblem] {
        Field.allCases.filter { unreadable[$0] != nil }.map(CDRProblem.unreadable)
    }

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
    }

    /// The CDR fields whose value the checks compare with the signed data.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        /// `total_energy`.
        case totalEnergy = "total_energy"
        /// `start_date_time`.
        case startDateTime = "start_date_time"
        /// `end_date_time`.
        case endDateTime = "end_date_time"
        /// `total_time`.
        case totalTime = "total_time"
        /// `charging_periods` (a period list or `ENERGY` volume that is not a JSON number).
        case chargingPeriods = "charging_periods"
    }

    /// Reads a CDR object. OCPI member names are matched exactly; an object anywhere in the CDR that
    /// holds one member name twice (also differing only in letter case) makes the CDR unreadable,
    /// since JSON libraries disagree on which one counts.
    public init(json: JSONValue) throws(InputError) {
        guard json.isObject else { throw InputError(.notACDR(json.kind)) }
        if let repeated = json.repeatedMemberName() {
            throw InputError(.repeatedMember(.cdr, repeated))
        }
        self.init()
        id = json["id"]?.looseText
        for field in [Field.startDateTime, .endDateTime] {
            guard let value = json[field.rawValue] else { continue }
            guard let text = value.stringValue, let time = OCPITime(text) else {
                unreadable[field] = value.writtenText
                continue
            }
            if field == .startDateTime { startDateTime = time } else { endDateTime = time }
        }
        if let energy = json["total_energy"] {
            if case .number(let text) = energy, let value = DecimalText.claimed(text) {
                totalEnergy = value
            } else {
                unreadable[.totalEnergy] = energy.writtenText
            }
        }
        meterId = json["meter_id"]?.looseText
        tokenUID = json["cdr_token"]?["uid"]?.looseText
        evseId = json["cdr_location"]?["evse_id"]?.looseText
        CDR.readBilling(json, into: &self)
        if let signed = json["signed_data"], signed != .null {
            do {
                signedData = try SignedData(json: signed)
            } catch {
                // Some senders put the SignedData object into a string.
                if let text = signed.stringValue, let inner = try? JSONParser.parse(text) {
                    if let repeated = inner.repeatedMemberName() {
                        throw InputError(.repeatedMember(.signedData, repeated))
                    }
                    if let parsed = try? SignedData(json: inner) {
                        signedData = parsed
                    } else {
                        signedDataProblem = error.problem
                    }
                } else {
                    signedDataProblem = error.problem
                }
            }
        }
    }

    /// Whether a JSON object looks like a CDR (has CDR fields, not only a SignedData's).
    static func looksLikeCDR(_ json: JSONValue) -> Bool {
        ["signed_data", "total_energy", "start_date_time", "cdr_token", "charging_periods", "end_date_time"]
            .contains { json[$0] != nil }
    }
}

extension DecimalText {
    /// The largest number of significant digits a CDR's decimal claim may have: OCPI's numbers are
    /// plain decimals with at most 4 fraction digits, and no meter register holds 20 digits.
    static let maximumClaimDigits = 20

    /// A decimal a CDR claims (`total_energy`, a period's `volume`): a finite number written with at
    /// most 20 significant digits and an exponent no meter needs (±20). Anything else is a number that
    /// other systems read differently (`1e127`, 40 digits), so the claim is unreadable.
    static func claimed(_ text: String) -> DecimalText? {
        guard let parsed = DecimalText(text) else { return nil }
        let digits = text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
            .drop { !($0 >= 0x31 && $0 <= 0x39) }
            .filter { $0 >= 0x30 && $0 <= 0x39 }
        guard digits.count <= DecimalText.maximumClaimDigits,
            parsed.resolution >= Decimal(sign: .plus, exponent: -20, significand: 1),
            parsed.resolution <= Decimal(sign: .plus, exponent: 20, significand: 1)
        else { return nil }
        return parsed
    }
}

/// Why part of a CDR cannot be read (its text in the catalogue).
public enum CDRProblem: Worded, Hashable, Codable {
    /// A field the checks compare is present but unreadable.
    case unreadable(CDR.Field)
}
