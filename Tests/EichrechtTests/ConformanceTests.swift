import Foundation
import Testing

@testable import Eichrecht

/// The real-world corpus: every unit gives its expected outcome.
@Suite("Conformance")
struct ConformanceTests {
    /// Every format of the corpus is decoded and asserted.
    static let formats: Set<String> = [
        "OCMF", "ALFEN", "EDL40_SML", "EDL40_SIG", "ISA_EDL40", "MENNEKES", "EMH_CHARGEIT", "BSM_WS36A", "PCDF",
        "SAFE_XML",
    ]

    /// Units per format: (shared, bundled). AGPL units stay in ../shared and are never bundled.
    static let counts: [String: (shared: Int, bundled: Int)] = [
        "OCMF": (232, 221), "ALFEN": (24, 8), "EDL40_SML": (11, 8), "EDL40_SIG": (10, 10), "ISA_EDL40": (5, 5),
        "MENNEKES": (10, 8), "EMH_CHARGEIT": (2, 0), "BSM_WS36A": (20, 0), "PCDF": (8, 6), "SAFE_XML": (73, 39),
    ]

    /// The permissively licensed units copied into `Vectors/corpus` (always present).
    @Test("bundled corpus", arguments: ConformanceUnit.load(Paths.corpus).filter { formats.contains($0.format) })
    func bundled(_ unit: ConformanceUnit) throws {
        let problems = try unit.run()
        #expect(problems.isEmpty, "\(unit.id): \(problems.joined(separator: "; "))")
    }

    /// Every unit of `../shared/vectors` (skipped when the shared folder is absent).
    @Test(
        "shared corpus", .enabled(if: Paths.sharedExists, "../shared/vectors is absent"),
        arguments: ConformanceUnit.load(Paths.shared).filter { formats.contains($0.format) })
    func shared(_ unit: ConformanceUnit) throws {
        let problems = try unit.run()
        #expect(problems.isEmpty, "\(unit.id): \(problems.joined(separator: "; "))")
    }

    @Test("the bundled corpus holds every permissively licensed unit")
    func bundledCount() {
        for (format, count) in Self.counts {
            #expect(ConformanceUnit.load(Paths.corpus, format: format).count == count.bundled, "\(format)")
        }
        #expect(ConformanceUnit.load(Paths.corpus).count == 305)
    }

    @Test("the shared corpus holds all 395 units", .enabled(if: Paths.sharedExists))
    func sharedCount() {
        for (format, count) in Self.counts {
            #expect(ConformanceUnit.load(Paths.shared, format: format).count == count.shared, "\(format)")
        }
        #expect(ConformanceUnit.load(Paths.shared).count == 395)
    }

    @Test("every deliberate divergence is a real unit whose signatures are all valid")
    func divergencesAreListedUnits() throws {
        let units = ConformanceUnit.load(Paths.sharedExists ? Paths.shared : Paths.corpus)
        for id in ConformanceUnit.deliberateDivergences.keys {
            guard let unit = units.first(where: { $0.id == id }) else { continue }  // AGPL ones only in ../shared
            #expect(unit.outcome == "all_valid")
            #expect(try unit.run().isEmpty)
        }
    }
}
