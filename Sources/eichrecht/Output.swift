import Eichrecht
import Foundation

/// Standard output could not be written (a closed pipe, a full disk).
struct OutputError: Error, Sendable, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write the output: \(reason)" }
}

/// Standard output and one-line messages on standard error.
enum Output {
    /// Writes `bytes` to standard output; throws instead of trapping when that fails.
    static func write(_ bytes: [UInt8]) throws(OutputError) {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            throw OutputError(reason: reason(error as NSError))
        }
    }

    /// The system's words for a failed write (`Broken pipe`, `No space left on device`), which
    /// Foundation wraps in a generic file error.
    private static func reason(_ error: NSError) -> String {
        var current: NSError? = error
        while let e = current {
            if e.domain == NSPOSIXErrorDomain, let text = strerror(Int32(e.code)) { return String(cString: text) }
            current = e.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return error.localizedDescription
    }

    /// One line on standard error, prefixed `eichrecht: `, control characters escaped.
    static func error(_ message: String) {
        progress("eichrecht: \(TextSafety.escaped(message))\n")
    }

    /// Text on standard error as it is (the progress line and its control sequences).
    static func progress(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Array(text.utf8))
    }
}
