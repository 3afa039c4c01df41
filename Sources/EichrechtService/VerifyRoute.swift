import Eichrecht
import Foundation
import Hummingbird
import NIOHTTP1

/// `POST /v1/verify`: the body is anything `eichrecht verify` reads; the answer is the CLI's
/// `--format json` report, one line per unit in input order, each written as soon as it and every
/// line before it are done (`application/x-ndjson`), or the same objects as one JSON array
/// (`Accept: application/json`).
///
/// Units without an id of their own are named `body#N`, as the CLI names them `FILE#N`.
struct VerifyRoute: Sendable {
    let configuration: ServiceConfiguration
    let metrics: ServiceMetrics
    let limit: ConcurrencyLimit
    /// The threads every request's units are verified on.
    let workers: VerificationWorkers
    /// The requests' time limits.
    let deadlines: Deadlines

    /// The input name in the ids of units without one: `body#1`, `body#2`, …
    static let inputName = "body"

    static let ndjson = "application/x-ndjson"
    static let json = "application/json"

    func respond(_ request: Request, context: some RequestContext) async throws -> Response {
        let query = try VerifyQuery(
            request.uri.queryParameters.map { (String($0.key), String($0.value)) },
            defaults: configuration.verification)
        let arrayAnswer = VerifyRoute.wantsArray(request.headers[.accept])
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }),
            declared > configuration.maximumBodySize
        {
            throw tooLarge
        }
        let deadline = ContinuousClock.now + configuration.requestTimeLimit
        let incoming = request.body
        let body: ByteBuffer
        do {
            body = try await withDeadline(deadline, watchedBy: deadlines) { [configuration] in
                try await incoming.collect(upTo: configuration.maximumBodySize)
            }
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        } catch let error as HTTPParserError {
            throw ProblemDetails(bodyNotReceived: error)
        } catch is DeadlineExceeded {
            throw ProblemDetails(.requestTimeout, detail: "the body did not arrive within the request's time limit")
        }
        guard let permit = await withDeadlineOrNil(deadline, watchedBy: deadlines, { await limit.acquire() }) else {
            throw ProblemDetails(
                .serviceUnavailable, detail: "the service is busy; try again shortly", headers: [.retryAfter: "1"])
        }

        let started = ContinuousClock.now
        let renderer = OutcomeRenderer(format: .json, language: query.language)
        let name = VerifyRoute.inputName
        let stream = VerificationStream(
            reader: InputReader(source: BufferSource(Array(body.readableBytesView))), name: name,
            verifier: Verifier(options: query.options), workers: workers, jobs: configuration.jobsPerRequest
        ) { renderer.render($0, input: name) }
        let timedOut = TimeLimitFlag()
        let timer = deadlines.schedule(at: deadline) {
            timedOut.set()
            stream.cancel()
        }

        // The first lines decide the status: a body that cannot be read at all, or that holds
        // nothing but one unreadable record, is a 400 naming the position.
        var iterator = stream.makeAsyncIterator()
        var head: [RenderedOutcome] = []
        let first = await iterator.next()
        if first == nil, timedOut.isSet {
            throw ProblemDetails(
                .serviceUnavailable, detail: "the request's time limit ran out", headers: [.retryAfter: "1"])
        }
        if let first { head.append(first) }
        if case .inputFailed(_, let error) = first?.kind {
            timer.cancel()
            throw ProblemDetails(unreadable: error)
        }
        if let first, case .unreadable = first.kind {
            let second = await iterator.next()
            let unreadableRecord: InputError? =
                switch first.kind {
                case .unreadable(_, let error): error
                default: nil
                }
            switch second?.kind {
            case .none, .inputFailed:
                if !timedOut.isSet, let unreadableRecord {
                    timer.cancel()
                    throw ProblemDetails(unreadable: unreadableRecord)
                }
            case .some:
                break
            }
            if let second { head.append(second) }
        }

        let firstLines = head
        let framing = arrayAnswer ? Framing.array : Framing.lines
        let metrics = self.metrics
        let timeLimit = configuration.requestTimeLimit
        let answer = ResponseBody { writer in
            defer {
                timer.cancel()
                stream.cancel()
                metrics.verified(in: ContinuousClock.now - started)
                withExtendedLifetime(permit) {}
            }
            var writes = LineWriter(framing: framing)
            for outcome in firstLines { writes.add(outcome, metrics: metrics) }
            var lines = stream.makeAsyncIterator()
            while true {
                var next = stream.poll()
                if case .pending = next {
                    // Everything done so far goes out before waiting for the next line.
                    if !writes.pending.isEmpty { try await writer.write(ByteBuffer(bytes: writes.take())) }
                    next = await lines.next().map { .ready($0) } ?? .finished
                }
                guard case .ready(let outcome) = next else { break }
                writes.add(outcome, metrics: metrics)
                if writes.pending.count >= 64 << 10 { try await writer.write(ByteBuffer(bytes: writes.take())) }
            }
            if timedOut.isSet { writes.addTimeLimit(renderer: renderer, name: name, limit: timeLimit) }
            writes.finish()
            try await writer.write(ByteBuffer(bytes: writes.take()))
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: arrayAnswer ? VerifyRoute.json : VerifyRoute.ndjson], body: answer)
    }

    private var tooLarge: ProblemDetails {
        ProblemDetails(
            .contentTooLarge,
            detail: "the body is larger than the service's limit of \(configuration.maximumBodySize) bytes")
    }

    /// Whether the client asks for one JSON array: `Accept` names `application/json` and not
    /// `application/x-ndjson`. Anything else (none, `*/*`, NDJSON) gets NDJSON.
    static func wantsArray(_ accept: String?) -> Bool {
        guard let accept else { return false }
        let types = accept.split(separator: ",").map {
            $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
        return types.contains(json) && !types.contains(ndjson)
    }
}

