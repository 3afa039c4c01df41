import CoreMetrics
import Eichrecht
import Metrics
import Prometheus

/// The service's metrics, kept in a Prometheus registry of this server's own (not the process-wide
/// `MetricsSystem`, so tests can run several servers in one process) and written by `/metrics`:
///
/// - `eichrecht_http_requests_total{route, status}`: answered requests;
/// - `eichrecht_http_requests_in_flight`: requests being answered now;
/// - `eichrecht_units_total{verdict}`: CDRs and other units reported, by verdict
///   (`verified`, `mismatch`, `unverifiable`, `invalid`, and `unreadable` for unreadable records);
/// - `eichrecht_verification_duration_seconds`: a histogram of the time one `/v1/verify` request
///   spends verifying, from the body read to its last line written.
public struct ServiceMetrics: Sendable {
    /// The registry `/metrics` writes.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let inFlight: CoreMetrics.Meter
    private let verification: CoreMetrics.Timer
    private let units: [String: CoreMetrics.Counter]

    /// The verdict label of unreadable records.
    static let unreadableLabel = "unreadable"

    /// Metrics in `registry` (a new one by default).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["eichrecht_verification_duration_seconds"] = [
            .microseconds(250), .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
        ]
        self.factory = factory
        inFlight = CoreMetrics.Meter(label: "eichrecht_http_requests_in_flight", factory: factory)
        verification = CoreMetrics.Timer(label: "eichrecht_verification_duration_seconds", factory: factory)
        var units: [String: CoreMetrics.Counter] = [:]
        for label in Verdict.allCases.map(\.rawValue) + [ServiceMetrics.unreadableLabel] {
            units[label] = CoreMetrics.Counter(
                label: "eichrecht_units_total", dimensions: [("verdict", label)], factory: factory)
        }
        self.units = units
        inFlight.set(0)
    }

    /// A request started (`+1`) or was answered (`-1`).
    func requestStarted() { inFlight.increment() }
    func requestEnded() { inFlight.decrement() }

    /// An answered request, by route (one of the service's, or `other`) and status code.
    func answered(route: String, status: Int) {
        CoreMetrics.Counter(
            label: "eichrecht_http_requests_total", dimensions: [("route", route), ("status", String(status))],
            factory: factory
        ).increment()
    }

    /// One unit reported with `verdict` (`nil`: an unreadable record).
    func reported(_ verdict: Verdict?) {
        units[verdict?.rawValue ?? ServiceMetrics.unreadableLabel]?.increment()
    }

    /// The time one request spent verifying.
    func verified(in duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return }
        verification.recordNanoseconds(nanoseconds.partialValue + attoseconds / 1_000_000_000)
    }

    /// The Prometheus text of every metric.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
