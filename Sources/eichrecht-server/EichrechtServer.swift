import ArgumentParser
import Eichrecht
import EichrechtArguments
import EichrechtService
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `eichrecht-server`: the verification service for backends that cannot link Swift. It answers
/// `POST /v1/verify` with the same report lines as `eichrecht verify --format json`, and ends
/// gracefully on SIGTERM or SIGINT: requests in flight finish, then the process exits 0.
struct EichrechtServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eichrecht-server",
        abstract: "Serve Eichrecht verification over HTTP: POST /v1/verify, GET /health, GET /metrics.",
        discussion: """
            The body of POST /v1/verify is anything `eichrecht verify` reads (a CDR, an array, an \
            OCPI envelope, NDJSON, SignedData, S.A.F.E. XML, OCPP signed meter values, a raw record). \
            The answer is its --format json report as NDJSON, or a JSON array with \
            Accept: application/json. Units without an id are named body#N. \
            Query options: energy_tolerance, time_tolerance, lang, meter_timezone.
            """,
        version: EichrechtVersion.text
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("A file of access tokens, one a line; /v1 then needs one.", valueName: "file"))
    var tokens: String?

    @OptionGroup
    var trusted: TrustedKeyOptionGroup

    @Option(name: .customLong("max-body-size"), help: ArgumentHelp("The largest request body.", valueName: "bytes"))
    var maximumBodySize = 16 << 20

    @Option(
        name: .customLong("request-timeout"),
        help: ArgumentHelp("The time one request may take, in seconds.", valueName: "seconds"))
    var requestTimeout = 60

    @Option(
        name: .customLong("max-concurrent-requests"),
        help: ArgumentHelp("Verification requests worked on at once; more wait.", valueName: "n"))
    var maximumConcurrentRequests = max(2, ProcessInfo.processInfo.activeProcessorCount * 4)

    @Option(
        help: ArgumentHelp(
            "Threads that verify the units of every request, shared by all (default: the active cores).",
            valueName: "n"))
    var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1…256") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard maximumBodySize >= 1 else { throw ValidationError("--max-body-size must be at least 1") }
        guard requestTimeout >= 1 else { throw ValidationError("--request-timeout must be at least 1") }
        guard maximumConcurrentRequests >= 1 else {
            throw ValidationError("--max-concurrent-requests must be at least 1")
        }
    }

    func run() async throws {
        var configuration = ServiceConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maximumBodySize = maximumBodySize
        configuration.requestTimeLimit = .seconds(requestTimeout)
        configuration.maximumConcurrentRequests = maximumConcurrentRequests
        configuration.verificationThreads = threads
        configuration.jobsPerRequest = threads
        configuration.verification.trustedKeys = try trusted.trustedKeys(program: "eichrecht-server")
        if let tokens {
            guard let data = FileManager.default.contents(atPath: tokens) else {
                FileHandle.standardError.write(Data("eichrecht-server: --tokens \(tokens): cannot be read\n".utf8))
                throw ExitCode(2)
            }
            configuration.tokens = AccessTokens(file: [UInt8](data))
            guard configuration.tokens.isEnabled else {
                FileHandle.standardError.write(Data("eichrecht-server: --tokens \(tokens): holds no token\n".utf8))
                throw ExitCode(2)
            }
        }

        var logger = Logger(label: "eichrecht-server")
        logger.logLevel = .info
        let host = configuration.host
        let app = VerificationService.application(configuration: configuration, logger: logger) { port in
            // One line a supervisor (or a test) can wait for.
            FileHandle.standardOutput.write(
                Data("eichrecht-server listening on \(host):\(port.map(String.init) ?? "?")\n".utf8))
        }
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await services.run()
    }
}
