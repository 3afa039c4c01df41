import Testing

@testable import Eichrecht

@Suite("XML reader")
struct XMLReaderTests {
    @Test func readsDocuments() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- exported -->
            <ns:values xmlns:ns="urn:x">
              <value transactionId="1" context='Transaction.Begin'>
                <signedData format="OCMF" encoding="plain">OCMF|{"a":"&lt;b&gt;"}|{}</signedData>
                <publicKey><![CDATA[3059 3013]]></publicKey>
                <empty/>
              </value>
            </ns:values>
            """
        let root = try XMLReader.parse(Array(xml.utf8))
        #expect(root.localName == "values")
        let value = try #require(root.child("value"))
        #expect(value.attribute("transactionid") == "1")
        #expect(value.attribute("context") == "Transaction.Begin")
        #expect(value.child("signedData")?.text == #"OCMF|{"a":"<b>"}|{}"#)
        #expect(value.child("publicKey")?.trimmedText == "3059 3013")
        #expect(value.child("empty")?.children.isEmpty == true)
        #expect(XMLReader.rootName(Array(xml.utf8)) == "ns:values")
        #expect(XMLReader.looksLikeXML(Array(xml.utf8)))
        #expect(!XMLReader.looksLikeXML(Array("OCMF|{}".utf8)))
    }

    @Test(
        "malformed XML names the position",
        arguments: [
            ("<a><b></a>", 1, 10),
            ("<a x=1/>", 1, 6),
            ("<a>&bogus;</a>", 1, 4),
            ("<a></a><b/>", 1, 8),
            ("<a>", 1, 1),
            ("", 1, 1),
            ("<a x='1' x='2'/>", 1, 15),
            ("<!DOCTYPE a [<!ENTITY x SYSTEM 'http://example.com'>]><a>&x;</a>", 1, 58),
        ])
    func errors(_ xml: String, _ line: Int, _ column: Int) {
        do {
            _ = try XMLReader.parse(Array(xml.utf8))
            Issue.record("parsed \(xml)")
        } catch {
            #expect(error.line == line && error.column == column, "\(xml): \(error)")
        }
    }

    @Test func boundedDepth() {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(throws: XMLReader.Error.self) { try XMLReader.parse(Array(deep.utf8)) }
    }
}
