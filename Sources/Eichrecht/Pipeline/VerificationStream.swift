import Foundation

/// The units of one input verified on several threads and handed back in input order.
///
/// One thread reads the input (`InputReader`: record boundaries, JSON, unit assembly); `jobs` worker
/// threads verify each unit and apply `transform` to the outcome (the CLI renders its output line
/// there); the consumer takes the results in input order, blocking with `next()` or with
/// `for await`. A result is handed out as soon as it and every earlier one are done, so a CDR written
/// alone to a pipe is answered while the pipe stays open.
///
/// At most `window` records are in flight (read but not yet taken by the consumer): memory stays
/// flat however long the input is, and a slow consumer slows the reader down. The results do not
/// depend on `jobs`: one worker and many give the same sequence.
///
/// On shared `VerificationWorkers` no thread is started: the stream's records are read and verified
/// on the workers' threads, in turn with other streams' (a service's requests).
///
/// Take the results from one place at a time (one loop, one task): each result is handed out once.
/// Dropping the stream (or `cancel()`) stops the workers; a reader blocked on an input that sends
/// nothing more ends with its next read.
public final class VerificationStream<Element: Sendable>: Sendable {
    private let pipeline: OrderedPipeline<Element>

    /// The most worker threads one stream starts, however many are asked for: beyond the cores
    /// they only cost memory, and thousands could exhaust the process's threads.
    public static var maximumJobs: Int { 256 }

    /// Starts reading `reader` and verifying its units.
    ///
    /// - Parameters:
    ///   - name: names the input in the ids of units without one (`stdin` gives `stdin#3`).
    ///   - jobs: worker threads (at least one, at most `maximumJobs`); by default one per active core.
    ///   - window: the most records in flight; by default 16 per job, at least 32.
    ///   - transform: turns each outcome into the element handed out; runs on the workers.
    public init(
        reader: sending InputReader, name: String, verifier: Verifier = Verifier(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int? = nil,
        transform: @escaping @Sendable (StreamOutcome) -> Element
    ) {
        let jobs = Swift.min(Swift.max(1, jobs), VerificationStream.maximumJobs)
        pipeline = OrderedPipeline(
            reader: reader, name: name, verifier: verifier, jobs: jobs,
            window: Swift.max(1, window ?? Swift.max(32, jobs * 16)), workers: nil,
            transform: transform)
        pipeline.start()
    }

    /// Starts reading `reader` and verifying its units on shared `workers`, without threads of its
    /// own. `reader` must not block (bytes in memory, a file): it is read on the workers' threads.
    ///
    /// - Parameters:
    ///   - jobs: the most of this stream's records verified at once; by default all the workers.
    ///   - window: the most records in flight; by default 16 per job, at least 32.
    public init(
        reader: sending InputReader, name: String, verifier: Verifier = Verifier(), workers: VerificationWorkers,
        jobs: Int? = nil, window: Int? = nil, transform: @escaping @Sendable (StreamOutcome) -> Element
    ) {
        let jobs = Swift.min(Swift.max(1, jobs ?? workers.threadCount), VerificationStream.maximumJobs)
        pipeline = OrderedPipeline(
            reader: reader, name: name, verifier: verifier, jobs: jobs,
            window: Swift.max(1, window ?? Swift.max(32, jobs * 16)), workers: workers,
            transform: transform)
        pipeline.start()
    }

    deinit { pipeline.cancel() }

    /// The next result in input order, waiting until it is done; `nil` after the last.
    public func next() -> Element? {
        while true {
            switch pipeline.poll(waking: .thread(pipeline.consumerWake)) {
            case .ready(let element): return element
            case .finished: return nil
            case .pending: pipeline.consumerWake.wait()
            }
        }
    }

    /// The next result if it is done, without waiting.
    public func poll() -> VerificationStreamPoll<Element> {
        pipeline.poll(waking: nil)
    }

    /// Stops reading and verifying; `next()` then returns `nil`.
    public func cancel() { pipeline.cancel() }
}

extension VerificationStream where Element == StreamOutcome {
    /// Starts reading `reader` and verifying its units; the elements are the outcomes as they are.
    public convenience init(
        reader: sending InputReader, name: String, verifier: Verifier = Verifier(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int? = nil
    ) {
        self.init(reader: reader, name: name, verifier: verifier, jobs: jobs, window: window) { $0 }
    }
}

extension VerificationStream: Sequence, IteratorProtocol {}

extension VerificationStream: AsyncSequence {
    /// Takes the results in input order without blocking a thread while one is pending.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let stream: VerificationStream

        public mutating func next() async -> Element? {
            let pipeline = stream.pipeline
            while true {
                switch pipeline.poll(waking: nil) {
                case .ready(let element): return element
                case .finished: return nil
                case .pending: break
                }
                await withTaskCancellationHandler {
                    await withCheckedContinuation { continuation in
                        if !pipeline.register(.task(continuation)) { continuation.resume() }
                    }
                } onCancel: {
                    pipeline.cancel()
                }
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(stream: self) }
}

/// Whether the next result of a `VerificationStream` is done.
public enum VerificationStreamPoll<Element: Sendable>: Sendable {
    /// The next result, taken from the stream.
    case ready(Element)
    /// The next result is still being read or verified.
    case pending
    /// Every result has been taken (or the stream was cancelled).
    case finished
}
