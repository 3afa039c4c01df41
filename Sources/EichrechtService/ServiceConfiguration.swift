import Eichrecht
import Foundation

/// Everything one `eichrecht-server` process is started with. The service keeps no other state:
/// replicas started with the same configuration answer every request alike.
public struct ServiceConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1` by default: only this machine).
    public var host: String = "127.0.0.1"
    /// The port to listen on; 0 picks a free one (the tests use that).
    public var port: Int = 8080
    /// The tokens that may call `/v1`; none means no token is asked for.
    public var tokens: AccessTokens = AccessTokens()
    /// Trusted keys and the defaults that a request's query options override.
    public var verification: VerificationOptions = VerificationOptions()
    /// The largest request body read; a larger one is answered 413.
    public var maximumBodySize: Int = 16 << 20
    /// How long one request may take, from its first byte to its last line; then the answer ends
    /// (503 before it started, a closing error line after).
    public var requestTimeLimit: Duration = .seconds(60)
    /// Verification requests worked on at once; more wait (within their time limit) for a place.
    public var maximumConcurrentRequests: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 4)
    /// The threads that verify every request's units, started once and shared by all requests
    /// in turn: by default one per active core.
    public var verificationThreads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// The most of one request's units verified at once (a large batch uses every thread when it
    /// is alone).
    public var jobsPerRequest: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The defaults: 127.0.0.1:8080, no tokens, no trusted keys, 16 MiB bodies, 60 s per request.
    public init() {}
}
