import Foundation

/// Where the key that verified a record came from.
public enum KeySource: String, Sendable, Hashable, Codable {
    /// A key the caller trusts (`--key`, a key list, `VerificationOptions.trustedKeys`).
    case trusted
    /// The CDR's `signed_data.public_key`.
    case cdr
    /// A key inside the signed record itself.
    case embedded
}

/// The key for one record, or why there is none.
enum KeyResolution: Sendable, Hashable {
    /// No key anywhere.
    case none
    /// A usable key and where it came from.
    case resolved(PublicKey, KeySource)
    /// A key is present but unusable (undecodable, wrong curve, contradicted by a trusted key).
    case failed(KeyProblem)
}

/// Whether a record's signature verified.
public enum SignatureStatus: String, Sendable, Hashable, Codable {
    /// The signature verifies over the signed bytes with the resolved key.
    case valid
    /// The signature does not verify with the resolved key, or cannot be decoded.
    case invalid
    /// No verification was possible: no usable key, or no supported signature algorithm.
    case unchecked
}

/// The signature outcome of one record: the reason when it is not `valid`, or a note on how it
/// verified (over the whitespace-free payload, as OCMF 1.0 signed it).
struct SignatureOutcome: Sendable, Hashable {
    /// Whether the signature verified.
    public var status: SignatureStatus
    /// Why the status is not `valid`, or a note on how it verified; `nil` for a plain pass.
    public var reason: SignatureNote?
    /// Set when the signature verified only over the whitespace-free payload (OCMF 1.0's rule).
    public var normalised: Bool = false
}

/// A decoded record placed in its session, with its key and signature outcome.
struct SessionRecord: Sendable {
    /// The position of the record's value in `signed_values` (0-based).
    public var valueIndex: Int
    /// The OCPI nature of the record's value.
    public var nature: SignedValue.Nature
    /// The decoded record.
    public var record: SignedRecord
    /// The key the record is verified with, or why there is none.
    public var key: KeyResolution
    /// The signature's outcome under that key.
    public var signature: SignatureOutcome
    /// The value index of an earlier record with the very same signed bytes and signature.
    public var duplicateOf: Int?
    /// CDR or record keys that could not be read and were set aside because a trusted key was
    /// given: `public_key` warns about them when that key verifies the record.
    public var setAsideKeys: [KeyProblem] = []
}

/// The readings of one register across the session, in session order.
struct RegisterReadings: Sendable {
    /// The register (OBIS code) as the readings write it; empty for readings that name none.
    public var register: String
    /// Every distinct reading (identical readings repeated in several records count once).
    public var readings: [Reading]

    /// The begin readings.
    public var begins: [Reading] { readings.filter { $0.type == .begin } }
    /// The end readings.
    public var ends: [Reading] { readings.filter { $0.type == .end } }
    /// Whether any reading is in an energy unit (Wh, kWh or MWh).
    public var hasEnergy: Bool { readings.contains { $0.kWhFactor != nil } }

    /// The one begin and one end, when the register has exactly those.
    public var pair: (begin: Reading, end: Reading)? {
        let b = begins
        let e = ends
        guard b.count == 1, e.count == 1, let begin = b.first, let end = e.first else { return nil }
        return (begin, end)
    }

    /// Preference for billing: transaction/compensated import registers first, then total import.
    var billingRank: Int {
        guard hasEnergy else { return 99 }
        switch OBIS.kind(of: register) {
        case .importCompensatedTransaction: return 0
        case .importTransaction: return 1
        case .importCompensated: return 2
        case .importTotal: return 3
        case .unknown: return 4
        case .export: return 50
        case .other: return 60
        }
    }
}

/// Everything the checks look at: the CDR, the decoded values, the records with their keys and
/// signature outcomes, and the readings grouped by register.
struct Session: Sendable {
    /// The CDR, when the unit is one.
    public var cdr: CDR?
    /// The signed data verified: the CDR's `signed_data` or a standalone SignedData.
    public var signedData: SignedData?
    /// What the unit was in its input.
    public var unit: UnitKind
    /// Every signed value after decoding, in input order.
    public var values: [DecodedValue]
    /// Records in session order (Start, Intermediate, End, then others; input order within each).
    public var records: [SessionRecord]
    /// The readings grouped by register, registers in order of first appearance.
    public var registers: [RegisterReadings]
    /// The register energy is billed from.
    public var billingRegister: RegisterReadings?
    /// Why the CDR's `signed_data` could not be read, or that it is absent.
    public var signedDataProblem: SignedDataProblem?

    /// Records that are not repeats of an earlier record.
    var distinctRecords: [SessionRecord] { records.filter { $0.duplicateOf == nil } }
}

/// OBIS register classification, tolerant of the many spellings in OCMF `RI`.
enum OBIS {
    enum Kind {
        case importTotal, importCompensated, importTransaction, importCompensatedTransaction, export, other, unknown
    }

    /// Classifies `1-b:1.8.0`, `1-0:1.8.0*198`, `01-00:B1.08.00*FF`, `01-00:01.08.00.FF`, …
    static func kind(of register: String) -> Kind {
        let groups = register.split(whereSeparator: { "-:.*".contains($0) }).map { $0.uppercased() }
        // C and D are the 3rd and 4th groups when A-B: is present, else the 1st and 2nd.
        let hasMedium = register.contains(":")
        let cIndex = hasMedium ? 2 : 0
        guard groups.count > cIndex + 1 else { return .unknown }
        let c = groups[cIndex].count == 1 ? "0" + groups[cIndex] : groups[cIndex]
        let d = Int(groups[cIndex + 1], radix: 16) ?? -1
        // EDL40 signs active import on 1-0:1.17.0 (D written in decimal, while `d` reads hex).
        if c == "01", groups[cIndex + 1] == "17" { return .importTotal }
        guard d == 8 else { return .other }
        switch c {
        case "01": return .importTotal
        case "B0": return .importTotal
        case "B1", "98": return .importCompensated
        case "B2": return .importTransaction
        case "B3": return .importCompensatedTransaction
        case "02", "C0", "C1", "C2", "C3": return .export
        default: return .other
        }
    }
}
