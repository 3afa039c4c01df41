import Foundation
import Testing

@testable import Eichrecht

/// German prose as the tests read it: quoted parts and meter data removed, then searched for
/// English words.
enum GermanProse {
    /// English words that must not appear in German prose (field names such as `total_energy` are
    /// fine: they are quoted or contain an underscore).
    static let englishWords = [
        "the", "and", "is", "not", "no", "signed", "value", "values", "record", "records", "meter", "key", "from",
        "with", "missing", "invalid", "expected", "found", "begin", "end", "reading", "readings", "signature", "unit",
        "clock", "empty", "none", "verified",
    ]

    private static let pattern: NSRegularExpression? = try? NSRegularExpression(
        pattern: "(?<![\\w_<-])(" + englishWords.joined(separator: "|") + ")(?![\\w_>-])",
        options: [.caseInsensitive])

    /// `text` without the parts that quote input: "…", „…“, `…`, <element> names.
    static func withoutQuotedParts(_ text: String) -> String {
        var text = text
        for quoted in ["\"[^\"]*\"", "„[^“]*“", "`[^`]*`", "<[^<> ]*>"] {
            text = text.replacingOccurrences(of: quoted, with: "…", options: .regularExpression)
        }
        return text
    }

    /// The first English word in `text` once quoted parts and `meterData` are removed; `nil` when
    /// there is none.
    static func englishWord(in text: String, meterData: Set<String> = []) -> String? {
        var text = withoutQuotedParts(text)
        // Longest first, so that a value holding another is removed whole.
        // Whole tokens only: data inside a German word (a nature `Start` in `Startregister`) stays.
        for data in meterData.sorted(by: { $0.count > $1.count }) where data.count > 1 {
            let token = "(?<![\\w])" + NSRegularExpression.escapedPattern(for: data) + "(?![\\w])"
            text = text.replacingOccurrences(of: token, with: "…", options: .regularExpression)
        }
        guard let pattern else { return "(pattern does not compile)" }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.firstMatch(in: text, range: range).flatMap { Range($0.range, in: text) }.map {
            String(text[$0]) + " in: " + text
        }
    }

    /// Every string in a report that is meter or CDR data as written (times, values, units,
    /// registers, identities, field values as written), escaped as the writers escape them.
    static func meterData(_ report: Report) -> Set<String> {
        var data: Set<String> = []
        func add(_ text: String?) {
            guard let text, !text.isEmpty else { return }
            data.insert(text)
            data.insert(TextSafety.escaped(text))
        }
        func add(_ reading: ReadingReport) {
            [reading.time, reading.value, reading.unit, reading.register, reading.status, reading.typeCode].forEach(
                add)
        }
        add(report.encodingMethod)
        for value in report.values {
            add(value.nature)
            add(value.pagination)
            if let meter = value.meter {
                [meter.serial, meter.gatewaySerial, meter.vendor, meter.model, meter.firmware].forEach(add)
            }
            if let identification = value.identification {
                [identification.type, identification.data, identification.level].forEach(add)
            }
            add(value.chargePoint?.id)
            add(value.chargePoint?.type)
            value.readings.forEach(add)
            for attribute in value.attributes {
                if case .text(let text) = attribute.value { add(text) }
                if case .field(let name) = attribute.label { add(name) }
            }
        }
        if let session = report.session {
            add(session.meter)
            add(session.register)
            add(session.begin)
            add(session.end)
        }
        if let cdr = report.cdr { [cdr.meterId, cdr.tokenUID, cdr.evseId].forEach(add) }
        return data
    }

    /// The English words found in a report's German text and JSON, one line per finding.
    static func findings(_ report: Report) -> [String] {
        var report = report
        report.id = "ID"  // the caller's id (a file name) is input, not prose
        let data = meterData(report)
        var found: [String] = []
        for line in TextRenderer(language: .de).render(report).split(separator: "\n") {
            if let word = englishWord(in: String(line), meterData: data) { found.append("text: \(word)") }
        }
        let json = String(decoding: ReportJSONWriter(language: .de).encode(report), as: UTF8.self)
        guard let parsed = try? JSONParser.parse(json) else { return found + ["JSON does not parse"] }
        for prose in jsonProse(parsed) {
            if let word = englishWord(in: prose, meterData: data) { found.append("json: \(word)") }
        }
        return found
    }

