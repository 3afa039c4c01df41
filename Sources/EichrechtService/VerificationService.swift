import Eichrecht
import Hummingbird
import Logging

/// The HTTP routes of `eichrecht-server`, built into a Hummingbird application:
///
/// - `POST /v1/verify`: verification reports of the body (see `VerifyRoute`), behind the access
///   tokens when there are any;
/// - `GET /health`: liveness, `{"status":"ok"}`;
/// - `GET /metrics`: Prometheus text (see `ServiceMetrics`).
///
/// The service holds no state between requests but its metrics: any number of replicas can stand
/// behind one load balancer.
public enum VerificationService {
    /// The router of the service's routes.
    public static func router(
        configuration: ServiceConfiguration, metrics: ServiceMetrics
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestAccounting(metrics: metrics))
        router.get("health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(bytes: JSONValue.object([("status", .string("ok"))]).compactText + [0x0A])))
        }
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        let verify = VerifyRoute(
            configuration: configuration, metrics: metrics,
            limit: ConcurrencyLimit(limit: configuration.maximumConcurrentRequests),
            workers: VerificationWorkers(threads: configuration.verificationThreads), deadlines: Deadlines())
        router.group("v1")
            .add(middleware: TokenAuthentication(tokens: configuration.tokens))
            .post("verify") { request, context in try await verify.respond(request, context: context) }
        return router
    }

    /// The application serving the routes on `configuration.host` and `.port`. Run it with
    /// `runService()` or as one service of a `ServiceGroup`; `onServerRunning` learns the bound
    /// port (useful with port 0).
    public static func application(
        configuration: ServiceConfiguration, metrics: ServiceMetrics = ServiceMetrics(),
        logger: Logger = Logger(label: "eichrecht-server"),
        onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(configuration: configuration, metrics: metrics),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "eichrecht-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
            logger: logger)
    }
}
