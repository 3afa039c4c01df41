import Foundation
import Testing

@testable import Eichrecht

/// PCDF (Porsche Charging Data File): the signed text, the attributes, the billing flags, framing,
/// bad input, the generated vectors and the public samples (read from ../shared).
@Suite("PCDF")
struct PCDFTests {

    /// `valid.pcdf` of the S.A.F.E. Transparenzsoftware tests (Apache-2.0), also quoted in pcdf.md.
    static let tpsValid =
        "128.8.0(ST:200501162017)(CT:200501162025)(CD:000217)(TV:1)(BV:1)(CSC:1)(SP:1)(RV:0003.276*kWh)(SI:55*1*959bff1e-7164-4132-b783-4a9feed1bfee)(CS:513f627b)(HW:12345678901)(DT:0)(PK:049a3ac42ff9aa0ddfe9b627f1f3b5c1ff39f4ff26fa4f495ca86490d625a13bf3d9aa3d70989746fc5322f79f05c85dac5d23caf14f2e60221d52a8c746eaba37)(SG:304502210087b8137ecdc0340319474452b36592ca66aadb3b141295921eb9b08f08336a1902207eec4c574812afc55b42b84708367daf63dd29713e9321823497f051976c3920)"

    static func decode(_ text: String) throws(FormatError) -> PCDFRecord {
        try PCDFDecoder.decode(Array(text.utf8)[...]).0
    }

    static func verify(_ text: String) throws -> Report {
        let reports = try Verifier().verify(document: Array(text.utf8))
        return try #require(reports.first)
    }

    @Test("the signed text ends before (SG: and the record's fields are read")
    func fields() throws {
        let record = try Self.decode(Self.tpsValid)
        #expect(record.signedText.count == 310)
        #expect(String(decoding: record.signedText, as: UTF8.self).hasSuffix("eaba37)"))
        #expect(record.energy.value == Decimal(string: "3.276"))
        #expect(record.hardwareSerial == "12345678901")
        #expect(record.idType == .rfid && record.idTag == "55")
        #expect(record.transactionID == "959bff1e-7164-4132-b783-4a9feed1bfee")
        #expect(record.publicKey.count == 65)
        #expect(record.start.text == "200501162017" && record.stop.second == 25)
    }

    @Test("the TPS sample verifies; RV is the session energy, ST/CT local time")
    func verifiesSample() throws {
        let report = try Self.verify(Self.tpsValid)
        #expect(report.verdict == .verified, "\(report.reason)")
        #expect(report.session?.energyKWh == "3.276")
        #expect(report.session?.begin.timeUTC == "2020-05-01T14:20:17Z")
        #expect(report.values.first?.keySource == .embedded)
    }

    @Test("BV and SP other than 1 forbid billing under a valid signature")
    func billingFlags() throws {
        for (attribute, replacement) in [("(BV:1)", "(BV:0)"), ("(SP:1)", "(SP:3)")] {
            let record = try Self.decode(Self.tpsValid.replacingOccurrences(of: attribute, with: replacement))
            let signed = record.signedRecord(deviations: [], timeZone: .gmt)
            #expect(signed.readings.last?.flags.contains { $0.severity == .error } == true)
        }
        let timeInvalid = try Self.decode(Self.tpsValid.replacingOccurrences(of: "(TV:1)", with: "(TV:0)"))
        let signed = timeInvalid.signedRecord(deviations: [], timeZone: .gmt)
        #expect(signed.readings.first?.time?.clock == .unknown)
        #expect(signed.readings.last?.flags.map(\.severity) == [.warning])
    }

    @Test("STX/ETX framing and surrounding whitespace are accepted; the signed text is unchanged")
    func framing() throws {
        let framed = try Self.decode("\n\u{02}" + Self.tpsValid + "\u{03}\r\n")
        #expect(framed.signedText.count == 310)
        #expect(PCDFDecoder.recognises(Array("  \u{02}128.8.0(ST:".utf8)))
        #expect(!PCDFDecoder.recognises(Array("128.8.1(ST:".utf8)))
    }

    /// Records broken in one place each.
    static let malformedCases: [(String, String)] = [
        ("prefix", "x128.8.0(ST:200501162017)"),
        ("STX without ETX", "\u{02}" + tpsValid),
        ("ETX without STX", tpsValid + "\u{03}"),
        ("missing attribute", tpsValid.replacingOccurrences(of: "(CSC:1)", with: "")),
        ("repeated attribute", tpsValid.replacingOccurrences(of: "(CSC:1)", with: "(CSC:1)(CSC:2)")),
        ("after SG", tpsValid + "(XX:1)"),
        ("bad time", tpsValid.replacingOccurrences(of: "ST:200501162017", with: "ST:201301162017")),
        ("year 2018", tpsValid.replacingOccurrences(of: "ST:200501162017", with: "ST:180501162017")),
        ("bad duration", tpsValid.replacingOccurrences(of: "CD:000217", with: "CD:0002")),
        ("bad TV", tpsValid.replacingOccurrences(of: "TV:1", with: "TV:2")),
        ("unit", tpsValid.replacingOccurrences(of: "*kWh", with: "*Wh")),
        ("negative energy", tpsValid.replacingOccurrences(of: "RV:0003.276", with: "RV:-003.276")),
        ("SI", tpsValid.replacingOccurrences(of: "SI:55*1*", with: "SI:55-1-")),
        ("PK", tpsValid.replacingOccurrences(of: "PK:049a", with: "PK:z49a")),
        ("SG", tpsValid.replacingOccurrences(of: "SG:3045", with: "SG:zz45")),
        ("unclosed", String(tpsValid.dropLast())),
        ("bytes", tpsValid.replacingOccurrences(of: "HW:1", with: "HW:\u{7F}")),
    ]

    @Test("malformed records are format errors with a position", arguments: malformedCases)
    func malformed(_ name: String, _ text: String) {
        do {
            _ = try Self.decode(text)
            Issue.record("\(name) decoded")
        } catch {
            #expect(error.format == .pcdf, "\(name)")
        }
    }

    @Test("lengths the reference software enforces become deviations")
    func deviations() throws {
        let short = Self.tpsValid.replacingOccurrences(of: "HW:12345678901", with: "HW:1234")
            .replacingOccurrences(of: "RV:0003.276", with: "RV:3.276")
        let (_, deviations) = try PCDFDecoder.decode(Array(short.utf8)[...])
        #expect(deviations.contains(.pcdfHardwareLength("1234")) && deviations.contains(.pcdfEnergyLength("3.276")))
    }

    @Test(
        "public samples (read from ../shared)", .enabled(if: Paths.sharedExists),
        arguments: ConformanceUnit.load(Paths.shared, format: "PCDF"))
    func publicSamples(_ unit: ConformanceUnit) throws {
        let problems = try unit.run()
        #expect(problems.isEmpty, "\(unit.id): \(problems.joined(separator: "; "))")
    }
}
