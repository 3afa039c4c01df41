import Foundation

/// At most `limit` verification requests at once; the others wait in arrival order without holding
/// a thread. This bounds the memory of bodies and answers in work however many clients connect.
final class ConcurrencyLimit: @unchecked Sendable {
    // `@unchecked`: every stored property is guarded by `lock`.
    private let lock = NSLock()
    private let limit: Int
    private var active = 0
    private var waiting: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID: UInt64 = 0

    init(limit: Int) { self.limit = max(1, limit) }

    /// A place, once one is free; `nil` when the task is cancelled first (the caller's time limit).
    /// The place is given back when the returned `Permit` goes away.
    func acquire() async -> Permit? {
        let id: UInt64 = lock.withLock {
            nextID &+= 1
            return nextID
        }
        let granted = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                lock.lock()
                if Task.isCancelled {
                    lock.unlock()
                    continuation.resume(returning: false)
                } else if active < limit {
                    active += 1
                    lock.unlock()
                    continuation.resume(returning: true)
                } else {
                    waiting.append((id, continuation))
                    lock.unlock()
                }
            }
        } onCancel: {
            let removed: CheckedContinuation<Bool, Never>? = lock.withLock {
                guard let index = waiting.firstIndex(where: { $0.id == id }) else { return nil }
                return waiting.remove(at: index).continuation
            }
            removed?.resume(returning: false)
        }
        return granted ? Permit(limit: self) : nil
    }

    /// Gives a place back: to the longest waiting request, or free.
    fileprivate func release() {
        let next: CheckedContinuation<Bool, Never>? = lock.withLock {
            if waiting.isEmpty {
                active -= 1
                return nil
            }
            return waiting.removeFirst().continuation
        }
        next?.resume(returning: true)
    }

    /// Requests working now.
    var activeCount: Int { lock.withLock { active } }

    /// One place of a `ConcurrencyLimit`, given back when the last reference goes: also when a
    /// response body is dropped without being written (the client went away).
    final class Permit: Sendable {
        private let limit: ConcurrencyLimit
        fileprivate init(limit: ConcurrencyLimit) { self.limit = limit }
        deinit { limit.release() }
    }
}
