import Foundation
import Testing

@testable import Eichrecht

/// BAUER BSM-WS36A snapshots in chargeIT JSON: the signed data-point encoding, the cross-checks of
/// the unsigned copies, bad input, the self-generated vectors and the public (AGPL, read from
/// ../shared) samples.
@Suite("BSM-WS36A")
struct BSMTests {

    static func point(_ name: String, _ value: Any, unit: Int = 255, scale: Int = 0, type: String = "UnsignedInteger32")
        -> String
    {
        if let text = value as? String {
            return #"{"measurand":{"name":"\#(name)"},"measuredValue":{"valueType":"String","value":"\#(text)"}}"#
        }
        return
            #"{"measurand":{"name":"\#(name)"},"measuredValue":{"valueType":"\#(type)","scale":\#(scale),"unitEncoded":\#(unit),"value":\#(value)}}"#
    }

    /// The data points of snapshot 305 of the worked example in bsm-ws36a.md §2.1.
    static let examplePoints: [String] = [
        point("Typ", 1), point("RCR", 0, unit: 30), point("TotWhImp", 1530, unit: 30),
        point("W", 0, unit: 27, scale: 1, type: "Integer32"), point("MA1", "001BZR1521070003"), point("RCnt", 305),
        point("OS", 5_350_353, unit: 7), point("Epoch", 1_638_272_327, unit: 7),
        point("TZO", 60, unit: 6, type: "Integer32"), point("EpochSetCnt", 110),
        point("EpochSetOS", 5_349_406, unit: 7),
        point("DI", 1), point("DO", 0), point("Meta1", "contract-id: rfid:102bb22f"), point("Meta2", ""),
        point("Meta3", "csc-sw-version: unknown"), point("Evt", 0),
    ]

    static func snapshot(points: [String] = examplePoints, extra: String = "") -> [UInt8] {
        Array(
            #"{"@context":"https://www.chargeit-mobility.com/contexts/bsm-ws36a-json-v1",\#(extra)"additionalValues":[\#(points.joined(separator: ","))]}"#
                .utf8)
    }

