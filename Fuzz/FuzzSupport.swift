// Shared by every fuzz harness (compiled into each binary by Scripts/fuzz.sh): the input handed over
// by the C entry point, and the paths a document takes through the library, each one run, so a crash
// anywhere on them is found.

import Synchronization

/// The current fuzz input. Fuzz/FuzzEntry.c (libFuzzer's `LLVMFuzzerTestOneInput`) passes it byte by
/// byte through the three functions below, so no Swift code reads through a C pointer.
let fuzzInput = Mutex<[UInt8]>([])

@_cdecl("eichrecht_fuzz_begin")
func fuzzBegin(_ size: Int) {
    fuzzInput.withLock {
        $0.removeAll(keepingCapacity: true)
        $0.reserveCapacity(max(0, size))
    }
}

@_cdecl("eichrecht_fuzz_append")
func fuzzAppend(_ byte: UInt8) {
    fuzzInput.withLock { $0.append(byte) }
}

/// Runs the harness's `fuzzOne` on the collected input.
@_cdecl("eichrecht_fuzz_run")
func fuzzRun() -> CInt {
    fuzzOne(fuzzInput.withLock { $0 })
}

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
    let verifier = Verifier()
    var units: [SAFEXMLWriter.Unit] = []
    var read = 0
    while read < 64, let unit = try? reader.next() {
        read += 1
        // The writer takes the values as verification decoded them, as `eichrecht export` does.
        if let exported = SAFEXMLWriter.Unit(label: unit.label, verified: verifier.verifyKeepingDecodedValues(unit)) {
            units.append(exported)
        }
    }
    if !units.isEmpty {
        let xml = SAFEXMLWriter().document(units)
        _ = try? Verifier().verify(document: xml)
    }
}
