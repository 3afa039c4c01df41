import Eichrecht
import Foundation
import Hummingbird

/// The query options of `POST /v1/verify`, read with the same rules as the CLI's flags:
/// `energy_tolerance` (kWh, plain decimal), `time_tolerance` (whole seconds), `lang` (`en`, `de`),
/// `meter_timezone` (an IANA name). Anything else, or a value that does not read, is a 400: a
/// misspelt option silently ignored would verify with settings the client did not ask for.
struct VerifyQuery: Sendable {
    var options: VerificationOptions
    var language: Language = .en

    /// The names the service knows.
    static let names = ["energy_tolerance", "time_tolerance", "lang", "meter_timezone"]

    /// The options of the query `parameters`, on top of the server's `defaults` (its trusted keys among them).
    init(_ parameters: [(name: String, value: String)], defaults: VerificationOptions) throws(ProblemDetails) {
        options = defaults
        var seen: Set<String> = []
        for (name, value) in parameters {
            guard VerifyQuery.names.contains(name) else {
                throw ProblemDetails(
                    .badRequest,
                    detail: "unknown query option \(VerifyQuery.shown(name)); known: "
                        + VerifyQuery.names.joined(separator: ", "))
            }
            guard seen.insert(name).inserted else {
                throw ProblemDetails(.badRequest, detail: "the query option \(name) is given twice")
            }
            switch name {
            case "energy_tolerance":
                guard let kWh = VerificationOptions.energyTolerance(text: value) else {
                    throw Self.invalid(name, value, "a non-negative decimal number of kWh such as 0.01")
                }
                options.energyTolerance = kWh
            case "time_tolerance":
                guard let seconds = VerificationOptions.timeTolerance(text: value) else {
                    throw Self.invalid(name, value, "a non-negative whole number of seconds")
                }
                options.timeTolerance = seconds
            case "lang":
                guard let language = Language(rawValue: value) else { throw Self.invalid(name, value, "en or de") }
                self.language = language
            default:
                guard let zone = VerificationOptions.meterTimeZone(text: value) else {
                    throw Self.invalid(name, value, "an IANA time zone name such as Europe/Berlin")
                }
                options.meterTimeZone = zone
            }
        }
    }

    private static func invalid(_ name: String, _ value: String, _ expected: String) -> ProblemDetails {
        ProblemDetails(.badRequest, detail: "the query option \(name)=\(shown(value)) is not \(expected)")
    }

    /// A client's text as one short quoted line.
    static func shown(_ text: String) -> String {
        let flat = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        return flat.count > 48 ? "\"\(flat.prefix(45))…\"" : "\"\(flat)\""
    }
}
