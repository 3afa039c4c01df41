import Foundation
import Synchronization

/// The time limit ran out before the work was done.
struct DeadlineExceeded: Error {}

/// The time limits of the requests in work, watched by one task that looks at them every `tick`.
///
/// Not a `Task.sleep(until:)` per request: on Linux a cancelled sleep keeps its task and timer (a
/// few hundred bytes) until the time it was set for. With a 60-second limit and three sleeps a
/// request, a service answering 600 requests a second kept about 100,000 of them, some 60 MB, and
/// a heap fragmented around them (measured with heaptrack and glibc's `malloc_stats`). Here a
/// request holds one dictionary entry, removed when it ends, and nothing ticks while no request is
/// in work.
final class Deadlines: Sendable {
    private struct Entry {
        let instant: ContinuousClock.Instant
        let action: @Sendable () -> Void
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var nextID: UInt64 = 0
        var watching = false
    }

    private let state = Mutex(State())
    /// How late an action may run after its instant.
    let tick: Duration

    init(tick: Duration = .milliseconds(100)) {
        self.tick = tick
    }

    /// Runs `action` once `instant` has passed (within a tick), unless the alarm is cancelled first.
    func schedule(at instant: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) -> Alarm {
        let (id, startWatching) = state.withLock { state -> (UInt64, Bool) in
            state.nextID &+= 1
            state.entries[state.nextID] = Entry(instant: instant, action: action)
            defer { state.watching = true }
            return (state.nextID, !state.watching)
        }
        if startWatching { Task { await watch() } }
        return Alarm(id: id, deadlines: self)
    }

    /// One scheduled action; `cancel()` when the work ended in time.
    struct Alarm: Sendable {
        fileprivate let id: UInt64
        fileprivate let deadlines: Deadlines

        func cancel() {
            _ = deadlines.state.withLock { $0.entries.removeValue(forKey: id) }
        }
    }

    /// Runs the actions that are due, a tick at a time, until none is left to watch.
    private func watch() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (due, done) = state.withLock { state -> ([@Sendable () -> Void], Bool) in
                var due: [@Sendable () -> Void] = []
                for (id, entry) in state.entries where entry.instant <= now {
                    due.append(entry.action)
                    state.entries[id] = nil
                }
                if state.entries.isEmpty { state.watching = false }
                return (due, state.entries.isEmpty)
            }
            for action in due { action() }
            if done { return }
        }
    }
}

/// `operation`'s result, or `DeadlineExceeded` when `deadline` comes first (the operation is then
/// cancelled, and must end soon).
func withDeadline<Value: Sendable>(
    _ deadline: ContinuousClock.Instant, watchedBy deadlines: Deadlines,
    _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let expired = TimeLimitFlag()
    let work = Task { try await operation() }
    let alarm = deadlines.schedule(at: deadline) {
        expired.set()
        work.cancel()
    }
    defer { alarm.cancel() }
    let result = await withTaskCancellationHandler {
        await work.result
    } onCancel: {
        work.cancel()
    }
    if case .failure = result, expired.isSet { throw DeadlineExceeded() }
    return try result.get()
}

/// `operation`'s result, or `nil` when `deadline` comes first (the operation is then cancelled and
/// must return soon).
func withDeadlineOrNil<Value: Sendable>(
    _ deadline: ContinuousClock.Instant, watchedBy deadlines: Deadlines,
    _ operation: @escaping @Sendable () async -> Value?
) async -> Value? {
    let work = Task { await operation() }
    let alarm = deadlines.schedule(at: deadline) { work.cancel() }
    defer { alarm.cancel() }
    return await withTaskCancellationHandler {
        await work.value
    } onCancel: {
        work.cancel()
    }
}

/// Set once a time limit ran out.
final class TimeLimitFlag: Sendable {
    private let value = Mutex(false)

    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
