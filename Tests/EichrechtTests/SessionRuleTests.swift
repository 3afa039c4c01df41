import Foundation
import Testing

@testable import Eichrecht

/// What makes records one session: one customer, one unit per register, the signed record over any
/// unsigned copy, and a bound on the work one unit may ask for.
@Suite("Session rules")
struct SessionRuleTests {
    /// An OCMF value whose one reading and identification are given; signed with a dummy signature,
    /// since the consistency rules look at what is signed, not at whether the signature holds.
    static func ocmf(pagination: Int, type: String, value: String, unit: String = "kWh", id: String) -> String {
        """
        OCMF|{"FV":"1.0","PG":"T\(pagination)","MS":"1ACME0000001","IT":"ISO14443","ID":"\(id)","RD":[\
        {"TM":"2026-03-02T15:42:47,675+0100 S","TX":"\(type)","RV":\(value),"RI":"1-b:1.8.0","RU":"\(unit)","ST":"G"}]}|\
        {"SD":"3045022100aa"}
        """
    }

    static func consistency(_ values: [SignedValue]) -> CheckResult? {
        let report = Verifier().verify(signedData: SignedData(encodingMethod: "OCMF", signedValues: values))
        return report.checks.first { $0.code == .consistency }
    }

    @Test("one customer per session: any two different signed identifications fail consistency")
    func oneCustomer() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEFabcdef")
        for _ in 0..<200 {
            let a = String((0..<14).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
            let sameOrOther = Bool.random(using: &generator)
            let b = sameOrOther ? (Bool.random(using: &generator) ? a.lowercased() : a.uppercased()) : a + "1"
            let result = Self.consistency([
                SignedValue(nature: "Start", signedData: Self.ocmf(pagination: 10, type: "B", value: "1.000", id: a)),
                SignedValue(nature: "End", signedData: Self.ocmf(pagination: 11, type: "E", value: "2.000", id: b)),
            ])
            if sameOrOther {
                #expect(result?.status == .pass, "\(a) / \(b): \(result?.reason.text(.en) ?? "")")
            } else {
                #expect(result?.status == .fail, "\(a) / \(b)")
            }
        }
    }

    @Test(
        "units: a register whose readings change unit fails consistency",
        arguments: [
            ("Wh", "kWh", false), ("kWh", "Wh", false), ("kWh", "kWh", true), ("Wh", "Wh", true),
        ])
    func units(_ begin: String, _ end: String, _ agrees: Bool) {
        let result = Self.consistency([
            SignedValue(
                nature: "Start", signedData: Self.ocmf(pagination: 10, type: "B", value: "1", unit: begin, id: "A")),
            SignedValue(
                nature: "End", signedData: Self.ocmf(pagination: 11, type: "E", value: "2000", unit: end, id: "A")),
        ])
        #expect((result?.status == .pass) == agrees, "\(begin) → \(end): \(result?.reason.text(.en) ?? "")")
    }

    @Test("plain_data holding another record than signed_data fails consistency; the same record passes")
    func unsignedCopy() {
        let signed = Self.ocmf(pagination: 11, type: "E", value: "2.000", id: "A")
        let other = Self.ocmf(pagination: 11, type: "E", value: "9.000", id: "A")
        for (plain, fails) in [(other, true), (signed, false), ("2,000 kWh", false), ("", false)] {
            let result = Self.consistency([
                SignedValue(nature: "Start", signedData: Self.ocmf(pagination: 10, type: "B", value: "1.000", id: "A")),
                SignedValue(nature: "End", plainData: plain, signedData: signed),
            ])
            #expect((result?.status == .fail) == fails, "plain_data \(plain): \(result?.reason.text(.en) ?? "")")
        }
    }

    @Test("at most 1,000 signed values are verified; more fail format without being decoded")
    func valueBound() {
        let start = SignedValue(nature: "Start", signedData: Self.ocmf(pagination: 10, type: "B", value: "1", id: "A"))
        for count in [1_000, 1_001, 20_000] {
            let values = [SignedValue](repeating: start, count: count)
            let report = Verifier().verify(signedData: SignedData(encodingMethod: "OCMF", signedValues: values))
            let format = report.checks.first { $0.code == .format }
            if count > 1_000 {
                #expect(format?.status == .fail && report.verdict == .invalid)
                #expect(report.values.isEmpty)
            } else {
                #expect(format?.status != .fail, "\(format?.reason.text(.en) ?? "")")
            }
        }
    }
}
