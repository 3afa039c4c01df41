import Foundation
import Testing

@testable import Eichrecht

/// Paths of the repository and of the shared corpus beside it.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let vectors = repository.appendingPathComponent("Vectors")
    static let corpus = vectors.appendingPathComponent("corpus")
    static let generated = vectors.appendingPathComponent("generated")
    /// `../shared/vectors`, present on developer machines and in CI, absent on a bare clone.
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/vectors")
    static var sharedExists: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("conformance.jsonl").path)
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}

/// One line of a `conformance.jsonl`.
struct ConformanceUnit: Sendable, CustomTestStringConvertible {
    var root: URL
    var id: String
    var input: String
    var key: String?
    var format: String
    var signatures: [String]?
    var outcome: String
    var mustNotVerify: Bool

    var testDescription: String { id }

    static func load(_ root: URL, format: String? = nil) -> [ConformanceUnit] {
        guard let text = try? String(contentsOf: root.appendingPathComponent("conformance.jsonl"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let json = try? JSONParser.parse(String(line)), let id = json["id"]?.stringValue,
                let input = json["input"]?.stringValue, let unitFormat = json["format"]?.stringValue,
                format == nil || unitFormat == format,
                let outcome = json["expect"]?["outcome"]?.stringValue
            else { return nil }
            return ConformanceUnit(
                root: root, id: id, input: input, key: json["key"]?.stringValue, format: unitFormat,
                signatures: json["expect"]?["signatures"]?.arrayValue?.compactMap(\.stringValue),
                outcome: outcome, mustNotVerify: json["must_not_verify"] == .bool(true))
        }
    }

    /// Runs the unit as the CLI would and checks the expected outcome. Returns problems found.
    func run() throws -> [String] {
        var options = VerificationOptions()
        if let key {
            let text = String(decoding: try Paths.bytes(root.appendingPathComponent(key)), as: UTF8.self)
            options.trustedKeys = TrustedKeys([
                .init(key: KeyInput(text: text.trimmingCharacters(in: .whitespacesAndNewlines)))
            ])
        }
        let bytes = try Paths.bytes(root.appendingPathComponent(input))
        let reports: [Report]
        do {
            reports = try Verifier(options: options).verify(document: bytes)
        } catch {
            return outcome == "format_error" ? [] : ["unreadable: \(error)"]
        }
        guard let report = reports.first else { return ["no report"] }
        var problems: [String] = []
        let signatures = report.values.map(\.signature.rawValue)
        switch outcome {
        case "format_error":
            if !(report.verdict == .invalid && report.check(.format)?.status == .fail) {
                problems.append("expected a format failure, got \(report.verdict): \(report.reason)")
            }
            return problems
        case "all_valid":
            if report.verdict == .invalid && !mustNotVerify { problems.append("verdict invalid: \(report.reason)") }
            if signatures.contains(where: { $0 != "valid" }) { problems.append("signatures \(signatures)") }
        case "some_invalid":
            if report.verdict != .invalid { problems.append("verdict \(report.verdict), expected invalid") }
        case "unverifiable":
            if report.verdict != .unverifiable { problems.append("verdict \(report.verdict): \(report.reason)") }
        default:
            problems.append("unknown outcome \(outcome)")
        }
        if let expected = self.signatures, expected != signatures {
            problems.append("signatures \(signatures), expected \(expected)")
        }
        if mustNotVerify && report.verdict == .verified { problems.append("must not verify") }
        return problems
    }
}
