import Foundation
import Testing

@testable import Eichrecht

/// The real-world corpus: every unit gives its expected outcome.
@Suite("Conformance")
struct ConformanceTests {
    /// Formats this version decodes; units of other formats are not asserted yet.
    static let formats: Set<String> = ["OCMF", "ALFEN"]

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

    @Test("the bundled corpus holds the OCMF and Alfen units")
    func bundledCount() {
        #expect(ConformanceUnit.load(Paths.corpus, format: "OCMF").count == 221)
        #expect(ConformanceUnit.load(Paths.corpus, format: "ALFEN").count == 8)
    }

    @Test("the shared corpus holds the OCMF and Alfen units", .enabled(if: Paths.sharedExists))
    func sharedCount() {
        #expect(ConformanceUnit.load(Paths.shared, format: "OCMF").count == 232)
        #expect(ConformanceUnit.load(Paths.shared, format: "ALFEN").count == 24)
    }
}
