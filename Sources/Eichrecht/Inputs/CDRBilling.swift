import Foundation

/// What a CDR bills beyond `total_energy`: its charging periods' energy, its duration and costs, and
/// where and for whom the session ran. Read tolerantly like the rest of the CDR: a field of the
/// wrong type is recorded in `CDR.unreadable`, never guessed.
extension CDR {
    /// The energy the CDR's `charging_periods` bill: the sum of every `ENERGY` dimension's `volume`
    /// (kWh), and how many periods carry one (OCPI rounds each volume to 4 decimals, so the
    /// allowance grows with the number of periods).
    public struct PeriodEnergy: Sendable, Hashable {
        /// The sum of the `ENERGY` volumes, exact; a negative volume counts negative.
        public var kWh: Decimal
        /// The number of periods that carry an `ENERGY` dimension.
        public var periods: Int
    }

    /// The charge point and its place, from `cdr_location`.
    public struct Location: Sendable, Hashable {
        /// `cdr_location.evse_id`.
        public var evseId: String?
        /// `cdr_location.name`.
        public var name: String?
        /// `cdr_location.address`.
        public var address: String?
        /// `cdr_location.postal_code`.
        public var postalCode: String?
        /// `cdr_location.city`.
        public var city: String?
        /// `cdr_location.country` (ISO 3166-1 alpha-3).
        public var country: String?
    }

    /// An OCPI `Price`: the amount without and, when given, with VAT, in the CDR's `currency`.
    public struct Price: Sendable, Hashable {
        /// `excl_vat`.
        public var excludingVAT: DecimalText
        /// `incl_vat`, when the CPO states it.
        public var includingVAT: DecimalText?
    }

    /// Reads the billing fields of a CDR object into `cdr`.
    static func readBilling(_ json: JSONValue, into cdr: inout CDR) {
        if let periods = json["charging_periods"] {
            readPeriods(periods, into: &cdr)
        }
        if let time = json["total_time"] {
            if case .number(let text) = time, let hours = DecimalText.claimed(text) {
                cdr.totalTimeHours = hours
            } else {
                cdr.unreadable[.totalTime] = time.writtenText
            }
        }
        if let token = json["cdr_token"] {
            cdr.tokenContractId = token["contract_id"]?.looseText
            cdr.tokenType = token["type"]?.looseText
        }
        if let location = json["cdr_location"], location.isObject {
            cdr.location = Location(
                evseId: location["evse_id"]?.looseText, name: location["name"]?.looseText,
                address: location["address"]?.looseText, postalCode: location["postal_code"]?.looseText,
                city: location["city"]?.looseText, country: location["country"]?.looseText)
        }
        cdr.currency = json["currency"]?.looseText
        if let cost = json["total_cost"], let price = price(cost) { cdr.totalCost = price }
    }

    /// Sums the `ENERGY` volumes; a period list or volume that is not what OCPI writes makes the
    /// periods unreadable as a whole (a billing system may read such a value any way).
    private static func readPeriods(_ periods: JSONValue, into cdr: inout CDR) {
        guard let list = periods.arrayValue else {
            cdr.unreadable[.chargingPeriods] = periods.writtenText
            return
        }
        var sum = Decimal(0)
        var carrying = 0
        for period in list {
            guard let dimensions = period["dimensions"]?.arrayValue else { continue }
            var carries = false
            for dimension in dimensions where dimension["type"]?.stringValue?.uppercased() == "ENERGY" {
                guard case .number(let text)? = dimension["volume"], let volume = DecimalText.claimed(text) else {
                    cdr.unreadable[.chargingPeriods] = dimension["volume"]?.writtenText ?? "null"
                    return
                }
                sum += volume.value
                carries = true
            }
            if carries { carrying += 1 }
        }
        if carrying > 0 { cdr.periodEnergy = PeriodEnergy(kWh: sum, periods: carrying) }
    }

    /// An OCPI `Price` object, or `nil` when it holds no readable `excl_vat`.
    private static func price(_ json: JSONValue) -> Price? {
        guard case .number(let text)? = json["excl_vat"], let excluding = DecimalText.claimed(text) else { return nil }
        var including: DecimalText?
        if case .number(let text)? = json["incl_vat"] { including = DecimalText.claimed(text) }
        return Price(excludingVAT: excluding, includingVAT: including)
    }
}
