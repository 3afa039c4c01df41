// Shared by every fuzz harness (compiled into each binary by Scripts/fuzz.sh): the paths a document
// takes through the library, each one run, so a crash anywhere on them is found.

/// Verifies `bytes` as a whole input document and runs every writer on every report (JSON and text,
/// German and English), then exports the units read as S.A.F.E. XML and verifies that export again.
func exerciseDocument(_ bytes: [UInt8]) {
    if let reports = try? Verifier().verify(document: bytes) {
        for report in reports {
            for language in Language.allCases {
                _ = ReportJSONWriter(language: language).encode(report)
                _ = TextRenderer(language: language).render(report)
            }
        }
    }
    let reader = InputReader(source: BufferSource(bytes))
    var units: [SAFEXMLWriter.Unit] = []
    while units.count < 64, let unit = try? reader.next() {
        switch unit.content {
        case .cdr(let cdr):
            if let signedData = cdr.signedData {
                units.append(SAFEXMLWriter.Unit(label: unit.label, signedData: signedData))
            }
        case .signedData(let signedData):
            units.append(SAFEXMLWriter.Unit(label: unit.label, signedData: signedData))
        }
    }
    if !units.isEmpty {
        let xml = SAFEXMLWriter().document(units)
        _ = try? Verifier().verify(document: xml)
    }
}
