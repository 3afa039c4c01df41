import Foundation
import Testing

@testable import Eichrecht

/// The driver's receipt: every verdict has its sentence in both languages, input is escaped, the
/// HTML requests nothing, numbers and times follow each language.
@Suite("Receipt")
struct ReceiptTests {
    static func receipt(_ path: String) throws -> Receipt {
        let bytes = try Paths.bytes(Paths.repository.appendingPathComponent(path))
        let json = try JSONParser.parse(bytes)
        return Verifier().receipt(cdr: try CDR(json: json))
    }

    @Test func everyPhraseHasBothLanguages() {
        for phrase in ReceiptPhrase.all {
            #expect(!phrase.english.isEmpty, "\(phrase)")
            #expect(!phrase.german.isEmpty, "\(phrase)")
        }
        for verdict in Verdict.allCases {
            for language in [Language.en, .de] {
                let sentence = ReceiptPhrase.verdictSentence(verdict).text(language)
                let advice = ReceiptPhrase.verdictAdvice(verdict).text(language)
                #expect(sentence.hasSuffix("."), "\(verdict) \(language)")
                #expect(!advice.isEmpty)
                #expect(sentence != ReceiptPhrase.verdictSentence(verdict).text(language == .en ? .de : .en))
            }
        }
        #expect(
            ReceiptPhrase.verdictSentence(.verified).german
                == "Die vom Zähler signierten Messwerte sind echt und stimmen mit Ihrer Abrechnung überein.")
        // Four different sentences per language.
        #expect(Set(Verdict.allCases.map { ReceiptPhrase.verdictSentence($0).german }).count == 4)
        #expect(Set(Verdict.allCases.map { ReceiptPhrase.verdictSentence($0).english }).count == 4)
    }

    @Test(arguments: [
        ("Examples/cdr-ocmf.json", Verdict.verified), ("Examples/cdr-energy-mismatch.json", .mismatch),
        ("Examples/cdr-tampered.json", .invalid),
        ("Vectors/generated-alfen/cdrs/alfen-unverifiable-missing-end.json", .unverifiable),
    ])
    func receiptStatesItsVerdict(path: String, verdict: Verdict) throws {
        let receipt = try Self.receipt(path)
        #expect(receipt.report.verdict == verdict)
        for language in [Language.en, .de] {
            let renderer = ReceiptRenderer(language: language)
            let sentence = ReceiptPhrase.verdictSentence(verdict).text(language)
            #expect(renderer.html(receipt).contains(HTMLText.escaped(sentence)))
            #expect(renderer.text(receipt).contains(sentence))
            #expect(renderer.html(receipt).contains("<html lang=\"\(language.rawValue)\">"))
        }
    }

    @Test func germanAndEnglishConventions() throws {
        let receipt = try Self.receipt("Examples/cdr-ocmf.json")
        let german = ReceiptRenderer(language: .de).html(receipt)
        let english = ReceiptRenderer(language: .en).html(receipt)
        #expect(german.contains("28,542 kWh"))
        #expect(german.contains("02.03.2026, 15:42 Uhr"))
        #expect(german.contains("13,99 EUR"))
        #expect(german.contains("DE*ACM*E0001*1"))
        #expect(english.contains("28.542 kWh"))
        #expect(english.contains("2 Mar 2026, 3:42 pm"))
        #expect(english.contains("13.99 EUR"))
        #expect(english.contains("2834.528 kWh"))
        // Another zone moves the local time, not the instant.
        let london = ReceiptRenderer(language: .en, timeZone: TimeZone(identifier: "Europe/London") ?? .current)
        #expect(london.html(receipt).contains("2 Mar 2026, 2:42 pm"))
    }

    @Test func localTimes() {
        let zone = ReceiptRenderer.berlin
        // 2026-07-01T00:05:00Z: summer time, 02:05 in Berlin.
        let summer: Int64 = 1_782_864_300_000
        #expect(Wording.german.localTime(epochMilliseconds: summer, in: zone) == "01.07.2026, 02:05 Uhr")
        #expect(Wording.english.localTime(epochMilliseconds: summer, in: zone) == "1 Jul 2026, 2:05 am")
        // Noon and midnight in the 12-hour clock.
        let noonUTC: Int64 = 1_767_268_800_000  // 2026-01-01T12:00:00Z
        #expect(
            Wording.english.localTime(epochMilliseconds: noonUTC, in: TimeZone(secondsFromGMT: 0) ?? zone)
                == "1 Jan 2026, 12:00 pm")
        #expect(
            Wording.english.localTime(epochMilliseconds: noonUTC - 43_200_000, in: TimeZone(secondsFromGMT: 0) ?? zone)
                == "1 Jan 2026, 12:00 am")
        // Far outside any calendar a person reads: no trap, the UTC form.
        #expect(!Wording.german.localTime(epochMilliseconds: .max, in: zone).isEmpty)
        #expect(!Wording.english.localTime(epochMilliseconds: .min, in: zone).isEmpty)
    }

    @Test func noRequestsAndNoScript() throws {
        let receipt = try Self.receipt("Examples/cdr-ocmf.json")
        for language in [Language.en, .de] {
            let html = ReceiptRenderer(language: language).html(receipt)
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("@import") && !html.contains("@font-face") && !html.contains("url("))
            #expect(html.contains("default-src 'none'; style-src 'sha256-"))
            // The only web address is the transparency link from signed_data.url.
            let addresses = html.ranges(of: "://").map {
                html[..<$0.lowerBound].suffix(8) + html[$0.lowerBound...].prefix(36)
            }
            #expect(
                addresses.allSatisfy {
                    $0.hasSuffix("https://transparenz.example.com/check")
                        || $0.contains("https://transparenz.example.com/check")
                }, "\(addresses)")
            #expect(addresses.count == 2, "the link and its text")
            #expect(html.contains("href=\"data:application/xml;base64,"))
            #expect(
                html.contains("<details>") && html.contains("<th scope=\"row\">") && html.contains("<th scope=\"col\">")
            )
        }
    }

    @Test func inputIsEscaped() throws {
        var cdr = CDR(
            id: "<script>alert(1)</script>", totalEnergy: DecimalText("1.5"), evseId: "DE*\"X\"*<b>",
            signedData: SignedData(
                publicKey: "<img src=x onerror=alert(1)>",
                signedValues: [SignedValue(nature: "Start", signedData: "OCMF|<i>&amp;</i>")],
                url: "javascript:alert(1)"))
        cdr.location = CDR.Location(
            evseId: "DE*\"X\"*<b>", name: "Bar & <Grill>", address: "a'b", postalCode: nil, city: "\u{1B}[2J",
            country: nil)
        let receipt = Verifier().receipt(cdr: cdr)
        for language in [Language.en, .de] {
            let html = ReceiptRenderer(language: language).html(receipt)
            #expect(!html.contains("<script>alert"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<img src=x"))
            #expect(!html.contains("<i>&amp;</i>"))
            #expect(html.contains("Bar &amp; &lt;Grill&gt;"))
            #expect(html.contains("DE*&quot;X&quot;*&lt;b&gt;"))
            #expect(!html.contains("href=\"javascript:"))
            #expect(!html.contains("\u{1B}"))
            let text = ReceiptRenderer(language: language).text(receipt)
            #expect(!text.contains("\u{1B}"))
        }
    }

    @Test func reportCarriesChargePointAndBilling() throws {
        let report = try Self.receipt("Examples/cdr-ocmf.json").report
        #expect(report.session?.chargePoint?.id == "DE*ACM*E0001*1")
        #expect(report.session?.chargePoint?.isSigned == true)
        #expect(report.values.first?.chargePoint?.type == "EVSEID")
        #expect(report.cdr?.evseId == "DE*ACM*E0001*1")
        #expect(report.cdr?.location?.city == "Berlin")
        #expect(report.cdr?.totalCostIncludingVAT == "13.99")
        #expect(report.cdr?.currency == "EUR")
        let json = String(decoding: ReportJSONWriter().encode(report), as: UTF8.self)
        #expect(json.contains("\"charge_point\":{\"type\":\"EVSEID\",\"id\":\"DE*ACM*E0001*1\",\"signed\":true}"))
        #expect(json.contains("\"evse_id\":\"DE*ACM*E0001*1\""))
        #expect(json.contains("\"total_cost_incl_vat\":\"13.99\""))
    }
}
