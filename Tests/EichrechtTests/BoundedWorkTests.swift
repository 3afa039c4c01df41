import Foundation
import Testing

@testable import Eichrecht

/// The contract's "Bounded work": a record with more than 1,000 readings fails `format` ("too many")
/// instead of being processed, and the work per reading does not grow with the number of readings
/// (measured by hand, not asserted here: see the report of the change).
@Suite("Bounded work")
struct BoundedWorkTests {
    /// An OCMF record (unsigned: a dummy signature) with `count` readings: begin, intermediates, end.
    static func ocmf(readings count: Int) -> [UInt8] {
        var readings: [String] = []
        for index in 0..<count {
            let type = index == 0 ? "B" : index == count - 1 ? "E" : "T"
            readings.append(
                #"{"TM":"2021-01-01T10:00:00,000+0100 S","TX":"\#(type)","RV":\#(1000 + index).5,"RI":"1-b:1.8.0","RU":"kWh","ST":"G"}"#
            )
        }
        let payload =
            #"{"FV":"1.0","GI":"X","GS":"1","GV":"1","PG":"T1","MV":"V","MM":"M","MS":"S1","MF":"1","IS":true,"IT":"NONE","ID":"","RD":["#
            + readings.joined(separator: ",") + "]}"
        return Array(("OCMF|" + payload + #"|{"SD":"3045022100aa"}"#).utf8)
    }

    @Test("the limit is one shared constant of 1,000 readings")
    func limit() {
        #expect(DecodingLimits.readingsPerRecord == 1_000)
        #expect(throws: Never.self) { try DecodingLimits.checkReadings(1_000, format: .ocmf) }
        #expect(throws: FormatError.self) { try DecodingLimits.checkReadings(1_001, format: .pcdf) }
    }

    @Test("OCMF: 1,000 readings decode, 1,001 and more fail format with too many", arguments: [1_000, 1_001, 5_000])
    func ocmfReadings(_ count: Int) throws {
        let bytes = Self.ocmf(readings: count)
        let report = try #require(try Verifier().verify(document: bytes).first)
        if count <= DecodingLimits.readingsPerRecord {
            let (_, signed) = try OCMFDecoder.decode(bytes[...])
            #expect(signed.readings.count == count)
            #expect(report.check(.format)?.status == .pass)
        } else {
            #expect(throws: FormatError.self) { _ = try OCMFDecoder.decode(bytes[...]) }
            #expect(report.check(.format)?.status == .fail)
            #expect(report.check(.format)?.reason.code == "format.malformed")
            #expect(report.check(.format)?.reason.text(.en).contains("too many readings") == true)
            #expect(report.verdict == .invalid)
        }
    }

    @Test("repeated readings count once per register, distinct ones all stay (set, not pairwise search)")
    func grouping() throws {
        let (_, signed) = try OCMFDecoder.decode(Self.ocmf(readings: 1_000)[...])
        let records = [signed, signed].enumerated().map { index, record in
            SessionRecord(
                valueIndex: index, nature: .end, record: record, key: .none,
                signature: SignatureOutcome(status: .unchecked, reason: nil))
        }
        let groups = SessionAssembler.groupReadings(records)
        #expect(groups.count == 1)
        #expect(groups.first?.readings.count == 1_000)
    }
}
