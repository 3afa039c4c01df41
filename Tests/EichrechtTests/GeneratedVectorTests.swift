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
        // The reconciliation checks' OCMF vectors live in their own folder.
        let reconciliation = GeneratedFolder.reconciliation.vectors.filter { $0.file.hasPrefix("cdrs/ocmf-") }
        let vectors = GeneratedFolder.ocmf.vectors + reconciliation
        #expect(Set(vectors.flatMap(\.verdicts)) == Set(Verdict.allCases.map(\.rawValue)))
        let pairs = Set(vectors.flatMap { $0.checks.map { "\($0.0)=\($0.1)" } })
        for code in CheckCode.allCases where code != .timeSync && code != .keyTrust {
            // `identification` only ever warns: its warning is its failing state.
            let failing = code == .identification ? "warn" : "fail"
            #expect(pairs.contains("\(code.rawValue)=pass"), "no vector where \(code.rawValue) passes")
            #expect(pairs.contains("\(code.rawValue)=\(failing)"), "no vector where \(code.rawValue) fails")
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

    @Test("Reconciliation: each check passes, fails or warns, and skips, in every format that carries its field")
    func reconciliationCoverage() {
        let vectors = GeneratedFolder.reconciliation.vectors
        func has(_ prefix: String, _ code: CheckCode, _ status: String) -> Bool {
            vectors.contains {
                $0.file.hasPrefix("cdrs/\(prefix)-") && $0.checks.contains { $0 == (code.rawValue, status) }
            }
        }
        let carried: [(String, [CheckCode])] = [
            ("ocmf", [.chargingPeriods, .duration, .evseID, .identification]),
            ("mennekes", [.chargingPeriods, .duration, .evseID, .identification]),
            ("bsm", [.chargingPeriods, .duration, .evseID, .identification]),
            ("alfen", [.chargingPeriods, .duration, .identification]),
        ]
        for (prefix, codes) in carried {
            for code in codes {
                #expect(has(prefix, code, "pass"), "\(prefix): \(code) never passes")
                let failing = code == .identification || code == .duration && prefix != "ocmf" ? "warn" : "fail"
                #expect(has(prefix, code, failing), "\(prefix): \(code) never \(failing)s")
            }
        }
        for code in [CheckCode.chargingPeriods, .duration, .evseID, .identification] {
            #expect(has("ocmf", code, "skip"), "ocmf: \(code) never skips")
        }
        #expect(has("ocmf", .duration, "warn"), "ocmf: duration never warns on an informative clock")
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
