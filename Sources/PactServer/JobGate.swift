import Foundation
import Hummingbird

/// How many engine jobs (runs, bargaining, the case scores) compute at once, and how many may
/// wait for a turn.
///
/// Each job holds a core (a run spreads its draws over every core) for up to the run time
/// limit, so without a cap a handful of clients could start hundreds of jobs and starve every
/// other request. A job beyond the running slots waits in a first-come queue; a job beyond the
/// queue is refused at once with 429 and `Retry-After`, so a client learns to come back rather
/// than holding a connection open. A waiting request that is cancelled (its client went away)
/// leaves the queue without ever running.
final class JobGate: @unchecked Sendable {
    /// Jobs computing at once.
    let slots: Int
    /// Jobs that may wait for a slot.
    let queueLength: Int
    /// Seconds a refused client is told to wait.
    let retryAfterSeconds: Int

    private let lock = NSLock()
    private var running = 0
    private var nextTicket: UInt64 = 0
    /// Waiting jobs in arrival order, each resumed when a slot is handed to it.
    private var waiting: [(ticket: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []

    init(slots: Int, queueLength: Int, retryAfterSeconds: Int = 2) {
        precondition(slots >= 1 && queueLength >= 0)
        self.slots = slots
        self.queueLength = queueLength
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The jobs computing and waiting now, for tests and logs.
    var load: (running: Int, waiting: Int) { lock.withLock { (running, waiting.count) } }

    /// Runs `work` once a slot is free; throws 429 when the queue is full too.
    func admit<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        try await enter()
        defer { leave() }
        return try await work()
    }

    private enum Admission { case now, queued, refused, cancelled }

    private func enter() async throws {
        let ticket: UInt64 = lock.withLock {
            nextTicket += 1
            return nextTicket
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let admission: Admission = lock.withLock {
                    // Checked under the lock: a cancellation after this finds the ticket queued.
                    if Task.isCancelled { return .cancelled }
                    if running < slots {
                        running += 1
                        return .now
                    }
                    if waiting.count < queueLength {
                        waiting.append((ticket, continuation))
                        return .queued
                    }
                    return .refused
                }
                switch admission {
                case .now: continuation.resume()
                case .queued: break
                case .cancelled: continuation.resume(throwing: Self.cancelled)
                case .refused:
                    continuation.resume(throwing: APIError(
                        .tooManyRequests,
                        "the server is busy: \(slots) engine job\(slots == 1 ? "" : "s") running and \(queueLength) waiting, "
                            + "the most it takes; try again in \(retryAfterSeconds) s",
                        retryAfter: retryAfterSeconds))
                }
            }
        } onCancel: {
            // Still waiting: leave the queue. Already handed a slot: the job runs and stops itself.
            let continuation: CheckedContinuation<Void, any Error>? = lock.withLock {
                guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
                return waiting.remove(at: index).continuation
            }
            continuation?.resume(throwing: Self.cancelled)
        }
    }

    static let cancelled = APIError(.serviceUnavailable, "the request was cancelled while it waited for a turn")

    /// Hands the slot to the first waiting job, or frees it.
    private func leave() {
        let next: CheckedContinuation<Void, any Error>? = lock.withLock {
            if waiting.isEmpty {
                running -= 1
                return nil
            }
            return waiting.removeFirst().continuation
        }
        next?.resume()
    }
}
