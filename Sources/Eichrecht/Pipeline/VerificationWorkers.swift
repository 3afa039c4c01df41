import Foundation
import Synchronization

/// A fixed set of long-lived threads that verify the units of many `VerificationStream`s at once.
///
/// A stream on its own starts a reader and its workers as threads of their own, which suits one
/// long input (the CLI). A service answering hundreds of small requests a second shares one set
/// instead: no thread is started per request, the threads (and the per-thread OpenSSL state and
/// malloc arenas they hold) stay the same for the life of the process, and memory stays flat.
///
/// The threads take one record at a time from a first-in, first-out queue, and a stream queues its
/// next record behind everyone else's: concurrent streams share the threads in turn, so a
/// single-CDR request is not held up behind a whole large batch.
///
/// Only inputs that never block (bytes in memory, a file) may be read on these threads.
public final class VerificationWorkers: Sendable {
    private let queue: JobQueue

    /// The threads verifying at once.
    public let threadCount: Int

    /// Starts `threads` worker threads (at least one, at most `VerificationStream.maximumJobs`); by
    /// default one per active core.
    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        threadCount = Swift.min(Swift.max(1, threads), 256)
        queue = JobQueue()
        for _ in 0..<threadCount {
            // 4 MiB of stack is room for the deepest input the decoders accept.
            let thread = Thread { [queue] in queue.run() }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// Stops the threads once they have run what is queued.
    deinit {
        queue.stop(threads: threadCount)
    }

    /// Runs `job` on one of the threads, after every job queued before it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        queue.push(job)
    }
}

/// The jobs waiting for a thread, first in first out; the threads hold it, not the
/// `VerificationWorkers` that owns them, so that dropping the owner stops them.
private final class JobQueue: Sendable {
    private struct State {
        var jobs: [(@Sendable () -> Void)?] = []
        var head = 0
        var stopping = false
    }

    private let state = Mutex(State())
    /// One signal per job queued, and one per thread when stopping.
    private let ready = DispatchSemaphore(value: 0)

    func push(_ job: @escaping @Sendable () -> Void) {
        state.withLock { $0.jobs.append(job) }
        ready.signal()
    }

    func stop(threads: Int) {
        state.withLock { $0.stopping = true }
        for _ in 0..<threads { ready.signal() }
    }

    /// What a woken thread does next.
    private enum Next {
        case run(@Sendable () -> Void)
        case wait
        case stop
    }

    /// A thread's loop: each job in turn until stopped and nothing is left.
    func run() {
        while true {
            ready.wait()
            let next = state.withLock { state -> Next in
                guard state.head < state.jobs.count, let job = state.jobs[state.head] else {
                    return state.stopping ? .stop : .wait
                }
                state.jobs[state.head] = nil
                state.head += 1
                // Drop the taken front now and then, so that the array does not grow for ever.
                if state.head >= 1024, state.head * 2 >= state.jobs.count {
                    state.jobs.removeFirst(state.head)
                    state.head = 0
                }
                return .run(job)
            }
            switch next {
            case .run(let job): job()
            case .wait: continue
            case .stop: return
            }
        }
    }
}
