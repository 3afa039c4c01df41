import Foundation
import Testing

@testable import Eichrecht

/// The checks that reconcile the rest of the CDR with the signed data: `charging_periods`,
/// `duration`, `evse_id`, `identification` (vectors in `generated-reconciliation`).
@Suite("Reconciliation checks")
struct ReconciliationTests {
    static func report(_ name: String) throws -> Report {
        let url = GeneratedFolder.reconciliation.url.appendingPathComponent("cdrs/\(name).json")
        return try #require(try Verifier().verify(document: Paths.bytes(url)).first)
    }

    @Test("the checks run in the contract's order, after meter_id")
    func order() throws {
        let codes = try Self.report("ocmf-periods-one-pass").checks.map(\.code.rawValue)
        let tail = ["meter_id", "charging_periods", "duration", "evse_id", "identification", "time_sync", "key_trust"]
        #expect(Array(codes.suffix(tail.count)) == tail)
    }

    @Test("the period allowance grows by 0.00005 kWh per period with an ENERGY volume")
    func periodAllowance() throws {
        let inside = try Self.report("ocmf-periods-three-rounded-pass").check(.chargingPeriods)
        guard case .withinTolerance(let c)? = inside?.reason as? ChargingPeriodsReason else {
            Issue.record("\(inside?.reason.code ?? "none")")
            return
        }
        #expect(c.tolerance == Decimal(string: "0.00115") && c.periodCount == 3)
        #expect(try Self.report("ocmf-periods-three-rounded-outside").check(.chargingPeriods)?.status == .fail)
    }

    @Test("a relative clock's duration fails; both sides are written in seconds")
    func relativeDuration() throws {
        let report = try Self.report("ocmf-duration-relative-exceeds")
        let result = try #require(report.check(.duration))
        #expect(result.reason.code == "duration.exceeds_total_time")
        #expect(result.expected == .seconds(3600) && result.actual == .seconds(1800))
        #expect(report.check(.startTime)?.status == .skip && report.verdict == .mismatch)
        let json = String(decoding: ReportJSONWriter().encode(report), as: UTF8.self)
        #expect(json.contains(#""expected":"3600","actual":"1800""#), "\(json)")
    }

    @Test("clock qualities of a signed duration: the weaker counts, relative with absolute is informative")
    func durationClock() {
        #expect(DurationCheck.clock(.synchronised, .synchronised) == .synchronised)
        #expect(DurationCheck.clock(.relative, .relative) == .relative)
        #expect(DurationCheck.clock(.synchronised, .informative) == .informative)
        #expect(DurationCheck.clock(.relative, .synchronised) == .informative)
        #expect(DurationCheck.clock(.unknown, .synchronised) == nil)
    }

    @Test("EVSE ids compare without stars, spaces, dashes and letter case")
    func evseNormalisation() {
        #expect(EVSEIDCheck.normalise("DE*ABC*E123*1") == EVSEIDCheck.normalise("DEABCE1231"))
        #expect(EVSEIDCheck.normalise("de-abc-e123-1") == EVSEIDCheck.normalise("DE ABC E123 1"))
        #expect(EVSEIDCheck.normalise("DE*ABC*E123*1") != EVSEIDCheck.normalise("DE*ABC*E123*2"))
    }

    @Test("Mennekes MeteringPoint is compared, and the text says it is not signed")
    func mennekesUnsigned() throws {
        let result = try #require(try Self.report("mennekes-evse-differs").check(.evseID))
        #expect(result.status == .fail)
        #expect(result.reason.english.contains("beside the signed data"))
        #expect(result.reason.german.contains("neben den signierten Daten"))
    }

    @Test("identification: which token field each signed type is compared with")
    func identificationFields() {
        func field(_ type: String?, _ format: MeterFormat = .ocmf) -> IdentificationReason.TokenField? {
            IdentificationCheck.field(of: SignedIdentification(type: type, data: "04AABB"), format: format)
        }
        #expect(field("ISO14443") == .uid && field("iso15693") == .uid && field("RFID_PLAIN") == .uid)
        #expect(field("EMAID") == .contractId && field("EVCCID") == .contractId && field("ISO15118") == .contractId)
        #expect(field("CENTRAL") == nil && field(nil) == nil && field("NONE") == nil)
        #expect(field(nil, .mennekes) == .uid && field(nil, .edl40SML) == .uid && field("RFID", .alfen) == .uid)
    }

    @Test("identification: case and separators do not count, reversed bytes pass with a note")
    func identificationCompare() throws {
        #expect(IdentificationCheck.compare("04AABBCC", "04:aa:bb:cc") == .same)
        #expect(IdentificationCheck.compare("04AABBCC", "CCBBAA04") == .reversed)
        #expect(IdentificationCheck.compare("04AABBCC", "04AABBCD") == .differs)
        #expect(IdentificationCheck.compare("ABC", "CBA") == .differs)
        for name in ["ocmf-identification-uid-reversed", "mennekes-identification-uid-reversed"] {
            let result = try Self.report(name).check(.identification)
            #expect(result?.status == .pass && result?.reason.code == "identification.reversed_bytes", "\(name)")
        }
        let differs = try Self.report("ocmf-identification-emaid-differs").check(.identification)
        #expect(differs?.status == .warn && differs?.reason.code == "identification.contract_id_differs")
    }
}
