import Foundation
import Testing

@testable import Eichrecht

@Suite("Input detection and streaming")
struct InputReaderTests {
    static func cdr(_ id: String, energy: String = "1") -> String {
        #"{"id":"\#(id)","total_energy":\#(energy),"start_date_time":"2026-01-01T00:00:00Z","end_date_time":"2026-01-01T01:00:00Z"}"#
    }

    static func units(_ text: String) throws(InputError) -> [VerificationUnit] {
        let reader = InputReader(source: BufferSource(Array(text.utf8)))
        var units: [VerificationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return units
    }

    static func ids(_ units: [VerificationUnit]) -> [String?] {
        units.map { unit in
            if case .cdr(let cdr) = unit.content { return cdr.id }
            return nil
        }
    }

    @Test func inputKinds() throws {
        let a = Self.cdr("a"), b = Self.cdr("b")
        #expect(Self.ids(try Self.units(a)) == ["a"])
        #expect(Self.ids(try Self.units("[\(a), \(b)]")) == ["a", "b"])
        #expect(Self.ids(try Self.units("\(a)\n\(b)\n")) == ["a", "b"])
        #expect(Self.ids(try Self.units("\(a)\r\n\r\n\(b)")) == ["a", "b"])
        #expect(Self.ids(try Self.units(#"{"data":[\#(a),\#(b)],"status_code":1000,"timestamp":"x"}"#)) == ["a", "b"])
        #expect(Self.ids(try Self.units("\u{FEFF}\(a)")) == ["a"], "a byte order mark is skipped")
        #expect(try Self.units("[]").isEmpty)
        let bare = try Self.units(#"{"encoding_method":"OCMF","signed_values":[]}"#)
        guard case .signedData? = bare.first?.content else {
            Issue.record("a bare SignedData")
            return
        }
    }

    @Test func unitLabelsAndLines() throws {
        let units = try Self.units("\(Self.cdr("a"))\n\n\(Self.cdr("b"))")
        #expect(units.map(\.label) == ["#1", "#2"])
        #expect(units.map(\.line) == [1, 3])
    }

    @Test(
        "unreadable input names the position",
        arguments: [
            ("", 1, 1),
            ("   \n  ", 2, 3),
            ("{\"id\":1,}", 1, 9),
            ("{\"total_energy\":1}\n{\"id\":", 2, 7),
            ("[{\"total_energy\":1} {\"total_energy\":2}]", 1, 21),
            ("[{\"total_energy\":1},", 1, 21),
            ("{\"foo\":1}", 1, 1),
            ("[1]", 1, 2),
            ("NOPE|{}|{}", 1, 1),
        ])
    func unreadable(_ text: String, _ line: Int, _ column: Int) {
        do {
            _ = try Self.units(text)
            Issue.record("read: \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error)")
        }
    }

    /// A source that hands out one byte at a time: value boundaries must not depend on chunking.
    final class TrickleSource: ByteSource {
        var bytes: [UInt8]
        init(_ text: String) { bytes = Array(text.utf8) }
        func read(maximum: Int) -> [UInt8] {
            guard let first = bytes.first else { return [] }
            bytes.removeFirst()
            return [first]
        }
    }

    @Test func chunkingDoesNotMatter() throws {
        let text = "[\(Self.cdr("a")),\n\(Self.cdr("b", energy: "2.5"))]\n\(Self.cdr("c"))"
        let reader = InputReader(source: TrickleSource(text))
        var ids: [String?] = []
        while let unit = try reader.next() { ids.append(Self.ids([unit]).first ?? nil) }
        #expect(ids == ["a", "b", "c"])
    }

    @Test func streamsManyCDRs() throws {
        // 20,000 CDRs through the reader; each unit is handed out before the next is read.
        let line = Self.cdr("x") + "\n"
        let reader = InputReader(source: BufferSource(Array(String(repeating: line, count: 20_000).utf8)))
        var count = 0
        while try reader.next() != nil { count += 1 }
        #expect(count == 20_000)
    }

    @Test func rawRecordFiles() throws {
        // Two pretty-printed records in one file stay one unit with two values.
        let record = String(
            decoding: try Paths.bytes(Paths.corpus.appendingPathComponent("ocmf-spec/ts-fromweb-0.ocmf.txt")),
            as: UTF8.self)
        let units = try Self.units("\n\(record)\n\n\(record)\n")
        guard case .signedData(let data)? = units.first?.content else {
            Issue.record("not raw")
            return
        }
        #expect(units.count == 1 && data.signedValues.count == 2)
        // Base64 of a record is recognised too.
        let encoded = try Self.units(Base64.encode(Array(record.utf8)))
        guard case .signedData(let decoded)? = encoded.first?.content else {
            Issue.record("base64 raw not recognised")
            return
        }
        #expect(decoded.signedValues.count == 1)
    }
}
