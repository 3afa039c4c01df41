import Foundation
import Synchronization

/// The threads and shared state behind a `VerificationStream`: a reader, `jobs` workers, and two
/// rings of `window` slots indexed by record number (the records read, the results done).
///
/// Every record holds a slot from the moment it is read until the consumer takes its result, so
/// the reader waits (on `slotsFree`) when `window` records are in flight, and record `n` always
/// finds its slots free.
final class OrderedPipeline<Element: Sendable>: Sendable {
    /// A record read from the input, waiting for a worker.
    enum Work: Sendable {
        case unit(VerificationUnit)
        case unreadable(InputError)
        case failed(InputError)
    }

    /// The consumer, waiting for the next result in order.
    enum Waiter: Sendable {
        case thread(DispatchSemaphore)
        case task(CheckedContinuation<Void, Never>)

        func resume() {
            switch self {
            case .thread(let semaphore): semaphore.signal()
            case .task(let continuation): continuation.resume()
            }
        }
    }

    private struct State {
        var work: [Work?]
        var results: [Element?]
        /// Records read, records handed to a worker, results handed to the consumer.
        var read = 0
        var taken = 0
        var delivered = 0
        var inputDone = false
        var cancelled = false
        var waiter: Waiter?

        var finished: Bool { cancelled || (inputDone && delivered == read) }
    }

    private let state: Mutex<State>
    /// Only the reader thread uses it; the lock hands it over to that thread.
    private let reader: Mutex<InputReader>
    private let name: String
    private let verifier: Verifier
    private let transform: @Sendable (StreamOutcome) -> Element
    private let jobs: Int
    private let window: Int
    /// One signal per record read, and one per worker when the input ends or the stream is cancelled.
    private let workReady = DispatchSemaphore(value: 0)
    private let slotsFree: DispatchSemaphore
    /// Wakes a consumer blocked in `VerificationStream.next()`.
    let consumerWake = DispatchSemaphore(value: 0)

    init(
        reader: sending InputReader, name: String, verifier: Verifier, jobs: Int, window: Int,
        transform: @escaping @Sendable (StreamOutcome) -> Element
    ) {
        self.reader = Mutex(reader)
        self.name = name
        self.verifier = verifier
        self.transform = transform
        self.jobs = jobs
        self.window = window
        // Made at 0 and signalled `window` times, not made at `window`: libdispatch traps when a
        // semaphore is released below the value it was made with, which is where a stream
        // cancelled mid-way (a client that went away) leaves this one.
        self.slotsFree = DispatchSemaphore(value: 0)
        for _ in 0..<window { slotsFree.signal() }
        self.state = Mutex(
            State(work: Array(repeating: nil, count: window), results: Array(repeating: nil, count: window)))
    }

    /// Starts the reader and the workers. Each holds the pipeline until it ends.
    func start() {
        // Threads of their own: the reader blocks on input, which must not hold a shared pool's
        // thread; 4 MiB of stack is room for the deepest input the decoders accept.
        let reading = Thread { [self] in readAll() }
        reading.stackSize = 4 << 20
        reading.start()
        for _ in 0..<jobs {
            let worker = Thread { [self] in work() }
            worker.stackSize = 4 << 20
            worker.start()
        }
    }

    /// The next result in order, if done. While it is pending, `waker` (if any) is woken once when
    /// it is done or the stream finishes.
    func poll(waking waker: Waiter?) -> VerificationStreamPoll<Element> {
        let poll = state.withLock { state -> VerificationStreamPoll<Element> in
            let slot = state.delivered % window
            if let element = state.results[slot] {
                state.results[slot] = nil
                state.delivered += 1
                return .ready(element)
            }
            if state.finished { return .finished }
            if let waker { state.waiter = waker }
            return .pending
        }
        if case .ready = poll { slotsFree.signal() }
        return poll
    }

    /// Registers `waiter` to be woken when the next result is done; `false` (and nothing
    /// registered) when it is done already or the stream has finished.
    func register(_ waiter: Waiter) -> Bool {
        state.withLock { state in
            guard state.results[state.delivered % window] == nil, !state.finished else { return false }
            state.waiter = waiter
            return true
        }
    }

    /// Stops reading and verifying and wakes everyone waiting.
    func cancel() {
        let waiter = state.withLock { state -> Waiter? in
            state.cancelled = true
            defer { state.waiter = nil }
            return state.waiter
        }
        slotsFree.signal()
        for _ in 0..<jobs { workReady.signal() }
        waiter?.resume()
    }

    // MARK: Threads

    private func readAll() {
        while true {
            slotsFree.wait()
            if state.withLock({ $0.cancelled }) { break }
            let work = reader.withLock { reader -> Work? in
                do throws(InputError) {
                    return try reader.next().map(Work.unit)
                } catch {
                    return error.skippedRecord == nil ? .failed(error) : .unreadable(error)
                }
            }
            guard let work else { break }
            state.withLock { state in
                state.work[state.read % window] = work
                state.read += 1
            }
            workReady.signal()
            if case .failed = work { break }
        }
        let waiter = state.withLock { state -> Waiter? in
            state.inputDone = true
            guard state.delivered == state.read else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        for _ in 0..<jobs { workReady.signal() }
        waiter?.resume()
    }

    private func work() {
        while true {
            workReady.wait()
            let next = state.withLock { state -> (Int, Work)? in
                guard !state.cancelled, state.taken < state.read, let work = state.work[state.taken % window] else {
                    return nil
                }
                state.work[state.taken % window] = nil
                state.taken += 1
                return (state.taken - 1, work)
            }
            guard let (sequence, work) = next else {
                if state.withLock({ $0.cancelled || ($0.inputDone && $0.taken == $0.read) }) { return }
                continue
            }
            let element = transform(outcome(of: work))
            let waiter = state.withLock { state -> Waiter? in
                state.results[sequence % window] = element
                guard sequence == state.delivered else { return nil }
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }

    private func outcome(of work: Work) -> StreamOutcome {
        switch work {
        case .unit(let unit):
            var report = verifier.verify(unit)
            if report.id == nil || report.id == unit.label { report.id = name + unit.label }
            return .report(report)
        case .unreadable(let error):
            return .unreadable(id: name + (error.skippedRecord ?? ""), error: error)
        case .failed(let error):
            return .inputFailed(error)
        }
    }
}
