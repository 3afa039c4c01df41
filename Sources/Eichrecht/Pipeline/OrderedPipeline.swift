import Foundation
import Synchronization

/// The work and shared state behind a `VerificationStream`: a reader, `jobs` workers, and two
/// rings of `window` slots indexed by record number (the records read, the results done).
///
/// Every record holds a slot from the moment it is read until the consumer takes its result, so
/// reading pauses when `window` records are in flight, and record `n` always finds its slots free.
///
/// The reader and workers are threads of the pipeline's own, or steps on shared
/// `VerificationWorkers`: each step reads or verifies one record and queues the next steps behind
/// other streams' (at most `jobs` of this stream's at once).
final class OrderedPipeline<Element: Sendable>: Sendable {
    /// A record read from the input, waiting for a worker.
    enum Work: Sendable {
        case unit(VerificationUnit)
        case unreadable(InputError)
        case failed(InputError)
    }

    /// What one step on shared workers does.
    enum StepAction {
        case verify(Int, Work)
        case read
        case none
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
        /// On shared workers: a step is reading, and steps queued or running.
        var reading = false
        var steps = 0

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
    /// The shared workers the steps run on; `nil` with threads of the pipeline's own.
    private let workers: VerificationWorkers?
    /// One signal per record read, and one per worker when the input ends or the stream is cancelled.
    private let workReady = DispatchSemaphore(value: 0)
    private let slotsFree: DispatchSemaphore
    /// Wakes a consumer blocked in `VerificationStream.next()`.
    let consumerWake = DispatchSemaphore(value: 0)

    init(
        reader: sending InputReader, name: String, verifier: Verifier, jobs: Int, window: Int,
        workers: VerificationWorkers?, transform: @escaping @Sendable (StreamOutcome) -> Element
    ) {
        self.reader = Mutex(reader)
        self.name = name
        self.verifier = verifier
        self.transform = transform
        self.jobs = jobs
        self.window = window
        self.workers = workers
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
        if workers != nil { return schedule() }
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
            guard !state.cancelled else { return .finished }
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
        if case .ready = poll {
            if workers != nil { schedule() } else { slotsFree.signal() }
        }
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
        if workers == nil {
            slotsFree.signal()
            for _ in 0..<jobs { workReady.signal() }
        }
        waiter?.resume()
    }

    // MARK: Steps on shared workers

    /// Queues as many steps as there is work for (records read and not taken, and one reader while
    /// a slot is free), up to `jobs` of this stream's queued or running at once.
    private func schedule() {
        guard let workers else { return }
        let more = state.withLock { state -> Int in
            guard !state.cancelled else { return 0 }
            let wanted = Swift.min(jobs, (state.read - state.taken) + (canRead(state) ? 1 : 0))
            let more = Swift.max(0, wanted - state.steps)
            state.steps += more
            return more
        }
        for _ in 0..<more { workers.submit { [self] in step() } }
    }

    private func canRead(_ state: State) -> Bool {
        !state.cancelled && !state.inputDone && !state.reading && state.read - state.delivered < window
    }

    /// One record's work: verifies the next record read, or else reads one; then queues what is next.
    private func step() {
        let action = state.withLock { state -> StepAction in
            guard !state.cancelled else { return .none }
            if state.taken < state.read, let work = state.work[state.taken % window] {
                state.work[state.taken % window] = nil
                state.taken += 1
                return .verify(state.taken - 1, work)
            }
            guard canRead(state) else { return .none }
            state.reading = true
            return .read
        }
        switch action {
        case .verify(let sequence, let work): publish(transform(outcome(of: work)), sequence: sequence)
        case .read: readOne()
        case .none: break
        }
        state.withLock { $0.steps -= 1 }
        schedule()
    }

    /// Reads one record into its slot; the end of the input (or a failed read) ends reading.
    private func readOne() {
        let work = read()
        let waiter = state.withLock { state -> Waiter? in
            state.reading = false
            if let work {
                state.work[state.read % window] = work
                state.read += 1
                if case .failed = work { state.inputDone = true }
            } else {
                state.inputDone = true
            }
            guard state.inputDone, state.delivered == state.read else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    // MARK: Threads of the pipeline's own

    private func readAll() {
        while true {
            slotsFree.wait()
            if state.withLock({ $0.cancelled }) { break }
            guard let work = read() else { break }
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
            publish(transform(outcome(of: work)), sequence: sequence)
        }
    }

    // MARK: Both

    /// The next record of the input; `nil` at its end.
    private func read() -> Work? {
        reader.withLock { reader -> Work? in
            do throws(InputError) {
                return try reader.next().map(Work.unit)
            } catch {
                return error.skippedRecord == nil ? .failed(error) : .unreadable(error)
            }
        }
    }

    /// Puts a record's result in its slot and wakes the consumer when it waits for that one.
    private func publish(_ element: Element, sequence: Int) {
        let waiter = state.withLock { state -> Waiter? in
            state.results[sequence % window] = element
            guard sequence == state.delivered else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
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