    @Test("the signed message of the documented example: 159 bytes with the documented SHA-256")
    func workedExample() throws {
        let snapshots = try BSMDecoder.decode(Self.snapshot(points: Self.examplePoints.reversed()))
        let message = try #require(snapshots.first).signedMessage
        #expect(message.count == 159)
        #expect(
            Hex.encode(SignatureVerifier.sha256(message))
                == "b5e2cff9b3fc89f26ffcac5fb81cee66f4588545b4aea527ba071db83e856130")
        #expect(Array(message.prefix(12)) == [0, 0, 0, 1, 0, 0xFF, 0, 0, 0, 0, 0, 0x1E])
    }

    @Test("data points: numeric as value, scale, unit code; strings as length and bytes")
    func dataPointEncoding() {
        let negative = BSMDataPoint(
            name: "TZO", value: .integer(-60), valueType: "Integer32", scale: -1, unitCode: 6)
        #expect(negative.signedBytes == [0xFF, 0xFF, 0xFF, 0xC4, 0xFF, 6])
        let empty = BSMDataPoint(name: "Meta2", value: .text(""), scale: 0, unitCode: 0)
        #expect(empty.signedBytes == [0, 0, 0, 0])
        let latin1 = BSMDataPoint(name: "Meta3", value: .text("ä"), scale: 0, unitCode: 0, textEncoding: .latin1)
        #expect(latin1.signedBytes == [0, 0, 0, 1, 0xE4])
        #expect(BSMDataPoint(name: "RCR", value: .integer(3), scale: 1, unitCode: 30).decimal?.value == 30)
        #expect(BSMDataPoint(name: "RCR", value: .integer(0), scale: 1, unitCode: 30).decimal?.text == "0")
    }

    @Test("unsigned copies that contradict the signed points are listed")
    func contradictions() throws {
        let extra =
            #""time":"2021-11-30T13:37:00+01:00","measurementId":4711,"meterInfo":{"meterId":"X"},"contract":{"id":"deadbeef","type":"rfid"},"value":{"measurand":{"name":"RCR"},"measuredValue":{"value":100,"scale":3,"unit":"JOULE","unitEncoded":25}},"#
        let record = try #require(try BSMDecoder.decode(Self.snapshot(extra: extra)).first).signedRecord()
        let text = record.contradictions.map(\.text).joined(separator: "\n")
        for expected in [
            "value.measuredValue.value 100", "scale 3", "unitEncoded 25", "unit JOULE", "measurementId 4711",
            "meterId X", "time 2021-11-30T13:37:00+01:00", "contract rfid:deadbeef",
        ] {
            #expect(text.contains(expected), "\(expected) missing in \(text)")
        }
        let agreeing =
            #""time":"2021-11-30T12:38:47+01:00","measurementId":305,"meterInfo":{"meterId":"001BZR1521070003"},"contract":{"id":"102BB22F","type":"RFID"},"value":{"measurand":{"name":"RCR"},"measuredValue":{"value":0,"scale":0,"unit":"WATT_HOUR","unitEncoded":30}},"#
        let clean = try #require(try BSMDecoder.decode(Self.snapshot(extra: agreeing)).first).signedRecord()
        #expect(clean.contradictions.isEmpty, "\(clean.contradictions.map(\.text))")
        #expect(clean.readings.first?.type == .begin)
        #expect(clean.readings.first?.time?.isoUTC == "2021-11-30T11:38:47Z")
        #expect(clean.identification?.data == "102bb22f")
        #expect(clean.natureIsSigned)
    }

    @Test("the container's EVSE id must match a signed Meta2 evse-id")
    func evseCrossCheck() throws {
        var points = Self.examplePoints
        points[14] = Self.point("Meta2", "evse-id: DE*BDO*E1*1")
        let container =
            #"{"placeInfo":{"evseId":"DE*BDO*E2*1"},"signedMeterValues":["#
            + String(decoding: Self.snapshot(points: points), as: UTF8.self) + "]}"
        let record = try #require(try BSMDecoder.decode(Array(container.utf8)).first).signedRecord()
        #expect(record.contradictions.contains { $0.text.contains("evse-id DE*BDO*E1*1") })
    }

    @Test(
        "malformed snapshots are format errors, never crashes",
        arguments: [
            ("not JSON", "{\"bsm-ws36a\""),
            ("no additionalValues", #"{"@context":"bsm-ws36a","x":1}"#),
            ("empty container", #"{"signedMeterValues":[]}"#),
            ("array", "[1,2]"),
        ])
    func malformed(_ name: String, _ text: String) {
        #expect(throws: FormatError.self, "\(name)") { try BSMDecoder.decode(Array(text.utf8)) }
    }

    @Test("a missing, repeated, oversized or mistyped data point is a format error")
    func badPoints() {
        var missing = Self.examplePoints
        missing.remove(at: 5)
        var repeated = Self.examplePoints
        repeated.append(Self.point("RCR", 1, unit: 30))
        var oversized = Self.examplePoints
        oversized[1] = Self.point("RCR", 4_294_967_296, unit: 30)
        var mistyped = Self.examplePoints
        mistyped[1] = Self.point("RCR", 1, unit: 30, type: "Float")
        var textForNumber = Self.examplePoints
        textForNumber[1] =
            #"{"measurand":{"name":"RCR"},"measuredValue":{"valueType":"UnsignedInteger32","unitEncoded":30,"value":"ten"}}"#
        for points in [missing, repeated, oversized, mistyped, textForNumber] {
            #expect(throws: FormatError.self) { try BSMDecoder.decode(Self.snapshot(points: points)) }
        }
    }

    @Test("recognised only for chargeIT JSON naming bsm-ws36a")
    func recognition() {
        #expect(BSMDecoder.recognises(Self.snapshot()))
        #expect(!BSMDecoder.recognises(Array(#"{"signedMeterValues":[{"additionalValues":[]}]}"#.utf8)))
        #expect(!BSMDecoder.recognises(Array("OCMF|{}|{}".utf8)))
    }

    @Test("a container is cut into one signed value per snapshot")
    func splitting() throws {
        let one = String(decoding: Self.snapshot(), as: UTF8.self)
        let container = #"{"placeInfo":{"evseId":"E"},"signedMeterValues":[\#(one),\#(one)]}"#
        let pieces = try #require(BSMDecoder.splitSnapshots(Array(container.utf8)))
        #expect(pieces.count == 2)
        let json = try JSONParser.parse(pieces[0])
        #expect(json["placeInfo"]?["evseId"]?.stringValue == "E")
        #expect(json["signedMeterValues"]?.arrayValue?.count == 1)
        #expect(BSMDecoder.splitSnapshots(Self.snapshot()) == nil)
    }

    @Test(
        "public samples (AGPL, read from ../shared)", .enabled(if: Paths.sharedExists),
        arguments: ConformanceUnit.load(Paths.shared, format: "BSM_WS36A"))
    func publicSamples(_ unit: ConformanceUnit) throws {
        let problems = try unit.run()
        #expect(problems.isEmpty, "\(unit.id): \(problems.joined(separator: "; "))")
    }
}
