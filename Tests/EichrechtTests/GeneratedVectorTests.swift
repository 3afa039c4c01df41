import Foundation
import Testing

@testable import Eichrecht

/// The one runner over every self-generated vector folder: each vector gives the verdicts and check
/// statuses its `manifest.json` lists. What a folder must cover beyond that is asserted in small
/// tests of its own below.
@Suite("Generated vectors")
struct GeneratedVectorTests {
    @Test("every vector gives the verdicts and checks its manifest lists", arguments: GeneratedFolder.allCases)
    func asListed(_ folder: GeneratedFolder) {
        let vectors = folder.vectors
        #expect(vectors.count == folder.vectorCount, "\(folder.rawValue): \(vectors.count) vectors listed")
        for vector in vectors { vector.expectAsListed() }
    }

    @Test("every folder of generated vectors is run")
    func everyFolderRuns() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.vectors.path)
        let withManifest = names.filter {
            $0.hasPrefix("generated")
                && FileManager.default.fileExists(
                    atPath: Paths.vectors.appendingPathComponent("\($0)/manifest.json").path)
        }
        #expect(Set(withManifest) == Set(GeneratedFolder.allCases.map(\.rawValue)))
    }

    @Test("OCMF: every verdict and every check's pass and fail are covered")
    func ocmfCoverage() {
        let vectors = GeneratedFolder.ocmf.vectors
        #expect(Set(vectors.flatMap(\.verdicts)) == Set(Verdict.allCases.map(\.rawValue)))
        let pairs = Set(vectors.flatMap { $0.checks.map { "\($0.0)=\($0.1)" } })
        for code in CheckCode.allCases where code != .timeSync && code != .keyTrust {
            #expect(pairs.contains("\(code.rawValue)=pass"), "no vector where \(code.rawValue) passes")
            #expect(pairs.contains("\(code.rawValue)=fail"), "no vector where \(code.rawValue) fails")
        }
        #expect(
            pairs.contains("time_sync=warn") && pairs.contains("key_trust=warn") && pairs.contains("key_trust=pass"))
    }

    @Test("EDL40 family: every variant has valid, tampered and energy-mismatch CDRs; every verdict occurs")
    func edl40Coverage() {
        let vectors = GeneratedFolder.edl40.vectors
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

    @Test("Alfen: every verdict occurs")
    func alfenCoverage() {
        #expect(Set(GeneratedFolder.alfen.vectors.flatMap(\.verdicts)) == Set(Verdict.allCases.map(\.rawValue)))
    }

    @Test("OCPP, S.A.F.E. XML, PCDF and BSM: each has vectors of its own")
    func transportsCoverage() {
        let files = GeneratedFolder.ocppSafePcdfBsm.vectors.map(\.file)
        for prefix in ["ocpp/", "safe/", "pcdf/", "bsm/", "cdrs/pcdf", "cdrs/bsm", "cdrs/ocmf"] {
            #expect(files.contains { $0.hasPrefix(prefix) }, "no \(prefix) vector")
        }
    }
}
