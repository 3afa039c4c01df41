import Foundation
import Testing

@testable import Eichrecht

@Suite("Reports")
struct ReportTests {
    /// Reports of every generated vector and of every bundled corpus unit (deviations, flags,
    /// attributes, errors: every field the writer has).
    static func reports() throws -> [Report] {
        let generated = try GeneratedVector.load(Paths.generatedOCMF).flatMap { vector in
            try Verifier().verify(document: try Paths.bytes(vector.root.appendingPathComponent(vector.file)))
        }
        let corpus = ConformanceUnit.load(Paths.corpus).filter { ConformanceTests.formats.contains($0.format) }
            .compactMap { unit in
                try? Verifier().verify(document: try Paths.bytes(unit.root.appendingPathComponent(unit.input))).first
            }
        return generated + corpus
    }

    @Test func jsonWriterRoundTripsThroughCodable() throws {
        let writer = ReportJSONWriter()
        for report in try Self.reports() {
            let bytes = writer.encode(report)
            #expect(bytes.starts(with: Array(#"{"id":"#.utf8)), "contract order starts with id")
            let decoded = try JSONDecoder().decode(Report.self, from: Data(bytes))
            #expect(writer.encode(decoded) == bytes, "\(report.id ?? "")")
            // And the Codable form of the original says the same.
            let viaEncoder = try JSONDecoder().decode(Report.self, from: JSONEncoder().encode(report))
            #expect(writer.encode(viaEncoder) == bytes)
            // Valid JSON for any parser.
            #expect((try? JSONParser.parse(bytes)) != nil)
        }
    }

    @Test func jsonWriterEscapes() throws {
        var out = JSONOutput()
        out.object { $0.field("s", "a\"b\\c\nd\u{01}é") }
        #expect(String(decoding: out.bytes, as: UTF8.self) == #"{"s":"a\"b\\c\nd\u0001é"}"#)
    }

    @Test func textReportExplainsTheSession() throws {
        let bytes = try Paths.bytes(Paths.repository.appendingPathComponent("Examples/cdr-energy-mismatch.json"))
        let report = try #require(try Verifier().verify(document: bytes).first)
        let english = TextRenderer(language: .en).render(report)
        #expect(english.contains("MISMATCH"))
        #expect(english.contains("✘ energy"))
        #expect(english.contains("begin") && english.contains("end"))
        let german = TextRenderer(language: .de).render(report)
        #expect(german.contains("ABWEICHUNG"))
        #expect(german.contains("Energie"))
        #expect(german.contains("der CDR nennt"))
    }

    @Test func everyCheckHasBothLanguages() throws {
        for report in try Self.reports() {
            #expect(report.checks.map(\.code) == CheckCode.allCases)
            for check in report.checks {
                #expect(!check.message.isEmpty && !check.messageDE.isEmpty)
            }
        }
    }
}