/// NDJSON lines or the members of one JSON array.
enum Framing: Sendable {
    case lines
    case array
}

/// Collects the answer's bytes: the lines as the CLI writes them, or the same objects (without
/// their line ends) as members of one array.
struct LineWriter {
    let framing: Framing
    private(set) var pending: [UInt8] = []
    private var members = 0
    private var failed = false

    init(framing: Framing) {
        self.framing = framing
        if framing == .array { pending = [UInt8(ascii: "[")] }
    }

    /// Adds the line of one outcome. The input failing after readable units (a JSON array cut
    /// short) ends the answer with an unreadable line named after the input (`body`): the lines
    /// before it stand, as in the CLI.
    mutating func add(_ outcome: RenderedOutcome, metrics: ServiceMetrics) {
        guard !failed else { return }
        switch outcome.kind {
        case .report(let verdict):
            metrics.reported(verdict)
            append(outcome.bytes)
        case .unreadable:
            metrics.reported(nil)
            append(outcome.bytes)
        case .inputFailed(_, let error):
            failed = true
            metrics.reported(nil)
            append(
                OutcomeRenderer(format: .json, language: .en).unreadableLine(id: VerifyRoute.inputName, error: error))
        }
    }

    /// Ends the answer with a line saying the time limit ran out.
    mutating func addTimeLimit(renderer: OutcomeRenderer, name: String, limit: Duration) {
        guard !failed else { return }
        failed = true
        append(
            renderer.unreadableLine(
                id: name, error: InputError(.timeLimitExceeded(seconds: Int(limit.components.seconds)))))
    }

    private mutating func append(_ line: [UInt8]) {
        switch framing {
        case .lines:
            pending += line
        case .array:
            if members > 0 { pending += [UInt8(ascii: ","), 0x0A] }
            pending += line.last == 0x0A ? line.dropLast() : line[...]
        }
        members += 1
    }

    /// Closes the array.
    mutating func finish() {
        if framing == .array { pending += [UInt8(ascii: "]"), 0x0A] }
    }

    /// The collected bytes, now written.
    mutating func take() -> [UInt8] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }
}
