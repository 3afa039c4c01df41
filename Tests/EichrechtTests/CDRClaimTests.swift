import Foundation
import Testing

@testable import Eichrecht

/// What a CDR claims must be readable, and readable one way only: a claim another system could read
/// differently (an unreadable number or time, a member written twice) never comes out `verified`.
@Suite("CDR claims")
struct CDRClaimTests {
    static let example = Paths.repository.appendingPathComponent("Examples/cdr-ocmf.json")

    static func exampleJSON() throws -> JSONValue { try JSONParser.parse(try Paths.bytes(example)) }

    /// The example with member `name` of the top level replaced by `value`.
    static func replacing(_ name: String, with value: JSONValue?) throws -> [UInt8] {
        guard case .object(var members) = try exampleJSON() else { throw InputError(.notACDR(.text)) }
        members.removeAll { $0.key == name }
        if let value { members.append((name, value)) }
        return JSONValue.object(members).compactText
    }

    @Test("the example itself verifies")
    func exampleVerifies() throws {
        #expect(try Verifier().verify(cdrJSON: try Paths.bytes(Self.example)).verdict == .verified)
    }

    static let unreadableEnergies: [JSONValue] = [
        .string("28.542"), .null, .number("1e127"), .number("28.54200000000000000000000000000000000001"),
        .number("2854200000000000000000e-20"), .bool(true), .object([]), .array([.number("28.542")]),
        .number("28542e-1000"),
    ]

    @Test("an unreadable total_energy fails energy: mismatch", arguments: unreadableEnergies)
    func unreadableEnergy(_ value: JSONValue) throws {
        let report = try Verifier().verify(cdrJSON: try Self.replacing("total_energy", with: value))
        #expect(report.verdict == .mismatch)
        #expect(report.checks.first { $0.code == .energy }?.status == .fail)
    }

    @Test("a missing total_energy fails energy: the CDR does not say what it bills")
    func missingEnergy() throws {
        let report = try Verifier().verify(cdrJSON: try Self.replacing("total_energy", with: nil))
        #expect(report.verdict == .mismatch)
        #expect(report.checks.first { $0.code == .energy }?.status == .fail)
    }

    @Test(
        "readable spellings of the same energy still verify", arguments: ["28.542", "28.5420", "2.8542e1", "28542e-3"])
    func readableEnergy(_ text: String) throws {
        let report = try Verifier().verify(cdrJSON: try Self.replacing("total_energy", with: .number(text)))
        #expect(report.verdict == .verified)
    }

    static let unreadableTimes: [JSONValue] = [
        .string("2026-03-02T14:42:17+99:99"), .string("2026-03-02T14:42:17.1234567890123456789012345Z"),
        .string("2026-02-30T14:42:17Z"), .string("yesterday"), .number("1772462537"), .null, .string(""),
        .string("2026-03-02T24:42:17Z"),
    ]

    @Test("an unreadable start or end time fails the time check: mismatch", arguments: unreadableTimes)
    func unreadableTime(_ value: JSONValue) throws {
        for (field, code) in [("start_date_time", CheckCode.startTime), ("end_date_time", .endTime)] {
            let report = try Verifier().verify(cdrJSON: try Self.replacing(field, with: value))
            #expect(report.verdict == .mismatch, "\(field) = \(value)")
            #expect(report.checks.first { $0.code == code }?.status == .fail, "\(field) = \(value)")
        }
    }

    /// Every object of `value` in turn, with its first member written again (with `rename` applied
    /// to its name) holding another value.
    static func repeatingEachMember(_ value: JSONValue, rename: (String) -> String) -> [JSONValue] {
        switch value {
        case .object(let members):
            var results: [JSONValue] = []
            if let first = members.first {
                results.append(.object(members + [(rename(first.key), .string("other"))]))
            }
            for (index, member) in members.enumerated() {
                for variant in repeatingEachMember(member.value, rename: rename) {
                    var copy = members
                    copy[index] = (member.key, variant)
                    results.append(.object(copy))
                }
            }
            return results
        case .array(let items):
            return items.enumerated().flatMap { index, item in
                repeatingEachMember(item, rename: rename).map { variant in
                    var copy = items
                    copy[index] = variant
                    return JSONValue.array(copy)
                }
            }
        default: return []
        }
    }

    @Test("a member written twice, in any object of the CDR, makes the CDR unreadable")
    func repeatedMembers() throws {
        let json = try Self.exampleJSON()
        var count = 0
        for rename in [{ (name: String) in name }, { $0.uppercased() }, { $0.prefix(1).uppercased() + $0.dropFirst() }]
        {
            for variant in Self.repeatingEachMember(json, rename: rename) where variant != json {
                count += 1
                #expect(throws: InputError.self) { try Verifier().verify(cdrJSON: variant.compactText) }
            }
        }
        #expect(count > 30)
    }

    @Test(
        "total_energy written twice, last one larger: unreadable, not billed either way (CLI exits 2)",
        .enabled(if: CLITests.executable != nil))
    func repeatedEnergyInCLI() throws {
        var text = String(decoding: try Paths.bytes(Self.example), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "\"total_energy\": 28.542,", with: "\"total_energy\": 28.542, \"total_energy\": 99.999,")
        let result = try CLITests.run(["verify", "--format", "json", "-"], stdin: text)
        #expect(result.status == 2)
        #expect(result.stderr.contains("total_energy"))
    }

    @Test("member names are matched exactly: TOTAL_ENERGY is not total_energy")
    func exactNames() throws {
        guard case .object(let members) = try Self.exampleJSON() else { return }
        let renamed = members.map { $0.key == "total_energy" ? ("TOTAL_ENERGY", $0.value) : $0 }
        let report = try Verifier().verify(cdrJSON: JSONValue.object(renamed).compactText)
        #expect(report.verdict == .mismatch)
    }

    @Test("a repeated name is found in small and in large objects, in any letter case")
    func repeatedNamesAnySize() {
        for count in [2, 32, 33, 200] {
            let members = (0..<count).map { (key: "member_\($0)", value: JSONValue.null) }
            #expect(JSONValue.object(members).repeatedMemberName() == nil, "\(count) distinct names")
            let repeated = members + [(key: "MEMBER_0", value: JSONValue.null)]
            #expect(JSONValue.object(repeated).repeatedMemberName() == "MEMBER_0", "\(count) + 1 names")
        }
        #expect(JSONValue.object([("é", .null), ("É", .null)]).repeatedMemberName() == nil, "ASCII case only")
        #expect(JSONValue.object([("a[", .null), ("a{", .null)]).repeatedMemberName() == nil, "letters only")
    }
}
