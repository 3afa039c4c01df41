import Hummingbird
import Logging

/// Counts every request (by route and status), keeps the in-flight gauge, and logs one line per
/// answer: method, path, status and time, never a header (so never a token) and never a body.
struct RequestAccounting<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    /// The routes as metric labels; anything else is `other`, so clients cannot grow the label set.
    static func route(_ path: String) -> String {
        switch path {
        case "/v1/verify", "/health", "/metrics": path
        default: "other"
        }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let inFlight = InFlight(metrics: metrics)
        let route = RequestAccounting.route(request.uri.path)
        let status: Int
        do {
            var response = try await next(request, context)
            status = response.status.code
            metrics.answered(route: route, status: status)
            log(request, context: context, status: status, since: started)
            // In flight until the body is written (a verification streams after the handler
            // returned), or dropped unwritten.
            let body = response.body
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                defer { withExtendedLifetime(inFlight) {} }
                try await body.write(writer)
            }
            return response
        } catch {
            status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.answered(route: route, status: status)
            log(request, context: context, status: status, since: started)
            throw error
        }
    }

    /// One request in the in-flight gauge, for as long as this object lives.
    final class InFlight: Sendable {
        let metrics: ServiceMetrics
        init(metrics: ServiceMetrics) {
            self.metrics = metrics
            metrics.requestStarted()
        }
        deinit { metrics.requestEnded() }
    }

    private func log(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        context.logger.info(
            "\(request.method) \(RequestAccounting.route(request.uri.path)) \(status)",
            metadata: ["duration": "\(ContinuousClock.now - started)"])
    }
}
