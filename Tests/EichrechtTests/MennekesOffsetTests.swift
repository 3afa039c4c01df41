import Foundation
import Testing

@testable import Eichrecht

/// Mennekes XML writes UTC offsets next to its signed local times. The block signs the local wall
/// clock only, so the offsets are unsigned copies (the contract's "Unsigned copies" rule): the times
/// are the signed local times read in the meter time zone, and an offset that disagrees makes
/// `consistency` warn, never moves the reported time.
@Suite("Mennekes offsets")
struct MennekesOffsetTests {
    static func document() throws -> String {
        String(decoding: try EDL40Fixtures.corpusBytes("mennekes/safe-de-2021.xml"), as: UTF8.self)
    }

    /// The document with every written offset replaced (the wall-clock times, which are signed, stay).
    static func withOffset(_ offset: String) throws -> String {
        try document().replacingOccurrences(of: "+02:00<", with: "\(offset)<")
    }

    @Test("the signed times do not move with the XML offset", arguments: ["+02:00", "+14:00", "-12:00", "Z", "+00:00"])
    func timesFixed(_ offset: String) throws {
        let text = try Self.withOffset(offset)
        let records = try MennekesDecoder.decode(Array(text.utf8), context: .berlin)
        #expect(records.first?.0.time?.isoUTC == "2021-07-23T08:44:16Z")
        #expect(records.last?.0.time?.isoUTC == "2021-07-23T08:45:15Z")
        #expect(records.first?.0.time?.utcOffsetSeconds == 7200)
        let contradictions = records.flatMap(\.1.contradictions)
        if offset == "+02:00" {
            #expect(contradictions.isEmpty)
        } else {
            #expect(!contradictions.isEmpty)
            #expect(contradictions.allSatisfy { $0.severity == .warn })
        }
    }

    @Test("a disagreeing offset: signatures valid, consistency warns, nothing fails because of it")
    func warns() throws {
        let report = EDL40Fixtures.report(
            [(try Self.withOffset("+14:00"), "End")], encodingMethod: "EDL40 Mennekes")
        #expect(report.values.allSatisfy { $0.signature == .valid })
        #expect(report.check(.consistency)?.status == .warn)
        #expect(report.check(.consistency)?.reason.code == "consistency.unsigned_copy_differs")
        #expect(report.check(.consistency)?.reason.text(.en).contains("+14:00") == true)
        #expect(report.verdict != .invalid)
        let agreeing = EDL40Fixtures.report([(try Self.document(), "End")], encodingMethod: "EDL40 Mennekes")
        #expect(agreeing.check(.consistency)?.status == .pass)
        #expect(agreeing.verdict == report.verdict)
    }

    @Test("the meter time zone decides: the same XML read in UTC gives other instants and warns")
    func meterTimeZone() throws {
        let utc = DecodingContext(meterTimeZone: TimeZone(identifier: "UTC") ?? .gmt)
        let records = try MennekesDecoder.decode(Array(try Self.document().utf8), context: utc)
        #expect(records.first?.0.time?.isoUTC == "2021-07-23T10:44:16Z")
        #expect(records.allSatisfy { $0.1.contradictions.contains { $0.severity == .warn } })
    }

    @Test("contradictions carry their severity: BSM copies fail, the consistency check honours both")
    func severities() {
        #expect(Contradiction(.bsmValueNotInteger("x")).severity == .fail)
        #expect(Contradiction(.bsmValueNotInteger("x"), severity: .warn).severity == .warn)
    }
}