    /// The prose members of a report's JSON: `message`, `signature_reason`, `error`, `deviations`,
    /// `problems`, attribute labels and values.
    static func jsonProse(_ json: JSONValue) -> [String] {
        switch json {
        case .object(let members):
            return members.flatMap { member -> [String] in
                switch (member.key, member.value) {
                case ("message", .string(let text)), ("signature_reason", .string(let text)),
                    ("error", .string(let text)), ("label", .string(let text)), ("value", .string(let text)):
                    return [text]
                case ("deviations", .array(let items)), ("problems", .array(let items)):
                    return items.compactMap(\.stringValue)
                default:
                    return jsonProse(member.value)
                }
            }
        case .array(let items): return items.flatMap(jsonProse)
        default: return []
        }
    }

    /// The English words in the German lines for an input that cannot be read.
    static func findings(_ error: InputError) -> [String] {
        let text = TextRenderer(language: .de).renderUnreadable(id: "ID", error: error)
        let json = String(
            decoding: ReportJSONWriter(language: .de).encodeUnreadable(id: "ID", error: error), as: UTF8.self)
        return [text, json, error.text(.de)].compactMap { englishWord(in: $0) }
    }

    /// The findings for one input, verified with `options`.
    static func findings(_ bytes: [UInt8], options: VerificationOptions = VerificationOptions()) -> [String] {
        do {
            return try Verifier(options: options).verify(document: bytes).flatMap(findings)
        } catch {
            return findings(error)
        }
    }
}

@Suite("German output holds no English")
struct GermanOutputTests {
    /// Every file under `Vectors/` and `Examples/`.
    static var bundledFiles: [URL] {
        var files: [URL] = []
        for folder in [Paths.vectors, Paths.repository.appendingPathComponent("Examples")] {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = walker?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test("the check finds an English word outside quotes and meter data, and none inside")
    func checkCanFail() {
        #expect(GermanProse.englishWord(in: "Wert 1 (Anfang): the signature is missing") != nil)
        #expect(GermanProse.englishWord(in: "Zählerstand „the end“ als `signed_values`") == nil)
        #expect(GermanProse.englishWord(in: "Zähler NO-KEY-1", meterData: ["NO-KEY-1"]) == nil)
        #expect(GermanProse.englishWord(in: "Prüfsumme: 0x12 (verified)") != nil)
        #expect(GermanProse.englishWord(in: "<value> 2: <signedData> ist leer") == nil)
    }

    @Test("German text and JSON of every bundled vector hold no English word")
    func bundledVectors() throws {
        let files = Self.bundledFiles
        #expect(files.count > 800)
        var findings: [String] = []
        for url in files {
            let bytes = try Paths.bytes(url)
            findings += GermanProse.findings(bytes).map { "\(url.lastPathComponent): \($0)" }
        }
        #expect(
            findings.count == 0,
            "\(findings.count) findings:\n\(Set(findings).sorted().prefix(40).joined(separator: "\n"))")
    }

    @Test(
        "German text and JSON of the 395 conformance units hold no English word", .enabled(if: Paths.sharedExists))
    func conformanceUnits() throws {
        let units = ConformanceUnit.load(Paths.shared)
        #expect(units.count == 395)
        var findings: [String] = []
        for unit in units {
            var options = VerificationOptions()
            if let key = unit.key {
                let text = String(decoding: try Paths.bytes(unit.root.appendingPathComponent(key)), as: UTF8.self)
                options.trustedKeys = TrustedKeys([
                    .init(key: KeyInput(text: text.trimmingCharacters(in: .whitespacesAndNewlines)))
                ])
            }
            let bytes = try Paths.bytes(unit.root.appendingPathComponent(unit.input))
            findings += GermanProse.findings(bytes, options: options).map { "\(unit.id): \($0)" }
        }
        #expect(
            findings.count == 0,
            "\(findings.count) findings:\n\(Set(findings).sorted().prefix(40).joined(separator: "\n"))")
    }
}
