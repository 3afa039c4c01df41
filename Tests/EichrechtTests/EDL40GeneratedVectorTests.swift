import Foundation
import Testing

@testable import Eichrecht

/// Generic behaviour the EDL40-family vectors rely on beyond the decoders, probed at run time.
///
/// Until all of it is in place, vectors of the formats that depend on it are recorded as known
/// issues instead of failures; once it is, every vector is asserted strictly. ISA EDL40P needs none
/// of it and is always strict.
enum EDL40GenericSupport {
    /// `OBIS.kind` classifies EDL40's signed register 1-0:1.17.0*255 as active import.
    static var signedRegisterIsBilling: Bool {
        switch OBIS.kind(of: "1-0:1.17.0*255") {
        case .importTotal, .importCompensated, .importTransaction, .importCompensatedTransaction: true
        default: false
        }
    }

    /// A reading whose format does not sign begin/end takes its value's OCPI nature: a Start and an
    /// End signature-only value then give a begin and an end reading.
    static var natureTypesReadings: Bool {
        guard let start = try? EDL40Fixtures.corpusBytes("edl40-payload/oicp-cdr-emh-start.xml"),
            let end = try? EDL40Fixtures.corpusBytes("edl40-payload/oicp-cdr-emh-end.xml")
        else { return false }
        let report = EDL40Fixtures.report([
            (String(decoding: start, as: UTF8.self), "Start"), (String(decoding: end, as: UTF8.self), "End"),
        ])
        guard let pairing = report.check(.pairing) else { return false }
        return pairing.status != .fail || pairing.reason.code != "pairing.no_begin_no_end"
    }

    /// A raw SML telegram given as hex text survives raw-record input.
    static var rawBinaryInput: Bool {
        guard let text = try? EDL40Fixtures.corpusBytes("edl40-sml/safe-edl-40-01.sml.hex"),
            let signedData = try? VerificationUnit.rawRecords(text), let value = signedData.signedValues.first
        else { return false }
        if case .decoded = ValueDecoder.decode(value, index: 0, encodingMethod: nil).outcome { return true }
        return false
    }

    /// The nature check looks at all records of a value together (a Mennekes process as one value).
    static var natureCheckPerValue: Bool {
        guard let xml = try? EDL40Fixtures.corpusBytes("mennekes/safe-de-2021.xml") else { return false }
        let report = EDL40Fixtures.report([(String(decoding: xml, as: UTF8.self), "End")])
        return report.check(.consistency)?.status == .pass
    }

    static var complete: Bool {
        signedRegisterIsBilling && natureTypesReadings && rawBinaryInput && natureCheckPerValue
    }

    static var missing: [String] {
        [
            signedRegisterIsBilling ? nil : "OBIS 1-0:1.17.0 as billing register",
            natureTypesReadings ? nil : "nature → reading type for unsigned types",
            rawBinaryInput ? nil : "binary raw input (rawRecords)",
            natureCheckPerValue ? nil : "nature check per value",
        ].compactMap { $0 }
    }
}

/// Self-generated CDRs of the EDL40 family (Scripts/generate_edl40_vectors.py): SML telegrams,
/// signature-only XML, Mennekes XML, EMH chargeIT JSON and ISA EDL40P, each valid, tampered and with
/// an energy mismatch, plus the format's own failure cases.
@Suite("EDL40 generated vectors")
struct EDL40GeneratedVectorTests {
    @Test("generated vector", arguments: GeneratedVector.load(EDL40Fixtures.generated))
    func vector(_ vector: GeneratedVector) throws {
        let problems = try vector.run()
        let message = "\(vector.file) (\(vector.description)): \(problems.joined(separator: "; "))"
        if problems.isEmpty { return }
        if vector.file.hasPrefix("cdrs/isa-") || EDL40GenericSupport.complete {
            Issue.record(Comment(rawValue: message))
        } else {
            withKnownIssue(
                "waits for generic support: \(EDL40GenericSupport.missing.joined(separator: ", "))",
                isIntermittent: true
            ) {
                Issue.record(Comment(rawValue: message))
            }
        }
    }

    @Test("the vectors cover every variant with valid, tampered and energy-mismatch CDRs, and every verdict")
    func coverage() {
        let vectors = GeneratedVector.load(EDL40Fixtures.generated)
        #expect(vectors.count >= 40)
        for prefix in ["edl40-sml", "edl40-sig", "mennekes", "emh", "isa"] {
            let mine = vectors.filter { $0.file.hasPrefix("cdrs/\(prefix)-") }
            #expect(mine.contains { $0.verdicts == ["verified"] }, "\(prefix): no verified vector")
            #expect(
                mine.contains { $0.verdicts == ["invalid"] && $0.checks.contains { $0 == ("signature", "fail") } },
                "\(prefix): no tampered vector")
            #expect(
                mine.contains { $0.verdicts == ["mismatch"] && $0.checks.contains { $0 == ("energy", "fail") } },
                "\(prefix): no energy mismatch")
        }
        #expect(Set(vectors.flatMap(\.verdicts)) == Set(Verdict.allCases.map(\.rawValue)))
    }
}
