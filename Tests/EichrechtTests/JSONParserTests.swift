import Testing

@testable import Eichrecht

@Suite("JSON parser")
struct JSONParserTests {
    @Test func keepsNumberText() throws {
        let value = try JSONParser.parse(#"{"RV": 2935.600, "e": 1.606848e7, "n": -0, "s": "x\u00e9\ud83d\ude00"}"#)
        #expect(value["RV"] == .number("2935.600"))
        #expect(value["e"] == .number("1.606848e7"))
        #expect(value["s"] == .string("xé😀"))
    }

    @Test func keepsKeyOrderAndDuplicates() throws {
        guard case .object(let members) = try JSONParser.parse(#"{"b":1,"a":2,"b":3}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "b"])
    }

    @Test(
        "errors name line and column",
        arguments: [
            ("{\n  \"a\": tru\n}", 2, 8),
            ("{\"a\":1,}", 1, 8),
            ("[1 2]", 1, 4),
            ("{\"a\":\"unterminated", 1, 6),
            ("01", 1, 2),
            ("{\"a\":1} x", 1, 9),
            ("", 1, 1),
            ("\"\\x\"", 1, 3),
            ("\"\\ud800\"", 1, 8),
        ])
    func errors(_ input: String, _ line: Int, _ column: Int) {
        do {
            _ = try JSONParser.parse(input)
            Issue.record("parsed: \(input)")
        } catch {
            #expect(error.line == line && error.column == column, "\(input): \(error)")
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func boundedDepth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func scannerFindsValueEnds() {
        let bytes = Array(#"{"a":"}|{"}|{"b":[1,{}]} x"#.utf8)
        #expect(JSONScanner.endOfValue(bytes, from: 0) == .end(11))
        #expect(JSONScanner.endOfValue(bytes, from: 12) == .end(24))
        #expect(JSONScanner.endOfValue(Array(#"{"a":"#.utf8), from: 0) == .incomplete)
    }
}
