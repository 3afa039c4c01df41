import Foundation
import Testing

/// Receipts in a real browser: runs `Scripts/receipt_browser_test.py`, which renders the receipts of
/// the examples and of one CDR per meter format in headless Chromium, in German and English, and
/// checks the rendered DOM, the network log, a screenshot and a PDF. Runs where Chromium is
/// installed (CI installs it) and the `eichrecht` executable is built.
@Suite("Receipt in a browser")
struct ReceiptBrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil && CLITests.executable != nil), .timeLimit(.minutes(10)))
    func receiptsRenderInChromium() throws {
        guard let executable = CLITests.executable else { return }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "receipts-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Paths.repository.appendingPathComponent("Scripts/receipt_browser_test.py").path,
            "--binary", executable.path, "--out", output.path,
        ]
        process.currentDirectoryURL = Paths.repository
        // The script's output goes to a file: a pipe read while Chromium runs can be interrupted.
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let logURL = output.appendingPathComponent("browser-test.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let logFile = try FileHandle(forWritingTo: logURL)
        process.standardOutput = logFile
        process.standardError = logFile
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try logFile.close()
        let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""

        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("20 receipts rendered"), "\(log)")
    }
}
