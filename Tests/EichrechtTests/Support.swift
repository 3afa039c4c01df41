import Foundation
import Testing

@testable import Eichrecht

/// Paths of the repository and of the shared corpus beside it.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let vectors = repository.appendingPathComponent("Vectors")
    static let corpus = vectors.appendingPathComponent("corpus")
    /// OCMF records in OCPI CDRs (`Scripts/generate_ocmf_vectors.py`).
    static let generatedOCMF = GeneratedFolder.ocmf.url
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

    /// Units whose signatures are all valid and which the corpus does not mark `must_not_verify`,
    /// but whose signed data we find inconsistent as a session, deliberately stricter than the
    /// reference software. Each reason is in Docs/Verdicts.md.
    static let deliberateDivergences: [String: String] = [
        "transparenzsoftware/test.xml":
            "one transactionId holds two complete, different sessions (T117 and T120, 18 minutes apart); "
            + "TPS pairs the first's begin with the second's end, we report two different begin readings",
        "transparenzsoftware/xml/test_ocmf_transaction_two_values.xml":
            "two different records carry the same pagination T12345; OCMF counts +1 per record",
        "chargy/core/SAFE/SAFE-Testdata-04.xml":
            "two different records carry the same pagination T12345; OCMF counts +1 per record",
    ]

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
        // A container may hold several sessions (a S.A.F.E. file of 100 KEBA records): the unit's
        // values are all the reports' values in order, and its verdict is the weakest one.
        guard let first = reports.first else { return ["no report"] }
        let verdict = reports.map(\.verdict).min { $0.precedence < $1.precedence } ?? first.verdict
        let reason = (reports.first { $0.verdict == verdict }?.reason ?? first.reason).text(.en)
        var problems: [String] = []
        let signatures = reports.flatMap { $0.values.map(\.signature.rawValue) }
        switch outcome {
        case "format_error":
            if !(verdict == .invalid && reports.contains { $0.check(.format)?.status == .fail }) {
                problems.append("expected a format failure, got \(verdict): \(reason)")
            }
            return problems
        case "all_valid":
            if verdict == .invalid && !mustNotVerify && ConformanceUnit.deliberateDivergences[id] == nil {
                problems.append("verdict invalid: \(reason)")
            }
            if signatures.contains(where: { $0 != "valid" }) { problems.append("signatures \(signatures)") }
        case "some_invalid":
            if verdict != .invalid { problems.append("verdict \(verdict), expected invalid") }
        case "unverifiable":
            if verdict != .unverifiable { problems.append("verdict \(verdict): \(reason)") }
        default:
            problems.append("unknown outcome \(outcome)")
        }
        if let expected = self.signatures, expected != signatures {
            problems.append("signatures \(signatures), expected \(expected)")
        }
        if mustNotVerify && verdict == .verified { problems.append("must not verify") }
        return problems
    }
}

/// The folders of self-generated vectors, each written with its `manifest.json` by one
/// `Scripts/generate_<folder>_vectors.py` and named after the formats or inputs it holds.
enum GeneratedFolder: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case ocmf = "generated-ocmf"
    case ocppSafePcdfBsm = "generated-ocpp-safe-pcdf-bsm"
    case alfen = "generated-alfen"
    case edl40 = "generated-edl40"
    case keys = "generated-keys"
    case bsmExporter = "generated-bsm-exporter"
    case sessions = "generated-sessions"
    case hostile = "generated-hostile"
    case reconciliation = "generated-reconciliation"

    var url: URL { Paths.vectors.appendingPathComponent(rawValue) }
    var testDescription: String { rawValue }

    /// How many vectors the manifest lists, so that a vector lost from a manifest fails a test
    /// instead of silently shrinking the run.
    var vectorCount: Int {
        switch self {
        case .ocmf: 102
        case .ocppSafePcdfBsm: 42
        case .alfen: 31
        case .edl40: 43
        case .keys: 34
        case .bsmExporter: 7
        case .sessions: 8
        case .hostile: 4
        case .reconciliation: 59
        }
    }

    var vectors: [GeneratedVector] { GeneratedVector.load(url) }
}

/// One entry of a generated vector manifest.
struct GeneratedVector: Sendable, CustomTestStringConvertible {
    var root: URL
    var file: String
    var keyFile: String?
    var description: String
    var verdicts: [String]
    var checks: [(String, String)]

    var testDescription: String { file }

    static func load(_ root: URL) -> [GeneratedVector] {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("manifest.json")),
            let json = try? JSONParser.parse([UInt8](data)), let items = json.arrayValue
        else { return [] }
        return items.compactMap { item in
            guard let file = item["file"]?.stringValue, let expect = item["expect"] else { return nil }
            var checks: [(String, String)] = []
            if case .object(let members)? = expect["checks"] {
                checks = members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }
            }
            return GeneratedVector(
                root: root, file: file, keyFile: item["key_file"]?.stringValue,
                description: item["description"]?.stringValue ?? "",
                verdicts: expect["verdicts"]?.arrayValue?.compactMap(\.stringValue) ?? [], checks: checks)
        }
    }

    /// Expects the vector's reports to be as its manifest entry lists them, naming the vector and
    /// every difference when they are not.
    func expectAsListed(sourceLocation: SourceLocation = #_sourceLocation) {
        let problems: [String]
        do { problems = try run() } catch { problems = ["unreadable: \(error)"] }
        #expect(
            problems.isEmpty, "\(file) (\(description)): \(problems.joined(separator: "; "))",
            sourceLocation: sourceLocation)
    }

    func run() throws -> [String] {
        var options = VerificationOptions()
        if let keyFile {
            let text = String(decoding: try Paths.bytes(root.appendingPathComponent(keyFile)), as: UTF8.self)
            options.trustedKeys = TrustedKeys([.init(key: KeyInput(text: text))])
        }
        let reports = try Verifier(options: options).verify(
            document: try Paths.bytes(root.appendingPathComponent(file)))
        var problems: [String] = []
        let verdicts = reports.map(\.verdict.rawValue)
        if verdicts != self.verdicts { problems.append("verdicts \(verdicts), expected \(self.verdicts)") }
        for report in reports {
            for (code, status) in checks {
                let result = report.checks.first { $0.code.rawValue == code }
                if result?.status.rawValue != status {
                    problems.append(
                        "\(code) is \(result?.status.rawValue ?? "absent"), expected \(status): \(result?.reason.code ?? "")"
                    )
                }
            }
        }
        return problems
    }
}

extension DecodingContext {
    /// The contract's default meter time zone, as verification passes it on.
    static let berlin = DecodingContext(meterTimeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
}

extension SAFEXMLWriter.Unit {
    /// A unit to export, decoded once by a verification of `signedData` as `unit`.
    static func verified(_ signedData: SignedData, label: String? = nil, unit: UnitKind = .signedData) -> Self {
        // A SignedData always makes a unit: the optional only guards CDRs without signed data.
        Self(label: label, verified: Verifier().verifyKeepingDecodedValues(signedData: signedData, unit: unit))!
    }
}
