import Foundation
import Testing

@testable import Eichrecht

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

    /// Records an issue naming the vector for every way its reports differ from the manifest.
    func expectAsListed(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try run()
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
                        "\(code) is \(result?.status.rawValue ?? "absent"), expected \(status): \(result?.reason.text(.en) ?? "")"
                    )
                }
            }
        }
        return problems
    }
}

/// Self-generated OCPI CDRs (Scripts/generate_vectors.py, keys made with OpenSSL): every curve,
/// placement, key spelling, signature shape, input kind, verdict and check outcome.
@Suite("Generated CDR vectors")
struct GeneratedVectorTests {
    @Test("generated vector", arguments: GeneratedVector.load(Paths.generated))
    func vector(_ vector: GeneratedVector) throws {
        try vector.expectAsListed()
    }

    @Test("every verdict and every check's pass and fail are covered")
    func coverage() {
        let vectors = GeneratedVector.load(Paths.generated)
        #expect(vectors.count >= 100)
        let verdicts = Set(vectors.flatMap(\.verdicts))
        #expect(verdicts == Set(Verdict.allCases.map(\.rawValue)))
        let pairs = Set(vectors.flatMap { $0.checks.map { "\($0.0)=\($0.1)" } })
        for code in CheckCode.allCases where code != .timeSync && code != .keyTrust {
            #expect(pairs.contains("\(code.rawValue)=pass"), "no vector where \(code.rawValue) passes")
            #expect(pairs.contains("\(code.rawValue)=fail"), "no vector where \(code.rawValue) fails")
        }
        #expect(
            pairs.contains("time_sync=warn") && pairs.contains("key_trust=warn") && pairs.contains("key_trust=pass"))
    }
}
