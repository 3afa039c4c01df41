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

    @Test(.enabled(if: Paths.sharedExists)) func jsonWriterWritesTheContract() throws {
        for language in Language.allCases {
            let writer = ReportJSONWriter(language: language)
            for report in try Self.reports() {
                let bytes = writer.encode(report)
                #expect(bytes.starts(with: Array(#"{"id":"#.utf8)), "contract order starts with id")
                // Valid JSON for any parser.
                #expect((try? JSONParser.parse(bytes)) != nil)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
                #expect(object["verdict"] as? String == report.verdict.rawValue)
                #expect(object["reason"] as? String == report.reason.code)
                #expect(object["message"] as? String == report.reason.text(language))
                #expect(object["reason_de"] == nil)
                let checks = try #require(object["checks"] as? [[String: Any]])
                #expect(checks.count == report.checks.count)
                for (written, check) in zip(checks, report.checks) {
                    #expect(written["code"] as? String == check.code.rawValue)
                    #expect(written["status"] as? String == check.status.rawValue)
                    #expect(written["reason"] as? String == check.reason.code)
                    #expect(written["message"] as? String == check.reason.text(language))
                    #expect(written["message_de"] == nil)
                    #expect(written["expected"] as? String == check.expected.map(ReportJSONWriter.text))
                    #expect(written["actual"] as? String == check.actual.map(ReportJSONWriter.text))
                }
                let values = try #require(object["values"] as? [[String: Any]])
                for (written, value) in zip(values, report.values) {
                    #expect(written["signature_reason"] as? String == value.signatureReason?.text(language))
                }
            }
        }
    }

    /// Compared values keep the strings the contract always had: dot decimals, ISO times.
    @Test func comparedValuesAreWrittenAsBefore() throws {
        let signed = SignedTime(
            epochMilliseconds: 1_772_462_567_675, utcOffsetSeconds: 3600, clock: .synchronised,
            text: "2026-03-02T15:42:47,675+0100 S")
        #expect(ReportJSONWriter.text(.energy(try #require(Decimal(string: "28.542")))) == "28.542")
        #expect(ReportJSONWriter.text(.signedTime(signed)) == "2026-03-02T14:42:47.675Z")
        #expect(
            ReportJSONWriter.text(.cdrTime(try #require(OCPITime("2026-03-02T14:40:00Z")))) == "2026-03-02T14:40:00Z")
        #expect(ReportJSONWriter.text(.writtenNumber(try #require(DecimalText("29.0420")))) == "29.0420")
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
                #expect(!check.reason.text(.en).isEmpty && !check.reason.text(.de).isEmpty)
            }
        }
    }
}
